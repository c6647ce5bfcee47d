/**
 * The audit trail with the AWS CLI, as issue 7 asks: an AssumeRole made with
 * `aws sts assume-role` appears in `aws cloudtrail lookup-events --endpoint-url …`
 * against rolegate, with the caller's identity, and a call made with its credentials
 * shows the assumed role's session context.
 */
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRolegate, type Started } from '../server/harness.js';
import { awsCliSuiteTitle, cleanEnv, findAwsCli, run, type Run } from './tools.js';

const ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const cli = findAwsCli();
const title = awsCliSuiteTitle(cli, 'the audit trail with the AWS CLI');

describe.skipIf(cli === undefined)(title, () => {
  const aws = cli?.path ?? 'aws';
  let server: Started;
  let home: string;
  let alice: Creds;
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/auditor`;

  const as = (c: Creds, ...args: string[]): Promise<Run> =>
    run(aws, ['--endpoint-url', server.url, '--output', 'json', ...args], cleanEnv(home, aws, {
      AWS_ACCESS_KEY_ID: c.accessKeyId,
      AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
      ...(c.sessionToken === undefined ? {} : { AWS_SESSION_TOKEN: c.sessionToken }),
      AWS_DEFAULT_REGION: 'us-east-1',
    }));
  const json = (r: Run): Record<string, any> => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Record<string, any>;
  };
  const events = async (attribute: string): Promise<Record<string, any>[]> => {
    const out = json(await as(server.root, 'cloudtrail', 'lookup-events', '--lookup-attributes', attribute));
    return (out['Events'] as Record<string, any>[]).map((e) => ({ ...e, record: JSON.parse(e['CloudTrailEvent'] as string) as Record<string, any> }));
  };

  beforeAll(async () => {
    server = await startRolegate();
    home = mkdtempSync(join(tmpdir(), 'rolegate-awscli-audit-'));
    const iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }] };
    await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'assume', PolicyDocument: JSON.stringify(allow) }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: 'sts:AssumeRole' }] };
    await iam.send(new CreateRoleCommand({ RoleName: 'auditor', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  });
  afterAll(async () => {
    await server?.close();
    if (home !== undefined) rmSync(home, { recursive: true, force: true });
  });

  it('shows an AssumeRole made with the CLI, and the session it made, in cloudtrail lookup-events', async () => {
    const assumed = json(await as(alice, 'sts', 'assume-role', '--role-arn', roleArn, '--role-session-name', 'cli-session'));
    const c = assumed['Credentials'] as Record<string, string>;
    const session: Creds = { accessKeyId: c['AccessKeyId']!, secretAccessKey: c['SecretAccessKey']!, sessionToken: c['SessionToken']! };
    const me = json(await as(session, 'sts', 'get-caller-identity'));

    const [assume, ...more] = await events('AttributeKey=EventName,AttributeValue=AssumeRole');
    expect(more).toEqual([]);
    expect(assume).toMatchObject({ EventName: 'AssumeRole', Username: 'alice', AccessKeyId: alice.accessKeyId, ReadOnly: 'true', EventSource: 'sts.amazonaws.com' });
    expect(assume!['record']).toMatchObject({
      userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, accessKeyId: alice.accessKeyId, userName: 'alice' },
      requestParameters: { roleArn, roleSessionName: 'cli-session' },
      responseElements: { credentials: { accessKeyId: session.accessKeyId }, assumedRoleUser: { arn: me['Arn'] } },
      recipientAccountId: ACCOUNT,
    });
    expect(assume!['record']['userAgent']).toMatch(/^aws-cli\//);
    expect(assume!['CloudTrailEvent']).not.toContain(session.secretAccessKey);
    expect(assume!['CloudTrailEvent']).not.toContain(session.sessionToken);

    const [call] = await events(`AttributeKey=AccessKeyId,AttributeValue=${session.accessKeyId}`);
    expect(call).toMatchObject({ EventName: 'GetCallerIdentity', Username: 'cli-session' });
    expect(call!['record']['userIdentity']).toMatchObject({
      type: 'AssumedRole',
      principalId: me['UserId'],
      arn: me['Arn'],
      accessKeyId: session.accessKeyId,
      sessionContext: { sessionIssuer: { type: 'Role', arn: roleArn, userName: 'auditor', accountId: ACCOUNT }, attributes: { mfaAuthenticated: 'false' } },
    });
  });
});
