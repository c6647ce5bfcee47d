/**
 * The store: one Db (SQLite by default, PostgreSQL for several nodes) and the
 * repositories over it. Repositories are functions of a Queryable, so a service can put
 * several of them in one transaction.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.js';
import { migrate } from './migrations.js';
import { PostgresDb } from './postgres.js';
import { SqliteDb } from './sqlite.js';

export { accessKeys } from './access-keys.js';
export { accountAliases } from './account-aliases.js';
export { auditEvents, type AuditAttribute, type AuditQuery } from './audit-events.js';
export { accountSummary } from './account-summary.js';
export type { AccountCounts } from './account-summary.js';
export { AWS_MANAGED_ACCOUNT, awsManagedPolicies, type AwsManagedPolicy } from './aws-managed-policies.js';
export { accounts } from './accounts.js';
export { StoreUnavailable, UniqueViolation } from './db.js';
export { deletionTasks } from './deletion-tasks.js';
export type { Db, Queryable, SqlValue, Statement } from './db.js';
export { groups } from './groups.js';
export { instanceProfiles } from './instance-profiles.js';
export { migrate } from './migrations.js';
export { oidcProviders } from './oidc-providers.js';
export { mfaDevices } from './mfa-devices.js';
export { attachments, inlinePolicies, managedPolicies } from './policies.js';
export type * from './records.js';
export { roles } from './roles.js';
export { generation, sealingKeys } from './sealing-keys.js';
export { serviceCredentials } from './service-credentials.js';
export { users } from './users.js';

/**
 * Opens the store at `location`: a `postgres://` or `postgresql://` URL, or a directory
 * for the embedded SQLite file (created if missing). Runs the migrations.
 */
export async function openStore(location: string, now: number): Promise<Db> {
  let db: Db;
  if (/^postgres(ql)?:\/\//.test(location)) {
    db = new PostgresDb(location);
  } else {
    mkdirSync(location, { recursive: true, mode: 0o700 });
    db = new SqliteDb(join(location, 'rolegate.db'));
  }
  try {
    await migrate(db, now);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return db;
}
