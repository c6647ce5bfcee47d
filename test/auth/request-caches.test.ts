/**
 * The caches on the request path must never change an answer: an opened token is
 * remembered only with its exact text and key id, callers built from sessions and keys
 * follow IAM writes at once, and a role's compiled trust policy follows its document.
 * Real store (SQLite), real operations, real sealed tokens.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../src/auth/credentials.js';
import { deleteRole, updateAssumeRolePolicy } from '../../src/services/iam/roles.js';
import { deleteRolePolicy } from '../../src/services/iam/inline-policies.js';
import { assumeRole } from '../../src/services/sts/assume-role.js';
import { failure, keysOf, trust, World, type Keys } from '../services/sts/harness.js';

const ACCOUNT = '111122223333';
const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

describe('request-path caches', () => {
  let world: World;
  let user: Keys & { arn: string };
  let role: { arn: string; id: string };
  let session: Keys;

  beforeEach(async () => {
    world = await World.open();
    user = await world.user(ACCOUNT, 'alice', [allowAll]);
    role = await world.role(ACCOUNT, 'reader', trust({ AWS: user.arn }), [allowAll]);
    session = keysOf(await assumeRole({ RoleArn: role.arn, RoleSessionName: 'one' }, await world.as(user)));
  });
  afterEach(() => world.close());

  const resolve = (keys: Keys) => resolveCredentials(keys.accessKeyId, keys.sessionToken, world.iam.keyRings, world.iam.entities);

  it('opens a token once and answers the same session for it again', async () => {
    const first = await world.iam.keyRings.openToken(session.sessionToken as string, session.accessKeyId);
    const again = await world.iam.keyRings.openToken(session.sessionToken as string, session.accessKeyId);
    expect(again).toBe(first);
    expect(first.roleArn).toBe(role.arn);
  });

  it('refuses another token under a remembered key id, and a remembered token under another key id', async () => {
    const token = session.sessionToken as string;
    await world.iam.keyRings.openToken(token, session.accessKeyId);
    const flipped = token.slice(0, -6) + (token.slice(-6, -5) === 'A' ? 'B' : 'A') + token.slice(-5);
    expect((await failure(world.iam.keyRings.openToken(flipped, session.accessKeyId))).code).toBe('InvalidClientTokenId');
    const other = keysOf(await assumeRole({ RoleArn: role.arn, RoleSessionName: 'two' }, await world.as(user)));
    expect((await failure(world.iam.keyRings.openToken(token, other.accessKeyId))).code).toBe('InvalidClientTokenId');
    // The genuine pair still opens after both refusals.
    expect((await world.iam.keyRings.openToken(token, session.accessKeyId)).sessionName).toBe('one');
  });

  it('answers ExpiredToken for a remembered token once it has expired', async () => {
    await world.iam.keyRings.openToken(session.sessionToken as string, session.accessKeyId);
    world.clock.t += 3600_000;
    expect((await failure(world.iam.keyRings.openToken(session.sessionToken as string, session.accessKeyId))).code).toBe('ExpiredToken');
  });

  it('a session caller follows its role: reused while unchanged, without the role once it is deleted', async () => {
    const before = await (await resolve(session)).caller();
    expect(before.kind === 'session' && before.role?.id).toBe(role.id);
    expect(await (await resolve(session)).caller()).toBe(before);

    const root = world.root(ACCOUNT);
    await deleteRolePolicy({ RoleName: 'reader', PolicyName: 'p0' }, root);
    await deleteRole({ RoleName: 'reader' }, root);
    const after = await (await resolve(session)).caller();
    expect(after.kind === 'session' && after.role).toBeUndefined();
  });

  it('a long-term key caller is built once and reused', async () => {
    const first = await (await resolve(user)).caller();
    expect(first.arn).toBe(user.arn);
    expect(await (await resolve(user)).caller()).toBe(first);
  });

  it("AssumeRole honours a new trust policy at once, though the old one was compiled and cached", async () => {
    await assumeRole({ RoleArn: role.arn, RoleSessionName: 'warm' }, await world.as(user));
    const bob = await world.user(ACCOUNT, 'bob', [allowAll]);
    await updateAssumeRolePolicy({ RoleName: 'reader', PolicyDocument: JSON.stringify(trust({ AWS: bob.arn })) }, world.root(ACCOUNT));
    await assumeRole({ RoleArn: role.arn, RoleSessionName: 'bob' }, await world.as(bob));
    const denied = await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 'cold' }, await world.as(user)));
    expect(denied.code).toBe('AccessDenied');
  });
});
