/**
 * Every IAM and STS operation rolegate serves, called once through Debian's AWS CLI as
 * a user types it (`aws --endpoint-url URL iam …`) against a started rolegate, in an
 * order that builds what the next call needs and takes it all down again. Each call must
 * succeed; the suite ends by checking that the commands it ran cover every served
 * operation, so an operation added later without a CLI call here fails it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IAM_OPERATIONS, STS_OPERATIONS } from '../../src/protocol/index.js';
import { startRolegate, type Started } from '../server/harness.js';
import { startOidcIssuer } from '../server/oidc-issuer.js';
import { awsCliSuiteTitle, cleanEnv, findAwsCli, run } from './tools.js';

const ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const cli = findAwsCli();
const title = awsCliSuiteTitle(cli, 'every served operation through the AWS CLI');

/**
 * `GetAccountAuthorizationDetails` → `get-account-authorization-details`, `ListMFADevices` →
 * `list-mfa-devices`, `AddClientIDToOpenIDConnectProvider` →
 * `add-client-id-to-open-id-connect-provider`, as the CLI names commands (botocore's xform_name: a capitalised word
 * after any character, then a capital after a lower-case letter or digit).
 */
const command = (operation: string): string =>
  operation.replace(/(.)([A-Z][a-z]+)/g, '$1-$2').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const allow = (...actions: string[]): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });

describe.skipIf(cli === undefined)(title, () => {
  const aws = cli?.path ?? 'aws';
  let server: Started;
  let home: string;
  const ran = new Set<string>();

  /** Runs `aws --endpoint-url URL --output json SERVICE COMMAND ARGS` as `creds`; it must succeed. */
  async function call(creds: Creds, service: 'iam' | 'sts', cmd: string, ...args: string[]): Promise<Record<string, any>> {
    const env = cleanEnv(home, aws, {
      AWS_ACCESS_KEY_ID: creds.accessKeyId,
      AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
      ...(creds.sessionToken === undefined ? {} : { AWS_SESSION_TOKEN: creds.sessionToken }),
      AWS_DEFAULT_REGION: 'us-east-1',
    });
    const r = await run(aws, ['--endpoint-url', server.url, '--output', 'json', service, cmd, ...args], env);
    expect({ cmd, code: r.code, stderr: r.stderr }).toEqual({ cmd, code: 0, stderr: '' });
    ran.add(`${service}:${cmd}`);
    return r.stdout.trim() === '' ? {} : (JSON.parse(r.stdout) as Record<string, any>);
  }

  beforeAll(async () => {
    server = await startRolegate();
    home = mkdtempSync(join(tmpdir(), 'rolegate-awscli-ops-'));
  });
  afterAll(async () => {
    await server?.close();
    if (home !== undefined) rmSync(home, { recursive: true, force: true });
  });

  it('runs users, keys, roles, instance profiles, groups and their policies from creation to deletion', async () => {
    const root = server.root;
    const iam = (cmd: string, ...args: string[]) => call(root, 'iam', cmd, ...args);
    const fence = (await iam('create-policy', '--policy-name', 'fence', '--policy-document', allow('iam:Get*', 'sts:*')))['Policy'].Arn as string;
    const read = (await iam('create-policy', '--policy-name', 'read', '--path', '/cli/', '--policy-document', allow('iam:List*')))['Policy'].Arn as string;

    // Users and their keys.
    expect((await iam('create-user', '--user-name', 'cli-user', '--path', '/cli/', '--tags', 'Key=team,Value=blue'))['User'].UserName).toBe('cli-user');
    await iam('get-user', '--user-name', 'cli-user');
    expect((await iam('list-users', '--path-prefix', '/cli/'))['Users']).toHaveLength(1);
    await iam('tag-user', '--user-name', 'cli-user', '--tags', 'Key=tier,Value=1');
    await iam('untag-user', '--user-name', 'cli-user', '--tag-keys', 'tier');
    expect((await iam('list-user-tags', '--user-name', 'cli-user'))['Tags']).toEqual([{ Key: 'team', Value: 'blue' }]);
    await iam('put-user-permissions-boundary', '--user-name', 'cli-user', '--permissions-boundary', fence);
    await iam('delete-user-permissions-boundary', '--user-name', 'cli-user');
    const key = (await iam('create-access-key', '--user-name', 'cli-user'))['AccessKey'];
    const user: Creds = { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
    expect((await iam('list-access-keys', '--user-name', 'cli-user'))['AccessKeyMetadata']).toHaveLength(1);
    await iam('put-user-policy', '--user-name', 'cli-user', '--policy-name', 'sts', '--policy-document', allow('sts:*', 'iam:GetUser'));
    expect((await iam('get-user-policy', '--user-name', 'cli-user', '--policy-name', 'sts'))['PolicyName']).toBe('sts');
    expect((await iam('list-user-policies', '--user-name', 'cli-user'))['PolicyNames']).toEqual(['sts']);
    await iam('attach-user-policy', '--user-name', 'cli-user', '--policy-arn', read);
    expect((await iam('list-attached-user-policies', '--user-name', 'cli-user'))['AttachedPolicies']).toHaveLength(1);

    // Roles.
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/cli/cli-user` }, Action: 'sts:AssumeRole' }] });
    const role = (await iam('create-role', '--role-name', 'cli-role', '--assume-role-policy-document', trust))['Role'];
    await iam('get-role', '--role-name', 'cli-role');
    await iam('list-roles');
    await iam('update-role', '--role-name', 'cli-role', '--description', 'made by the CLI', '--max-session-duration', '7200');
    await iam('update-assume-role-policy', '--role-name', 'cli-role', '--policy-document', trust);
    await iam('tag-role', '--role-name', 'cli-role', '--tags', 'Key=app,Value=cli');
    await iam('untag-role', '--role-name', 'cli-role', '--tag-keys', 'app');
    await iam('list-role-tags', '--role-name', 'cli-role');
    await iam('put-role-permissions-boundary', '--role-name', 'cli-role', '--permissions-boundary', fence);
    await iam('delete-role-permissions-boundary', '--role-name', 'cli-role');
    await iam('put-role-policy', '--role-name', 'cli-role', '--policy-name', 'inline', '--policy-document', allow('iam:GetRole'));
    await iam('get-role-policy', '--role-name', 'cli-role', '--policy-name', 'inline');
    await iam('list-role-policies', '--role-name', 'cli-role');
    await iam('attach-role-policy', '--role-name', 'cli-role', '--policy-arn', read);
    await iam('list-attached-role-policies', '--role-name', 'cli-role');

    // Instance profiles (AddRoleToInstanceProfile is root's here, who may pass any role).
    await iam('create-instance-profile', '--instance-profile-name', 'cli-profile', '--path', '/cli/', '--tags', 'Key=team,Value=blue');
    await iam('add-role-to-instance-profile', '--instance-profile-name', 'cli-profile', '--role-name', 'cli-role');
    expect((await iam('get-instance-profile', '--instance-profile-name', 'cli-profile'))['InstanceProfile'].Roles).toHaveLength(1);
    expect((await iam('list-instance-profiles', '--path-prefix', '/cli/'))['InstanceProfiles']).toHaveLength(1);
    expect((await iam('list-instance-profiles-for-role', '--role-name', 'cli-role'))['InstanceProfiles']).toHaveLength(1);
    await iam('tag-instance-profile', '--instance-profile-name', 'cli-profile', '--tags', 'Key=tier,Value=1');
    await iam('untag-instance-profile', '--instance-profile-name', 'cli-profile', '--tag-keys', 'tier');
    expect((await iam('list-instance-profile-tags', '--instance-profile-name', 'cli-profile'))['Tags']).toEqual([{ Key: 'team', Value: 'blue' }]);

    // Groups.
    await iam('create-group', '--group-name', 'cli-group');
    await iam('update-group', '--group-name', 'cli-group', '--new-group-name', 'cli-team');
    await iam('add-user-to-group', '--group-name', 'cli-team', '--user-name', 'cli-user');
    expect((await iam('get-group', '--group-name', 'cli-team'))['Users']).toHaveLength(1);
    await iam('list-groups');
    await iam('list-groups-for-user', '--user-name', 'cli-user');
    await iam('put-group-policy', '--group-name', 'cli-team', '--policy-name', 'g', '--policy-document', allow('iam:GetGroup'));
    await iam('get-group-policy', '--group-name', 'cli-team', '--policy-name', 'g');
    await iam('list-group-policies', '--group-name', 'cli-team');
    await iam('attach-group-policy', '--group-name', 'cli-team', '--policy-arn', read);
    await iam('list-attached-group-policies', '--group-name', 'cli-team');

    // Managed policies: usage, versions, tags.
    await iam('get-policy', '--policy-arn', read);
    await iam('list-policies', '--scope', 'Local');
    expect((await iam('list-entities-for-policy', '--policy-arn', read))['PolicyGroups']).toHaveLength(1);
    await iam('create-policy-version', '--policy-arn', read, '--policy-document', allow('iam:List*', 'iam:Get*'));
    await iam('get-policy-version', '--policy-arn', read, '--version-id', 'v2');
    await iam('list-policy-versions', '--policy-arn', read);
    await iam('set-default-policy-version', '--policy-arn', read, '--version-id', 'v2');
    await iam('delete-policy-version', '--policy-arn', read, '--version-id', 'v1');
    await iam('tag-policy', '--policy-arn', read, '--tags', 'Key=owner,Value=cli');
    await iam('untag-policy', '--policy-arn', read, '--tag-keys', 'owner');
    await iam('list-policy-tags', '--policy-arn', read);

    // The whole account, and the simulator.
    await iam('get-account-authorization-details', '--filter', 'User', 'Group');
    await iam('create-account-alias', '--account-alias', 'cli-corp');
    expect((await iam('list-account-aliases'))['AccountAliases']).toEqual(['cli-corp']);
    await iam('delete-account-alias', '--account-alias', 'cli-corp');
    await iam('get-account-summary');
    const policyFile = join(home, 'policies.json');
    writeFileSync(policyFile, JSON.stringify([allow('iam:List*')]));
    const custom = await iam('simulate-custom-policy', '--policy-input-list', `file://${policyFile}`, '--action-names', 'iam:ListUsers', 'iam:CreateUser');
    expect(custom['EvaluationResults'].map((r: { EvalDecision: string }) => r.EvalDecision)).toEqual(['allowed', 'implicitDeny']);
    const principal = await iam('simulate-principal-policy', '--policy-source-arn', `arn:aws:iam::${ACCOUNT}:user/cli/cli-user`, '--action-names', 'iam:ListRoles');
    expect(principal['EvaluationResults'][0].EvalDecision).toBe('allowed');

    // Service-specific and service-linked.
    const credential = (await iam('create-service-specific-credential', '--user-name', 'cli-user', '--service-name', 'codecommit.amazonaws.com'))['ServiceSpecificCredential'];
    const credentialId = ['--user-name', 'cli-user', '--service-specific-credential-id', credential.ServiceSpecificCredentialId as string];
    await iam('list-service-specific-credentials', '--user-name', 'cli-user');
    await iam('update-service-specific-credential', ...credentialId, '--status', 'Inactive');
    await iam('reset-service-specific-credential', ...credentialId);
    await iam('delete-service-specific-credential', ...credentialId);
    const linked = (await iam('create-service-linked-role', '--aws-service-name', 'shield.amazonaws.com'))['Role'].RoleName as string;
    const task = (await iam('delete-service-linked-role', '--role-name', linked))['DeletionTaskId'] as string;
    await iam('get-service-linked-role-deletion-status', '--deletion-task-id', task);

    // Virtual MFA: the CLI writes the seed to --outfile; codes come from it as a phone shows them.
    const seedFile = join(home, 'mfa-seed.txt');
    const device = await iam('create-virtual-mfa-device', '--virtual-mfa-device-name', 'cli-phone', '--outfile', seedFile, '--bootstrap-method', 'Base32StringSeed');
    const serial = device['VirtualMFADevice'].SerialNumber as string;
    const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(readFileSync(seedFile, 'utf8').trim()) });
    const codeAt = (steps: number): string => totp.generate({ timestamp: Date.now() + steps * 30_000 });
    await iam('enable-mfa-device', '--user-name', 'cli-user', '--serial-number', serial, '--authentication-code1', codeAt(-1), '--authentication-code2', codeAt(0));
    await iam('list-mfa-devices', '--user-name', 'cli-user');
    await iam('list-virtual-mfa-devices', '--assignment-status', 'Assigned');

    // STS, with the user's keys.
    const sts = (cmd: string, ...args: string[]) => call(user, 'sts', cmd, ...args);
    expect((await sts('get-caller-identity'))['Arn']).toBe(`arn:aws:iam::${ACCOUNT}:user/cli/cli-user`);
    expect((await sts('get-access-key-info', '--access-key-id', user.accessKeyId))['Account']).toBe(ACCOUNT);
    // The next step's code: newer than the one EnableMFADevice used, and within the drift window.
    await sts('get-session-token', '--duration-seconds', '900', '--serial-number', serial, '--token-code', codeAt(1));
    await sts('assume-role', '--role-arn', role.Arn, '--role-session-name', 'cli');
    await sts('get-federation-token', '--name', 'cli-fed', '--policy', allow('iam:GetUser'));

    // OpenID Connect providers, and a web identity token from a test issuer for STS.
    const issuer = await startOidcIssuer();
    try {
      const provider = (await iam('create-open-id-connect-provider', '--url', issuer.url, '--client-id-list', 'sts.amazonaws.com', '--thumbprint-list', issuer.thumbprint))[
        'OpenIDConnectProviderArn'
      ] as string;
      const providerArg = ['--open-id-connect-provider-arn', provider];
      await iam('get-open-id-connect-provider', ...providerArg);
      await iam('list-open-id-connect-providers');
      await iam('update-open-id-connect-provider-thumbprint', ...providerArg, '--thumbprint-list', issuer.thumbprint);
      await iam('add-client-id-to-open-id-connect-provider', ...providerArg, '--client-id', 'my-app');
      await iam('remove-client-id-from-open-id-connect-provider', ...providerArg, '--client-id', 'my-app');
      await iam('tag-open-id-connect-provider', ...providerArg, '--tags', 'Key=team,Value=ci');
      await iam('list-open-id-connect-provider-tags', ...providerArg);
      await iam('untag-open-id-connect-provider', ...providerArg, '--tag-keys', 'team');
      const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity' }] };
      const webRole = (await iam('create-role', '--role-name', 'cli-web', '--assume-role-policy-document', JSON.stringify(trust)))['Role'].Arn as string;
      const token = await issuer.token({ aud: 'sts.amazonaws.com', sub: 'cli-subject' }, Date.now());
      const web = await sts('assume-role-with-web-identity', '--role-arn', webRole, '--role-session-name', 'cli-web', '--web-identity-token', token);
      expect(web['SubjectFromWebIdentityToken']).toBe('cli-subject');
      await iam('delete-role', '--role-name', 'cli-web');
      await iam('delete-open-id-connect-provider', ...providerArg);
    } finally {
      await issuer.close();
    }

    // Taking it all down again.
    await iam('update-access-key', '--user-name', 'cli-user', '--access-key-id', user.accessKeyId, '--status', 'Inactive');
    await iam('delete-access-key', '--user-name', 'cli-user', '--access-key-id', user.accessKeyId);
    await iam('detach-user-policy', '--user-name', 'cli-user', '--policy-arn', read);
    await iam('detach-role-policy', '--role-name', 'cli-role', '--policy-arn', read);
    await iam('detach-group-policy', '--group-name', 'cli-team', '--policy-arn', read);
    await iam('delete-user-policy', '--user-name', 'cli-user', '--policy-name', 'sts');
    await iam('delete-role-policy', '--role-name', 'cli-role', '--policy-name', 'inline');
    await iam('delete-group-policy', '--group-name', 'cli-team', '--policy-name', 'g');
    await iam('remove-user-from-group', '--group-name', 'cli-team', '--user-name', 'cli-user');
    await iam('delete-group', '--group-name', 'cli-team');
    await iam('deactivate-mfa-device', '--user-name', 'cli-user', '--serial-number', serial);
    await iam('delete-virtual-mfa-device', '--serial-number', serial);
    await iam('delete-user', '--user-name', 'cli-user');
    await iam('remove-role-from-instance-profile', '--instance-profile-name', 'cli-profile', '--role-name', 'cli-role');
    await iam('delete-instance-profile', '--instance-profile-name', 'cli-profile');
    await iam('delete-role', '--role-name', 'cli-role');
    await iam('delete-policy', '--policy-arn', read);
  }, 300_000); // about a hundred CLI processes, each a Python start-up

  it('ran a CLI command for every operation rolegate serves', () => {
    const served = [
      ...Object.keys(IAM_OPERATIONS).map((op) => `iam:${command(op)}`),
      ...Object.keys(STS_OPERATIONS).map((op) => `sts:${command(op)}`),
    ];
    expect(served.filter((c) => !ran.has(c))).toEqual([]);
  });
});
