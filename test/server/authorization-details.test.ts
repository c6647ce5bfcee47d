/**
 * GetAccountAuthorizationDetails through the AWS SDK against a started rolegate: every
 * user, group, role and customer managed policy with what bears on each, documents
 * URL-encoded as IAM sends them, Filter, and the SDK's paginator walking the pages.
 */
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccountAuthorizationDetailsCommand,
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure as failure, startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';
const allow = (action: string): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('GetAccountAuthorizationDetails', () => {
  let server: Started;
  let root: IAMClient;
  let policyArn: string;

  beforeAll(async () => {
    server = await startRolegate();
    root = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    policyArn = (await root.send(new CreatePolicyCommand({ PolicyName: 'read', Path: '/app/', PolicyDocument: allow('s3:GetObject'), Description: 'reads' }))).Policy!.Arn!;
    await root.send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: allow('s3:ListBucket'), SetAsDefault: true }));
    await root.send(new CreateUserCommand({ UserName: 'alice', Tags: [{ Key: 'team', Value: 'blue' }], PermissionsBoundary: policyArn }));
    await root.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'own', PolicyDocument: allow('iam:GetUser') }));
    await root.send(new CreateGroupCommand({ GroupName: 'ops' }));
    await root.send(new PutGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'list', PolicyDocument: allow('iam:ListUsers') }));
    await root.send(new AttachGroupPolicyCommand({ GroupName: 'ops', PolicyArn: policyArn }));
    await root.send(new AddUserToGroupCommand({ GroupName: 'ops', UserName: 'alice' }));
    await root.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: trust }));
    await root.send(new PutRolePolicyCommand({ RoleName: 'app', PolicyName: 'inline', PolicyDocument: allow('s3:PutObject') }));
    await root.send(new AttachRolePolicyCommand({ RoleName: 'app', PolicyArn: policyArn }));
  });
  afterAll(async () => server.close());

  it('shows every entity with its policies, relationships and documents', async () => {
    const out = await root.send(new GetAccountAuthorizationDetailsCommand({}));
    expect(out.IsTruncated).toBe(false);
    expect(out.UserDetailList).toHaveLength(1);
    const alice = out.UserDetailList![0]!;
    expect(alice).toMatchObject({
      UserName: 'alice',
      Path: '/',
      Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      GroupList: ['ops'],
      AttachedManagedPolicies: [],
      PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: policyArn },
      Tags: [{ Key: 'team', Value: 'blue' }],
    });
    expect(alice.UserPolicyList!.map((p) => ({ name: p.PolicyName, doc: decodeURIComponent(p.PolicyDocument!) }))).toEqual([{ name: 'own', doc: allow('iam:GetUser') }]);

    expect(out.GroupDetailList).toHaveLength(1);
    expect(out.GroupDetailList![0]).toMatchObject({ GroupName: 'ops', Arn: `arn:aws:iam::${ACCOUNT}:group/ops`, AttachedManagedPolicies: [{ PolicyName: 'read', PolicyArn: policyArn }] });
    expect(decodeURIComponent(out.GroupDetailList![0]!.GroupPolicyList![0]!.PolicyDocument!)).toBe(allow('iam:ListUsers'));

    const app = out.RoleDetailList!.find((r) => r.RoleName === 'app')!;
    expect(app).toMatchObject({ Arn: `arn:aws:iam::${ACCOUNT}:role/app`, InstanceProfileList: [], AttachedManagedPolicies: [{ PolicyName: 'read', PolicyArn: policyArn }], RoleLastUsed: {} });
    expect(JSON.parse(decodeURIComponent(app.AssumeRolePolicyDocument!))).toEqual(JSON.parse(trust));
    expect(app.RolePolicyList!.map((p) => p.PolicyName)).toEqual(['inline']);

    expect(out.Policies).toHaveLength(1);
    const read = out.Policies![0]!;
    expect(read).toMatchObject({ PolicyName: 'read', Path: '/app/', DefaultVersionId: 'v2', AttachmentCount: 2, PermissionsBoundaryUsageCount: 1, IsAttachable: true, Description: 'reads' });
    expect(read.PolicyVersionList!.map((v) => [v.VersionId, v.IsDefaultVersion, decodeURIComponent(v.Document!)]).sort()).toEqual([
      ['v1', false, allow('s3:GetObject')],
      ['v2', true, allow('s3:ListBucket')],
    ]);
  });

  it('keeps only the entity types the Filter names', async () => {
    const groupsAndPolicies = await root.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Group', 'LocalManagedPolicy'] }));
    expect(groupsAndPolicies.UserDetailList).toEqual([]);
    expect(groupsAndPolicies.RoleDetailList).toEqual([]);
    expect(groupsAndPolicies.GroupDetailList!.map((g) => g.GroupName)).toEqual(['ops']);
    expect(groupsAndPolicies.Policies!.map((p) => p.PolicyName)).toEqual(['read']);
    const roles = await root.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    expect(roles.RoleDetailList!.map((r) => r.RoleName)).toEqual(['app']);
    expect(roles.Policies).toEqual([]);
    expect(await failure(root.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Users' as 'User'] })))).toMatchObject({ name: 'ValidationError', status: 400 });
  });

  it('pages across all four lists for the SDK paginator', async () => {
    for (const name of ['r1', 'r2', 'r3']) await root.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }));
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateGetAccountAuthorizationDetails({ client: root, pageSize: 2 }, {})) {
      pages++;
      const names = [
        ...page.UserDetailList!.map((u) => `user:${u.UserName}`),
        ...page.GroupDetailList!.map((g) => `group:${g.GroupName}`),
        ...page.RoleDetailList!.map((r) => `role:${r.RoleName}`),
        ...page.Policies!.map((p) => `policy:${p.PolicyName}`),
      ];
      expect(names.length).toBeLessThanOrEqual(2);
      seen.push(...names);
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(['user:alice', 'group:ops', 'role:app', 'role:r1', 'role:r2', 'role:r3', 'policy:read']);
  });

  it("lists AWS's managed policies the account uses, and only those", async () => {
    const readOnly = 'arn:aws:iam::aws:policy/IAMReadOnlyAccess';
    expect((await root.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['AWSManagedPolicy'] }))).Policies).toEqual([]);
    await root.send(new AttachGroupPolicyCommand({ GroupName: 'ops', PolicyArn: readOnly }));
    const out = await root.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['AWSManagedPolicy', 'Group'] }));
    expect(out.Policies!.map((p) => [p.Arn, p.AttachmentCount, p.DefaultVersionId])).toEqual([[readOnly, 1, 'v4']]);
    expect(out.Policies![0]!.PolicyVersionList!.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([['v4', true]]);
    expect(JSON.parse(decodeURIComponent(out.Policies![0]!.PolicyVersionList![0]!.Document!)).Version).toBe('2012-10-17');
    expect(out.GroupDetailList![0]!.AttachedManagedPolicies).toContainEqual({ PolicyName: 'IAMReadOnlyAccess', PolicyArn: readOnly });
    const local = await root.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['LocalManagedPolicy'] }));
    expect(local.Policies!.map((p) => p.PolicyName)).toEqual(['read']);
  });

  it('is authorized as iam:GetAccountAuthorizationDetails on *', async () => {
    await root.send(new CreateUserCommand({ UserName: 'auditor' }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'auditor' }))).AccessKey!;
    const auditor = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
    const denied = await failure(auditor.send(new GetAccountAuthorizationDetailsCommand({})));
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(denied.message).toContain('iam:GetAccountAuthorizationDetails on resource: *');
    await root.send(new PutUserPolicyCommand({ UserName: 'auditor', PolicyName: 'audit', PolicyDocument: allow('iam:GetAccountAuthorizationDetails') }));
    expect((await auditor.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User'] }))).UserDetailList!.map((u) => u.UserName)).toEqual(['alice', 'auditor']);
  });
});
