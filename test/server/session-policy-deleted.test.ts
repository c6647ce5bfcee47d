/**
 * A role session given a customer managed policy as its session policy (AssumeRole
 * PolicyArns), when that policy is deleted afterwards: the session keeps no permission
 * the deleted policy allowed, and never falls back to its role's full permissions.
 */
import { AttachRolePolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, DeletePolicyCommand, IAMClient, ListRolesCommand, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure as failure, startRolegate, type Started } from './harness.js';

const allow = (action: string): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

describe('a session policy deleted after the session was issued', () => {
  let server: Started;
  beforeAll(async () => {
    server = await startRolegate();
  });
  afterAll(async () => server.close());

  it('leaves the session with nothing, not with its role', async () => {
    const root = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    const user = await root.send(new CreateUserCommand({ UserName: 'assumer' }));
    await root.send(new PutUserPolicyCommand({ UserName: 'assumer', PolicyName: 'assume', PolicyDocument: allow('sts:AssumeRole') }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'assumer' }))).AccessKey!;
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: user.User!.Arn }, Action: 'sts:AssumeRole' }] });
    const role = (await root.send(new CreateRoleCommand({ RoleName: 'wide', AssumeRolePolicyDocument: trust }))).Role!;
    await root.send(new AttachRolePolicyCommand({ RoleName: 'wide', PolicyArn: (await root.send(new CreatePolicyCommand({ PolicyName: 'iam-all', PolicyDocument: allow('iam:*') }))).Policy!.Arn! }));
    const narrow = (await root.send(new CreatePolicyCommand({ PolicyName: 'narrow', PolicyDocument: allow('iam:ListRoles') }))).Policy!.Arn!;

    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
    const c = (await sts.send(new AssumeRoleCommand({ RoleArn: role.Arn!, RoleSessionName: 's1', PolicyArns: [{ arn: narrow }] }))).Credentials!;
    const session = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } });
    await session.send(new ListRolesCommand({}));
    expect(await failure(session.send(new ListUsersCommand({})))).toMatchObject({ name: 'AccessDenied', status: 403 });

    await root.send(new DeletePolicyCommand({ PolicyArn: narrow }));
    for (const call of [session.send(new ListRolesCommand({})), session.send(new ListUsersCommand({}))]) {
      const denied = await failure(call);
      expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
      expect(denied.message).toContain('because no session policy allows');
    }
  });
});
