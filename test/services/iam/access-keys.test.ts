import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessKeyPurpose } from '../../../src/auth/credentials.js';
import { createAccessKey, deleteAccessKey, listAccessKeys, updateAccessKey } from '../../../src/services/iam/access-keys.js';
import { getUserPolicy, putUserPolicy } from '../../../src/services/iam/inline-policies.js';
import { createRole, getRole, listRoles } from '../../../src/services/iam/roles.js';
import { createUser, getUser, listUsers } from '../../../src/services/iam/users.js';
import { accessKeys } from '../../../src/store/index.js';
import { unwrap } from '../../../src/tokens/index.js';
import { ACCOUNT, allow, failure, IamWorld, postgresWorld, trustOf } from '../support.js';
import { PG_ADMIN_URL } from '../../contract/backends.js';

describe('IAM access keys', () => {
  let w: IamWorld;
  beforeAll(async () => {
    w = await IamWorld.open();
  });
  afterAll(async () => w.close());

  it('creates an Active AKIA key whose 40-character secret is stored only wrapped, and signs requests', async () => {
    await createUser({ UserName: 'hana' }, w.root());
    const { AccessKey } = await createAccessKey({ UserName: 'hana' }, w.root());
    expect(AccessKey).toMatchObject({ UserName: 'hana', Status: 'Active', CreateDate: new Date(w.clock.now()) });
    expect(AccessKey.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(AccessKey.SecretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    const stored = await accessKeys.byId(w.deps.db, AccessKey.AccessKeyId);
    expect(stored?.wrappedSecret).not.toContain(AccessKey.SecretAccessKey);
    expect(Buffer.from(unwrap(w.deps.masterKey, stored!.wrappedSecret, accessKeyPurpose(AccessKey.AccessKeyId))).toString('utf8')).toBe(AccessKey.SecretAccessKey);
    // The same path a signed request takes: the key resolves to hana.
    const ctx = await w.as({ accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey });
    expect(ctx.caller.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/hana`);
  });

  it('redacts the secret when the response is logged as JSON or inspected', async () => {
    const { AccessKey } = await createAccessKey({ UserName: 'hana' }, w.root());
    expect(JSON.stringify({ AccessKey })).not.toContain(AccessKey.SecretAccessKey);
    expect(inspect({ AccessKey }, { depth: 5 })).not.toContain(AccessKey.SecretAccessKey);
    await deleteAccessKey({ UserName: 'hana', AccessKeyId: AccessKey.AccessKeyId }, w.root());
  });

  it('refuses a third key with AWS\'s quota message, Inactive keys counting too', async () => {
    await createUser({ UserName: 'ivan' }, w.root());
    const first = await createAccessKey({ UserName: 'ivan' }, w.root());
    await createAccessKey({ UserName: 'ivan' }, w.root());
    await updateAccessKey({ UserName: 'ivan', AccessKeyId: first.AccessKey.AccessKeyId, Status: 'Inactive' }, w.root());
    expect(await failure(createAccessKey({ UserName: 'ivan' }, w.root()))).toEqual({ code: 'LimitExceeded', status: 409, message: 'Cannot exceed quota for AccessKeysPerUser: 2' });
    expect((await listAccessKeys({ UserName: 'ivan' }, w.root())).AccessKeyMetadata).toHaveLength(2);
  });

  it('holds the two-key limit under 10 concurrent CreateAccessKey calls', async () => {
    await createUser({ UserName: 'judy' }, w.root());
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => createAccessKey({ UserName: 'judy' }, w.root())));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => (r.reason as Error).message)).toEqual(Array(8).fill('Cannot exceed quota for AccessKeysPerUser: 2'));
    expect((await listAccessKeys({ UserName: 'judy' }, w.root())).AccessKeyMetadata).toHaveLength(2);
  });

  it('lets a user manage its own keys without UserName, when its policies allow', async () => {
    const kim = await w.user('kim', [allow(['iam:CreateAccessKey', 'iam:ListAccessKeys', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey'], `arn:aws:iam::${ACCOUNT}:user/kim`)]);
    const { AccessKey } = await createAccessKey({}, kim.ctx);
    expect(AccessKey.UserName).toBe('kim');
    const listed = await listAccessKeys({}, kim.ctx);
    expect(listed.AccessKeyMetadata.map((k) => k.AccessKeyId).sort()).toEqual([kim.keys.accessKeyId, AccessKey.AccessKeyId].sort());
    expect(listed.AccessKeyMetadata[0]).toEqual({ UserName: 'kim', AccessKeyId: expect.any(String), Status: 'Active', CreateDate: expect.any(Date) });
    await updateAccessKey({ AccessKeyId: AccessKey.AccessKeyId, Status: 'Inactive' }, kim.ctx);
    // An Inactive key no longer authenticates.
    expect((await failure(w.as({ accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey }))).code).toBe('InvalidClientTokenId');
    await deleteAccessKey({ AccessKeyId: AccessKey.AccessKeyId }, kim.ctx);
    expect((await listAccessKeys({}, kim.ctx)).AccessKeyMetadata).toHaveLength(1);
    // Another user's keys are beyond kim's policies.
    expect((await failure(listAccessKeys({ UserName: 'judy' }, kim.ctx))).code).toBe('AccessDenied');
  });

  it('manages the root user\'s own keys when root calls without UserName', async () => {
    const { AccessKey } = await createAccessKey({}, w.root());
    expect(AccessKey.UserName).toBeUndefined();
    const ctx = await w.as({ accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey });
    expect(ctx.caller.kind).toBe('root');
    expect((await listAccessKeys({}, w.root())).AccessKeyMetadata.map((k) => k.AccessKeyId)).toEqual([AccessKey.AccessKeyId]);
    await deleteAccessKey({ AccessKeyId: AccessKey.AccessKeyId }, w.root());
  });

  it('answers NoSuchEntity for a missing user, and for a key that is not the named user\'s', async () => {
    expect(await failure(createAccessKey({ UserName: 'nobody' }, w.root()))).toMatchObject({ code: 'NoSuchEntity', message: 'The user with name nobody cannot be found.' });
    const judys = (await listAccessKeys({ UserName: 'judy' }, w.root())).AccessKeyMetadata[0]!.AccessKeyId;
    expect(await failure(deleteAccessKey({ UserName: 'ivan', AccessKeyId: judys }, w.root()))).toEqual({
      code: 'NoSuchEntity', status: 404, message: `The Access Key with id ${judys} cannot be found.`,
    });
    expect(await failure(updateAccessKey({ UserName: 'judy', AccessKeyId: judys, Status: 'Disabled' }, w.root()))).toMatchObject({ code: 'ValidationError' });
    expect((await listAccessKeys({ UserName: 'judy' }, w.root())).AccessKeyMetadata.every((k) => k.Status === 'Active')).toBe(true);
  });

  it('puts no secret in any response but CreateAccessKey\'s', async () => {
    const root = w.root();
    await createUser({ UserName: 'leo' }, root);
    const { AccessKey } = await createAccessKey({ UserName: 'leo' }, root);
    const wrapped = (await accessKeys.byId(w.deps.db, AccessKey.AccessKeyId))!.wrappedSecret;
    await putUserPolicy({ UserName: 'leo', PolicyName: 'p', PolicyDocument: JSON.stringify(allow('s3:*')) }, root);
    await createRole({ RoleName: 'leo-role', AssumeRolePolicyDocument: trustOf({ AWS: `arn:aws:iam::${ACCOUNT}:user/leo` }) }, root);
    const responses = [
      await listAccessKeys({ UserName: 'leo' }, root),
      await getUser({ UserName: 'leo' }, root),
      await listUsers({}, root),
      await getUserPolicy({ UserName: 'leo', PolicyName: 'p' }, root),
      await getRole({ RoleName: 'leo-role' }, root),
      await listRoles({}, root),
      await updateAccessKey({ UserName: 'leo', AccessKeyId: AccessKey.AccessKeyId, Status: 'Inactive' }, root),
      await deleteAccessKey({ UserName: 'leo', AccessKeyId: AccessKey.AccessKeyId }, root),
    ];
    for (const response of responses) {
      const text = `${JSON.stringify(response)}${inspect(response, { depth: 10 })}`;
      expect(text).not.toContain(AccessKey.SecretAccessKey);
      expect(text).not.toContain(wrapped);
    }
  });
});

describe('the two-key limit on PostgreSQL, where transactions run concurrently', () => {
  const world = postgresWorld();

  it('holds under 10 concurrent CreateAccessKey calls, for a user and for root', async ({ skip }) => {
    const w = world();
    if (w === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
    await createUser({ UserName: 'racer' }, w.root());
    for (const input of [{ UserName: 'racer' }, {}]) {
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => createAccessKey(input, w.root())));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect((await listAccessKeys(input, w.root())).AccessKeyMetadata).toHaveLength(2);
    }
  });
});
