/**
 * Permissions boundaries put on and taken off existing users and roles, through the AWS
 * SDK against a started rolegate: each change is shown by GetUser/GetRole and
 * GetPolicy's usage count, and narrows (or stops narrowing) the very next request.
 */
import {
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteUserPermissionsBoundaryCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  ListRolesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure as failure, startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const policy = (...actions: string[]): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });


describe('permissions boundaries on existing users and roles', () => {
  let server: Started;
  let root: IAMClient;
  let fence: string; // allows iam:GetUser and iam:GetRole only
  const iamAs = (credentials: Creds): IAMClient => new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials });

  beforeAll(async () => {
    server = await startRolegate();
    root = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    fence = (await root.send(new CreatePolicyCommand({ PolicyName: 'fence', PolicyDocument: policy('iam:GetUser', 'iam:GetRole') }))).Policy!.Arn!;
  });
  afterAll(async () => server.close());

  it('a user: the boundary is shown, counted, narrows at once, and is taken off again', async () => {
    await root.send(new CreateUserCommand({ UserName: 'carol' }));
    await root.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'wide', PolicyDocument: policy('iam:ListRoles', 'iam:GetUser') }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'carol' }))).AccessKey!;
    const carol = iamAs({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    await carol.send(new ListRolesCommand({}));

    await root.send(new PutUserPermissionsBoundaryCommand({ UserName: 'carol', PermissionsBoundary: fence }));
    expect((await root.send(new GetUserCommand({ UserName: 'carol' }))).User?.PermissionsBoundary).toEqual({ PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: fence });
    expect((await root.send(new GetPolicyCommand({ PolicyArn: fence }))).Policy?.PermissionsBoundaryUsageCount).toBe(1);
    const denied = await failure(carol.send(new ListRolesCommand({})));
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(denied.message).toContain('permissions boundary');
    await carol.send(new GetUserCommand({ UserName: 'carol' }));

    await root.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'carol' }));
    expect((await root.send(new GetUserCommand({ UserName: 'carol' }))).User?.PermissionsBoundary).toBeUndefined();
    expect((await root.send(new GetPolicyCommand({ PolicyArn: fence }))).Policy?.PermissionsBoundaryUsageCount).toBe(0);
    await carol.send(new ListRolesCommand({}));
  });

  it("a role: its sessions are narrowed by a boundary put after they were issued", async () => {
    const user = await root.send(new CreateUserCommand({ UserName: 'dave' }));
    await root.send(new PutUserPolicyCommand({ UserName: 'dave', PolicyName: 'assume', PolicyDocument: policy('sts:AssumeRole') }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'dave' }))).AccessKey!;
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: user.User!.Arn }, Action: 'sts:AssumeRole' }] };
    const role = await root.send(new CreateRoleCommand({ RoleName: 'ops', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await root.send(new PutRolePolicyCommand({ RoleName: 'ops', PolicyName: 'wide', PolicyDocument: policy('iam:ListRoles', 'iam:GetRole') }));
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
    const c = (await sts.send(new AssumeRoleCommand({ RoleArn: role.Role!.Arn!, RoleSessionName: 'ops-1' }))).Credentials!;
    const session = iamAs({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! });
    await session.send(new ListRolesCommand({}));

    await root.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'ops', PermissionsBoundary: fence }));
    expect((await root.send(new GetRoleCommand({ RoleName: 'ops' }))).Role?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(fence);
    expect(await failure(session.send(new ListRolesCommand({})))).toMatchObject({ name: 'AccessDenied', status: 403 });
    await session.send(new GetRoleCommand({ RoleName: 'ops' }));

    await root.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'ops' }));
    expect((await root.send(new GetRoleCommand({ RoleName: 'ops' }))).Role?.PermissionsBoundary).toBeUndefined();
    await session.send(new ListRolesCommand({}));
  });

  it('refuses a boundary policy or an entity that does not exist, and changes nothing', async () => {
    await root.send(new CreateUserCommand({ UserName: 'erin' }));
    const missing = `arn:aws:iam::${ACCOUNT}:policy/no-such-fence`;
    expect(await failure(root.send(new PutUserPermissionsBoundaryCommand({ UserName: 'erin', PermissionsBoundary: missing })))).toMatchObject({
      name: 'NoSuchEntityException',
      status: 404,
    });
    expect((await root.send(new GetUserCommand({ UserName: 'erin' }))).User?.PermissionsBoundary).toBeUndefined();
    expect(await failure(root.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'no-such-role', PermissionsBoundary: fence })))).toMatchObject({
      name: 'NoSuchEntityException',
      status: 404,
    });
    expect(await failure(root.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'no-such-user' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  it('is authorized as iam:PutUserPermissionsBoundary with the iam:PermissionsBoundary key', async () => {
    await root.send(new CreateUserCommand({ UserName: 'frank' }));
    await root.send(new CreateUserCommand({ UserName: 'target' }));
    const only = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:PutUserPermissionsBoundary', Resource: '*', Condition: { StringEquals: { 'iam:PermissionsBoundary': fence } } }],
    });
    await root.send(new PutUserPolicyCommand({ UserName: 'frank', PolicyName: 'delegate', PolicyDocument: only }));
    const other = (await root.send(new CreatePolicyCommand({ PolicyName: 'other', PolicyDocument: policy('s3:*') }))).Policy!.Arn!;
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'frank' }))).AccessKey!;
    const frank = iamAs({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    expect(await failure(frank.send(new PutUserPermissionsBoundaryCommand({ UserName: 'target', PermissionsBoundary: other })))).toMatchObject({ name: 'AccessDenied' });
    await frank.send(new PutUserPermissionsBoundaryCommand({ UserName: 'target', PermissionsBoundary: fence }));
    expect((await root.send(new GetUserCommand({ UserName: 'target' }))).User?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(fence);
  });
});
