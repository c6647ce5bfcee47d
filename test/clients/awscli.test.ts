/**
 * The seed flow of test/server/seed-flow.test.ts with the AWS CLI, as a user types it:
 * `aws --endpoint-url URL iam …` and `aws sts …`, with keys in AWS_* variables and in
 * named profiles, against a started rolegate.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRolegate, type Started } from '../server/harness.js';
import { awsCliSuiteTitle, cleanEnv, findAwsCli, run, type Run } from './tools.js';
import { SERVICE_ROLE_POLICY_ENTRIES } from '../../src/store/aws-service-role-policies.js';

/** AWS's served policies by name as ListPolicies orders them (case-insensitively), with `extra`. */
const awsPolicyNames = (...extra: string[]): string[] =>
  ['AdministratorAccess', 'IAMFullAccess', 'IAMReadOnlyAccess', 'PowerUserAccess', ...SERVICE_ROLE_POLICY_ENTRIES.map((e) => e.name), ...extra]
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));

const ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const cli = findAwsCli();

/**
 * `endpoint_url` in a profile arrived in AWS CLI 1.29.0 and 2.13.0; before that a
 * profile's role_arn is always assumed at AWS's own STS, whatever --endpoint-url says.
 */
function profileEndpoints(version: string): boolean {
  const m = /^aws-cli\/(\d+)\.(\d+)\./.exec(version);
  if (m === null) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return (major === 1 && minor >= 29) || (major === 2 && minor >= 13) || major > 2;
}

const title = awsCliSuiteTitle(cli, 'the seed flow with the AWS CLI');

describe.skipIf(cli === undefined)(title, () => {
  const aws = cli?.path ?? 'aws';
  let server: Started;
  let home: string;
  let alice: Creds;
  let session: Creds;
  let roleArn: string;
  const trust = () => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: 'sts:AssumeRole' }] });

  const keysEnv = (c: Creds): Record<string, string> => ({
    AWS_ACCESS_KEY_ID: c.accessKeyId,
    AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
    ...(c.sessionToken === undefined ? {} : { AWS_SESSION_TOKEN: c.sessionToken }),
    AWS_DEFAULT_REGION: 'us-east-1',
  });
  /** `aws --endpoint-url URL --output json ARGS` with the given keys in the environment. */
  const as = (c: Creds, ...args: string[]): Promise<Run> => run(aws, ['--endpoint-url', server.url, '--output', 'json', ...args], cleanEnv(home, aws, keysEnv(c)));
  const json = (r: Run): Record<string, any> => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Record<string, any>;
  };

  beforeAll(async () => {
    server = await startRolegate();
    home = mkdtempSync(join(tmpdir(), 'rolegate-awscli-'));
  });
  afterAll(async () => {
    await server?.close();
    if (home !== undefined) rmSync(home, { recursive: true, force: true });
  });

  it('lets the root user create a user, its access key and a role that trusts it', async () => {
    const user = json(await as(server.root, 'iam', 'create-user', '--user-name', 'alice'));
    expect(user['User']).toMatchObject({ UserName: 'alice', Arn: `arn:aws:iam::${ACCOUNT}:user/alice` });
    const key = json(await as(server.root, 'iam', 'create-access-key', '--user-name', 'alice'));
    expect(key['AccessKey']).toMatchObject({ UserName: 'alice', Status: 'Active' });
    alice = { accessKeyId: key['AccessKey'].AccessKeyId, secretAccessKey: key['AccessKey'].SecretAccessKey };
    const role = json(await as(server.root, 'iam', 'create-role', '--role-name', 'dev', '--assume-role-policy-document', JSON.stringify(trust())));
    roleArn = role['Role'].Arn;
    expect(roleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/dev`);
    // The CLI decodes the URL-encoded document IAM returns and prints it as JSON.
    expect(role['Role'].AssumeRolePolicyDocument).toEqual(trust());
    const put = await as(server.root, 'iam', 'put-role-policy', '--role-name', 'dev', '--policy-name', 'read', '--policy-document',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }] }));
    expect(put).toMatchObject({ code: 0, stdout: '' });
  });

  it('answers sts get-caller-identity for the user whose keys are in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY', async () => {
    expect(json(await as(alice, 'sts', 'get-caller-identity'))).toMatchObject({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/alice` });
  });

  it('issues role credentials to sts assume-role that act as the role with AWS_SESSION_TOKEN', async () => {
    const out = json(await as(alice, 'sts', 'assume-role', '--role-arn', roleArn, '--role-session-name', 'cli'));
    expect(out['AssumedRoleUser'].Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/dev/cli`);
    session = { accessKeyId: out['Credentials'].AccessKeyId, secretAccessKey: out['Credentials'].SecretAccessKey, sessionToken: out['Credentials'].SessionToken };
    expect(session.accessKeyId).toMatch(/^ASIA/);
    expect(json(await as(session, 'sts', 'get-caller-identity'))).toMatchObject({ Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/dev/cli` });
    expect(json(await as(session, 'iam', 'get-role', '--role-name', 'dev'))['Role']).toMatchObject({ Arn: roleArn });
  });

  it('shows AccessDenied when the role session calls an action its policy does not allow', async () => {
    const denied = await as(session, 'iam', 'create-user', '--user-name', 'mallory');
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain(
      `An error occurred (AccessDenied) when calling the CreateUser operation: User: arn:aws:sts::${ACCOUNT}:assumed-role/dev/cli is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/mallory`,
    );
  });

  it('shows AccessDenied when a user the role does not trust calls sts assume-role', async () => {
    json(await as(server.root, 'iam', 'create-user', '--user-name', 'bob'));
    const key = json(await as(server.root, 'iam', 'create-access-key', '--user-name', 'bob'))['AccessKey'];
    const denied = await as({ accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }, 'sts', 'assume-role', '--role-arn', roleArn, '--role-session-name', 'bob');
    expect(denied.code).not.toBe(0);
    expect(denied.stdout).toBe('');
    expect(denied.stderr).toContain(
      `An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  });

  it('uses keys and session credentials from named profiles in AWS_CONFIG_FILE', async () => {
    const config = join(home, 'profiles-config');
    writeFileSync(
      config,
      [
        '[profile alice]',
        `aws_access_key_id = ${alice.accessKeyId}`,
        `aws_secret_access_key = ${alice.secretAccessKey}`,
        'region = us-east-1',
        '',
        '[profile dev-session]',
        `aws_access_key_id = ${session.accessKeyId}`,
        `aws_secret_access_key = ${session.secretAccessKey}`,
        `aws_session_token = ${session.sessionToken ?? ''}`,
        'region = us-east-1',
        '',
      ].join('\n'),
    );
    const env = cleanEnv(home, aws, { AWS_CONFIG_FILE: config });
    const me = await run(aws, ['--endpoint-url', server.url, '--output', 'json', '--profile', 'alice', 'sts', 'get-caller-identity'], env);
    expect(JSON.parse(me.stdout)).toMatchObject({ Arn: `arn:aws:iam::${ACCOUNT}:user/alice` });
    const asRole = await run(aws, ['--endpoint-url', server.url, '--output', 'json', '--profile', 'dev-session', 'sts', 'get-caller-identity'], env);
    expect(JSON.parse(asRole.stdout)).toMatchObject({ Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/dev/cli` });
  });

  const supported = cli !== undefined && profileEndpoints(cli.version);
  if (cli !== undefined && !supported) {
    console.warn(`skipped: the role_arn profile test, because ${cli.version.split(' ')[0] ?? ''} does not read endpoint_url from profiles (1.29.0 and 2.13.0 do)`);
  }
  it.skipIf(!supported)(
    supported
      ? 'assumes the role itself for a profile with role_arn, source_profile and endpoint_url'
      : `assumes the role itself for a profile with role_arn, source_profile and endpoint_url (skipped: ${cli?.version.split(' ')[0] ?? 'this CLI'} predates endpoint_url in profiles, which came in 1.29.0 and 2.13.0)`,
    async () => {
      const config = join(home, 'role-config');
      writeFileSync(
        config,
        [
          '[profile alice]',
          `aws_access_key_id = ${alice.accessKeyId}`,
          `aws_secret_access_key = ${alice.secretAccessKey}`,
          'region = us-east-1',
          `endpoint_url = ${server.url}`,
          '',
          '[profile myaccount-dev]',
          `role_arn = ${roleArn}`,
          'source_profile = alice',
          'role_session_name = from-profile',
          'region = us-east-1',
          `endpoint_url = ${server.url}`,
          '',
        ].join('\n'),
      );
      const env = cleanEnv(home, aws, { AWS_CONFIG_FILE: config });
      const me = await run(aws, ['--output', 'json', '--profile', 'myaccount-dev', 'sts', 'get-caller-identity'], env);
      expect(me.stderr).toBe('');
      expect(JSON.parse(me.stdout)).toMatchObject({ Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/dev/from-profile` });
    },
  );

  it('puts a permissions boundary on a user and takes it off again (the example of docs/service.md)', async () => {
    const fence = json(await as(server.root, 'iam', 'create-policy', '--policy-name', 'fence', '--policy-document',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] })))['Policy'].Arn as string;
    const put = await as(server.root, 'iam', 'put-user-permissions-boundary', '--user-name', 'alice', '--permissions-boundary', fence);
    expect(put).toMatchObject({ code: 0, stdout: '' });
    expect(json(await as(server.root, 'iam', 'get-user', '--user-name', 'alice'))['User'].PermissionsBoundary).toEqual({ PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: fence });
    expect(await as(server.root, 'iam', 'delete-user-permissions-boundary', '--user-name', 'alice')).toMatchObject({ code: 0, stdout: '' });
    expect(json(await as(server.root, 'iam', 'get-user', '--user-name', 'alice'))['User'].PermissionsBoundary).toBeUndefined();
  });

  it('gives a group a policy and a member, who then acts with it (the example of docs/service.md)', async () => {
    const ok = (r: Run): void => expect(r).toMatchObject({ code: 0, stderr: '' });
    ok(await as(server.root, 'iam', 'create-group', '--group-name', 'readers'));
    ok(await as(server.root, 'iam', 'put-group-policy', '--group-name', 'readers', '--policy-name', 'list-users', '--policy-document',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] })));
    expect((await as(alice, 'iam', 'list-users')).stderr).toContain('AccessDenied');
    ok(await as(server.root, 'iam', 'add-user-to-group', '--group-name', 'readers', '--user-name', 'alice'));
    expect(json(await as(server.root, 'iam', 'get-group', '--group-name', 'readers'))['Users'].map((u: { UserName: string }) => u.UserName)).toEqual(['alice']);
    expect(json(await as(server.root, 'iam', 'list-groups-for-user', '--user-name', 'alice'))['Groups'].map((g: { GroupName: string }) => g.GroupName)).toEqual(['readers']);
    expect(json(await as(alice, 'iam', 'list-users'))['Users'].map((u: { UserName: string }) => u.UserName)).toContain('alice');
    ok(await as(server.root, 'iam', 'remove-user-from-group', '--group-name', 'readers', '--user-name', 'alice'));
    expect((await as(alice, 'iam', 'list-users')).stderr).toContain('AccessDenied');
  });

  it('names the account with an alias, lists it and reads the account summary (the example of docs/service.md)', async () => {
    expect(await as(server.root, 'iam', 'create-account-alias', '--account-alias', 'example-corp')).toMatchObject({ code: 0, stdout: '' });
    expect(json(await as(server.root, 'iam', 'list-account-aliases'))).toEqual({ AccountAliases: ['example-corp'] });
    const users = (json(await as(server.root, 'iam', 'list-users'))['Users'] as unknown[]).length;
    expect(json(await as(server.root, 'iam', 'get-account-summary'))['SummaryMap']).toMatchObject({ Users: users, UsersQuota: 5000, AccountAccessKeysPresent: 1 });
    expect(await as(server.root, 'iam', 'delete-account-alias', '--account-alias', 'example-corp')).toMatchObject({ code: 0, stdout: '' });
    expect(json(await as(server.root, 'iam', 'list-account-aliases'))['AccountAliases']).toEqual([]);
  });

  it('attaches an AWS managed policy to a role and lists AWS\'s policies (the example of docs/service.md)', async () => {
    const arn = 'arn:aws:iam::aws:policy/IAMReadOnlyAccess';
    expect((await as(session, 'iam', 'list-roles')).code).not.toBe(0);
    expect(await as(server.root, 'iam', 'attach-role-policy', '--role-name', 'dev', '--policy-arn', arn)).toMatchObject({ code: 0, stdout: '' });
    expect(json(await as(server.root, 'iam', 'list-attached-role-policies', '--role-name', 'dev'))['AttachedPolicies']).toEqual([{ PolicyName: 'IAMReadOnlyAccess', PolicyArn: arn }]);
    // The role's existing session reads IAM at once.
    expect(json(await as(session, 'iam', 'list-roles'))['Roles'].map((r: { RoleName: string }) => r.RoleName)).toEqual(['dev']);
    const listed = json(await as(server.root, 'iam', 'list-policies', '--scope', 'AWS'))['Policies'] as { PolicyName: string }[];
    expect(listed.map((p) => p.PolicyName)).toEqual(awsPolicyNames());
    const version = json(await as(server.root, 'iam', 'get-policy-version', '--policy-arn', arn, '--version-id', 'v4'))['PolicyVersion'];
    expect(version.Document.Statement[0].Action).toContain('iam:List*');
  });

  it('puts a role in an instance profile, shows it and takes it all down (the example of docs/service.md)', async () => {
    const ok = (r: Run): void => expect(r).toMatchObject({ code: 0, stderr: '' });
    ok(await as(server.root, 'iam', 'create-role', '--role-name', 'web', '--assume-role-policy-document',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] })));
    const created = json(await as(server.root, 'iam', 'create-instance-profile', '--instance-profile-name', 'web', '--tags', 'Key=team,Value=blue'))['InstanceProfile'];
    expect(created).toMatchObject({ InstanceProfileName: 'web', Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web`, Roles: [], Tags: [{ Key: 'team', Value: 'blue' }] });
    expect(await as(server.root, 'iam', 'add-role-to-instance-profile', '--instance-profile-name', 'web', '--role-name', 'web')).toMatchObject({ code: 0, stdout: '' });
    const shown = json(await as(server.root, 'iam', 'get-instance-profile', '--instance-profile-name', 'web'))['InstanceProfile'];
    // The CLI decodes the URL-encoded trust policy into JSON.
    expect(shown.Roles.map((r: { RoleName: string; AssumeRolePolicyDocument: { Statement: { Principal: unknown }[] } }) => [r.RoleName, r.AssumeRolePolicyDocument.Statement[0]!.Principal]))
      .toEqual([['web', { Service: 'ec2.amazonaws.com' }]]);
    expect(json(await as(server.root, 'iam', 'list-instance-profiles-for-role', '--role-name', 'web'))['InstanceProfiles'].map((p: { InstanceProfileName: string }) => p.InstanceProfileName)).toEqual(['web']);
    expect((await as(server.root, 'iam', 'delete-role', '--role-name', 'web')).stderr).toContain('DeleteConflict');
    ok(await as(server.root, 'iam', 'remove-role-from-instance-profile', '--instance-profile-name', 'web', '--role-name', 'web'));
    ok(await as(server.root, 'iam', 'delete-instance-profile', '--instance-profile-name', 'web'));
    ok(await as(server.root, 'iam', 'delete-role', '--role-name', 'web'));
  });

  it('issues, lists, resets and deletes a CodeCommit credential (the example of docs/service.md)', async () => {
    json(await as(server.root, 'iam', 'create-user', '--user-name', 'git-bot'));
    const user = ['--user-name', 'git-bot'];
    const created = json(await as(server.root, 'iam', 'create-service-specific-credential', ...user, '--service-name', 'codecommit.amazonaws.com'))['ServiceSpecificCredential'];
    expect(created).toMatchObject({ UserName: 'git-bot', ServiceUserName: `git-bot-at-${ACCOUNT}`, Status: 'Active', ServicePassword: expect.stringMatching(/^\S{44}$/) });
    const id = ['--service-specific-credential-id', created.ServiceSpecificCredentialId as string];
    const listed = json(await as(server.root, 'iam', 'list-service-specific-credentials', ...user, '--service-name', 'codecommit.amazonaws.com'));
    const { ServicePassword: _password, ...shown } = created;
    expect(listed['ServiceSpecificCredentials']).toEqual([shown]);
    const reset = json(await as(server.root, 'iam', 'reset-service-specific-credential', ...user, ...id))['ServiceSpecificCredential'];
    expect(reset.ServicePassword).not.toBe(created.ServicePassword);
    expect(await as(server.root, 'iam', 'delete-service-specific-credential', ...user, ...id)).toMatchObject({ code: 0, stdout: '' });
    expect(json(await as(server.root, 'iam', 'list-service-specific-credentials', ...user))['ServiceSpecificCredentials']).toEqual([]);
  });
});
