import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessKey, deleteAccessKey } from '../../../src/services/iam/access-keys.js';
import { deleteUserPolicy, putUserPolicy } from '../../../src/services/iam/inline-policies.js';
import { attachUserPolicy, createPolicy, detachUserPolicy } from '../../../src/services/iam/managed-policies.js';
import { createUser, deleteUser, getUser, listUsers, listUserTags, tagUser, untagUser } from '../../../src/services/iam/users.js';
import { ACCOUNT, allow, failure, IamWorld } from '../support.js';

describe('IAM users', () => {
  let w: IamWorld;
  beforeAll(async () => {
    w = await IamWorld.open();
  });
  afterAll(async () => w.close());

  it('creates a user with an AIDA id and its ARN, and refuses the same name in any case', async () => {
    const { User } = await createUser({ UserName: 'Carol', Path: '/team/', Tags: [{ Key: 'dept', Value: 'ops' }] }, w.root());
    expect(User).toMatchObject({ UserName: 'Carol', Path: '/team/', Arn: `arn:aws:iam::${ACCOUNT}:user/team/Carol`, Tags: [{ Key: 'dept', Value: 'ops' }] });
    expect(User.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(await failure(createUser({ UserName: 'carol' }, w.root()))).toEqual({ code: 'EntityAlreadyExists', message: 'User with name carol already exists.', status: 409 });
  });

  it('applies a PermissionsBoundary given at creation, which then limits what the user may do', async () => {
    const boundary = await createPolicy({ PolicyName: 'only-s3', PolicyDocument: JSON.stringify(allow('s3:*')) }, w.root());
    const arn = boundary.Policy.Arn;
    const { User } = await createUser({ UserName: 'bounded', PermissionsBoundary: arn }, w.root());
    expect(User.PermissionsBoundary).toEqual({ PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn });
    await putUserPolicy({ UserName: 'bounded', PolicyName: 'all', PolicyDocument: JSON.stringify(allow('*')) }, w.root());
    const { AccessKey } = await createAccessKey({ UserName: 'bounded' }, w.root());
    const ctx = await w.as({ accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey });
    const decide = async (action: string) => (await w.authorizer.decide(ctx.caller, ctx.facts, { action, resource: '*' })).effect;
    expect(await decide('s3:GetObject')).toBe('Allow');
    expect(await decide('iam:CreateUser')).toBe('ImplicitDeny'); // the identity policy allows it, the boundary does not
    expect((await failure(createUser({ UserName: 'unbounded', PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/missing` }, w.root()))).code).toBe('NoSuchEntity');
    expect((await failure(getUser({ UserName: 'unbounded' }, w.root()))).code).toBe('NoSuchEntity');
  });

  it('gets a named user with its tags, and answers NoSuchEntity for a missing one', async () => {
    const { User } = await getUser({ UserName: 'carol' }, w.root());
    expect(User).toMatchObject({ UserName: 'Carol', Tags: [{ Key: 'dept', Value: 'ops' }] });
    expect(await failure(getUser({ UserName: 'nobody' }, w.root()))).toEqual({ code: 'NoSuchEntity', message: 'The user with name nobody cannot be found.', status: 404 });
  });

  it('gets the caller itself without a name: its user, or for root the root identity without UserName and Path', async () => {
    const dave = await w.user('dave', [allow('iam:GetUser')]);
    expect((await getUser({}, dave.ctx)).User).toMatchObject({ UserName: 'dave', Arn: dave.arn, UserId: dave.id });
    expect((await getUser({}, w.root())).User).toEqual({ UserId: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root`, CreateDate: new Date(w.clock.now()) });
  });

  it('denies a user without policies with AWS\'s message, and allows it once a policy allows', async () => {
    const erin = await w.user('erin');
    expect(await failure(getUser({ UserName: 'carol' }, erin.ctx))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: `User: ${erin.arn} is not authorized to perform: iam:GetUser on resource: arn:aws:iam::${ACCOUNT}:user/team/Carol because no identity-based policy allows the iam:GetUser action`,
    });
    // A denied caller learns nothing about existence: a missing user is denied the same way.
    expect((await failure(getUser({ UserName: 'ghost' }, erin.ctx))).code).toBe('AccessDenied');
    await putUserPolicy({ UserName: 'erin', PolicyName: 'read', PolicyDocument: JSON.stringify(allow('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/team/*`)) }, w.root());
    expect((await getUser({ UserName: 'carol' }, erin.ctx)).User.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/team/Carol`);
  });

  it('authorizes on the stored name, so another spelling does not slip past a Deny', async () => {
    const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:GetUser', Resource: `arn:aws:iam::${ACCOUNT}:user/team/Carol` }] };
    const gina = await w.user('gina', [allow('iam:GetUser'), deny]);
    for (const spelling of ['Carol', 'carol', 'CAROL']) expect((await failure(getUser({ UserName: spelling }, gina.ctx))).message).toContain('with an explicit deny');
  });

  it('lists users by path prefix, without tags, in pages of MaxItems with IsTruncated and Marker', async () => {
    const root = w.root();
    for (const name of ['p1', 'p2', 'p3', 'p4', 'p5']) await createUser({ UserName: name, Path: '/paged/', Tags: [{ Key: 'k', Value: 'v' }] }, root);
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await listUsers({ PathPrefix: '/paged/', MaxItems: 2, Marker: marker }, root);
      seen.push(...page.Users.map((u) => u.UserName));
      expect(page.Users.every((u) => u.Tags === undefined && u.PermissionsBoundary === undefined)).toBe(true);
      expect(page.IsTruncated).toBe(page.Marker !== undefined);
      marker = page.Marker;
      pages++;
    } while (marker !== undefined);
    expect(seen).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(pages).toBe(3);
    expect((await listUsers({}, root)).Users.map((u) => u.UserName)).toContain('Carol');
    expect(await failure(listUsers({ MaxItems: 0 }, root))).toMatchObject({ code: 'ValidationError' });
  });

  it('tags, untags and lists tags, keys without regard to case, at most 50', async () => {
    const root = w.root();
    await tagUser({ UserName: 'Carol', Tags: [{ Key: 'DEPT', Value: 'sec' }, { Key: 'env', Value: 'prod' }] }, root);
    expect((await listUserTags({ UserName: 'Carol' }, root)).Tags).toEqual([{ Key: 'DEPT', Value: 'sec' }, { Key: 'env', Value: 'prod' }]);
    await untagUser({ UserName: 'Carol', TagKeys: ['dept'] }, root);
    expect((await listUserTags({ UserName: 'Carol' }, root)).Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    expect(await failure(tagUser({ UserName: 'Carol', Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] }, root))).toMatchObject({
      code: 'InvalidInput',
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `t${i}`, Value: 'x' }));
    expect(await failure(tagUser({ UserName: 'Carol', Tags: many }, root))).toMatchObject({ code: 'LimitExceeded' });
    expect((await listUserTags({ UserName: 'Carol' }, root)).Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    expect(await failure(tagUser({ UserName: 'nobody', Tags: [] }, root))).toMatchObject({ code: 'NoSuchEntity' });
  });

  it('refuses to delete a user with keys, inline policies or attached policies, in that order, then deletes it', async () => {
    const root = w.root();
    await createUser({ UserName: 'frank' }, root);
    const { AccessKey } = await createAccessKey({ UserName: 'frank' }, root);
    await putUserPolicy({ UserName: 'frank', PolicyName: 'p', PolicyDocument: JSON.stringify(allow('s3:GetObject')) }, root);
    const { Policy } = await createPolicy({ PolicyName: 'frank-managed', PolicyDocument: JSON.stringify(allow('s3:GetObject')) }, root);
    await attachUserPolicy({ UserName: 'frank', PolicyArn: Policy.Arn }, root);
    expect((await failure(deleteUser({ UserName: 'frank' }, root))).message).toBe('Cannot delete entity, must delete access keys first.');
    await deleteAccessKey({ UserName: 'frank', AccessKeyId: AccessKey.AccessKeyId }, root);
    expect((await failure(deleteUser({ UserName: 'frank' }, root))).message).toBe('Cannot delete entity, must delete policies first.');
    await deleteUserPolicy({ UserName: 'frank', PolicyName: 'p' }, root);
    expect(await failure(deleteUser({ UserName: 'frank' }, root))).toEqual({ code: 'DeleteConflict', status: 409, message: 'Cannot delete entity, must detach all policies first.' });
    await detachUserPolicy({ UserName: 'frank', PolicyArn: Policy.Arn }, root);
    await deleteUser({ UserName: 'frank' }, root);
    expect((await failure(getUser({ UserName: 'frank' }, root))).code).toBe('NoSuchEntity');
  });
});
