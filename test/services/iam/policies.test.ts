import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteRolePolicy, deleteUserPolicy, getRolePolicy, getUserPolicy, listRolePolicies, listUserPolicies, putRolePolicy, putUserPolicy,
} from '../../../src/services/iam/inline-policies.js';
import {
  attachRolePolicy, attachUserPolicy, createPolicy, deletePolicy, detachUserPolicy, getPolicy, listAttachedRolePolicies, listAttachedUserPolicies,
} from '../../../src/services/iam/managed-policies.js';
import { createRole } from '../../../src/services/iam/roles.js';
import { createUser } from '../../../src/services/iam/users.js';
import { ACCOUNT, allow, failure, IamWorld, trustOf } from '../support.js';

/** An identity policy of exactly `size` characters without white space. */
function policyOfSize(size: number): string {
  const base = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/' }] });
  const padded = base.replace('b/', `b/${'x'.repeat(size - base.length)}`);
  expect(padded.length).toBe(size);
  return padded;
}

describe('IAM inline policies', () => {
  let w: IamWorld;
  beforeAll(async () => {
    w = await IamWorld.open();
    await createUser({ UserName: 'pat' }, w.root());
    await createRole({ RoleName: 'app', AssumeRolePolicyDocument: trustOf({ Service: 'ec2.amazonaws.com' }) }, w.root());
  });
  afterAll(async () => w.close());

  it('puts, gets, lists and deletes a user\'s policy, returning the text as written', async () => {
    const text = '{ "Version": "2012-10-17",\n  "Statement": { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/k%3A1" } }';
    await putUserPolicy({ UserName: 'pat', PolicyName: 'Read', PolicyDocument: text }, w.root());
    expect(await getUserPolicy({ UserName: 'PAT', PolicyName: 'read' }, w.root())).toEqual({ UserName: 'pat', PolicyName: 'Read', PolicyDocument: text });
    expect((await listUserPolicies({ UserName: 'pat' }, w.root())).PolicyNames).toEqual(['Read']);
    await deleteUserPolicy({ UserName: 'pat', PolicyName: 'Read' }, w.root());
    expect(await failure(getUserPolicy({ UserName: 'pat', PolicyName: 'Read' }, w.root()))).toEqual({ code: 'NoSuchEntity', status: 404, message: 'The user policy with name Read cannot be found.' });
    expect(await failure(deleteRolePolicy({ RoleName: 'app', PolicyName: 'none' }, w.root()))).toEqual({ code: 'NoSuchEntity', status: 404, message: 'The role policy with name none cannot be found.' });
  });

  it('refuses identity policies that name a principal or are not JSON', async () => {
    const withPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] });
    expect(await failure(putRolePolicy({ RoleName: 'app', PolicyName: 'p', PolicyDocument: withPrincipal }, w.root()))).toMatchObject({ code: 'MalformedPolicyDocument' });
    expect((await listRolePolicies({ RoleName: 'app' }, w.root())).PolicyNames).toEqual([]);
    expect(await failure(putUserPolicy({ UserName: 'ghost', PolicyName: 'p', PolicyDocument: JSON.stringify(allow('s3:*')) }, w.root()))).toMatchObject({ code: 'NoSuchEntity', message: 'The user with name ghost cannot be found.' });
  });

  it('holds a user\'s inline policies together to 2048 characters without white space', async () => {
    await putUserPolicy({ UserName: 'pat', PolicyName: 'a', PolicyDocument: policyOfSize(1000) }, w.root());
    await putUserPolicy({ UserName: 'pat', PolicyName: 'b', PolicyDocument: policyOfSize(1048) }, w.root());
    expect(await failure(putUserPolicy({ UserName: 'pat', PolicyName: 'c', PolicyDocument: JSON.stringify(allow('s3:*')) }, w.root()))).toEqual({
      code: 'LimitExceeded', status: 409, message: 'Maximum policy size of 2048 bytes exceeded for user pat',
    });
    // Replacing a policy counts the new text instead of the old, and white space is free.
    await putUserPolicy({ UserName: 'pat', PolicyName: 'B', PolicyDocument: policyOfSize(1048).replace('{', '{\n    ') }, w.root());
    expect((await listUserPolicies({ UserName: 'pat' }, w.root())).PolicyNames).toEqual(['a', 'B']);
  });

  it('holds a role\'s inline policies together to 10240', async () => {
    await putRolePolicy({ RoleName: 'app', PolicyName: 'big', PolicyDocument: policyOfSize(10000) }, w.root());
    expect(await failure(putRolePolicy({ RoleName: 'app', PolicyName: 'more', PolicyDocument: policyOfSize(300) }, w.root()))).toEqual({
      code: 'LimitExceeded', status: 409, message: 'Maximum policy size of 10240 bytes exceeded for role app',
    });
    expect((await getRolePolicy({ RoleName: 'app', PolicyName: 'big' }, w.root())).PolicyDocument).toBe(policyOfSize(10000));
    expect((await listRolePolicies({ RoleName: 'app', MaxItems: 1 }, w.root())).IsTruncated).toBe(false);
  });

  it('authorizes on the owner\'s ARN', async () => {
    const quinn = await w.user('quinn');
    expect((await failure(listUserPolicies({ UserName: 'pat' }, quinn.ctx))).message).toBe(
      `User: ${quinn.arn} is not authorized to perform: iam:ListUserPolicies on resource: arn:aws:iam::${ACCOUNT}:user/pat because no identity-based policy allows the iam:ListUserPolicies action`,
    );
  });
});

describe('IAM managed policies', () => {
  let w: IamWorld;
  beforeAll(async () => {
    w = await IamWorld.open();
    await createUser({ UserName: 'rita' }, w.root());
    await createRole({ RoleName: 'svc', AssumeRolePolicyDocument: trustOf({ Service: 'ec2.amazonaws.com' }) }, w.root());
  });
  afterAll(async () => w.close());

  it('creates a policy with an ANPA id and v1 as its default, and refuses a second of that name', async () => {
    const { Policy } = await createPolicy({ PolicyName: 'read', Path: '/team/', PolicyDocument: JSON.stringify(allow('s3:Get*')) }, w.root());
    expect(Policy).toEqual({
      PolicyName: 'read', PolicyId: expect.stringMatching(/^ANPA[A-Z2-7]{17}$/), Arn: `arn:aws:iam::${ACCOUNT}:policy/team/read`, Path: '/team/',
      DefaultVersionId: 'v1', AttachmentCount: 0, PermissionsBoundaryUsageCount: 0, IsAttachable: true, Description: undefined,
      CreateDate: new Date(w.clock.now()), UpdateDate: new Date(w.clock.now()), Tags: undefined,
    });
    expect(await failure(createPolicy({ PolicyName: 'READ', PolicyDocument: JSON.stringify(allow('s3:*')) }, w.root()))).toEqual({
      code: 'EntityAlreadyExists', status: 409, message: 'A policy called READ already exists. Duplicate names are not allowed.',
    });
    expect(await failure(createPolicy({ PolicyName: 'huge', PolicyDocument: policyOfSize(6145) }, w.root()))).toEqual({
      code: 'LimitExceeded', status: 409, message: 'Cannot exceed quota for PolicySize: 6144',
    });
    await createPolicy({ PolicyName: 'max', PolicyDocument: policyOfSize(6144) }, w.root());
    expect((await failure(createPolicy({ PolicyName: 'bad', PolicyDocument: 'nope' }, w.root()))).code).toBe('MalformedPolicyDocument');
  });

  it('attaches, counts, lists and detaches, with AWS\'s errors for bad and unknown ARNs', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/team/read`;
    expect(await failure(attachUserPolicy({ UserName: 'rita', PolicyArn: 'read' }, w.root()))).toEqual({ code: 'ValidationError', status: 400, message: 'Invalid ARN:  Could not be parsed!' });
    expect(await failure(attachUserPolicy({ UserName: 'rita', PolicyArn: `${arn}123` }, w.root()))).toEqual({
      code: 'NoSuchEntity', status: 404, message: `Policy ${arn}123 does not exist or is not attachable.`,
    });
    await attachUserPolicy({ UserName: 'rita', PolicyArn: arn }, w.root());
    await attachRolePolicy({ RoleName: 'svc', PolicyArn: arn }, w.root());
    expect((await getPolicy({ PolicyArn: arn }, w.root())).Policy.AttachmentCount).toBe(2);
    expect((await listAttachedUserPolicies({ UserName: 'rita' }, w.root())).AttachedPolicies).toEqual([{ PolicyName: 'read', PolicyArn: arn }]);
    expect((await listAttachedRolePolicies({ RoleName: 'svc', PathPrefix: '/other/' }, w.root())).AttachedPolicies).toEqual([]);
    await detachUserPolicy({ UserName: 'rita', PolicyArn: arn }, w.root());
    expect(await failure(detachUserPolicy({ UserName: 'rita', PolicyArn: arn }, w.root()))).toEqual({ code: 'NoSuchEntity', status: 404, message: `Policy ${arn} was not found.` });
    expect((await getPolicy({ PolicyArn: arn }, w.root())).Policy.AttachmentCount).toBe(1);
  });

  it('attaches at most 10 managed policies to a user', async () => {
    for (let i = 0; i < 10; i++) {
      const { Policy } = await createPolicy({ PolicyName: `many${i}`, PolicyDocument: JSON.stringify(allow('s3:*')) }, w.root());
      await attachUserPolicy({ UserName: 'rita', PolicyArn: Policy.Arn }, w.root());
    }
    const { Policy } = await createPolicy({ PolicyName: 'eleventh', PolicyDocument: JSON.stringify(allow('s3:*')) }, w.root());
    expect(await failure(attachUserPolicy({ UserName: 'rita', PolicyArn: Policy.Arn }, w.root()))).toEqual({ code: 'LimitExceeded', status: 409, message: 'Cannot exceed quota for PoliciesPerUser: 10' });
    const page = await listAttachedUserPolicies({ UserName: 'rita', MaxItems: 4 }, w.root());
    expect(page.AttachedPolicies).toHaveLength(4);
    expect(page.IsTruncated).toBe(true);
  });

  it('refuses to delete a policy that is attached or used as a permissions boundary', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/team/read`;
    expect(await failure(deletePolicy({ PolicyArn: arn }, w.root()))).toEqual({ code: 'DeleteConflict', status: 409, message: 'Cannot delete a policy attached to entities.' });
    const { Policy } = await createPolicy({ PolicyName: 'fence', PolicyDocument: JSON.stringify(allow('s3:*')) }, w.root());
    await createRole({ RoleName: 'fenced', AssumeRolePolicyDocument: trustOf({ Service: 'ec2.amazonaws.com' }), PermissionsBoundary: Policy.Arn }, w.root());
    expect((await getPolicy({ PolicyArn: Policy.Arn }, w.root())).Policy).toMatchObject({ AttachmentCount: 0, PermissionsBoundaryUsageCount: 1 });
    expect((await failure(deletePolicy({ PolicyArn: Policy.Arn }, w.root()))).code).toBe('DeleteConflict');
    const { Policy: free } = await createPolicy({ PolicyName: 'free', PolicyDocument: JSON.stringify(allow('s3:*')) }, w.root());
    await deletePolicy({ PolicyArn: free.Arn }, w.root());
    expect(await failure(getPolicy({ PolicyArn: free.Arn }, w.root()))).toEqual({ code: 'NoSuchEntity', status: 404, message: `Policy ${free.Arn} was not found.` });
    expect(await failure(deletePolicy({ PolicyArn: free.Arn }, w.root()))).toEqual({ code: 'NoSuchEntity', status: 404, message: `Policy ${free.Arn} was not found.` });
    expect((await failure(getPolicy({ PolicyArn: 'not-an-arn' }, w.root()))).message).toBe('Invalid ARN:  Could not be parsed!');
  });

  it('authorizes on the policy ARN, and an attachment on the owner with iam:PolicyARN', async () => {
    const sam = await w.user('sam', [allow('iam:GetPolicy', `arn:aws:iam::${ACCOUNT}:policy/team/*`)]);
    expect((await getPolicy({ PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/team/read` }, sam.ctx)).Policy.PolicyName).toBe('read');
    expect((await failure(getPolicy({ PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/fence` }, sam.ctx))).code).toBe('AccessDenied');
    const condition = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: '*', Condition: { ArnEquals: { 'iam:PolicyARN': `arn:aws:iam::${ACCOUNT}:policy/fence` } } }] };
    const tess = await w.user('tess', [condition]);
    await attachUserPolicy({ UserName: 'tess', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/fence` }, tess.ctx);
    expect((await failure(attachUserPolicy({ UserName: 'tess', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/team/read` }, tess.ctx))).code).toBe('AccessDenied');
  });
});
