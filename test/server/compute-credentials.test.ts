/**
 * rolegate's own API for compute credentials (rolegate:GetInstanceCredentials,
 * rolegate:GetTaskCredentials), called over HTTP with SigV4 as `rolegate run` calls it:
 * the PassRole check with its condition keys, the service principal's trust, the
 * session it issues, AWS-style validation, and who may not call it at all.
 */
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetFederationTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRolegate, RolegateApiError, type ApiTarget } from '../../src/cli/compute/rolegate-api.js';
import { startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';
const TASK = '0123456789abcdef0123456789abcdef';
const roleArn = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:role${path}${name}`;
const trust = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

async function failure(call: Promise<unknown>): Promise<RolegateApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RolegateApiError)) throw new Error(`expected an API error, got ${String(error)}`);
  return error;
}

describe('rolegate:GetTaskCredentials and GetInstanceCredentials', () => {
  let server: Started;
  let target: ApiTarget;
  let dev: { accessKeyId: string; secretAccessKey: string };

  beforeAll(async () => {
    server = await startRolegate();
    target = { endpoint: server.url, region: 'eu-central-1' };
    const iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    await iam.send(new CreateRoleCommand({ RoleName: 'worker', Path: '/apps/', AssumeRolePolicyDocument: trust('ecs-tasks.amazonaws.com') }));
    await iam.send(new CreateUserCommand({ UserName: 'dev' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'dev' }))).AccessKey!;
    dev = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    // PassRole only for tasks of this region: iam:AssociatedResourceArn carries the task's ARN.
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'dev',
        PolicyName: 'pass',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringLike: { 'iam:AssociatedResourceArn': `arn:aws:ecs:eu-central-1:${ACCOUNT}:task/*` } } },
            { Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' },
          ],
        }),
      }),
    );
  });
  afterAll(async () => server?.close());

  it('issues a six-hour session of the role named by the task id, usable at once', async () => {
    const before = Date.now();
    const out = await callRolegate(target, dev, 'GetTaskCredentials', { RoleArn: roleArn('worker', '/apps/'), TaskId: TASK });
    const c = out['Credentials'] as Record<string, string>;
    const user = out['AssumedRoleUser'] as Record<string, string>;
    expect(user['Arn']).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/worker/${TASK}`);
    expect(user['AssumedRoleId']).toMatch(new RegExp(`^AROA[A-Z0-9]{17}:${TASK}$`));
    const seconds = (Date.parse(c['Expiration']!) - before) / 1000;
    expect(seconds).toBeGreaterThan(6 * 3600 - 60);
    expect(seconds).toBeLessThanOrEqual(6 * 3600 + 1);
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: c['AccessKeyId']!, secretAccessKey: c['SecretAccessKey']!, sessionToken: c['SessionToken']! } });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(user['Arn']);
  });

  it('is recorded as AWS records an ECS task role fetch: AssumeRole by ecs-tasks.amazonaws.com, who asked beside it', async () => {
    const out = await callRolegate(target, dev, 'GetTaskCredentials', { RoleArn: roleArn('worker', '/apps/'), TaskId: TASK });
    const issued = (out['Credentials'] as Record<string, string>)['AccessKeyId']!;
    const trail = new CloudTrailClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    const found = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: issued }] }));
    expect(found.Events).toHaveLength(1);
    const event = found.Events![0]!;
    expect(event).toMatchObject({ EventName: 'AssumeRole', EventSource: 'sts.amazonaws.com', Username: 'ecs-tasks.amazonaws.com' });
    expect(JSON.parse(event.CloudTrailEvent!)).toMatchObject({
      userIdentity: { type: 'AWSService', invokedBy: 'ecs-tasks.amazonaws.com' },
      sourceIPAddress: 'ecs-tasks.amazonaws.com',
      requestParameters: { roleArn: roleArn('worker', '/apps/'), roleSessionName: TASK },
      responseElements: { credentials: { accessKeyId: issued }, assumedRoleUser: { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/worker/${TASK}` } },
      additionalEventData: { rolegateOperation: 'GetTaskCredentials', rolegateCaller: `arn:aws:iam::${ACCOUNT}:user/dev`, rolegateSourceIPAddress: '127.0.0.1' },
      recipientAccountId: ACCOUNT,
    });
    expect(event.CloudTrailEvent).not.toContain((out['Credentials'] as Record<string, string>)['SecretAccessKey']);
  });

  it('refuses PassRole outside the policy’s condition, for a role of another account, and for a role that is not there', async () => {
    const elsewhere = await failure(callRolegate({ ...target, region: 'us-east-1' }, dev, 'GetTaskCredentials', { RoleArn: roleArn('worker', '/apps/'), TaskId: TASK }));
    expect(elsewhere.message).toBe(`AccessDenied: User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: iam:PassRole on resource: ${roleArn('worker', '/apps/')} because no identity-based policy allows the iam:PassRole action`);
    // Allowed to pass "*", still no role of another account: PassRole stays in the caller's account.
    const foreign = await failure(callRolegate(target, dev, 'GetTaskCredentials', { RoleArn: 'arn:aws:iam::111122223333:role/worker', TaskId: TASK }));
    expect(foreign.code).toBe('NoSuchEntity');
    const wrongPath = await failure(callRolegate(target, dev, 'GetTaskCredentials', { RoleArn: roleArn('worker'), TaskId: TASK }));
    expect(wrongPath.message).toBe('NoSuchEntity: The role with name worker cannot be found.');
  });

  it('validates its input as STS does', async () => {
    const badId = await failure(callRolegate(target, dev, 'GetInstanceCredentials', { InstanceProfileName: 'web', InstanceId: 'i-123' }));
    expect(badId.code).toBe('ValidationError');
    expect(badId.message).toContain("Value 'i-123' at 'instanceId' failed to satisfy constraint");
    const missing = await failure(callRolegate(target, dev, 'GetTaskCredentials', { TaskId: TASK }));
    expect(missing.code).toBe('ValidationError');
    const unknown = await failure(callRolegate(target, dev, 'RunInstances', {}));
    expect(unknown.message).toBe('InvalidAction: Could not find operation RunInstances for version 2026-12-01');
  });

  it('is not for federated users, whose policies cannot include PassRole, nor for unsigned requests', async () => {
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: dev });
    const fed = (await sts.send(new GetFederationTokenCommand({ Name: 'fed', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }))).Credentials!;
    const refused = await failure(
      callRolegate(target, { accessKeyId: fed.AccessKeyId!, secretAccessKey: fed.SecretAccessKey!, sessionToken: fed.SessionToken! }, 'GetTaskCredentials', { RoleArn: roleArn('worker', '/apps/'), TaskId: TASK }),
    );
    expect(refused.code).toBe('AccessDenied');
    const unsigned = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Action=GetTaskCredentials&Version=2026-12-01&RoleArn=${encodeURIComponent(roleArn('worker', '/apps/'))}&TaskId=${TASK}`,
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });
});
