/** Account aliases: at most one per account, unique across accounts (the primary key and the UNIQUE column hold both). */
import type { Queryable } from './db.js';

export const accountAliases = {
  async forAccount(q: Queryable, accountId: string): Promise<string | undefined> {
    const row = await q.get<{ alias: string }>('SELECT alias FROM account_aliases WHERE account_id = ?', [accountId]);
    return row?.alias;
  },
  /** The account that has this alias, if any. */
  async owner(q: Queryable, alias: string): Promise<string | undefined> {
    const row = await q.get<{ account_id: string }>('SELECT account_id FROM account_aliases WHERE alias = ?', [alias]);
    return row?.account_id;
  },
  /** Sets the account's alias, replacing the one it had. A taken alias throws UniqueViolation. */
  async set(q: Queryable, accountId: string, alias: string): Promise<void> {
    await q.run('DELETE FROM account_aliases WHERE account_id = ?', [accountId]);
    await q.run('INSERT INTO account_aliases (account_id, alias) VALUES (?, ?)', [accountId, alias]);
  },
  async remove(q: Queryable, accountId: string, alias: string): Promise<boolean> {
    return (await q.run('DELETE FROM account_aliases WHERE account_id = ? AND alias = ?', [accountId, alias])).changes === 1;
  },
};
