/**
 * ListPolicies and ListEntitiesForPolicy through the AWS SDK against a started rolegate:
 * the account's customer managed policies by name (with AWS's, which
 * aws-managed-policies.test.ts covers), filtered by Scope, PathPrefix,
 * OnlyAttached and PolicyUsageFilter, paged by the SDK's paginator, without descriptions
 * or tags; and who uses a policy, as a permissions policy or as a boundary.
 */
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  AttachUserPolicyCommand,
  CreateUserCommand,
  IAMClient,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  paginateListPolicies,
  type ListPoliciesCommandInput,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure, startRolegate, type Started } from './harness.js';
import { SERVICE_ROLE_POLICY_ENTRIES } from '../../src/store/aws-service-role-policies.js';

/** AWS's served policies by name as ListPolicies orders them (case-insensitively), with `extra`. */
const awsPolicyNames = (...extra: string[]): string[] =>
  ['AdministratorAccess', 'IAMFullAccess', 'IAMReadOnlyAccess', 'PowerUserAccess', ...SERVICE_ROLE_POLICY_ENTRIES.map((e) => e.name), ...extra]
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));

const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const ec2Trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('ListPolicies', () => {
  let server: Started;
  let iam: IAMClient;
  const names = async (input: ListPoliciesCommandInput) =>
    ((await iam.send(new ListPoliciesCommand(input))).Policies ?? []).map((p) => p.PolicyName);

  beforeAll(async () => {
    server = await startRolegate();
    iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    for (const [name, path] of [['charlie', '/'], ['alpha', '/app/'], ['Bravo', '/app/'], ['delta', '/ops/']] as const) {
      await iam.send(new CreatePolicyCommand({ PolicyName: name, Path: path, PolicyDocument: document, Description: `the ${name} policy`, Tags: [{ Key: 'k', Value: 'v' }] }));
    }
    await iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: ec2Trust, PermissionsBoundary: `arn:aws:iam::000000000000:policy/ops/delta` }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'worker', PolicyArn: 'arn:aws:iam::000000000000:policy/app/alpha' }));
  });
  afterAll(async () => server.close());

  it("lists the account policies by name among AWS's, without description or tags", async () => {
    const listed = (await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies ?? [];
    expect(listed.map((p) => p.PolicyName)).toEqual(['alpha', 'Bravo', 'charlie', 'delta']);
    expect(listed[0]).toMatchObject({ Arn: 'arn:aws:iam::000000000000:policy/app/alpha', Path: '/app/', DefaultVersionId: 'v1', AttachmentCount: 1, IsAttachable: true });
    expect(listed.every((p) => p.Description === undefined && p.Tags === undefined)).toBe(true);
    expect(await names({})).toEqual(awsPolicyNames('alpha', 'Bravo', 'charlie', 'delta'));
  });

  it('filters by path prefix, attachment and usage', async () => {
    expect(await names({ PathPrefix: '/app/' })).toEqual(['alpha', 'Bravo']);
    expect(await names({ OnlyAttached: true })).toEqual(['alpha']);
    expect(await names({ PolicyUsageFilter: 'PermissionsPolicy' })).toEqual(['alpha']);
    expect(await names({ PolicyUsageFilter: 'PermissionsBoundary' })).toEqual(['delta']);
  });

  it('pages with the SDK paginator', async () => {
    const paged: string[] = [];
    for await (const page of paginateListPolicies({ client: iam, pageSize: 3 }, { Scope: 'Local' })) paged.push(...(page.Policies ?? []).map((p) => p.PolicyName!));
    expect(paged).toEqual(['alpha', 'Bravo', 'charlie', 'delta']);
  });

  it('names the users and roles that use a policy, by usage, kind and path', async () => {
    const delta = 'arn:aws:iam::000000000000:policy/ops/delta';
    await iam.send(new CreateUserCommand({ UserName: 'zed', Path: '/team/' }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'zed', PolicyArn: delta }));
    const all = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: delta }));
    expect(all.PolicyUsers?.map((u) => u.UserName)).toEqual(['zed']);
    expect(all.PolicyRoles?.map((r) => r.RoleName)).toEqual(['worker']);
    expect(all.PolicyRoles?.[0]?.RoleId).toMatch(/^AROA/);
    expect(all.PolicyGroups).toEqual([]);
    const boundaryOnly = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: delta, PolicyUsageFilter: 'PermissionsBoundary' }));
    expect([boundaryOnly.PolicyUsers, boundaryOnly.PolicyRoles?.map((r) => r.RoleName)]).toEqual([[], ['worker']]);
    const attachedOnly = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: delta, PolicyUsageFilter: 'PermissionsPolicy' }));
    expect([attachedOnly.PolicyUsers?.map((u) => u.UserName), attachedOnly.PolicyRoles]).toEqual([['zed'], []]);
    expect((await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: delta, EntityFilter: 'Role' }))).PolicyUsers).toEqual([]);
    expect((await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: delta, PathPrefix: '/team/' }))).PolicyRoles).toEqual([]);
    const first = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: delta, MaxItems: 1 }));
    expect(first).toMatchObject({ IsTruncated: true, PolicyUsers: [{ UserName: 'zed' }], PolicyRoles: [] });
    const second = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: delta, MaxItems: 1, Marker: first.Marker }));
    expect(second).toMatchObject({ IsTruncated: false, PolicyUsers: [], PolicyRoles: [{ RoleName: 'worker' }] });
    expect(await sdkFailure(iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: 'arn:aws:iam::000000000000:policy/none' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });
});
