/**
 * Managed policy versions through the AWS SDK against a started rolegate: versions are
 * created (optionally as the default), read back URL-decoded by the SDK, listed newest
 * first and page by page, switched and deleted under AWS's rules — and a user's very next
 * request is decided by the policy's new default version.
 */
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListPolicyVersionsCommand,
  ListRolesCommand,
  ListUsersCommand,
  SetDefaultPolicyVersionCommand,
  paginateListPolicyVersions,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure as failure, startRolegate, type Started } from './harness.js';

const allow = (action: string): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });


describe('managed policy versions', () => {
  let server: Started;
  let root: IAMClient;
  let user: IAMClient;
  let arn: string;

  beforeAll(async () => {
    server = await startRolegate();
    root = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    arn = (await root.send(new CreatePolicyCommand({ PolicyName: 'versioned', PolicyDocument: allow('iam:ListRoles') }))).Policy!.Arn!;
    await root.send(new CreateUserCommand({ UserName: 'vera' }));
    await root.send(new AttachUserPolicyCommand({ UserName: 'vera', PolicyArn: arn }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'vera' }))).AccessKey!;
    user = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
  });
  afterAll(async () => server.close());

  it('creates a version that is not the default unless asked, and decisions follow the default', async () => {
    await user.send(new ListRolesCommand({}));
    const v2 = (await root.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('iam:ListUsers') }))).PolicyVersion!;
    expect(v2).toMatchObject({ VersionId: 'v2', IsDefaultVersion: false });
    expect(v2.Document).toBeUndefined();
    await user.send(new ListRolesCommand({})); // v1 still decides
    expect((await failure(user.send(new ListUsersCommand({})))).name).toBe('AccessDenied');

    await root.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }));
    expect((await root.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe('v2');
    await user.send(new ListUsersCommand({}));
    expect((await failure(user.send(new ListRolesCommand({})))).name).toBe('AccessDenied');

    const v3 = (await root.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('iam:*'), SetAsDefault: true }))).PolicyVersion!;
    expect(v3).toMatchObject({ VersionId: 'v3', IsDefaultVersion: true });
    await user.send(new ListRolesCommand({}));
  });

  it('reads a version with its document, and lists versions newest first, page by page', async () => {
    const got = (await root.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }))).PolicyVersion!;
    expect(JSON.parse(decodeURIComponent(got.Document!))).toEqual(JSON.parse(allow('iam:ListUsers')));
    expect(got).toMatchObject({ VersionId: 'v2', IsDefaultVersion: false });
    const listed = (await root.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions!;
    expect(listed.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([['v3', true], ['v2', false], ['v1', false]]);
    expect(listed.every((v) => v.Document === undefined)).toBe(true);
    const paged: string[] = [];
    for await (const page of paginateListPolicyVersions({ client: root, pageSize: 2 }, { PolicyArn: arn })) paged.push(...page.Versions!.map((v) => v.VersionId!));
    expect(paged).toEqual(['v3', 'v2', 'v1']);
  });

  it('keeps at most five versions, never deletes the default, and never reuses an id', async () => {
    await root.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:GetObject') }));
    await root.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:PutObject') }));
    const over = await failure(root.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:*') })));
    expect(over).toMatchObject({ name: 'LimitExceededException', status: 409 });
    expect(over.message).toBe('A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.');

    expect(await failure(root.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' })))).toMatchObject({
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete the default version of a policy.',
    });
    await root.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' }));
    const v6 = (await root.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:*') }))).PolicyVersion!;
    expect(v6.VersionId).toBe('v6');
    expect(await failure(root.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(await failure(root.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' })))).toMatchObject({ name: 'NoSuchEntityException' });
    expect(await failure(root.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: '{"Version":"2012-10-17"' })))).toMatchObject({ name: 'MalformedPolicyDocumentException' });
  });

  it('lets DeletePolicy go only once the non-default versions are gone', async () => {
    const other = (await root.send(new CreatePolicyCommand({ PolicyName: 'short-lived', PolicyDocument: allow('s3:GetObject') }))).Policy!.Arn!;
    await root.send(new CreatePolicyVersionCommand({ PolicyArn: other, PolicyDocument: allow('s3:PutObject'), SetAsDefault: true }));
    expect((await failure(root.send(new DeletePolicyCommand({ PolicyArn: other })))).name).toBe('DeleteConflictException');
    await root.send(new DeletePolicyVersionCommand({ PolicyArn: other, VersionId: 'v1' }));
    await root.send(new DeletePolicyCommand({ PolicyArn: other }));
    expect((await failure(root.send(new GetPolicyCommand({ PolicyArn: other })))).name).toBe('NoSuchEntityException');
  });
});
