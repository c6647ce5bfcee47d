import type { Queryable } from './db.js';
import type { RoleRecord } from './records.js';
import { nameKey, nullable, optional, readTags, writeTags } from './rows.js';

export interface RoleRow {
  id: string;
  account_id: string;
  name: string;
  path: string;
  trust_policy: string;
  description: string | null;
  max_session_duration: number;
  created_at: number;
  boundary_arn: string | null;
  tags: string;
  last_used_at: number | null;
  last_used_region: string | null;
  linked_service: string | null;
}

export const roleFromRow = (r: RoleRow): RoleRecord => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  path: r.path,
  trustPolicy: r.trust_policy,
  description: optional(r.description),
  maxSessionDuration: r.max_session_duration,
  createdAt: r.created_at,
  boundaryArn: optional(r.boundary_arn),
  tags: readTags(r.tags),
  lastUsedAt: optional(r.last_used_at),
  lastUsedRegion: optional(r.last_used_region),
  linkedService: optional(r.linked_service),
});

export const roles = {
  async insert(q: Queryable, r: RoleRecord): Promise<void> {
    await q.run(
      `INSERT INTO roles (id, account_id, name, name_key, path, trust_policy, description, max_session_duration,
         created_at, boundary_arn, tags, linked_service) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.id, r.accountId, r.name, nameKey(r.name), r.path, r.trustPolicy, nullable(r.description), r.maxSessionDuration,
        r.createdAt, nullable(r.boundaryArn), writeTags(r.tags), nullable(r.linkedService)],
    );
  },
  async byName(q: Queryable, accountId: string, name: string): Promise<RoleRecord | undefined> {
    const row = await q.get<RoleRow>('SELECT * FROM roles WHERE account_id = ? AND name_key = ?', [accountId, nameKey(name)]);
    return row && roleFromRow(row);
  },
  async byId(q: Queryable, id: string): Promise<RoleRecord | undefined> {
    const row = await q.get<RoleRow>('SELECT * FROM roles WHERE id = ?', [id]);
    return row && roleFromRow(row);
  },
  async list(q: Queryable, accountId: string, pathPrefix = '/'): Promise<RoleRecord[]> {
    const rows = await q.all<RoleRow>('SELECT * FROM roles WHERE account_id = ? ORDER BY name_key', [accountId]);
    return rows.map(roleFromRow).filter((r) => r.path.startsWith(pathPrefix));
  },
  /** Writes the mutable fields: trust policy, description, duration, boundary, tags. */
  async update(q: Queryable, r: RoleRecord): Promise<void> {
    await q.run(
      'UPDATE roles SET trust_policy = ?, description = ?, max_session_duration = ?, boundary_arn = ?, tags = ? WHERE id = ?',
      [r.trustPolicy, nullable(r.description), r.maxSessionDuration, nullable(r.boundaryArn), writeTags(r.tags), r.id],
    );
  },
  async recordUse(q: Queryable, id: string, at: number, region: string): Promise<void> {
    await q.run('UPDATE roles SET last_used_at = ?, last_used_region = ? WHERE id = ?', [at, region, id]);
  },
  /** Locks the role's row until the transaction ends (see users.lock). */
  async lock(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('UPDATE roles SET name = name WHERE id = ?', [id])).changes === 1;
  },
  /** The account's roles with this policy as their permissions boundary. */
  async withBoundary(q: Queryable, boundaryArn: string, accountId: string): Promise<RoleRecord[]> {
    return (await q.all<RoleRow>('SELECT * FROM roles WHERE boundary_arn = ? AND account_id = ? ORDER BY name_key', [boundaryArn, accountId])).map(roleFromRow);
  },
  async countWithBoundary(q: Queryable, boundaryArn: string, accountId: string): Promise<number> {
    const row = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM roles WHERE boundary_arn = ? AND account_id = ?', [boundaryArn, accountId]);
    return Number(row?.n ?? 0);
  },
  async remove(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('DELETE FROM roles WHERE id = ?', [id])).changes === 1;
  },
};
