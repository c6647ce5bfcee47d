/**
 * Account aliases and GetAccountSummary through the AWS SDK against a started rolegate:
 * one alias per account, replaced by the next, unique across accounts; deleted only by
 * its name; the summary counting the caller's account only; each action allowed on `*`
 * and refused to a user without it.
 */
import { randomBytes } from 'node:crypto';
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccountAliasCommand,
  GetAccountSummaryCommand,
  IAMClient,
  ListAccountAliasesCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeps } from '../../src/cli/environment.js';
import { createAccount } from '../../src/services/accounts.js';
import { sdkFailure, startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';
const OTHER = '222233334444';
const PATTERN = '^[a-z0-9](([a-z0-9]|-(?!-))*[a-z0-9])?$';
const ALIAS_ACTIONS = ['iam:CreateAccountAlias', 'iam:DeleteAccountAlias', 'iam:ListAccountAliases', 'iam:GetAccountSummary'];
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

describe('account aliases and GetAccountSummary', () => {
  const masterKey = randomBytes(32).toString('hex');
  let server: Started;
  let root: IAMClient;
  let other: IAMClient;
  const client = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials });
  const aliases = async (iam: IAMClient) => (await iam.send(new ListAccountAliasesCommand({}))).AccountAliases;
  const summary = async (iam: IAMClient) => (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};

  /** A user of the default account with an access key and one inline policy allowing `actions` on `resource`. */
  async function userWith(name: string, actions: readonly string[], resource: string): Promise<IAMClient> {
    await root.send(new CreateUserCommand({ UserName: name }));
    if (actions.length > 0) {
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] };
      await root.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'account', PolicyDocument: JSON.stringify(policy) }));
    }
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return client({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
  }

  beforeAll(async () => {
    server = await startRolegate({ ROLEGATE_MASTER_KEY: masterKey });
    root = client(server.root);
    // A second account in the same store, as `rolegate account create` makes one.
    const deps = await openDeps({ data: server.dataDir }, { ROLEGATE_MASTER_KEY: masterKey });
    try {
      other = client(await createAccount(deps, { id: OTHER }));
    } finally {
      await deps.db.close();
    }
  });
  afterAll(async () => server.close());

  it('lists no alias for an account that never made one', async () => {
    expect(await root.send(new ListAccountAliasesCommand({}))).toMatchObject({ AccountAliases: [], IsTruncated: false });
  });

  it('keeps one alias per account: a new alias replaces the old one', async () => {
    await root.send(new CreateAccountAliasCommand({ AccountAlias: 'first-corp' }));
    expect(await aliases(root)).toEqual(['first-corp']);
    await root.send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp' }));
    expect(await aliases(root)).toEqual(['example-corp']);
    expect(await root.send(new ListAccountAliasesCommand({ MaxItems: 1 }))).toMatchObject({ AccountAliases: ['example-corp'], IsTruncated: false });
  });

  it('refuses an alias that is taken, by another account or by this one, with IAM’s text', async () => {
    expect(await sdkFailure(other.send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp' })))).toMatchObject({
      name: 'EntityAlreadyExistsException', message: 'The account alias example-corp already exists.', status: 409,
    });
    expect(await aliases(other)).toEqual([]);
    expect(await sdkFailure(root.send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp' })))).toMatchObject({ name: 'EntityAlreadyExistsException' });
    expect(await aliases(root)).toEqual(['example-corp']);
  });

  it('deletes the alias only by its name, and then another account may take it', async () => {
    expect(await sdkFailure(root.send(new DeleteAccountAliasCommand({ AccountAlias: 'first-corp' })))).toMatchObject({
      name: 'NoSuchEntityException', message: 'The account alias first-corp cannot be found.', status: 404,
    });
    expect(await aliases(root)).toEqual(['example-corp']);
    await root.send(new DeleteAccountAliasCommand({ AccountAlias: 'example-corp' }));
    expect(await aliases(root)).toEqual([]);
    expect(await sdkFailure(root.send(new DeleteAccountAliasCommand({ AccountAlias: 'example-corp' })))).toMatchObject({ name: 'NoSuchEntityException' });
    await other.send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp' }));
    expect(await aliases(other)).toEqual(['example-corp']);
  });

  it.each([['ab'], ['Upper-case'], ['two--dashes'], ['-leading'], ['trailing-'], ['under_score'], ['a'.repeat(64)]])(
    'refuses the alias %s with the model’s constraint',
    async (alias) => {
      const failure = await sdkFailure(root.send(new CreateAccountAliasCommand({ AccountAlias: alias })));
      expect(failure).toMatchObject({ name: 'ValidationError', status: 400 });
      expect(failure.message).toMatch(/^1 validation error detected: Value at 'accountAlias' failed to satisfy constraint: Member must /);
      if (alias.length >= 3 && alias.length <= 63) expect(failure.message).toContain(`regular expression pattern: ${PATTERN}`);
      expect((await sdkFailure(root.send(new DeleteAccountAliasCommand({ AccountAlias: alias })))).name).toBe('ValidationError');
    },
  );

  it('accepts the shortest and the longest aliases the model allows', async () => {
    for (const alias of ['a1b', `x${'-y'.repeat(30)}z1`]) {
      await root.send(new CreateAccountAliasCommand({ AccountAlias: alias }));
      expect(await aliases(root)).toEqual([alias]);
      await root.send(new DeleteAccountAliasCommand({ AccountAlias: alias }));
    }
  });

  it('refuses every one of these actions to a user without permission, and to one allowed them on an ARN instead of *', async () => {
    const nobody = await userWith('nobody', [], '*');
    const scoped = await userWith('scoped', ALIAS_ACTIONS, `arn:aws:iam::${ACCOUNT}:*`);
    for (const iam of [nobody, scoped]) {
      const calls = [
        iam.send(new CreateAccountAliasCommand({ AccountAlias: 'denied-corp' })),
        iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'denied-corp' })),
        iam.send(new ListAccountAliasesCommand({})),
        iam.send(new GetAccountSummaryCommand({})),
      ];
      for (const [i, call] of calls.entries()) {
        const failure = await sdkFailure(call);
        expect(failure).toMatchObject({ name: 'AccessDenied', status: 403 });
        expect(failure.message).toContain(`is not authorized to perform: ${ALIAS_ACTIONS[i]} on resource: *`);
      }
    }
    expect(await aliases(root)).toEqual([]);
  });

  it('lets a user allowed these actions on * manage the alias and read the summary', async () => {
    const admin = await userWith('admin', ALIAS_ACTIONS, '*');
    await admin.send(new CreateAccountAliasCommand({ AccountAlias: 'admin-corp' }));
    expect(await aliases(admin)).toEqual(['admin-corp']);
    expect((await summary(admin))['Users']).toBeGreaterThan(0);
    await admin.send(new DeleteAccountAliasCommand({ AccountAlias: 'admin-corp' }));
    expect(await aliases(root)).toEqual([]);
  });

  it('summarizes an account with every key IAM returns today and the quotas rolegate enforces', async () => {
    expect(await summary(other)).toEqual({
      AccessKeysPerUserQuota: 2, AccountAccessKeysPresent: 1, AccountMFAEnabled: 0, AccountSigningCertificatesPresent: 0,
      AssumeRolePolicySizeQuota: 2048, AttachedPoliciesPerGroupQuota: 10, AttachedPoliciesPerRoleQuota: 10, AttachedPoliciesPerUserQuota: 10,
      GlobalEndpointTokenVersion: 1, GroupPolicySizeQuota: 5120, Groups: 0, GroupsPerUserQuota: 10, GroupsQuota: 300,
      InstanceProfiles: 0, InstanceProfilesQuota: 1000, MFADevices: 0, MFADevicesInUse: 0, Policies: 0, PoliciesQuota: 1500,
      PolicySizeQuota: 6144, PolicyVersionsInUse: 0, PolicyVersionsInUseQuota: 10000, Providers: 0, RolePolicySizeQuota: 10240,
      Roles: 0, RolesQuota: 1000, ServerCertificates: 0, ServerCertificatesQuota: 20, SigningCertificatesPerUserQuota: 2,
      UserPolicySizeQuota: 2048, Users: 0, UsersQuota: 5000, VersionsPerPolicyQuota: 5,
    });
  });

  it('counts the users, roles, customer managed policies and attachments of the caller’s account only', async () => {
    const before = await summary(root);
    await other.send(new CreateUserCommand({ UserName: 'u1' }));
    await other.send(new CreateUserCommand({ UserName: 'u2' }));
    await other.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: trust }));
    const arn = (await other.send(new CreatePolicyCommand({ PolicyName: 'read', PolicyDocument: document }))).Policy!.Arn!;
    await other.send(new AttachUserPolicyCommand({ UserName: 'u1', PolicyArn: arn }));
    await other.send(new AttachRolePolicyCommand({ RoleName: 'r1', PolicyArn: arn }));
    expect(await summary(other)).toMatchObject({ Users: 2, Roles: 1, Groups: 0, Policies: 1, PolicyVersionsInUse: 2 });
    expect(await summary(root)).toEqual(before);
  });
});
