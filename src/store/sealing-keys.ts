import type { Queryable } from './db.js';
import type { SealingKeyRecord } from './records.js';
import { optional } from './rows.js';

interface Row {
  id: string;
  wrapped: string;
  created_at: number;
  retired_at: number | null;
}

export const sealingKeys = {
  async list(q: Queryable): Promise<SealingKeyRecord[]> {
    const rows = await q.all<Row>('SELECT * FROM sealing_keys ORDER BY created_at, id');
    return rows.map((r) => ({ id: r.id, wrapped: r.wrapped, createdAt: r.created_at, retiredAt: optional(r.retired_at) }));
  },
  async insert(q: Queryable, k: SealingKeyRecord): Promise<void> {
    await q.run('INSERT INTO sealing_keys (id, wrapped, created_at, retired_at) VALUES (?, ?, ?, ?)', [k.id, k.wrapped, k.createdAt, k.retiredAt ?? null]);
  },
  /**
   * Takes the lock that serializes changes to the ring across nodes, first thing in the
   * transaction that changes it: under PostgreSQL's READ COMMITTED, two nodes starting at
   * once would each find no key and each add an active one, and two rotations would each
   * leave their own key active. (SQLite's write transactions are serial already.)
   */
  async lock(q: Queryable): Promise<void> {
    await q.run('UPDATE store_generation SET value = value WHERE id = 1');
  },
  /** Retires every active key at `at`; the caller inserts the new active key in the same transaction. */
  async retireActive(q: Queryable, at: number): Promise<void> {
    await q.run('UPDATE sealing_keys SET retired_at = ? WHERE retired_at IS NULL', [at]);
  },
  async remove(q: Queryable, id: string): Promise<void> {
    await q.run('DELETE FROM sealing_keys WHERE id = ?', [id]);
  },
};

export const generation = {
  async current(q: Queryable): Promise<number> {
    const row = await q.get<{ value: number }>('SELECT value FROM store_generation WHERE id = 1');
    return Number(row?.value ?? 0);
  },
  /** Called by every write that can change a decision, inside its transaction. */
  async bump(q: Queryable): Promise<void> {
    await q.run('UPDATE store_generation SET value = value + 1 WHERE id = 1');
  },
};
