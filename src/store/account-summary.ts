/** What GetAccountSummary counts, for one account, in one query per table. */
import type { Queryable } from './db.js';

export interface AccountCounts {
  readonly users: number;
  readonly groups: number;
  readonly roles: number;
  readonly instanceProfiles: number;
  /** Customer managed policies: the account's own, not AWS managed ones. */
  readonly policies: number;
  /** Managed policy attachments to the account's users, groups and roles. */
  readonly attachments: number;
  /** Access keys of the root user, active or not. */
  readonly rootAccessKeys: number;
  /** Virtual MFA devices, and those of them enabled for a user. */
  readonly mfaDevices: number;
  readonly mfaDevicesInUse: number;
}

const OWNED_BY_ACCOUNT = `owner_id IN (SELECT id FROM users WHERE account_id = ?)
  OR owner_id IN (SELECT id FROM roles WHERE account_id = ?)
  OR owner_id IN (SELECT id FROM iam_groups WHERE account_id = ?)`;

export const accountSummary = {
  async counts(q: Queryable, accountId: string): Promise<AccountCounts> {
    const count = async (sql: string, params: readonly string[]): Promise<number> =>
      Number((await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sql}`, params))?.n ?? 0);
    return {
      users: await count('users WHERE account_id = ?', [accountId]),
      groups: await count('iam_groups WHERE account_id = ?', [accountId]),
      roles: await count('roles WHERE account_id = ?', [accountId]),
      instanceProfiles: await count('instance_profiles WHERE account_id = ?', [accountId]),
      policies: await count('managed_policies WHERE account_id = ?', [accountId]),
      attachments: await count(`policy_attachments WHERE ${OWNED_BY_ACCOUNT}`, [accountId, accountId, accountId]),
      rootAccessKeys: await count('access_keys WHERE account_id = ? AND user_id IS NULL', [accountId]),
      mfaDevices: await count('mfa_devices WHERE account_id = ?', [accountId]),
      mfaDevicesInUse: await count('mfa_devices WHERE account_id = ? AND user_id IS NOT NULL', [accountId]),
    };
  },
};
