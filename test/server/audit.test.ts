/**
 * The audit trail end to end: calls made with the AWS SDK against a started rolegate,
 * then read back with the SDK's CloudTrail client (LookupEvents over the JSON protocol),
 * as a user points `aws cloudtrail lookup-events` at rolegate.
 */
import { CloudTrailClient, LookupEventsCommand, type Event, type LookupAttribute } from '@aws-sdk/client-cloudtrail';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeps } from '../../src/cli/environment.js';
import { createAccount } from '../../src/services/accounts.js';
import { sdkFailure, startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';
const OTHER = '222233334444';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
type Record_ = Record<string, any>;

describe('the audit trail, read with CloudTrail LookupEvents', () => {
  const masterKey = randomBytes(32).toString('hex');
  let server: Started;
  let root: Creds;
  let otherRoot: Creds;
  let alice: Creds;
  let aliceId: string;
  let session: Creds;
  let assumeRequestId: string;
  let expiration: Date;
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/deploy`;

  const cfg = (credentials: Creds) => ({ endpoint: server.url, region: 'us-east-1', credentials });
  const trail = (credentials: Creds) => new CloudTrailClient(cfg(credentials));
  const lookup = async (credentials: Creds, attribute?: LookupAttribute, more: { MaxResults?: number; NextToken?: string } = {}) =>
    trail(credentials).send(new LookupEventsCommand({ ...(attribute === undefined ? {} : { LookupAttributes: [attribute] }), ...more }));
  const record = (event: Event | undefined): Record_ => JSON.parse(event?.CloudTrailEvent ?? 'null') as Record_;
  const byRequest = async (credentials: Creds, eventName: string, requestId: string): Promise<Event[]> =>
    ((await lookup(credentials, { AttributeKey: 'EventName', AttributeValue: eventName })).Events ?? []).filter((e) => record(e)['requestID'] === requestId);

  beforeAll(async () => {
    server = await startRolegate({ ROLEGATE_MASTER_KEY: masterKey });
    root = server.root;
    const deps = await openDeps({ data: server.dataDir }, { ROLEGATE_MASTER_KEY: masterKey });
    try {
      otherRoot = await createAccount(deps, { id: OTHER });
    } finally {
      await deps.db.close();
    }
    const iam = new IAMClient(cfg(root));
    const user = await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    aliceId = user.User!.UserId!;
    const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
    await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'assume', PolicyDocument: JSON.stringify(allow) }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] }] };
    await iam.send(new CreateRoleCommand({ RoleName: 'deploy', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    // A role in the other account that trusts alice, for the cross-account record.
    await new IAMClient(cfg(otherRoot)).send(new CreateRoleCommand({ RoleName: 'audited', AssumeRolePolicyDocument: JSON.stringify({ ...trust }) }));

    const assumed = await new STSClient(cfg(alice)).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'ci-run', SourceIdentity: 'alice-laptop' }));
    assumeRequestId = assumed.$metadata.requestId!;
    expiration = assumed.Credentials!.Expiration!;
    session = { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! };
  });
  afterAll(async () => server.close());

  it('records an AssumeRole with the caller, the request and the answer, less every secret', async () => {
    const [event, ...rest] = await byRequest(root, 'AssumeRole', assumeRequestId);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ EventName: 'AssumeRole', EventSource: 'sts.amazonaws.com', ReadOnly: 'true', AccessKeyId: alice.accessKeyId, Username: 'alice' });
    expect(event?.Resources).toEqual(
      expect.arrayContaining([
        { ResourceType: 'AWS::IAM::Role', ResourceName: roleArn },
        { ResourceType: 'AWS::IAM::AccessKey', ResourceName: session.accessKeyId },
        { ResourceType: 'AWS::STS::AssumedRole', ResourceName: 'ci-run' },
      ]),
    );
    const r = record(event);
    expect(r).toMatchObject({
      eventVersion: '1.11',
      userIdentity: { type: 'IAMUser', principalId: aliceId, arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, accessKeyId: alice.accessKeyId, userName: 'alice' },
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      requestParameters: { roleArn, roleSessionName: 'ci-run', sourceIdentity: 'alice-laptop' },
      requestID: assumeRequestId,
      readOnly: true,
      resources: [{ accountId: ACCOUNT, type: 'AWS::IAM::Role', ARN: roleArn }],
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: 'Management',
    });
    expect(r['userAgent']).toMatch(/aws-sdk-js/);
    expect(r['eventID']).toBe(event?.EventId);
    expect(r['responseElements']).toEqual({
      credentials: { accessKeyId: session.accessKeyId, expiration: cloudTrailDate(expiration) },
      assumedRoleUser: { assumedRoleId: expect.stringMatching(/^AROA[A-Z0-9]+:ci-run$/), arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/ci-run` },
      sourceIdentity: 'alice-laptop',
    });
    expect(event?.CloudTrailEvent).not.toContain(session.secretAccessKey);
    expect(event?.CloudTrailEvent).not.toContain(session.sessionToken);
    expect(event?.CloudTrailEvent).not.toContain(alice.secretAccessKey);
  });

  it('records a call made with the session as the assumed role, with its session context and source identity', async () => {
    const made = await new STSClient(cfg(session)).send(new GetCallerIdentityCommand({}));
    const events = (await lookup(root, { AttributeKey: 'AccessKeyId', AttributeValue: session.accessKeyId })).Events ?? [];
    const event = events.find((e) => record(e)['requestID'] === made.$metadata.requestId);
    expect(event).toMatchObject({ EventName: 'GetCallerIdentity', Username: 'ci-run', ReadOnly: 'true' });
    const identity = record(event)['userIdentity'] as Record_;
    expect(identity).toEqual({
      type: 'AssumedRole',
      principalId: made.UserId,
      arn: made.Arn,
      accountId: ACCOUNT,
      accessKeyId: session.accessKeyId,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: made.UserId!.split(':')[0], arn: roleArn, accountId: ACCOUNT, userName: 'deploy' },
        webIdFederationData: {},
        attributes: { creationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), mfaAuthenticated: 'false' },
        sourceIdentity: 'alice-laptop',
      },
    });
    expect(record(event)['responseElements']).toBeNull();
  });

  it("records a denied call with AWS's error code and message, and no answer", async () => {
    const failure = await sdkFailure(new IAMClient(cfg(alice)).send(new CreateUserCommand({ UserName: 'mallory' })));
    expect(failure.name).toBe('AccessDenied');
    const events = (await lookup(root, { AttributeKey: 'ResourceName', AttributeValue: 'mallory' })).Events ?? [];
    expect(events).toHaveLength(1);
    expect(record(events[0])).toMatchObject({
      eventName: 'CreateUser',
      errorCode: 'AccessDenied',
      errorMessage: failure.message,
      requestParameters: { userName: 'mallory' },
      responseElements: null,
      readOnly: false,
      userIdentity: { type: 'IAMUser', userName: 'alice' },
    });
  });

  it("records a cross-account AssumeRole in both accounts, a denied one only in the caller's", async () => {
    const otherRole = `arn:aws:iam::${OTHER}:role/audited`;
    const done = await new STSClient(cfg(alice)).send(new AssumeRoleCommand({ RoleArn: otherRole, RoleSessionName: 'across' }));
    const [mine] = await byRequest(root, 'AssumeRole', done.$metadata.requestId!);
    const [theirs] = await byRequest(otherRoot, 'AssumeRole', done.$metadata.requestId!);
    const a = record(mine);
    const b = record(theirs);
    expect(a['recipientAccountId']).toBe(ACCOUNT);
    expect(b['recipientAccountId']).toBe(OTHER);
    expect(a['sharedEventID']).toEqual(expect.any(String));
    expect(b['sharedEventID']).toBe(a['sharedEventID']);
    expect(b['eventID']).not.toBe(a['eventID']);
    expect(a['userIdentity']).toMatchObject({ type: 'IAMUser', userName: 'alice' });
    // The role's account sees who called as an account and a principal id, not their key.
    expect(b['userIdentity']).toEqual({ type: 'AWSAccount', principalId: aliceId, accountId: ACCOUNT });
    expect(b['responseElements']).toEqual(a['responseElements']);

    const denied = await sdkFailure(new STSClient(cfg(alice)).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${OTHER}:role/nobody`, RoleSessionName: 'refused' })));
    expect(denied.name).toBe('AccessDenied');
    const refused = ((await lookup(root, { AttributeKey: 'ResourceName', AttributeValue: `arn:aws:iam::${OTHER}:role/nobody` })).Events ?? []).map(record);
    expect(refused).toMatchObject([{ errorCode: 'AccessDenied', recipientAccountId: ACCOUNT }]);
    expect((await lookup(otherRoot, { AttributeKey: 'ResourceName', AttributeValue: `arn:aws:iam::${OTHER}:role/nobody` })).Events).toEqual([]);
  });

  it('finds events by every lookup attribute', async () => {
    const names = async (attribute: LookupAttribute) => ((await lookup(root, attribute)).Events ?? []).map((e) => e.EventName);
    expect(await names({ AttributeKey: 'Username', AttributeValue: 'alice' })).toEqual(expect.arrayContaining(['AssumeRole', 'CreateUser']));
    expect(new Set(await names({ AttributeKey: 'Username', AttributeValue: 'alice' })).has('CreateRole')).toBe(false);
    expect(new Set(await names({ AttributeKey: 'ReadOnly', AttributeValue: 'false' }))).toEqual(new Set(['CreateUser', 'PutUserPolicy', 'CreateAccessKey', 'CreateRole']));
    expect(new Set(await names({ AttributeKey: 'EventSource', AttributeValue: 'iam.amazonaws.com' }))).toEqual(new Set(['CreateUser', 'PutUserPolicy', 'CreateAccessKey', 'CreateRole']));
    expect(await names({ AttributeKey: 'ResourceType', AttributeValue: 'AWS::STS::AssumedRole' })).toEqual(['AssumeRole', 'AssumeRole']);
    const [first] = (await lookup(root)).Events ?? [];
    expect(((await lookup(root, { AttributeKey: 'EventId', AttributeValue: first!.EventId! })).Events ?? []).map((e) => e.EventId)).toEqual([first!.EventId]);
  });

  it('pages newest first with NextToken, and refuses what CloudTrail refuses', async () => {
    const all = (await lookup(root)).Events ?? [];
    expect(all.length).toBeGreaterThan(5);
    const times = all.map((e) => e.EventTime!.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const paged: Event[] = [];
    let token: string | undefined;
    do {
      const page = await lookup(root, undefined, { MaxResults: 2, ...(token === undefined ? {} : { NextToken: token }) });
      expect((page.Events ?? []).length).toBeLessThanOrEqual(2);
      paged.push(...(page.Events ?? []));
      token = page.NextToken;
    } while (token !== undefined);
    // The pages were read after `all`, so they also hold the LookupEvents calls made since.
    expect(paged.map((e) => e.EventId).filter((id) => all.some((e) => e.EventId === id))).toEqual(all.map((e) => e.EventId));

    const first = await lookup(root, undefined, { MaxResults: 1 });
    const other = await sdkFailure(lookup(root, { AttributeKey: 'Username', AttributeValue: 'alice' }, { NextToken: first.NextToken! }));
    expect(other.name).toBe('InvalidNextTokenException');
    expect((await sdkFailure(lookup(root, undefined, { NextToken: 'not-a-token' }))).name).toBe('InvalidNextTokenException');
    expect((await sdkFailure(lookup(root, undefined, { MaxResults: 51 }))).name).toBe('InvalidMaxResultsException');
    const two = trail(root).send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'alice' }, { AttributeKey: 'EventName', AttributeValue: 'AssumeRole' }] }));
    expect((await sdkFailure(two)).name).toBe('InvalidLookupAttributesException');
    const backwards = trail(root).send(new LookupEventsCommand({ StartTime: new Date(), EndTime: new Date(Date.now() - 60_000) }));
    expect((await sdkFailure(backwards)).name).toBe('InvalidTimeRangeException');
    const window = await trail(root).send(new LookupEventsCommand({ StartTime: new Date(Date.now() + 3_600_000) }));
    expect(window.Events).toEqual([]);
  });

  it('answers the short X-Amz-Target form that older clients send', async () => {
    const client = trail(root);
    client.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers['x-amz-target'] = 'CloudTrail_20131101.LookupEvents';
        return next(args);
      },
      { step: 'build', name: 'shortTarget' },
    );
    const page = await client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateRole' }] }));
    expect(page.Events?.map((e) => e.EventName)).toEqual(['CreateRole']);
  });

  it('needs cloudtrail:LookupEvents, and shows an account only its own events', async () => {
    const refused = await sdkFailure(lookup(alice));
    expect(refused).toMatchObject({ name: 'AccessDeniedException', status: 400 });
    expect(refused.message).toContain('cloudtrail:LookupEvents');
    const theirs = (await lookup(otherRoot)).Events ?? [];
    expect(theirs.length).toBeGreaterThan(0);
    for (const e of theirs) expect(record(e)['recipientAccountId']).toBe(OTHER);
    expect(theirs.some((e) => e.EventName === 'CreateUser')).toBe(false);
  });
});

/** CloudTrail's responseElements date: "Feb 12, 2025, 11:16:48 PM", in UTC. */
function cloudTrailDate(d: Date): string {
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const time = d.toLocaleString('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit', hour12: true, timeZone: 'UTC' });
  return `${month} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${time}`;
}
