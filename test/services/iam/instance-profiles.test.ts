/**
 * The one role an instance profile holds, on PostgreSQL, where transactions run
 * concurrently: the lock on the profile's row is what keeps the check and the insert
 * together (SQLite serializes transactions anyway; the server suite covers it there).
 */
import { describe, expect, it } from 'vitest';
import { addRoleToInstanceProfile } from '../../../src/services/iam/instance-profile-roles.js';
import { createInstanceProfile, getInstanceProfile } from '../../../src/services/iam/instance-profiles.js';
import { createRole, deleteRole } from '../../../src/services/iam/roles.js';
import { PG_ADMIN_URL } from '../../contract/backends.js';
import { postgresWorld, trustOf } from '../support.js';

describe('the one-role limit on PostgreSQL, where transactions run concurrently', () => {
  const world = postgresWorld();

  it('lets one of 10 concurrent AddRoleToInstanceProfile calls in, and refuses the rest', async ({ skip }) => {
    const w = world();
    if (w === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
    await createInstanceProfile({ InstanceProfileName: 'raced' }, w.root());
    const names = Array.from({ length: 10 }, (_, i) => `racer-${i}`);
    for (const name of names) await createRole({ RoleName: name, AssumeRolePolicyDocument: trustOf({ Service: 'ec2.amazonaws.com' }) }, w.root());
    const results = await Promise.allSettled(names.map((RoleName) => addRoleToInstanceProfile({ InstanceProfileName: 'raced', RoleName }, w.root())));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as Error).message);
    expect(refused).toEqual(Array(9).fill('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1'));
    expect((await getInstanceProfile({ InstanceProfileName: 'raced' }, w.root())).InstanceProfile.Roles).toHaveLength(1);
  });

  it('never leaves a deleted role in a profile when DeleteRole and AddRoleToInstanceProfile race', async ({ skip }) => {
    const w = world();
    if (w === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
    for (let i = 0; i < 5; i++) {
      await createInstanceProfile({ InstanceProfileName: `contested-${i}` }, w.root());
      await createRole({ RoleName: `contested-${i}`, AssumeRolePolicyDocument: trustOf({ Service: 'ec2.amazonaws.com' }) }, w.root());
      const [added, deleted] = await Promise.allSettled([
        addRoleToInstanceProfile({ InstanceProfileName: `contested-${i}`, RoleName: `contested-${i}` }, w.root()),
        deleteRole({ RoleName: `contested-${i}` }, w.root()),
      ]);
      // Exactly one wins: the role is in the profile, or it is gone and the profile is empty.
      expect([added.status, deleted.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
      const held = (await getInstanceProfile({ InstanceProfileName: `contested-${i}` }, w.root())).InstanceProfile.Roles;
      expect(held).toHaveLength(added.status === 'fulfilled' ? 1 : 0);
    }
  });
});
