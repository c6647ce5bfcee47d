import type { Queryable } from './db.js';
import type { UserRecord } from './records.js';
import { nameKey, nullable, optional, readTags, writeTags } from './rows.js';

export interface UserRow {
  id: string;
  account_id: string;
  name: string;
  path: string;
  created_at: number;
  boundary_arn: string | null;
  tags: string;
}

export const userFromRow = (r: UserRow): UserRecord => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  path: r.path,
  createdAt: r.created_at,
  boundaryArn: optional(r.boundary_arn),
  tags: readTags(r.tags),
});

export const users = {
  async insert(q: Queryable, u: UserRecord): Promise<void> {
    await q.run(
      'INSERT INTO users (id, account_id, name, name_key, path, created_at, boundary_arn, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [u.id, u.accountId, u.name, nameKey(u.name), u.path, u.createdAt, nullable(u.boundaryArn), writeTags(u.tags)],
    );
  },
  async byName(q: Queryable, accountId: string, name: string): Promise<UserRecord | undefined> {
    const row = await q.get<UserRow>('SELECT * FROM users WHERE account_id = ? AND name_key = ?', [accountId, nameKey(name)]);
    return row && userFromRow(row);
  },
  async byId(q: Queryable, id: string): Promise<UserRecord | undefined> {
    const row = await q.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    return row && userFromRow(row);
  },
  async list(q: Queryable, accountId: string, pathPrefix = '/'): Promise<UserRecord[]> {
    const rows = await q.all<UserRow>('SELECT * FROM users WHERE account_id = ? ORDER BY name_key', [accountId]);
    return rows.map(userFromRow).filter((u) => u.path.startsWith(pathPrefix));
  },
  async update(q: Queryable, u: UserRecord): Promise<void> {
    await q.run('UPDATE users SET name = ?, name_key = ?, path = ?, boundary_arn = ?, tags = ? WHERE id = ?', [
      u.name, nameKey(u.name), u.path, nullable(u.boundaryArn), writeTags(u.tags), u.id,
    ]);
  },
  /**
   * Locks the user's row until the transaction ends, so checks of what the user owns
   * (two access keys at most, the inline-policy size) hold under concurrent writes. A
   * no-op UPDATE locks the row on PostgreSQL; SQLite transactions are serialized anyway.
   */
  async lock(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('UPDATE users SET name = name WHERE id = ?', [id])).changes === 1;
  },
  /** The account's users with this policy as their permissions boundary. */
  async withBoundary(q: Queryable, boundaryArn: string, accountId: string): Promise<UserRecord[]> {
    const rows = await q.all<UserRow>('SELECT * FROM users WHERE boundary_arn = ? AND account_id = ? ORDER BY name_key', [boundaryArn, accountId]);
    return rows.map(userFromRow);
  },
  /** How many of the account's users have this policy as their permissions boundary. */
  async countWithBoundary(q: Queryable, boundaryArn: string, accountId: string): Promise<number> {
    const row = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM users WHERE boundary_arn = ? AND account_id = ?', [boundaryArn, accountId]);
    return Number(row?.n ?? 0);
  },
  async remove(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('DELETE FROM users WHERE id = ?', [id])).changes === 1;
  },
};
