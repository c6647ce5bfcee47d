/**
 * The schema, as numbered migrations applied in order, each in its own transaction and
 * recorded in schema_migrations. The SQL is portable between SQLite and PostgreSQL.
 * Several nodes starting at once on PostgreSQL take an advisory lock, so one migrates
 * and the others find the work done.
 */
import type { Db } from './db.js';

const MIGRATIONS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE accounts (
       id TEXT PRIMARY KEY,
       name TEXT NOT NULL,
       created_at BIGINT NOT NULL)`,
    `CREATE TABLE users (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       name TEXT NOT NULL,
       name_key TEXT NOT NULL,
       path TEXT NOT NULL,
       created_at BIGINT NOT NULL,
       boundary_arn TEXT,
       tags TEXT NOT NULL,
       UNIQUE (account_id, name_key))`,
    `CREATE TABLE access_keys (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       user_id TEXT REFERENCES users(id),
       secret TEXT NOT NULL,
       status TEXT NOT NULL,
       created_at BIGINT NOT NULL,
       last_used_at BIGINT,
       last_used_service TEXT,
       last_used_region TEXT)`,
    `CREATE INDEX access_keys_by_user ON access_keys (user_id)`,
    `CREATE TABLE roles (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       name TEXT NOT NULL,
       name_key TEXT NOT NULL,
       path TEXT NOT NULL,
       trust_policy TEXT NOT NULL,
       description TEXT,
       max_session_duration INTEGER NOT NULL,
       created_at BIGINT NOT NULL,
       boundary_arn TEXT,
       tags TEXT NOT NULL,
       last_used_at BIGINT,
       last_used_region TEXT,
       UNIQUE (account_id, name_key))`,
    `CREATE TABLE inline_policies (
       owner_id TEXT NOT NULL,
       name TEXT NOT NULL,
       name_key TEXT NOT NULL,
       document TEXT NOT NULL,
       PRIMARY KEY (owner_id, name_key))`,
    `CREATE TABLE managed_policies (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL,
       arn TEXT NOT NULL UNIQUE,
       name TEXT NOT NULL,
       path TEXT NOT NULL,
       description TEXT,
       default_version TEXT NOT NULL,
       next_version INTEGER NOT NULL,
       created_at BIGINT NOT NULL,
       updated_at BIGINT NOT NULL,
       tags TEXT NOT NULL)`,
    `CREATE TABLE policy_versions (
       policy_id TEXT NOT NULL REFERENCES managed_policies(id),
       version_id TEXT NOT NULL,
       document TEXT NOT NULL,
       created_at BIGINT NOT NULL,
       PRIMARY KEY (policy_id, version_id))`,
    `CREATE TABLE policy_attachments (
       policy_arn TEXT NOT NULL,
       owner_id TEXT NOT NULL,
       owner_kind TEXT NOT NULL,
       PRIMARY KEY (policy_arn, owner_id))`,
    `CREATE INDEX policy_attachments_by_owner ON policy_attachments (owner_id)`,
    `CREATE TABLE sealing_keys (
       id TEXT PRIMARY KEY,
       wrapped TEXT NOT NULL,
       created_at BIGINT NOT NULL,
       retired_at BIGINT)`,
    // One row whose value grows with every write that can change a decision; caches
    // compare it to know they are stale.
    `CREATE TABLE store_generation (
       id INTEGER PRIMARY KEY CHECK (id = 1),
       value BIGINT NOT NULL)`,
    `INSERT INTO store_generation (id, value) VALUES (1, 0)`,
  ],
  [
    `CREATE TABLE iam_groups (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       name TEXT NOT NULL,
       name_key TEXT NOT NULL,
       path TEXT NOT NULL,
       created_at BIGINT NOT NULL,
       UNIQUE (account_id, name_key))`,
    `CREATE TABLE group_members (
       group_id TEXT NOT NULL REFERENCES iam_groups(id),
       user_id TEXT NOT NULL REFERENCES users(id),
       PRIMARY KEY (group_id, user_id))`,
    `CREATE INDEX group_members_by_user ON group_members (user_id)`,
    // IAM allows one alias per account; the alias is unique across all accounts.
    `CREATE TABLE account_aliases (
       account_id TEXT PRIMARY KEY REFERENCES accounts(id),
       alias TEXT NOT NULL UNIQUE)`,
  ],
  [
    // The AWS service a service-linked role belongs to (its AWSServiceName); NULL for
    // every role a customer made. Only that service may change or delete such a role.
    `ALTER TABLE roles ADD COLUMN linked_service TEXT`,
    // DeleteServiceLinkedRole's tasks, kept so GetServiceLinkedRoleDeletionStatus can
    // answer for them after the role is gone.
    `CREATE TABLE slr_deletion_tasks (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       status TEXT NOT NULL,
       created_at BIGINT NOT NULL)`,
  ],
  [
    // Service-specific credentials (CodeCommit, Keyspaces): the password only wrapped under
    // the master key, as access key secrets are.
    `CREATE TABLE service_credentials (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       user_id TEXT NOT NULL REFERENCES users(id),
       service_name TEXT NOT NULL,
       password TEXT NOT NULL,
       status TEXT NOT NULL,
       created_at BIGINT NOT NULL)`,
    `CREATE INDEX service_credentials_by_user ON service_credentials (user_id)`,
  ],
  [
    // Instance profiles and the role each holds. IAM models the roles as a list but allows
    // one; the service checks that under a lock on the profile's row.
    `CREATE TABLE instance_profiles (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       name TEXT NOT NULL,
       name_key TEXT NOT NULL,
       path TEXT NOT NULL,
       created_at BIGINT NOT NULL,
       tags TEXT NOT NULL,
       UNIQUE (account_id, name_key))`,
    `CREATE TABLE instance_profile_roles (
       profile_id TEXT NOT NULL REFERENCES instance_profiles(id),
       role_id TEXT NOT NULL REFERENCES roles(id),
       PRIMARY KEY (profile_id, role_id))`,
    `CREATE INDEX instance_profile_roles_by_role ON instance_profile_roles (role_id)`,
  ],
  [
    // OpenID Connect providers for AssumeRoleWithWebIdentity; client ids, thumbprints and
    // tags are JSON lists. The ARN is derived from the URL, so it is the key.
    `CREATE TABLE oidc_providers (
       arn TEXT PRIMARY KEY,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       url TEXT NOT NULL,
       client_ids TEXT NOT NULL,
       thumbprints TEXT NOT NULL,
       tags TEXT NOT NULL,
       created_at BIGINT NOT NULL)`,
    `CREATE INDEX oidc_providers_by_account ON oidc_providers (account_id)`,
  ],
  [
    // Virtual MFA devices. The TOTP seed only wrapped under the master key; user_id and
    // enabled_at are set while the device is enabled for a user. last_step is the newest
    // accepted TOTP time step, so a code is accepted once (EnableMFADevice, STS).
    `CREATE TABLE mfa_devices (
       serial_key TEXT PRIMARY KEY,
       serial TEXT NOT NULL,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       name TEXT NOT NULL,
       path TEXT NOT NULL,
       seed TEXT NOT NULL,
       tags TEXT NOT NULL,
       created_at BIGINT NOT NULL,
       user_id TEXT REFERENCES users(id),
       enabled_at BIGINT,
       last_step BIGINT)`,
    `CREATE INDEX mfa_devices_by_user ON mfa_devices (user_id)`,
    `CREATE INDEX mfa_devices_by_account ON mfa_devices (account_id)`,
  ],
  [
    // The audit trail: one row per CloudTrail event, kept in the account it is recorded
    // in (no foreign key: an event outlives what it names). The columns beside the record
    // are what LookupEvents filters on; resources are a JSON list for its answer and a
    // table for lookups by name or type. read_only is 0 or 1.
    `CREATE TABLE audit_events (
       event_id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL,
       event_time BIGINT NOT NULL,
       event_name TEXT NOT NULL,
       event_source TEXT NOT NULL,
       read_only INTEGER NOT NULL,
       username TEXT,
       access_key_id TEXT,
       resources TEXT NOT NULL,
       record TEXT NOT NULL)`,
    `CREATE INDEX audit_events_by_account ON audit_events (account_id, event_time, event_id)`,
    `CREATE INDEX audit_events_by_age ON audit_events (event_time)`,
    `CREATE TABLE audit_event_resources (
       event_id TEXT NOT NULL REFERENCES audit_events(event_id) ON DELETE CASCADE,
       account_id TEXT NOT NULL,
       resource_type TEXT NOT NULL,
       resource_name TEXT NOT NULL,
       PRIMARY KEY (event_id, resource_type, resource_name))`,
    `CREATE INDEX audit_event_resources_by_name ON audit_event_resources (account_id, resource_name)`,
    `CREATE INDEX audit_event_resources_by_type ON audit_event_resources (account_id, resource_type)`,
  ],
];

/** Arbitrary constant naming rolegate's migration lock among PostgreSQL advisory locks. */
const ADVISORY_LOCK = 0x726f6c65;

export async function migrate(db: Db, now: number): Promise<number> {
  return db.transaction(async (tx) => {
    // The lock first: nodes starting together must not race even to create the table
    // (PostgreSQL's IF NOT EXISTS is not safe against a concurrent CREATE).
    if (db.dialect === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(?)', [ADVISORY_LOCK]);
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const row = await tx.get<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
    const current = row?.version ?? 0;
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      for (const sql of MIGRATIONS[version - 1] as readonly string[]) await tx.run(sql);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [version, now]);
    }
    return MIGRATIONS.length;
  });
}
