/**
 * The AWS SDK's paginators and waiters, as IAM's model defines them
 * (../shared/aws-reference/iam.paginators-1.json and iam.waiters-2.json, read in place),
 * against a started rolegate: every paginator of an operation rolegate serves walks its
 * list one small page at a time and finds every item exactly once; every waiter of an
 * operation rolegate serves waits for an entity created while it waits.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as sdk from '@aws-sdk/client-iam';
import {
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  waitUntilInstanceProfileExists,
  waitUntilPolicyExists,
  waitUntilRoleExists,
  waitUntilUserExists,
} from '@aws-sdk/client-iam';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IAM_OPERATIONS } from '../../src/protocol/index.js';
import { startRolegate, type Started } from './harness.js';

const REFERENCE = path.resolve(import.meta.dirname, '../../../shared/aws-reference');
const PAGINATORS = path.join(REFERENCE, 'iam.paginators-1.json');
const WAITERS = path.join(REFERENCE, 'iam.waiters-2.json');
const HAVE = existsSync(PAGINATORS) && existsSync(WAITERS);
if (!HAVE) console.warn("skipped: IAM's paginators and waiters (the model files are not at ../shared/aws-reference)");

const ACCOUNT = '000000000000';
const SERVED = new Set(Object.keys(IAM_OPERATIONS));
const allow = (action: string): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const policyArn = (name: string): string => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const mfaSerials = [1, 2, 3].map((i) => `arn:aws:iam::${ACCOUNT}:mfa/pm-${i}`);

/** One walk: the operation's input, and how to name each item of a page. */
interface Walk {
  readonly input: object;
  readonly items: (page: Record<string, unknown>) => string[];
  readonly expected: readonly string[];
}

const names = (key: string, field: string) => (page: Record<string, unknown>): string[] =>
  ((page[key] as Record<string, unknown>[] | undefined) ?? []).map((x) => String(x[field]));
const strings = (key: string) => (page: Record<string, unknown>): string[] => ((page[key] as string[] | undefined) ?? []).map(String);

/** The seeded world: every list below has three items (or what IAM's quotas allow). */
const WALKS: Readonly<Record<string, Walk>> = {
  ListUsers: { input: { PathPrefix: '/pager/' }, items: names('Users', 'UserName'), expected: ['pu-1', 'pu-2', 'pu-3'] },
  ListUserTags: { input: { UserName: 'pu-1' }, items: names('Tags', 'Key'), expected: ['t1', 't2', 't3'] },
  ListAccessKeys: { input: { UserName: 'pu-1' }, items: (p) => names('AccessKeyMetadata', 'UserName')(p), expected: ['pu-1', 'pu-1'] },
  ListUserPolicies: { input: { UserName: 'pu-1' }, items: strings('PolicyNames'), expected: ['u1', 'u2', 'u3'] },
  ListAttachedUserPolicies: { input: { UserName: 'pu-1' }, items: names('AttachedPolicies', 'PolicyName'), expected: ['pp-1', 'pp-2', 'pp-3'] },
  ListGroupsForUser: { input: { UserName: 'pu-1' }, items: names('Groups', 'GroupName'), expected: ['pg-1', 'pg-2', 'pg-3'] },
  ListGroups: { input: { PathPrefix: '/pager/' }, items: names('Groups', 'GroupName'), expected: ['pg-1', 'pg-2', 'pg-3'] },
  GetGroup: { input: { GroupName: 'pg-1' }, items: names('Users', 'UserName'), expected: ['pu-1', 'pu-2', 'pu-3'] },
  ListGroupPolicies: { input: { GroupName: 'pg-1' }, items: strings('PolicyNames'), expected: ['g1', 'g2', 'g3'] },
  ListAttachedGroupPolicies: { input: { GroupName: 'pg-1' }, items: names('AttachedPolicies', 'PolicyName'), expected: ['pp-1', 'pp-2', 'pp-3'] },
  ListRoles: { input: { PathPrefix: '/pager/' }, items: names('Roles', 'RoleName'), expected: ['pr-1', 'pr-2', 'pr-3'] },
  ListRolePolicies: { input: { RoleName: 'pr-1' }, items: strings('PolicyNames'), expected: ['r1', 'r2', 'r3'] },
  ListAttachedRolePolicies: { input: { RoleName: 'pr-1' }, items: names('AttachedPolicies', 'PolicyName'), expected: ['pp-1', 'pp-2', 'pp-3'] },
  ListPolicies: { input: { Scope: 'Local', PathPrefix: '/' }, items: names('Policies', 'PolicyName'), expected: ['pp-1', 'pp-2', 'pp-3'] },
  ListPolicyVersions: { input: { PolicyArn: policyArn('pp-1') }, items: names('Versions', 'VersionId'), expected: ['v3', 'v2', 'v1'] }, // newest first
  ListEntitiesForPolicy: {
    input: { PolicyArn: policyArn('pp-1') },
    items: (p) => [...names('PolicyGroups', 'GroupName')(p), ...names('PolicyUsers', 'UserName')(p), ...names('PolicyRoles', 'RoleName')(p)],
    expected: ['pg-1', 'pu-1', 'pr-1'],
  },
  ListInstanceProfiles: { input: { PathPrefix: '/pager/' }, items: names('InstanceProfiles', 'InstanceProfileName'), expected: ['pi-1', 'pi-2', 'pi-3'] },
  ListInstanceProfilesForRole: { input: { RoleName: 'pr-1' }, items: names('InstanceProfiles', 'InstanceProfileName'), expected: ['pi-1', 'pi-2', 'pi-3'] },
  ListAccountAliases: { input: {}, items: strings('AccountAliases'), expected: ['pager-corp'] },
  GetAccountAuthorizationDetails: {
    input: { Filter: ['Group'] },
    items: names('GroupDetailList', 'GroupName'),
    expected: ['pg-1', 'pg-2', 'pg-3'],
  },
  ListMFADevices: { input: { UserName: 'pu-1' }, items: names('MFADevices', 'SerialNumber'), expected: mfaSerials },
  ListVirtualMFADevices: { input: {}, items: names('VirtualMFADevices', 'SerialNumber'), expected: mfaSerials },
  SimulatePrincipalPolicy: {
    input: { PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/pager/pu-1`, ActionNames: ['iam:GetUser', 'iam:ListUsers', 'iam:CreateUser'] },
    items: names('EvaluationResults', 'EvalActionName'),
    expected: ['iam:GetUser', 'iam:ListUsers', 'iam:CreateUser'],
  },
  SimulateCustomPolicy: {
    input: { PolicyInputList: [allow('iam:Get*')], ActionNames: ['iam:GetUser', 'iam:ListUsers', 'iam:CreateUser'] },
    items: names('EvaluationResults', 'EvalActionName'),
    expected: ['iam:GetUser', 'iam:ListUsers', 'iam:CreateUser'],
  },
};

describe.skipIf(!HAVE)("the AWS SDK's IAM paginators and waiters", () => {
  let server: Started;
  let root: IAMClient;
  const paginators = HAVE ? Object.keys((JSON.parse(readFileSync(PAGINATORS, 'utf8')) as { pagination: Record<string, unknown> }).pagination) : [];
  const waiters = HAVE ? (JSON.parse(readFileSync(WAITERS, 'utf8')) as { waiters: Record<string, { operation: string }> }).waiters : {};

  beforeAll(async () => {
    server = await startRolegate();
    root = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    const send = <T>(c: { input: T }) => root.send(c as never);
    for (let i = 1; i <= 3; i++) {
      await send(new CreatePolicyCommand({ PolicyName: `pp-${i}`, PolicyDocument: allow('iam:GetUser') }));
      await send(new CreateUserCommand({ UserName: `pu-${i}`, Path: '/pager/' }));
      await send(new CreateGroupCommand({ GroupName: `pg-${i}`, Path: '/pager/' }));
      await send(new CreateRoleCommand({ RoleName: `pr-${i}`, Path: '/pager/', AssumeRolePolicyDocument: trust }));
      await send(new CreateInstanceProfileCommand({ InstanceProfileName: `pi-${i}`, Path: '/pager/' }));
      await send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: `pi-${i}`, RoleName: 'pr-1' }));
      await send(new AddUserToGroupCommand({ GroupName: 'pg-1', UserName: `pu-${i}` }));
      await send(new AddUserToGroupCommand({ GroupName: `pg-${i}`, UserName: 'pu-1' }));
      await send(new PutUserPolicyCommand({ UserName: 'pu-1', PolicyName: `u${i}`, PolicyDocument: allow('iam:GetUser') }));
      await send(new PutGroupPolicyCommand({ GroupName: 'pg-1', PolicyName: `g${i}`, PolicyDocument: allow('iam:GetGroup') }));
      await send(new PutRolePolicyCommand({ RoleName: 'pr-1', PolicyName: `r${i}`, PolicyDocument: allow('iam:GetRole') }));
      await send(new AttachUserPolicyCommand({ UserName: 'pu-1', PolicyArn: policyArn(`pp-${i}`) }));
      await send(new AttachGroupPolicyCommand({ GroupName: 'pg-1', PolicyArn: policyArn(`pp-${i}`) }));
      await send(new AttachRolePolicyCommand({ RoleName: 'pr-1', PolicyArn: policyArn(`pp-${i}`) }));
    }
    await send(new sdk.TagUserCommand({ UserName: 'pu-1', Tags: [1, 2, 3].map((i) => ({ Key: `t${i}`, Value: 'v' })) }));
    await send(new CreateAccessKeyCommand({ UserName: 'pu-1' }));
    await send(new CreateAccessKeyCommand({ UserName: 'pu-1' }));
    await send(new CreatePolicyVersionCommand({ PolicyArn: policyArn('pp-1'), PolicyDocument: allow('iam:ListUsers') }));
    await send(new CreatePolicyVersionCommand({ PolicyArn: policyArn('pp-1'), PolicyDocument: allow('iam:ListRoles') }));
    await send(new CreateAccountAliasCommand({ AccountAlias: 'pager-corp' }));
    // Three virtual MFA devices, each enabled for pu-1 with two consecutive codes of its seed.
    for (let i = 1; i <= 3; i++) {
      const device = (await root.send(new sdk.CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `pm-${i}` }))).VirtualMFADevice!;
      const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(Buffer.from(device.Base32StringSeed!).toString('ascii')) });
      const now = Date.now();
      await root.send(new sdk.EnableMFADeviceCommand({
        UserName: 'pu-1',
        SerialNumber: device.SerialNumber!,
        AuthenticationCode1: totp.generate({ timestamp: now - 30_000 }),
        AuthenticationCode2: totp.generate({ timestamp: now }),
      }));
    }
  });
  afterAll(async () => server?.close());

  it('has a walk for every paginator of an operation rolegate serves', () => {
    const served = paginators.filter((op) => SERVED.has(op));
    expect(served.filter((op) => WALKS[op] === undefined)).toEqual([]);
    expect(Object.keys(WALKS).filter((op) => !served.includes(op))).toEqual([]);
  });

  for (const [op, walk] of Object.entries(WALKS)) {
    it(`walks ${op} one item a page, every item once`, async () => {
      const paginate = (sdk as unknown as Record<string, (config: object, input: object) => AsyncIterable<Record<string, unknown>>>)[`paginate${op}`];
      expect(paginate).toBeTypeOf('function');
      const seen: string[] = [];
      let pages = 0;
      for await (const page of paginate!({ client: root, pageSize: 1 }, walk.input)) {
        pages++;
        const items = walk.items(page);
        expect(items.length).toBeLessThanOrEqual(1);
        seen.push(...items);
      }
      expect(seen).toEqual(walk.expected);
      expect(pages).toBe(walk.expected.length);
    });
  }

  it('waits with every waiter of an operation rolegate serves, for an entity created while it waits', async () => {
    const served = Object.entries(waiters).filter(([, w]) => SERVED.has(w.operation)).map(([name]) => name);
    expect(served.sort()).toEqual(['InstanceProfileExists', 'PolicyExists', 'RoleExists', 'UserExists']);
    const config = { client: root, maxWaitTime: 30, minDelay: 1, maxDelay: 1 };
    const waits = Promise.all([
      waitUntilUserExists(config, { UserName: 'late-user' }),
      waitUntilRoleExists(config, { RoleName: 'late-role' }),
      waitUntilPolicyExists(config, { PolicyArn: policyArn('late-policy') }),
      waitUntilInstanceProfileExists(config, { InstanceProfileName: 'late-profile' }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await root.send(new CreateUserCommand({ UserName: 'late-user' }));
    await root.send(new CreateRoleCommand({ RoleName: 'late-role', AssumeRolePolicyDocument: trust }));
    await root.send(new CreatePolicyCommand({ PolicyName: 'late-policy', PolicyDocument: allow('iam:GetUser') }));
    await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'late-profile' }));
    const results = await waits;
    expect(results.map((r) => r.state)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS']);
  });
});
