/** IAM groups and their members. A group's policies live in inline_policies and policy_attachments like any owner's. */
import type { Queryable } from './db.js';
import type { GroupRecord, UserRecord } from './records.js';
import { nameKey } from './rows.js';
import { userFromRow, type UserRow } from './users.js';

interface Row {
  id: string;
  account_id: string;
  name: string;
  path: string;
  created_at: number;
}

const fromRow = (r: Row): GroupRecord => ({ id: r.id, accountId: r.account_id, name: r.name, path: r.path, createdAt: r.created_at });

export const groups = {
  async insert(q: Queryable, g: GroupRecord): Promise<void> {
    await q.run('INSERT INTO iam_groups (id, account_id, name, name_key, path, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      g.id, g.accountId, g.name, nameKey(g.name), g.path, g.createdAt,
    ]);
  },
  async byName(q: Queryable, accountId: string, name: string): Promise<GroupRecord | undefined> {
    const row = await q.get<Row>('SELECT * FROM iam_groups WHERE account_id = ? AND name_key = ?', [accountId, nameKey(name)]);
    return row && fromRow(row);
  },
  async byId(q: Queryable, id: string): Promise<GroupRecord | undefined> {
    const row = await q.get<Row>('SELECT * FROM iam_groups WHERE id = ?', [id]);
    return row && fromRow(row);
  },
  async list(q: Queryable, accountId: string, pathPrefix = '/'): Promise<GroupRecord[]> {
    const rows = await q.all<Row>('SELECT * FROM iam_groups WHERE account_id = ? ORDER BY name_key', [accountId]);
    return rows.map(fromRow).filter((g) => g.path.startsWith(pathPrefix));
  },
  /** Renames or moves the group (UpdateGroup). */
  async update(q: Queryable, g: GroupRecord): Promise<void> {
    await q.run('UPDATE iam_groups SET name = ?, name_key = ?, path = ? WHERE id = ?', [g.name, nameKey(g.name), g.path, g.id]);
  },
  /** Locks the group's row until the transaction ends (see users.lock). */
  async lock(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('UPDATE iam_groups SET name = name WHERE id = ?', [id])).changes === 1;
  },
  async remove(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('DELETE FROM iam_groups WHERE id = ?', [id])).changes === 1;
  },
  /** Adds the user to the group; adding a member again changes nothing. */
  async addMember(q: Queryable, groupId: string, userId: string): Promise<void> {
    await q.run('DELETE FROM group_members WHERE group_id = ? AND user_id = ?', [groupId, userId]);
    await q.run('INSERT INTO group_members (group_id, user_id) VALUES (?, ?)', [groupId, userId]);
  },
  async removeMember(q: Queryable, groupId: string, userId: string): Promise<boolean> {
    return (await q.run('DELETE FROM group_members WHERE group_id = ? AND user_id = ?', [groupId, userId])).changes === 1;
  },
  /** The group's members, by name. */
  async members(q: Queryable, groupId: string): Promise<UserRecord[]> {
    const rows = await q.all<UserRow>(
      'SELECT u.* FROM users u JOIN group_members m ON m.user_id = u.id WHERE m.group_id = ? ORDER BY u.name_key', [groupId]);
    return rows.map(userFromRow);
  },
  async memberCount(q: Queryable, groupId: string): Promise<number> {
    const row = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM group_members WHERE group_id = ?', [groupId]);
    return Number(row?.n ?? 0);
  },
  /** The groups the user belongs to, by name. */
  async forUser(q: Queryable, userId: string): Promise<GroupRecord[]> {
    const rows = await q.all<Row>(
      'SELECT g.* FROM iam_groups g JOIN group_members m ON m.group_id = g.id WHERE m.user_id = ? ORDER BY g.name_key', [userId]);
    return rows.map(fromRow);
  },
};
