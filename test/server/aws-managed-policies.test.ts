/**
 * AWS managed policies through the AWS SDK against a started rolegate: the four served
 * policies as GetPolicy, GetPolicyVersion and ListPolicyVersions give them, listed with
 * the account's own under each Scope, attached, detached and used as permissions
 * boundaries and session policies, their use counted in each account apart, refused to
 * every change — and deciding requests exactly as their documents say.
 */
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  ListRolesCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SetDefaultPolicyVersionCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
  paginateListPolicies,
  type ListPoliciesCommandInput,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeps } from '../../src/cli/environment.js';
import { createAccount } from '../../src/services/accounts.js';
import { parsePolicy } from '../../src/policy/index.js';
import { awsManagedPolicies } from '../../src/store/index.js';
import { sdkFailure as failure, startRolegate, type Started } from './harness.js';
import { SERVICE_ROLE_POLICY_ENTRIES } from '../../src/store/aws-service-role-policies.js';
import { serviceLinkedRoleSpecs } from '../../src/services/iam/service-linked-role-catalog.js';

/** AWS's served policies by name as ListPolicies orders them (case-insensitively), with `extra`. */
const awsPolicyNames = (...extra: string[]): string[] =>
  ['AdministratorAccess', 'IAMFullAccess', 'IAMReadOnlyAccess', 'PowerUserAccess', ...SERVICE_ROLE_POLICY_ENTRIES.map((e) => e.name), ...extra]
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));

const ACCOUNT = '000000000000';
const OTHER = '111111111111';
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const POWER = 'arn:aws:iam::aws:policy/PowerUserAccess';
const IAM_FULL = 'arn:aws:iam::aws:policy/IAMFullAccess';
const IAM_READ = 'arn:aws:iam::aws:policy/IAMReadOnlyAccess';
/** The policy of a service-linked role (service-linked-roles.test.ts). */
const SHIELD = 'arn:aws:iam::aws:policy/aws-service-role/AWSShieldServiceRolePolicy';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const allow = (...actions: string[]): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
const trust = (principal: string): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }] });

describe('the AWS managed policy data', () => {
  // AWS's own policies are not held to the size quota of customer managed policies:
  // AWSConfigServiceRolePolicy alone is over 75,000 characters.
  it('holds valid identity policies, each under its ARN', () => {
    const served = awsManagedPolicies.list();
    expect(served.map((p) => p.policy.arn)).toEqual([ADMIN, POWER, IAM_FULL, IAM_READ, ...SERVICE_ROLE_POLICY_ENTRIES.map((e) => `arn:aws:iam::aws:policy/aws-service-role/${e.name}`)]);
    expect(served.map((p) => p.policy.arn)).toContain(SHIELD);
    expect(new Set(served.map((p) => p.policy.id)).size).toBe(served.length);
    for (const { policy, version } of served) {
      expect(() => parsePolicy(version.document, 'identity')).not.toThrow();
      expect([version.policyId, version.versionId, version.createdAt]).toEqual([policy.id, policy.defaultVersion, policy.updatedAt]);
      expect(awsManagedPolicies.byArn(policy.arn)).toBe(awsManagedPolicies.byArn(policy.arn));
    }
  });

  it('serves the policy of every service-linked role rolegate creates', () => {
    for (const spec of serviceLinkedRoleSpecs()) expect(awsManagedPolicies.byArn(`arn:aws:iam::aws:policy/aws-service-role/${spec.policyName}`), spec.service).toBeDefined();
  });
});

describe('AWS managed policies', () => {
  const masterKey = randomBytes(32).toString('hex');
  let server: Started;
  let root: IAMClient;
  let other: IAMClient;
  const iamAs = (credentials: Creds): IAMClient => new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials });
  const names = async (input: ListPoliciesCommandInput) => ((await root.send(new ListPoliciesCommand(input))).Policies ?? []).map((p) => p.PolicyName);
  /** A user of the default account with access keys, set up by `setUp`. */
  async function userWith(name: string, setUp: (name: string) => Promise<unknown>): Promise<IAMClient> {
    await root.send(new CreateUserCommand({ UserName: name }));
    await setUp(name);
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return iamAs({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
  }

  beforeAll(async () => {
    server = await startRolegate({ ROLEGATE_MASTER_KEY: masterKey });
    root = iamAs(server.root);
    // A second account in the same store, made as `rolegate account create` makes one.
    const deps = await openDeps({ data: server.dataDir }, { ROLEGATE_MASTER_KEY: masterKey });
    try {
      other = iamAs(await createAccount(deps, { id: OTHER }));
    } finally {
      await deps.db.close();
    }
  });
  afterAll(async () => server.close());

  it("serves each policy with AWS's id, path, version, description and dates", async () => {
    const got = await Promise.all([ADMIN, POWER, IAM_FULL, IAM_READ].map(async (PolicyArn) => (await root.send(new GetPolicyCommand({ PolicyArn }))).Policy));
    // name, id, default version, description, created, updated: as AWS gives them.
    const expected: [string, string, string, string, string, string][] = [
      ['AdministratorAccess', 'ANPAIWMBCKSKIEE64ZLYK', 'v1', 'Provides full access to AWS services and resources.', '2015-02-06T18:39:46Z', '2015-02-06T18:39:46Z'],
      ['PowerUserAccess', 'ANPAJYRXTHIB4FOVS3ZXS', 'v12', 'Provides full access to AWS services and resources, but does not allow management of Users and groups.', '2015-02-06T18:39:47Z', '2026-02-12T17:59:14Z'],
      ['IAMFullAccess', 'ANPAI7XKCFMBPM3QQRRVQ', 'v2', 'Provides full access to IAM via the AWS Management Console.', '2015-02-06T18:40:38Z', '2019-06-21T19:40:00Z'],
      ['IAMReadOnlyAccess', 'ANPAJKSO7NDY4T57MWDSQ', 'v4', 'Provides read only access to IAM via the AWS Management Console.', '2015-02-06T18:40:39Z', '2018-01-25T19:11:27Z'],
    ];
    expect(got).toEqual(expected.map(([PolicyName, PolicyId, DefaultVersionId, Description, created, updated]) => ({
      PolicyName, PolicyId, Arn: `arn:aws:iam::aws:policy/${PolicyName}`, Path: '/', DefaultVersionId, AttachmentCount: 0, PermissionsBoundaryUsageCount: 0,
      IsAttachable: true, Description, CreateDate: new Date(created), UpdateDate: new Date(updated), Tags: undefined,
    })));
    // ARNs are case-sensitive, and only these four are served.
    expect(await failure(root.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/administratoraccess' })))).toMatchObject({
      name: 'NoSuchEntityException', status: 404, message: 'Policy arn:aws:iam::aws:policy/administratoraccess was not found.',
    });
    expect(await failure(root.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })))).toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('serves the default version alone, its document URL-encoded, and no tags', async () => {
    const admin = (await root.send(new GetPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v1' }))).PolicyVersion!;
    expect(admin).toMatchObject({ VersionId: 'v1', IsDefaultVersion: true, CreateDate: new Date('2015-02-06T18:39:46Z') });
    expect(decodeURIComponent(admin.Document!)).toBe(awsManagedPolicies.byArn(ADMIN)!.version.document);
    expect(JSON.parse(decodeURIComponent(admin.Document!))).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const power = (await root.send(new GetPolicyVersionCommand({ PolicyArn: POWER, VersionId: 'v12' }))).PolicyVersion!;
    expect(JSON.parse(decodeURIComponent(power.Document!)).Statement[0]).toEqual({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' });
    expect((await root.send(new ListPolicyVersionsCommand({ PolicyArn: IAM_READ }))).Versions).toEqual([
      { VersionId: 'v4', IsDefaultVersion: true, CreateDate: new Date('2018-01-25T19:11:27Z'), Document: undefined },
    ]);
    expect(await failure(root.send(new GetPolicyVersionCommand({ PolicyArn: IAM_READ, VersionId: 'v3' })))).toMatchObject({
      name: 'NoSuchEntityException', message: `Policy ${IAM_READ} version v3 does not exist or is not attachable.`,
    });
    expect((await root.send(new ListPolicyTagsCommand({ PolicyArn: ADMIN }))).Tags).toEqual([]);
  });

  it("lists AWS's under Scope=AWS, the account's under Local, and both by name under All, paged together", async () => {
    await root.send(new CreatePolicyCommand({ PolicyName: 'Helper', PolicyDocument: allow('iam:GetUser') }));
    await root.send(new CreatePolicyCommand({ PolicyName: 'zeta', Path: '/app/', PolicyDocument: allow('iam:GetUser') }));
    expect(await names({ Scope: 'AWS' })).toEqual(awsPolicyNames());
    expect(await names({ Scope: 'Local' })).toEqual(['Helper', 'zeta']);
    const all = awsPolicyNames('Helper', 'zeta');
    expect(await names({})).toEqual(all);
    expect(await names({ Scope: 'All' })).toEqual(all);
    expect(await names({ PathPrefix: '/app/' })).toEqual(['zeta']);
    expect(await names({ Scope: 'AWS', PathPrefix: '/app/' })).toEqual([]);
    const listed = (await root.send(new ListPoliciesCommand({ Scope: 'AWS' }))).Policies!;
    expect(listed[0]).toEqual({
      PolicyName: 'AdministratorAccess', PolicyId: 'ANPAIWMBCKSKIEE64ZLYK', Arn: ADMIN, Path: '/', DefaultVersionId: 'v1', AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0, IsAttachable: true, CreateDate: new Date('2015-02-06T18:39:46Z'), UpdateDate: new Date('2015-02-06T18:39:46Z'),
    });
    const pages: string[][] = [];
    for await (const page of paginateListPolicies({ client: root, pageSize: 4 }, {})) pages.push((page.Policies ?? []).map((p) => p.PolicyName!));
    expect(pages).toEqual(Array.from({ length: Math.ceil(all.length / 4) }, (_, i) => all.slice(i * 4, i * 4 + 4)));
    // The other account sees AWS's policies and none of this account's.
    expect(((await other.send(new ListPoliciesCommand({}))).Policies ?? []).map((p) => p.PolicyName)).toEqual(
      awsPolicyNames(),
    );
  });

  it("attaches and detaches them, counting attachments and boundaries in the caller's account alone", async () => {
    await root.send(new CreateUserCommand({ UserName: 'att' }));
    await root.send(new AttachUserPolicyCommand({ UserName: 'att', PolicyArn: IAM_READ }));
    await root.send(new CreateUserCommand({ UserName: 'fenced', PermissionsBoundary: IAM_READ }));
    await other.send(new CreateUserCommand({ UserName: 'elsewhere' }));
    await other.send(new AttachUserPolicyCommand({ UserName: 'elsewhere', PolicyArn: IAM_READ }));
    await other.send(new CreateRoleCommand({ RoleName: 'elsewhere', AssumeRolePolicyDocument: trust(`arn:aws:iam::${OTHER}:root`), PermissionsBoundary: IAM_READ }));
    await other.send(new AttachRolePolicyCommand({ RoleName: 'elsewhere', PolicyArn: IAM_READ }));

    expect((await root.send(new ListAttachedUserPoliciesCommand({ UserName: 'att' }))).AttachedPolicies).toEqual([{ PolicyName: 'IAMReadOnlyAccess', PolicyArn: IAM_READ }]);
    expect((await root.send(new GetPolicyCommand({ PolicyArn: IAM_READ }))).Policy).toMatchObject({ AttachmentCount: 1, PermissionsBoundaryUsageCount: 1 });
    expect((await other.send(new GetPolicyCommand({ PolicyArn: IAM_READ }))).Policy).toMatchObject({ AttachmentCount: 2, PermissionsBoundaryUsageCount: 1 });
    expect(await names({ Scope: 'AWS', OnlyAttached: true })).toEqual(['IAMReadOnlyAccess']);
    expect(await names({ PolicyUsageFilter: 'PermissionsBoundary' })).toEqual(['IAMReadOnlyAccess']);
    expect(await names({ PolicyUsageFilter: 'PermissionsPolicy', Scope: 'Local' })).toEqual([]);

    const entities = await root.send(new ListEntitiesForPolicyCommand({ PolicyArn: IAM_READ }));
    expect([entities.PolicyUsers?.map((u) => u.UserName), entities.PolicyRoles]).toEqual([['att', 'fenced'], []]);
    const elsewhere = await other.send(new ListEntitiesForPolicyCommand({ PolicyArn: IAM_READ }));
    expect([elsewhere.PolicyUsers?.map((u) => u.UserName), elsewhere.PolicyRoles?.map((r) => r.RoleName)]).toEqual([['elsewhere'], ['elsewhere']]);

    await root.send(new DetachUserPolicyCommand({ UserName: 'att', PolicyArn: IAM_READ }));
    expect((await root.send(new ListAttachedUserPoliciesCommand({ UserName: 'att' }))).AttachedPolicies).toEqual([]);
    expect((await root.send(new GetPolicyCommand({ PolicyArn: IAM_READ }))).Policy).toMatchObject({ AttachmentCount: 0, PermissionsBoundaryUsageCount: 1 });
    expect(await failure(root.send(new DetachUserPolicyCommand({ UserName: 'att', PolicyArn: IAM_READ })))).toMatchObject({ name: 'NoSuchEntityException' });
    expect(await failure(root.send(new AttachUserPolicyCommand({ UserName: 'att', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })))).toMatchObject({
      name: 'NoSuchEntityException', message: 'Policy arn:aws:iam::aws:policy/ReadOnlyAccess does not exist or is not attachable.',
    });
  });

  it("filters a policy's entities by its kind: AWSManagedPolicy for AWS's, LocalManagedPolicy for the account's", async () => {
    const local = (await root.send(new CreatePolicyCommand({ PolicyName: 'local-kind', PolicyDocument: allow('iam:GetUser') }))).Policy!.Arn!;
    await root.send(new CreateUserCommand({ UserName: 'kinds' }));
    await root.send(new AttachUserPolicyCommand({ UserName: 'kinds', PolicyArn: local }));
    await root.send(new AttachUserPolicyCommand({ UserName: 'kinds', PolicyArn: POWER }));
    const users = async (PolicyArn: string, EntityFilter: 'AWSManagedPolicy' | 'LocalManagedPolicy') =>
      (await root.send(new ListEntitiesForPolicyCommand({ PolicyArn, EntityFilter }))).PolicyUsers?.map((u) => u.UserName);
    expect([await users(POWER, 'AWSManagedPolicy'), await users(POWER, 'LocalManagedPolicy')]).toEqual([['kinds'], []]);
    expect([await users(local, 'AWSManagedPolicy'), await users(local, 'LocalManagedPolicy')]).toEqual([[], ['kinds']]);
  });

  it('counts them toward the quota of ten attached policies', async () => {
    await root.send(new CreateUserCommand({ UserName: 'full' }));
    for (const PolicyArn of [ADMIN, POWER, IAM_FULL, IAM_READ]) await root.send(new AttachUserPolicyCommand({ UserName: 'full', PolicyArn }));
    for (let i = 0; i < 6; i++) {
      const arn = (await root.send(new CreatePolicyCommand({ PolicyName: `quota-${i}`, PolicyDocument: allow('iam:GetUser') }))).Policy!.Arn!;
      await root.send(new AttachUserPolicyCommand({ UserName: 'full', PolicyArn: arn }));
    }
    const eleventh = (await root.send(new CreatePolicyCommand({ PolicyName: 'quota-eleventh', PolicyDocument: allow('iam:GetUser') }))).Policy!.Arn!;
    expect(await failure(root.send(new AttachUserPolicyCommand({ UserName: 'full', PolicyArn: eleventh })))).toMatchObject({
      name: 'LimitExceededException', status: 409, message: 'Cannot exceed quota for PoliciesPerUser: 10',
    });
    // Attaching one already attached again is no new attachment.
    await root.send(new AttachUserPolicyCommand({ UserName: 'full', PolicyArn: ADMIN }));
  });

  it('refuses every change to them, even to the root user', async () => {
    for (const [call, action] of [
      [root.send(new DeletePolicyCommand({ PolicyArn: ADMIN })), 'iam:DeletePolicy'],
      [root.send(new CreatePolicyVersionCommand({ PolicyArn: ADMIN, PolicyDocument: allow('s3:GetObject'), SetAsDefault: true })), 'iam:CreatePolicyVersion'],
      [root.send(new SetDefaultPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v1' })), 'iam:SetDefaultPolicyVersion'],
      [root.send(new DeletePolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v1' })), 'iam:DeletePolicyVersion'],
    ] as const) {
      expect(await failure(call)).toEqual({
        name: 'AccessDenied', status: 403, attempts: 1,
        message: `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform: ${action} on resource: ${ADMIN}`,
      });
    }
    for (const call of [
      root.send(new TagPolicyCommand({ PolicyArn: IAM_READ, Tags: [{ Key: 'k', Value: 'v' }] })),
      root.send(new UntagPolicyCommand({ PolicyArn: IAM_READ, TagKeys: ['k'] })),
    ]) {
      expect(await failure(call)).toMatchObject({ name: 'InvalidInputException', status: 400, message: 'Tags not supported for policies in this domain' });
    }
    expect((await root.send(new GetPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v1' }))).PolicyVersion?.IsDefaultVersion).toBe(true);
  });

  it("decides calls on them by the caller's identity policies alone, failing closed without one", async () => {
    const nobody = await userWith('nobody', async () => undefined);
    const denied = await failure(nobody.send(new GetPolicyCommand({ PolicyArn: ADMIN })));
    expect(denied).toMatchObject({
      name: 'AccessDenied', status: 403,
      message: `User: arn:aws:iam::${ACCOUNT}:user/nobody is not authorized to perform: iam:GetPolicy on resource: ${ADMIN} because no identity-based policy allows the iam:GetPolicy action`,
    });
    const getter = await userWith('getter', (u) => root.send(new PutUserPolicyCommand({ UserName: u, PolicyName: 'get', PolicyDocument: allow('iam:GetPolicy', 'iam:DeletePolicy') })));
    expect((await getter.send(new GetPolicyCommand({ PolicyArn: ADMIN }))).Policy?.PolicyName).toBe('AdministratorAccess');
    expect(await failure(getter.send(new DeletePolicyCommand({ PolicyArn: ADMIN })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  it('IAMReadOnlyAccess attached lets a user read IAM but not change it', async () => {
    const reader = await userWith('reader', (u) => root.send(new AttachUserPolicyCommand({ UserName: u, PolicyArn: IAM_READ })));
    expect((await reader.send(new ListRolesCommand({}))).Roles).toBeDefined();
    // Attached to 'full' (above) and 'reader'.
    expect((await reader.send(new GetPolicyCommand({ PolicyArn: IAM_READ }))).Policy?.AttachmentCount).toBe(2);
    expect(await failure(reader.send(new CreateRoleCommand({ RoleName: 'nope', AssumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`) })))).toMatchObject({
      name: 'AccessDenied', status: 403,
      message: `User: arn:aws:iam::${ACCOUNT}:user/reader is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACCOUNT}:role/nope because no identity-based policy allows the iam:CreateRole action`,
    });
  });

  it('PowerUserAccess attached allows what its NotAction leaves and the IAM actions it names, no other', async () => {
    const power = await userWith('power', (u) => root.send(new AttachUserPolicyCommand({ UserName: u, PolicyArn: POWER })));
    await power.send(new ListRolesCommand({}));
    expect(await failure(power.send(new GetPolicyCommand({ PolicyArn: POWER })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  it('AdministratorAccess attached allows everything, and stops allowing once detached', async () => {
    const admin = await userWith('admin', (u) => root.send(new AttachUserPolicyCommand({ UserName: u, PolicyArn: ADMIN })));
    await admin.send(new CreateRoleCommand({ RoleName: 'made-by-admin', AssumeRolePolicyDocument: trust(`arn:aws:iam::${ACCOUNT}:root`) }));
    await admin.send(new CreatePolicyCommand({ PolicyName: 'made-by-admin', PolicyDocument: allow('iam:GetUser') }));
    await root.send(new DetachUserPolicyCommand({ UserName: 'admin', PolicyArn: ADMIN }));
    expect(await failure(admin.send(new ListRolesCommand({})))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  it('as a permissions boundary: IAMReadOnlyAccess caps a broad inline policy, AdministratorAccess caps nothing', async () => {
    const inlineAll = (u: string) => root.send(new PutUserPolicyCommand({ UserName: u, PolicyName: 'all', PolicyDocument: allow('iam:*') }));
    const capped = await userWith('capped', async (u) => {
      await inlineAll(u);
      await root.send(new PutUserPermissionsBoundaryCommand({ UserName: u, PermissionsBoundary: IAM_READ }));
    });
    await capped.send(new ListRolesCommand({}));
    const denied = await failure(capped.send(new CreateUserCommand({ UserName: 'nope' })));
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(denied.message).toContain('because no permissions boundary allows the iam:CreateUser action');

    const uncapped = await userWith('uncapped', async (u) => {
      await inlineAll(u);
      await root.send(new PutUserPermissionsBoundaryCommand({ UserName: u, PermissionsBoundary: ADMIN }));
    });
    await uncapped.send(new CreateUserCommand({ UserName: 'made-by-uncapped' }));
    // A boundary grants nothing by itself.
    const bare = await userWith('bare', (u) => root.send(new PutUserPermissionsBoundaryCommand({ UserName: u, PermissionsBoundary: ADMIN })));
    expect(await failure(bare.send(new ListRolesCommand({})))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(root.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bare', PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })))).toMatchObject({
      name: 'NoSuchEntityException', message: 'Scope ARN: arn:aws:iam::aws:policy/ReadOnlyAccess does not exist or is not attachable.',
    });
  });

  it('as a session policy: AssumeRole with PolicyArns narrows an administrator role to what IAMReadOnlyAccess allows', async () => {
    const caller = await root.send(new CreateUserCommand({ UserName: 'assumer' }));
    await root.send(new AttachUserPolicyCommand({ UserName: 'assumer', PolicyArn: ADMIN }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'assumer' }))).AccessKey!;
    const role = (await root.send(new CreateRoleCommand({ RoleName: 'admin-role', AssumeRolePolicyDocument: trust(caller.User!.Arn!) }))).Role!;
    await root.send(new AttachRolePolicyCommand({ RoleName: 'admin-role', PolicyArn: ADMIN }));
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: role.Arn!, RoleSessionName: 'narrow', PolicyArns: [{ arn: IAM_READ }] }));
    const c = assumed.Credentials!;
    const session = iamAs({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! });
    await session.send(new ListRolesCommand({}));
    const denied = await failure(session.send(new CreateUserCommand({ UserName: 'nope' })));
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(denied.message).toContain('because no session policy allows the iam:CreateUser action');
    expect(await failure(sts.send(new AssumeRoleCommand({ RoleArn: role.Arn!, RoleSessionName: 'unknown', PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] })))).toMatchObject({
      name: 'MalformedPolicyDocumentException', message: 'Policy arn:aws:iam::aws:policy/ReadOnlyAccess does not exist or is not attachable.',
    });
  });
});
