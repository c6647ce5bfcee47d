import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAccessKey } from '../../../src/services/iam/access-keys.js';
import { deleteRolePolicy, deleteUserPolicy, putRolePolicy } from '../../../src/services/iam/inline-policies.js';
import { attachRolePolicy, createPolicy, detachRolePolicy } from '../../../src/services/iam/managed-policies.js';
import {
  createRole, deleteRole, getRole, listRoles, listRoleTags, tagRole, untagRole, updateAssumeRolePolicy, updateRole,
} from '../../../src/services/iam/roles.js';
import { deleteUser } from '../../../src/services/iam/users.js';
import { assumeRole } from '../../../src/services/sts/assume-role.js';
import { roles } from '../../../src/store/index.js';
import { ACCOUNT, allow, failure, IamWorld, OTHER_ACCOUNT, trustOf } from '../support.js';

const EC2_TRUST = trustOf({ Service: 'ec2.amazonaws.com' });

describe('IAM roles', () => {
  let w: IamWorld;
  beforeAll(async () => {
    w = await IamWorld.open();
  });
  afterAll(async () => w.close());

  it('creates a role and answers with what AWS shows: no MaxSessionDuration, no RoleLastUsed, the trust text as written', async () => {
    const doc = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]\n}';
    const { Role } = await createRole({ RoleName: 'web', Path: '/app/', AssumeRolePolicyDocument: doc, Description: 'web tier', Tags: [{ Key: 't', Value: 'v' }] }, w.root());
    expect(Role).toEqual({
      Path: '/app/', RoleName: 'web', RoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/), Arn: `arn:aws:iam::${ACCOUNT}:role/app/web`,
      CreateDate: new Date(w.clock.now()), AssumeRolePolicyDocument: doc, Description: 'web tier', MaxSessionDuration: undefined,
      PermissionsBoundary: undefined, Tags: [{ Key: 't', Value: 'v' }], RoleLastUsed: undefined,
    });
    const got = (await getRole({ RoleName: 'WEB' }, w.root())).Role;
    expect(got).toMatchObject({ RoleName: 'web', MaxSessionDuration: 3600, RoleLastUsed: {}, Tags: [{ Key: 't', Value: 'v' }], AssumeRolePolicyDocument: doc });
    await roles.recordUse(w.deps.db, got.RoleId, w.clock.now(), 'eu-west-1');
    expect((await getRole({ RoleName: 'web' }, w.root())).Role.RoleLastUsed).toEqual({ LastUsedDate: new Date(w.clock.now()), Region: 'eu-west-1' });
    const listed = (await listRoles({ PathPrefix: '/app/' }, w.root())).Roles;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ RoleName: 'web', MaxSessionDuration: 3600, Tags: undefined, RoleLastUsed: undefined });
    expect(await failure(createRole({ RoleName: 'Web', AssumeRolePolicyDocument: EC2_TRUST }, w.root()))).toEqual({ code: 'EntityAlreadyExists', status: 409, message: 'Role with name Web already exists.' });
  });

  it('refuses bad trust policies, durations and boundaries, and writes nothing', async () => {
    const root = w.root();
    expect(await failure(createRole({ RoleName: 'bad', AssumeRolePolicyDocument: '{not json' }, root))).toEqual({ code: 'MalformedPolicyDocument', status: 400, message: 'This policy contains invalid Json' });
    const big = trustOf({ Service: 'ec2.amazonaws.com' }).replace('"Action":"sts:AssumeRole"', `"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"${'x'.repeat(2048)}"}}`);
    expect(await failure(createRole({ RoleName: 'bad', AssumeRolePolicyDocument: big }, root))).toEqual({ code: 'LimitExceeded', status: 409, message: 'Cannot exceed quota for ACLSizePerRole: 2048' });
    expect(await failure(createRole({ RoleName: 'bad', AssumeRolePolicyDocument: EC2_TRUST, MaxSessionDuration: 3599 }, root))).toEqual({
      code: 'ValidationError', status: 400, message: "1 validation error detected: Value '3599' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    });
    expect((await failure(createRole({ RoleName: 'bad', AssumeRolePolicyDocument: EC2_TRUST, MaxSessionDuration: 43201 }, root))).code).toBe('ValidationError');
    const missing = `arn:aws:iam::${ACCOUNT}:policy/no-such-boundary`;
    expect(await failure(createRole({ RoleName: 'bad', AssumeRolePolicyDocument: EC2_TRUST, PermissionsBoundary: missing }, root))).toMatchObject({ code: 'NoSuchEntity' });
    expect(await failure(createRole({ RoleName: 'bad', AssumeRolePolicyDocument: trustOf({ AWS: `arn:aws:iam::${ACCOUNT}:user/ghost` }) }, root))).toEqual({
      code: 'MalformedPolicyDocument', status: 400, message: `Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:user/ghost"`,
    });
    expect(await roles.byName(w.deps.db, ACCOUNT, 'bad')).toBeUndefined();
  });

  it('takes a permissions boundary that exists, and shows it in GetRole', async () => {
    const { Policy } = await createPolicy({ PolicyName: 'boundary', PolicyDocument: JSON.stringify(allow('s3:*')) }, w.root());
    await createRole({ RoleName: 'bounded', AssumeRolePolicyDocument: EC2_TRUST, PermissionsBoundary: Policy.Arn, MaxSessionDuration: 7200 }, w.root());
    expect((await getRole({ RoleName: 'bounded' }, w.root())).Role).toMatchObject({
      MaxSessionDuration: 7200, PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: Policy.Arn },
    });
  });

  it('binds trusted users to their unique id, rewrites account ids to root ARNs (shown from GetRole on), and shows ARNs while principals exist', async () => {
    const mona = await w.user('mona', [allow('sts:AssumeRole')]);
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: [mona.arn, OTHER_ACCOUNT, `arn:aws:iam::999988887777:user/elsewhere`] }, Action: 'sts:AssumeRole' }],
    });
    const { Role } = await createRole({ RoleName: 'for-mona', AssumeRolePolicyDocument: doc }, w.root());
    const stored = (await roles.byName(w.deps.db, ACCOUNT, 'for-mona'))!.trustPolicy;
    expect(stored).toBe(doc.replace(mona.arn, mona.id).replace(`"${OTHER_ACCOUNT}"`, `"arn:aws:iam::${OTHER_ACCOUNT}:root"`));
    // CreateRole answers with the text as sent, as AWS does; GetRole shows the bound form.
    expect(Role.AssumeRolePolicyDocument).toBe(doc);
    expect((await getRole({ RoleName: 'for-mona' }, w.root())).Role.AssumeRolePolicyDocument).toBe(doc.replace(`"${OTHER_ACCOUNT}"`, `"arn:aws:iam::${OTHER_ACCOUNT}:root"`));
    const out = await assumeRole({ RoleArn: Role.Arn, RoleSessionName: 's1' }, mona.ctx);
    expect(out.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/for-mona/s1`);

    // Deleted and re-created under the same name, mona is someone else: not trusted, and
    // GetRole shows the old id where the ARN was.
    await deleteAccessKey({ UserName: 'mona', AccessKeyId: mona.keys.accessKeyId }, w.root());
    await deleteUserPolicy({ UserName: 'mona', PolicyName: 'p0' }, w.root());
    await deleteUser({ UserName: 'mona' }, w.root());
    const shown = (await getRole({ RoleName: 'for-mona' }, w.root())).Role.AssumeRolePolicyDocument;
    expect(shown).toContain(`"${mona.id}"`);
    expect(shown).not.toContain(mona.arn);
    const again = await w.user('mona', [allow('sts:AssumeRole')]);
    expect(again.id).not.toBe(mona.id);
    expect((await failure(assumeRole({ RoleArn: Role.Arn, RoleSessionName: 's2' }, again.ctx))).code).toBe('AccessDenied');
    expect((await getRole({ RoleName: 'for-mona' }, w.root())).Role.AssumeRolePolicyDocument).toContain(`"${mona.id}"`);

    // Naming her again binds the new mona.
    await updateAssumeRolePolicy({ RoleName: 'for-mona', PolicyDocument: trustOf({ AWS: again.arn }) }, w.root());
    expect((await assumeRole({ RoleArn: Role.Arn, RoleSessionName: 's3' }, again.ctx)).AssumedRoleUser.Arn).toContain('for-mona/s3');
    expect((await getRole({ RoleName: 'for-mona' }, w.root())).Role.AssumeRolePolicyDocument).toBe(trustOf({ AWS: again.arn }));
  });

  it('binds trusted roles too, and checks the path in the ARN', async () => {
    const web = (await getRole({ RoleName: 'web' }, w.root())).Role;
    await createRole({ RoleName: 'chained', AssumeRolePolicyDocument: trustOf({ AWS: web.Arn }) }, w.root());
    expect((await roles.byName(w.deps.db, ACCOUNT, 'chained'))!.trustPolicy).toContain(web.RoleId);
    expect((await failure(createRole({ RoleName: 'wrongpath', AssumeRolePolicyDocument: trustOf({ AWS: `arn:aws:iam::${ACCOUNT}:role/web` }) }, w.root()))).message)
      .toBe(`Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:role/web"`);
  });

  it('updates description and duration, and the trust policy with the same checks as CreateRole', async () => {
    await updateRole({ RoleName: 'bounded', Description: 'now described', MaxSessionDuration: 43200 }, w.root());
    expect((await getRole({ RoleName: 'bounded' }, w.root())).Role).toMatchObject({ Description: 'now described', MaxSessionDuration: 43200 });
    expect((await failure(updateRole({ RoleName: 'bounded', MaxSessionDuration: 100 }, w.root()))).code).toBe('ValidationError');
    expect((await failure(updateAssumeRolePolicy({ RoleName: 'bounded', PolicyDocument: '[]' }, w.root()))).code).toBe('MalformedPolicyDocument');
    expect((await getRole({ RoleName: 'bounded' }, w.root())).Role).toMatchObject({ MaxSessionDuration: 43200, AssumeRolePolicyDocument: EC2_TRUST });
    expect(await failure(updateRole({ RoleName: 'nope' }, w.root()))).toEqual({ code: 'NoSuchEntity', status: 404, message: 'The role with name nope cannot be found.' });
  });

  it('tags and untags roles', async () => {
    await tagRole({ RoleName: 'bounded', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] }, w.root());
    await untagRole({ RoleName: 'bounded', TagKeys: ['A'] }, w.root());
    expect((await listRoleTags({ RoleName: 'bounded' }, w.root())).Tags).toEqual([{ Key: 'b', Value: '2' }]);
  });

  it('refuses to delete a role with inline or attached policies, then deletes it', async () => {
    const root = w.root();
    await createRole({ RoleName: 'doomed', AssumeRolePolicyDocument: EC2_TRUST }, root);
    await putRolePolicy({ RoleName: 'doomed', PolicyName: 'p', PolicyDocument: JSON.stringify(allow('s3:*')) }, root);
    const { Policy } = await createPolicy({ PolicyName: 'doomed-managed', PolicyDocument: JSON.stringify(allow('s3:*')) }, root);
    await attachRolePolicy({ RoleName: 'doomed', PolicyArn: Policy.Arn }, root);
    expect(await failure(deleteRole({ RoleName: 'doomed' }, root))).toEqual({ code: 'DeleteConflict', status: 409, message: 'Cannot delete entity, must delete policies first.' });
    await deleteRolePolicy({ RoleName: 'doomed', PolicyName: 'p' }, root);
    expect((await failure(deleteRole({ RoleName: 'doomed' }, root))).message).toBe('Cannot delete entity, must detach all policies first.');
    await detachRolePolicy({ RoleName: 'doomed', PolicyArn: Policy.Arn }, root);
    await deleteRole({ RoleName: 'doomed' }, root);
    expect((await failure(getRole({ RoleName: 'doomed' }, root))).code).toBe('NoSuchEntity');
  });

  it('authorizes every role operation on the role ARN', async () => {
    const nell = await w.user('nell');
    expect(await failure(createRole({ RoleName: 'x', Path: '/p/', AssumeRolePolicyDocument: EC2_TRUST }, nell.ctx))).toEqual({
      code: 'AccessDenied', status: 403,
      message: `User: ${nell.arn} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACCOUNT}:role/p/x because no identity-based policy allows the iam:CreateRole action`,
    });
    expect((await failure(getRole({ RoleName: 'web' }, nell.ctx))).message).toContain(`iam:GetRole on resource: arn:aws:iam::${ACCOUNT}:role/app/web`);
    expect((await failure(listRoles({}, nell.ctx))).message).toContain(`iam:ListRoles on resource: arn:aws:iam::${ACCOUNT}:role/`);
    const olga = await w.user('olga', [allow(['iam:CreateRole', 'iam:GetRole', 'iam:DeleteRole'], `arn:aws:iam::${ACCOUNT}:role/p/*`)]);
    await createRole({ RoleName: 'x', Path: '/p/', AssumeRolePolicyDocument: EC2_TRUST }, olga.ctx);
    expect((await getRole({ RoleName: 'x' }, olga.ctx)).Role.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/p/x`);
    expect((await failure(getRole({ RoleName: 'web' }, olga.ctx))).code).toBe('AccessDenied');
    await deleteRole({ RoleName: 'x' }, olga.ctx);
  });
});
