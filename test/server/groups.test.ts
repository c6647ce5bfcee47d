/**
 * IAM groups through the AWS SDK against a started rolegate: the group's life cycle, its
 * members both ways, its inline and attached policies, IAM's conflicts and quota — and
 * that a member's very next request is decided with the group's policies, and stops
 * being so decided once the member leaves or the policy goes.
 */
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeleteUserCommand,
  DetachGroupPolicyCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListRolesCommand,
  ListUsersCommand,
  paginateGetGroup,
  paginateListGroups,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-iam';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure as failure, startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const allow = (actions: string[], resource = '*'): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] });
const deny = (actions: string[]): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: actions, Resource: '*' }] });

describe('IAM groups', () => {
  let server: Started;
  let root: IAMClient;
  const iamAs = (credentials: Creds): IAMClient => new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials });

  async function userWithKey(name: string): Promise<{ client: IAMClient; creds: Creds }> {
    await root.send(new CreateUserCommand({ UserName: name }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    const creds = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    return { client: iamAs(creds), creds };
  }

  beforeAll(async () => {
    server = await startRolegate();
    root = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
  });
  afterAll(async () => server.close());

  it('creates, shows, lists, renames and deletes a group as IAM does', async () => {
    const created = (await root.send(new CreateGroupCommand({ GroupName: 'Builders', Path: '/teams/' }))).Group!;
    expect(created).toMatchObject({ GroupName: 'Builders', Path: '/teams/', Arn: `arn:aws:iam::${ACCOUNT}:group/teams/Builders` });
    expect(created.GroupId).toMatch(/^AGPA[A-Z2-7]{17}$/);
    expect(created.CreateDate).toBeInstanceOf(Date);

    // Names are unique without regard to case.
    expect(await failure(root.send(new CreateGroupCommand({ GroupName: 'builders' })))).toMatchObject({
      name: 'EntityAlreadyExistsException', status: 409, message: 'Group with name builders already exists.',
    });
    const shown = await root.send(new GetGroupCommand({ GroupName: 'BUILDERS' }));
    expect(shown.Group).toEqual(created);
    expect(shown.Users).toEqual([]);
    expect(shown.IsTruncated).toBe(false);

    await root.send(new CreateGroupCommand({ GroupName: 'auditors' }));
    expect((await root.send(new ListGroupsCommand({}))).Groups!.map((g) => g.GroupName)).toEqual(['auditors', 'Builders']);
    expect((await root.send(new ListGroupsCommand({ PathPrefix: '/teams/' }))).Groups!.map((g) => g.GroupName)).toEqual(['Builders']);

    await root.send(new UpdateGroupCommand({ GroupName: 'Builders', NewGroupName: 'Makers', NewPath: '/' }));
    const renamed = (await root.send(new GetGroupCommand({ GroupName: 'makers' }))).Group!;
    expect(renamed).toMatchObject({ GroupName: 'Makers', Path: '/', GroupId: created.GroupId, Arn: `arn:aws:iam::${ACCOUNT}:group/Makers` });
    expect(await failure(root.send(new GetGroupCommand({ GroupName: 'Builders' })))).toMatchObject({
      name: 'NoSuchEntityException', status: 404, message: 'The group with name Builders cannot be found.',
    });
    expect(await failure(root.send(new UpdateGroupCommand({ GroupName: 'Makers', NewGroupName: 'AUDITORS' })))).toMatchObject({
      name: 'EntityAlreadyExistsException', message: 'Group with name AUDITORS already exists.',
    });

    await root.send(new DeleteGroupCommand({ GroupName: 'Makers' }));
    await root.send(new DeleteGroupCommand({ GroupName: 'auditors' }));
    expect((await root.send(new ListGroupsCommand({}))).Groups).toEqual([]);
    expect(await failure(root.send(new DeleteGroupCommand({ GroupName: 'Makers' })))).toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('keeps members both ways, pages them, and refuses what IAM refuses', async () => {
    await root.send(new CreateGroupCommand({ GroupName: 'crew' }));
    for (const name of ['uma', 'tom', 'sam']) await root.send(new CreateUserCommand({ UserName: name }));
    for (const name of ['uma', 'tom', 'sam']) await root.send(new AddUserToGroupCommand({ GroupName: 'crew', UserName: name }));
    await root.send(new AddUserToGroupCommand({ GroupName: 'crew', UserName: 'SAM' })); // again: no change

    const members: string[] = [];
    for await (const page of paginateGetGroup({ client: root, pageSize: 2 }, { GroupName: 'crew' })) {
      expect(page.Group?.GroupName).toBe('crew');
      members.push(...page.Users!.map((u) => u.UserName!));
    }
    expect(members).toEqual(['sam', 'tom', 'uma']);
    expect((await root.send(new ListGroupsForUserCommand({ UserName: 'tom' }))).Groups!.map((g) => g.GroupName)).toEqual(['crew']);

    expect(await failure(root.send(new AddUserToGroupCommand({ GroupName: 'crew', UserName: 'nobody' })))).toMatchObject({
      name: 'NoSuchEntityException', message: 'The user with name nobody cannot be found.',
    });
    expect(await failure(root.send(new AddUserToGroupCommand({ GroupName: 'ghosts', UserName: 'tom' })))).toMatchObject({
      name: 'NoSuchEntityException', message: 'The group with name ghosts cannot be found.',
    });
    expect(await failure(root.send(new DeleteGroupCommand({ GroupName: 'crew' })))).toMatchObject({
      name: 'DeleteConflictException', status: 409, message: 'Cannot delete entity, must remove users from group first.',
    });
    expect(await failure(root.send(new DeleteUserCommand({ UserName: 'tom' })))).toMatchObject({
      name: 'DeleteConflictException', message: 'Cannot delete entity, must remove users from group first.',
    });

    await root.send(new RemoveUserFromGroupCommand({ GroupName: 'crew', UserName: 'tom' }));
    expect(await failure(root.send(new RemoveUserFromGroupCommand({ GroupName: 'crew', UserName: 'tom' })))).toMatchObject({ name: 'NoSuchEntityException' });
    expect((await root.send(new ListGroupsForUserCommand({ UserName: 'tom' }))).Groups).toEqual([]);
    await root.send(new DeleteUserCommand({ UserName: 'tom' }));
    for (const name of ['uma', 'sam']) await root.send(new RemoveUserFromGroupCommand({ GroupName: 'crew', UserName: name }));
    await root.send(new DeleteGroupCommand({ GroupName: 'crew' }));
  });

  it('holds a user to 10 groups', async () => {
    await root.send(new CreateUserCommand({ UserName: 'joiner' }));
    for (let i = 0; i < 11; i++) await root.send(new CreateGroupCommand({ GroupName: `club-${i}` }));
    for (let i = 0; i < 10; i++) await root.send(new AddUserToGroupCommand({ GroupName: `club-${i}`, UserName: 'joiner' }));
    expect(await failure(root.send(new AddUserToGroupCommand({ GroupName: 'club-10', UserName: 'joiner' })))).toMatchObject({
      name: 'LimitExceededException', status: 409, message: 'Cannot exceed quota for GroupsPerUser: 10',
    });
    const names: string[] = [];
    for await (const page of paginateListGroups({ client: root, pageSize: 4 }, { PathPrefix: '/' })) names.push(...page.Groups!.map((g) => g.GroupName!));
    expect(names.filter((n) => n.startsWith('club-'))).toHaveLength(11);
    expect((await root.send(new ListGroupsForUserCommand({ UserName: 'joiner' }))).Groups).toHaveLength(10);
  });

  it('holds a group to 10 attached managed policies', async () => {
    await root.send(new CreateGroupCommand({ GroupName: 'collectors' }));
    const arns: string[] = [];
    for (let i = 0; i < 11; i++) arns.push((await root.send(new CreatePolicyCommand({ PolicyName: `collect-${i}`, PolicyDocument: allow(['iam:GetUser']) }))).Policy!.Arn!);
    for (const arn of arns.slice(0, 10)) await root.send(new AttachGroupPolicyCommand({ GroupName: 'collectors', PolicyArn: arn }));
    expect(await failure(root.send(new AttachGroupPolicyCommand({ GroupName: 'collectors', PolicyArn: arns[10]! })))).toMatchObject({
      name: 'LimitExceededException', message: 'Cannot exceed quota for PoliciesPerGroup: 10',
    });
    await root.send(new AttachGroupPolicyCommand({ GroupName: 'collectors', PolicyArn: arns[0]! })); // attached again: no change
    expect((await root.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'collectors' }))).AttachedPolicies).toHaveLength(10);
  });

  it('stores inline and attached group policies, and will not delete a group that has them', async () => {
    await root.send(new CreateGroupCommand({ GroupName: 'readers' }));
    const doc = allow(['iam:ListUsers']);
    await root.send(new PutGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'list', PolicyDocument: doc }));
    const got = await root.send(new GetGroupPolicyCommand({ GroupName: 'READERS', PolicyName: 'list' }));
    expect({ GroupName: got.GroupName, PolicyName: got.PolicyName, doc: decodeURIComponent(got.PolicyDocument!) }).toEqual({ GroupName: 'readers', PolicyName: 'list', doc });
    expect((await root.send(new ListGroupPoliciesCommand({ GroupName: 'readers' }))).PolicyNames).toEqual(['list']);
    expect(await failure(root.send(new GetGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'none' })))).toMatchObject({
      name: 'NoSuchEntityException', message: 'The group policy with name none cannot be found.',
    });
    // A group's inline policies share 5,120 characters (white space not counted).
    const big = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws:iam::${ACCOUNT}:user/${'x'.repeat(5100)}` }] });
    expect(await failure(root.send(new PutGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'big', PolicyDocument: big })))).toMatchObject({
      name: 'LimitExceededException', message: 'Maximum policy size of 5120 bytes exceeded for group readers',
    });

    const managed = (await root.send(new CreatePolicyCommand({ PolicyName: 'read-roles', PolicyDocument: allow(['iam:ListRoles']) }))).Policy!;
    await root.send(new AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: managed.Arn! }));
    expect((await root.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'readers' }))).AttachedPolicies).toEqual([
      { PolicyName: 'read-roles', PolicyArn: managed.Arn },
    ]);
    expect((await root.send(new GetPolicyCommand({ PolicyArn: managed.Arn! }))).Policy?.AttachmentCount).toBe(1);
    const entities = await root.send(new ListEntitiesForPolicyCommand({ PolicyArn: managed.Arn! }));
    expect(entities.PolicyGroups).toEqual([{ GroupName: 'readers', GroupId: (await root.send(new GetGroupCommand({ GroupName: 'readers' }))).Group!.GroupId }]);
    expect((await root.send(new ListEntitiesForPolicyCommand({ PolicyArn: managed.Arn!, EntityFilter: 'User' }))).PolicyGroups).toEqual([]);

    expect(await failure(root.send(new DeleteGroupCommand({ GroupName: 'readers' })))).toMatchObject({
      name: 'DeleteConflictException', message: 'Cannot delete entity, must delete policies first.',
    });
    await root.send(new DeleteGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'list' }));
    expect(await failure(root.send(new DeleteGroupCommand({ GroupName: 'readers' })))).toMatchObject({
      name: 'DeleteConflictException', message: 'Cannot delete entity, must detach all policies first.',
    });
    await root.send(new DetachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: managed.Arn! }));
    await root.send(new DeleteGroupCommand({ GroupName: 'readers' }));
  });

  it("decides a member's requests with the group's policies, from the very next request", async () => {
    const { client: ann, creds } = await userWithKey('ann');
    await root.send(new CreateGroupCommand({ GroupName: 'viewers' }));
    expect(await failure(ann.send(new ListUsersCommand({})))).toMatchObject({ name: 'AccessDenied', status: 403 });

    await root.send(new PutGroupPolicyCommand({ GroupName: 'viewers', PolicyName: 'users', PolicyDocument: allow(['iam:ListUsers']) }));
    const managed = (await root.send(new CreatePolicyCommand({ PolicyName: 'viewers-roles', PolicyDocument: allow(['iam:ListRoles']) }))).Policy!;
    await root.send(new AttachGroupPolicyCommand({ GroupName: 'viewers', PolicyArn: managed.Arn! }));
    expect(await failure(ann.send(new ListUsersCommand({})))).toMatchObject({ name: 'AccessDenied' }); // not a member yet

    await root.send(new AddUserToGroupCommand({ GroupName: 'viewers', UserName: 'ann' }));
    await ann.send(new ListUsersCommand({}));
    await ann.send(new ListRolesCommand({}));

    // A GetSessionToken session of a member acts with the group's policies too.
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: creds });
    const c = (await sts.send(new GetSessionTokenCommand({}))).Credentials!;
    await iamAs({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! }).send(new ListRolesCommand({}));

    // A Deny in any of the user's groups wins over the Allow in another.
    await root.send(new CreateGroupCommand({ GroupName: 'fenced' }));
    await root.send(new PutGroupPolicyCommand({ GroupName: 'fenced', PolicyName: 'no-roles', PolicyDocument: deny(['iam:ListRoles']) }));
    await root.send(new AddUserToGroupCommand({ GroupName: 'fenced', UserName: 'ann' }));
    expect(await failure(ann.send(new ListRolesCommand({})))).toMatchObject({ name: 'AccessDenied' });
    await ann.send(new ListUsersCommand({}));
    await root.send(new RemoveUserFromGroupCommand({ GroupName: 'fenced', UserName: 'ann' }));
    await ann.send(new ListRolesCommand({}));

    await root.send(new DetachGroupPolicyCommand({ GroupName: 'viewers', PolicyArn: managed.Arn! }));
    expect(await failure(ann.send(new ListRolesCommand({})))).toMatchObject({ name: 'AccessDenied' });
    await root.send(new RemoveUserFromGroupCommand({ GroupName: 'viewers', UserName: 'ann' }));
    expect(await failure(ann.send(new ListUsersCommand({})))).toMatchObject({ name: 'AccessDenied' });
  });

  it('authorizes group operations on the group ARN, and UpdateGroup on the old and the new name', async () => {
    const { client: gail } = await userWithKey('gail');
    await root.send(new PutUserPolicyCommand({
      UserName: 'gail',
      PolicyName: 'own-groups',
      PolicyDocument: allow(['iam:CreateGroup', 'iam:GetGroup', 'iam:UpdateGroup', 'iam:AddUserToGroup'], `arn:aws:iam::${ACCOUNT}:group/gail-*`),
    }));
    await gail.send(new CreateGroupCommand({ GroupName: 'gail-one' }));
    await gail.send(new AddUserToGroupCommand({ GroupName: 'gail-one', UserName: 'gail' }));
    const denied = await failure(gail.send(new CreateGroupCommand({ GroupName: 'others' })));
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(denied.message).toContain(`iam:CreateGroup on resource: arn:aws:iam::${ACCOUNT}:group/others`);
    // The old name is hers, the new one is not: refused, and nothing changes.
    expect(await failure(gail.send(new UpdateGroupCommand({ GroupName: 'gail-one', NewGroupName: 'stolen' })))).toMatchObject({ name: 'AccessDenied' });
    expect((await gail.send(new GetGroupCommand({ GroupName: 'gail-one' }))).Users!.map((u) => u.UserName)).toEqual(['gail']);
    await gail.send(new UpdateGroupCommand({ GroupName: 'gail-one', NewGroupName: 'gail-two' }));
    // A denied caller does not learn whether a group exists.
    expect(await failure(gail.send(new GetGroupCommand({ GroupName: 'nothing-here' })))).toMatchObject({ name: 'AccessDenied' });
    expect(await failure(gail.send(new GetGroupCommand({ GroupName: 'gail-none' })))).toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('answers bad input with the validation error IAM gives', async () => {
    expect(await failure(root.send(new CreateGroupCommand({ GroupName: 'bad name' })))).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(await failure(root.send(new CreateGroupCommand({ GroupName: 'g', Path: 'no-slash' })))).toMatchObject({ name: 'ValidationError' });
    expect(await failure(root.send(new GetGroupCommand({ GroupName: 'x'.repeat(129) })))).toMatchObject({ name: 'ValidationError' });
  });
});
