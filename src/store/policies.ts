/** Inline policies, customer managed policies with their versions, and attachments. */
import { awsManagedPolicies } from './aws-managed-policies.js';
import type { Queryable } from './db.js';
import type { InlinePolicyRecord, ManagedPolicyRecord, OwnerKind, PolicyVersionRecord, Tag } from './records.js';
import { nameKey, nullable, optional, readTags, writeTags } from './rows.js';

interface ManagedRow {
  id: string;
  account_id: string;
  arn: string;
  name: string;
  path: string;
  description: string | null;
  default_version: string;
  next_version: number;
  created_at: number;
  updated_at: number;
  tags: string;
}

const managedFromRow = (r: ManagedRow): ManagedPolicyRecord => ({
  id: r.id,
  accountId: r.account_id,
  arn: r.arn,
  name: r.name,
  path: r.path,
  description: optional(r.description),
  defaultVersion: r.default_version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  tags: readTags(r.tags),
});

interface VersionRow {
  policy_id: string;
  version_id: string;
  document: string;
  created_at: number;
}

const versionFromRow = (r: VersionRow): PolicyVersionRecord => ({
  policyId: r.policy_id,
  versionId: r.version_id,
  document: r.document,
  createdAt: r.created_at,
});

export const inlinePolicies = {
  /** Creates or replaces the owner's policy of that name. */
  async put(q: Queryable, p: InlinePolicyRecord): Promise<void> {
    await q.run('DELETE FROM inline_policies WHERE owner_id = ? AND name_key = ?', [p.ownerId, nameKey(p.name)]);
    await q.run('INSERT INTO inline_policies (owner_id, name, name_key, document) VALUES (?, ?, ?, ?)', [
      p.ownerId, p.name, nameKey(p.name), p.document,
    ]);
  },
  async get(q: Queryable, ownerId: string, name: string): Promise<InlinePolicyRecord | undefined> {
    const row = await q.get<{ owner_id: string; name: string; document: string }>(
      'SELECT owner_id, name, document FROM inline_policies WHERE owner_id = ? AND name_key = ?', [ownerId, nameKey(name)]);
    return row && { ownerId: row.owner_id, name: row.name, document: row.document };
  },
  async forOwner(q: Queryable, ownerId: string): Promise<InlinePolicyRecord[]> {
    const rows = await q.all<{ owner_id: string; name: string; document: string }>(
      'SELECT owner_id, name, document FROM inline_policies WHERE owner_id = ? ORDER BY name_key', [ownerId]);
    return rows.map((r) => ({ ownerId: r.owner_id, name: r.name, document: r.document }));
  },
  async remove(q: Queryable, ownerId: string, name: string): Promise<boolean> {
    return (await q.run('DELETE FROM inline_policies WHERE owner_id = ? AND name_key = ?', [ownerId, nameKey(name)])).changes === 1;
  },
};

export const managedPolicies = {
  /** The policy and its first version, `v1`, as the default. */
  async insert(q: Queryable, p: ManagedPolicyRecord, document: string): Promise<void> {
    await q.run(
      `INSERT INTO managed_policies (id, account_id, arn, name, path, description, default_version, next_version,
         created_at, updated_at, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [p.id, p.accountId, p.arn, p.name, p.path, nullable(p.description), 'v1', 2, p.createdAt, p.updatedAt, writeTags(p.tags)],
    );
    await q.run('INSERT INTO policy_versions (policy_id, version_id, document, created_at) VALUES (?, ?, ?, ?)', [
      p.id, 'v1', document, p.createdAt,
    ]);
  },
  /** A customer managed policy (AWS's own are not rows: see `resolve`). */
  async byArn(q: Queryable, arn: string): Promise<ManagedPolicyRecord | undefined> {
    const row = await q.get<ManagedRow>('SELECT * FROM managed_policies WHERE arn = ?', [arn]);
    return row && managedFromRow(row);
  },
  /** The policy of this ARN, whether AWS managed or customer managed. */
  async resolve(q: Queryable, arn: string): Promise<ManagedPolicyRecord | undefined> {
    return awsManagedPolicies.byArn(arn)?.policy ?? (await managedPolicies.byArn(q, arn));
  },
  async list(q: Queryable, accountId: string): Promise<ManagedPolicyRecord[]> {
    return (await q.all<ManagedRow>('SELECT * FROM managed_policies WHERE account_id = ? ORDER BY name', [accountId])).map(managedFromRow);
  },
  async version(q: Queryable, policyId: string, versionId: string): Promise<PolicyVersionRecord | undefined> {
    const row = await q.get<VersionRow>('SELECT * FROM policy_versions WHERE policy_id = ? AND version_id = ?', [policyId, versionId]);
    return row && versionFromRow(row);
  },
  async versions(q: Queryable, policyId: string): Promise<PolicyVersionRecord[]> {
    return (await q.all<VersionRow>('SELECT * FROM policy_versions WHERE policy_id = ? ORDER BY created_at', [policyId])).map(versionFromRow);
  },
  /**
   * The default version's document of each of these policies, by ARN; AWS managed
   * policies come from their data, without a query.
   */
  async defaultDocuments(q: Queryable, arns: readonly string[]): Promise<Map<string, { policy: ManagedPolicyRecord; document: string }>> {
    const out = new Map<string, { policy: ManagedPolicyRecord; document: string }>();
    for (const arn of arns) {
      const aws = awsManagedPolicies.byArn(arn);
      if (aws !== undefined) {
        out.set(arn, { policy: aws.policy, document: aws.version.document });
        continue;
      }
      const policy = await managedPolicies.byArn(q, arn);
      if (policy === undefined) continue;
      const version = await managedPolicies.version(q, policy.id, policy.defaultVersion);
      if (version !== undefined) out.set(arn, { policy, document: version.document });
    }
    return out;
  },
  /**
   * Adds a version under the policy's next id (`v2`, `v3`, …: ids are never reused, even
   * after a delete) and answers that id. Call inside a transaction holding the policy's lock.
   */
  async addVersion(q: Queryable, policyId: string, document: string, createdAt: number): Promise<string> {
    const row = await q.get<{ next_version: number }>('SELECT next_version FROM managed_policies WHERE id = ?', [policyId]);
    if (row === undefined) throw new Error(`no managed policy ${policyId}`);
    const versionId = `v${Number(row.next_version)}`;
    await q.run('UPDATE managed_policies SET next_version = next_version + 1 WHERE id = ?', [policyId]);
    await q.run('INSERT INTO policy_versions (policy_id, version_id, document, created_at) VALUES (?, ?, ?, ?)', [policyId, versionId, document, createdAt]);
    return versionId;
  },
  async setDefaultVersion(q: Queryable, policyId: string, versionId: string, updatedAt: number): Promise<void> {
    await q.run('UPDATE managed_policies SET default_version = ?, updated_at = ? WHERE id = ?', [versionId, updatedAt, policyId]);
  },
  async removeVersion(q: Queryable, policyId: string, versionId: string): Promise<boolean> {
    return (await q.run('DELETE FROM policy_versions WHERE policy_id = ? AND version_id = ?', [policyId, versionId])).changes === 1;
  },
  /** Locks the policy's row until the transaction ends (see users.lock). */
  async lock(q: Queryable, id: string): Promise<boolean> {
    return (await q.run('UPDATE managed_policies SET name = name WHERE id = ?', [id])).changes === 1;
  },
  async setTags(q: Queryable, id: string, tags: readonly Tag[]): Promise<void> {
    await q.run('UPDATE managed_policies SET tags = ? WHERE id = ?', [writeTags(tags), id]);
  },
  async remove(q: Queryable, id: string): Promise<boolean> {
    await q.run('DELETE FROM policy_versions WHERE policy_id = ?', [id]);
    return (await q.run('DELETE FROM managed_policies WHERE id = ?', [id])).changes === 1;
  },
};

/** An attachment's owner is a user, role or group of the account given three times. */
const OWNED_IN_ACCOUNT = `owner_id IN (SELECT id FROM users WHERE account_id = ?
  UNION ALL SELECT id FROM roles WHERE account_id = ? UNION ALL SELECT id FROM iam_groups WHERE account_id = ?)`;

export const attachments = {
  async attach(q: Queryable, policyArn: string, ownerId: string, ownerKind: OwnerKind): Promise<void> {
    await q.run('DELETE FROM policy_attachments WHERE policy_arn = ? AND owner_id = ?', [policyArn, ownerId]);
    await q.run('INSERT INTO policy_attachments (policy_arn, owner_id, owner_kind) VALUES (?, ?, ?)', [policyArn, ownerId, ownerKind]);
  },
  async detach(q: Queryable, policyArn: string, ownerId: string): Promise<boolean> {
    return (await q.run('DELETE FROM policy_attachments WHERE policy_arn = ? AND owner_id = ?', [policyArn, ownerId])).changes === 1;
  },
  async forOwner(q: Queryable, ownerId: string): Promise<string[]> {
    const rows = await q.all<{ policy_arn: string }>('SELECT policy_arn FROM policy_attachments WHERE owner_id = ? ORDER BY policy_arn', [ownerId]);
    return rows.map((r) => r.policy_arn);
  },
  /**
   * Who in this account has this policy attached, by owner id, with the kind of owner.
   * The account matters for AWS managed policies, which every account attaches.
   */
  async ownersOf(q: Queryable, policyArn: string, accountId: string): Promise<{ ownerId: string; ownerKind: OwnerKind }[]> {
    const rows = await q.all<{ owner_id: string; owner_kind: OwnerKind }>(
      `SELECT owner_id, owner_kind FROM policy_attachments WHERE policy_arn = ? AND ${OWNED_IN_ACCOUNT} ORDER BY owner_id`,
      [policyArn, accountId, accountId, accountId]);
    return rows.map((r) => ({ ownerId: r.owner_id, ownerKind: r.owner_kind }));
  },
  /** How many users, roles and groups of this account have this policy attached. */
  async count(q: Queryable, policyArn: string, accountId: string): Promise<number> {
    const row = await q.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM policy_attachments WHERE policy_arn = ? AND ${OWNED_IN_ACCOUNT}`, [policyArn, accountId, accountId, accountId]);
    return Number(row?.n ?? 0);
  },
};
