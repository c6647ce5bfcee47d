import type { Queryable } from './db.js';
import type { AccessKeyStatus, ServiceCredentialRecord } from './records.js';

interface Row {
  id: string;
  account_id: string;
  user_id: string;
  service_name: string;
  password: string;
  status: AccessKeyStatus;
  created_at: number;
}

const fromRow = (r: Row): ServiceCredentialRecord => ({
  id: r.id,
  accountId: r.account_id,
  userId: r.user_id,
  serviceName: r.service_name,
  wrappedPassword: r.password,
  status: r.status,
  createdAt: r.created_at,
});

export const serviceCredentials = {
  async insert(q: Queryable, c: ServiceCredentialRecord): Promise<void> {
    await q.run(
      'INSERT INTO service_credentials (id, account_id, user_id, service_name, password, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [c.id, c.accountId, c.userId, c.serviceName, c.wrappedPassword, c.status, c.createdAt],
    );
  },
  async byId(q: Queryable, id: string): Promise<ServiceCredentialRecord | undefined> {
    const row = await q.get<Row>('SELECT * FROM service_credentials WHERE id = ?', [id]);
    return row && fromRow(row);
  },
  /** A user's credentials, oldest first; with `serviceName`, only that service's. */
  async forUser(q: Queryable, userId: string, serviceName?: string): Promise<ServiceCredentialRecord[]> {
    const rows =
      serviceName === undefined
        ? await q.all<Row>('SELECT * FROM service_credentials WHERE user_id = ? ORDER BY created_at, id', [userId])
        : await q.all<Row>('SELECT * FROM service_credentials WHERE user_id = ? AND service_name = ? ORDER BY created_at, id', [userId, serviceName]);
    return rows.map(fromRow);
  },
  async setStatus(q: Queryable, id: string, status: AccessKeyStatus): Promise<boolean> {
    return (await q.run('UPDATE service_credentials SET status = ? WHERE id = ?', [status, id])).changes === 1;
  },
  async setPassword(q: Queryable, id: string, wrappedPassword: string): Promise<boolean> {
    return (await q.run('UPDATE service_credentials SET password = ? WHERE id = ?', [wrappedPassword, id])).changes === 1;
  },
  async remove(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('DELETE FROM service_credentials WHERE id = ?', [id])).changes === 1;
  },
};
