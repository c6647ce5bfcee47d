import type { Queryable } from './db.js';
import type { AccountRecord } from './records.js';

interface Row {
  id: string;
  name: string;
  created_at: number;
}

const fromRow = (r: Row): AccountRecord => ({ id: r.id, name: r.name, createdAt: r.created_at });

export const accounts = {
  async insert(q: Queryable, a: AccountRecord): Promise<void> {
    await q.run('INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)', [a.id, a.name, a.createdAt]);
  },
  async get(q: Queryable, id: string): Promise<AccountRecord | undefined> {
    const row = await q.get<Row>('SELECT * FROM accounts WHERE id = ?', [id]);
    return row && fromRow(row);
  },
  /** Locks the account's row until the transaction ends: serializes account-wide checks (root keys, policy names). */
  async lock(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('UPDATE accounts SET name = name WHERE id = ?', [id])).changes === 1;
  },
  async list(q: Queryable): Promise<AccountRecord[]> {
    return (await q.all<Row>('SELECT * FROM accounts ORDER BY id')).map(fromRow);
  },
};
