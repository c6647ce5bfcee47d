/** DeleteServiceLinkedRole's tasks, by id, within their account. */
import type { Queryable } from './db.js';
import type { DeletionTaskRecord } from './records.js';

interface Row {
  id: string;
  account_id: string;
  status: string;
  created_at: number;
}

export const deletionTasks = {
  async insert(q: Queryable, t: DeletionTaskRecord): Promise<void> {
    await q.run('INSERT INTO slr_deletion_tasks (id, account_id, status, created_at) VALUES (?, ?, ?, ?)', [t.id, t.accountId, t.status, t.createdAt]);
  },
  /** Another account's task reads as none. */
  async byId(q: Queryable, accountId: string, id: string): Promise<DeletionTaskRecord | undefined> {
    const row = await q.get<Row>('SELECT * FROM slr_deletion_tasks WHERE id = ? AND account_id = ?', [id, accountId]);
    return row && { id: row.id, accountId: row.account_id, status: row.status as DeletionTaskRecord['status'], createdAt: row.created_at };
  },
};
