/** IAM instance profiles and the roles they hold (IAM allows one; the services enforce it). */
import type { Queryable } from './db.js';
import type { InstanceProfileRecord, RoleRecord } from './records.js';
import { roleFromRow, type RoleRow } from './roles.js';
import { nameKey, readTags, writeTags } from './rows.js';

interface Row {
  id: string;
  account_id: string;
  name: string;
  path: string;
  created_at: number;
  tags: string;
}

const fromRow = (r: Row): InstanceProfileRecord => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  path: r.path,
  createdAt: r.created_at,
  tags: readTags(r.tags),
});

export const instanceProfiles = {
  async insert(q: Queryable, p: InstanceProfileRecord): Promise<void> {
    await q.run('INSERT INTO instance_profiles (id, account_id, name, name_key, path, created_at, tags) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      p.id, p.accountId, p.name, nameKey(p.name), p.path, p.createdAt, writeTags(p.tags),
    ]);
  },
  async byName(q: Queryable, accountId: string, name: string): Promise<InstanceProfileRecord | undefined> {
    const row = await q.get<Row>('SELECT * FROM instance_profiles WHERE account_id = ? AND name_key = ?', [accountId, nameKey(name)]);
    return row && fromRow(row);
  },
  async byId(q: Queryable, id: string): Promise<InstanceProfileRecord | undefined> {
    const row = await q.get<Row>('SELECT * FROM instance_profiles WHERE id = ?', [id]);
    return row && fromRow(row);
  },
  async list(q: Queryable, accountId: string, pathPrefix = '/'): Promise<InstanceProfileRecord[]> {
    const rows = await q.all<Row>('SELECT * FROM instance_profiles WHERE account_id = ? ORDER BY name_key', [accountId]);
    return rows.map(fromRow).filter((p) => p.path.startsWith(pathPrefix));
  },
  async setTags(q: Queryable, id: string, tags: InstanceProfileRecord['tags']): Promise<void> {
    await q.run('UPDATE instance_profiles SET tags = ? WHERE id = ?', [writeTags(tags), id]);
  },
  /** Locks the profile's row until the transaction ends (see users.lock). */
  async lock(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('UPDATE instance_profiles SET name = name WHERE id = ?', [id])).changes === 1;
  },
  async remove(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('DELETE FROM instance_profiles WHERE id = ?', [id])).changes === 1;
  },
  async addRole(q: Queryable, profileId: string, roleId: string): Promise<void> {
    await q.run('INSERT INTO instance_profile_roles (profile_id, role_id) VALUES (?, ?)', [profileId, roleId]);
  },
  async removeRole(q: Queryable, profileId: string, roleId: string): Promise<boolean> {
    return (await q.run('DELETE FROM instance_profile_roles WHERE profile_id = ? AND role_id = ?', [profileId, roleId])).changes === 1;
  },
  /** The roles the profile holds, by name. */
  async roles(q: Queryable, profileId: string): Promise<RoleRecord[]> {
    const rows = await q.all<RoleRow>(
      'SELECT r.* FROM roles r JOIN instance_profile_roles m ON m.role_id = r.id WHERE m.profile_id = ? ORDER BY r.name_key', [profileId]);
    return rows.map(roleFromRow);
  },
  /** The profiles holding the role, by name. */
  async forRole(q: Queryable, roleId: string): Promise<InstanceProfileRecord[]> {
    const rows = await q.all<Row>(
      'SELECT p.* FROM instance_profiles p JOIN instance_profile_roles m ON m.profile_id = p.id WHERE m.role_id = ? ORDER BY p.name_key', [roleId]);
    return rows.map(fromRow);
  },
};
