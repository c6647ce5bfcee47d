import type { Queryable } from './db.js';
import type { AccessKeyRecord, AccessKeyStatus } from './records.js';
import { nullable, optional } from './rows.js';

interface Row {
  id: string;
  account_id: string;
  user_id: string | null;
  secret: string;
  status: AccessKeyStatus;
  created_at: number;
  last_used_at: number | null;
  last_used_service: string | null;
  last_used_region: string | null;
}

const fromRow = (r: Row): AccessKeyRecord => ({
  id: r.id,
  accountId: r.account_id,
  userId: optional(r.user_id),
  wrappedSecret: r.secret,
  status: r.status,
  createdAt: r.created_at,
  lastUsedAt: optional(r.last_used_at),
  lastUsedService: optional(r.last_used_service),
  lastUsedRegion: optional(r.last_used_region),
});

export const accessKeys = {
  async insert(q: Queryable, k: AccessKeyRecord): Promise<void> {
    await q.run(
      'INSERT INTO access_keys (id, account_id, user_id, secret, status, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [k.id, k.accountId, nullable(k.userId), k.wrappedSecret, k.status, k.createdAt],
    );
  },
  async byId(q: Queryable, id: string): Promise<AccessKeyRecord | undefined> {
    const row = await q.get<Row>('SELECT * FROM access_keys WHERE id = ?', [id]);
    return row && fromRow(row);
  },
  /** A user's keys, or with `userId` undefined the root user's keys of the account. */
  async forOwner(q: Queryable, accountId: string, userId: string | undefined): Promise<AccessKeyRecord[]> {
    const rows =
      userId === undefined
        ? await q.all<Row>('SELECT * FROM access_keys WHERE account_id = ? AND user_id IS NULL ORDER BY created_at, id', [accountId])
        : await q.all<Row>('SELECT * FROM access_keys WHERE user_id = ? ORDER BY created_at, id', [userId]);
    return rows.map(fromRow);
  },
  async setStatus(q: Queryable, id: string, status: AccessKeyStatus): Promise<boolean> {
    return (await q.run('UPDATE access_keys SET status = ? WHERE id = ?', [status, id])).changes === 1;
  },
  async recordUse(q: Queryable, id: string, at: number, service: string, region: string): Promise<void> {
    await q.run('UPDATE access_keys SET last_used_at = ?, last_used_service = ?, last_used_region = ? WHERE id = ?', [at, service, region, id]);
  },
  async remove(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('DELETE FROM access_keys WHERE id = ?', [id])).changes === 1;
  },
};
