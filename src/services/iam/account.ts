/**
 * The account itself: its alias (CreateAccountAlias, DeleteAccountAlias,
 * ListAccountAliases) and GetAccountSummary. These actions take no resource type in
 * IAM's Service Authorization Reference, so they are authorized on `*`. An alias is
 * only a name for sign-in: no decision reads it, so writing one leaves the store
 * generation alone.
 */
import { POLICY_SIZE_QUOTA } from '../../policy/index.js';
import { accountAliases, accountSummary, UniqueViolation, type AccountCounts } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { MAX_KEYS } from './access-keys.js';
import { accountAliasExists, noSuchAccountAlias } from './errors.js';
import { GROUPS_PER_USER } from './groups.js';
import { OWNERS } from './owners.js';
import { paginate, type PageRequest } from './pagination.js';
import { MAX_VERSIONS } from './policy-versions.js';

/**
 * Sets the account's alias, replacing the one it had: an account has one alias, and
 * AWS replaces rather than refuses (observed on AWS, floci-io/floci#2103). An alias
 * held already, by this account or another, is refused: aliases are unique across AWS.
 */
export async function createAccountAlias(input: { readonly AccountAlias: string }, ctx: ServiceContext): Promise<Record<string, never>> {
  const account = ctx.caller.accountId;
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:CreateAccountAlias', resource: '*' });
  try {
    await ctx.deps.db.transaction(async (tx) => {
      if ((await accountAliases.owner(tx, input.AccountAlias)) !== undefined) throw accountAliasExists(input.AccountAlias);
      await accountAliases.set(tx, account, input.AccountAlias);
    });
  } catch (e) {
    // Another account took the alias between the check and the write.
    if (e instanceof UniqueViolation) throw accountAliasExists(input.AccountAlias);
    throw e;
  }
  return {};
}

/** Removes the account's alias; the request must name it, so a stale name removes nothing. */
export async function deleteAccountAlias(input: { readonly AccountAlias: string }, ctx: ServiceContext): Promise<Record<string, never>> {
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:DeleteAccountAlias', resource: '*' });
  if (!(await accountAliases.remove(ctx.deps.db, ctx.caller.accountId, input.AccountAlias))) throw noSuchAccountAlias(input.AccountAlias);
  return {};
}

export async function listAccountAliases(
  input: PageRequest,
  ctx: ServiceContext,
): Promise<{ AccountAliases: string[]; IsTruncated: boolean; Marker?: string | undefined }> {
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:ListAccountAliases', resource: '*' });
  const alias = await accountAliases.forAccount(ctx.deps.db, ctx.caller.accountId);
  const page = paginate(alias === undefined ? [] : [alias], (a) => a, input);
  return { AccountAliases: [...page.items], IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export async function getAccountSummary(_input: Record<string, never>, ctx: ServiceContext): Promise<{ SummaryMap: Map<string, number> }> {
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:GetAccountSummary', resource: '*' });
  return { SummaryMap: summaryMap(await accountSummary.counts(ctx.deps.db, ctx.caller.accountId)) };
}

/**
 * AWS's default quotas (IAM User Guide, "IAM and AWS STS quotas") for what rolegate
 * counts but does not limit (users, groups, roles, instance profiles, …), and for what it
 * does not have at all (server and signing certificates).
 */
const AWS_DEFAULT_QUOTAS = {
  UsersQuota: 5000,
  GroupsQuota: 300,
  RolesQuota: 1000,
  PoliciesQuota: 1500,
  PolicyVersionsInUseQuota: 10000,
  InstanceProfilesQuota: 1000,
  ServerCertificatesQuota: 20,
  SigningCertificatesPerUserQuota: 2,
} as const;

/**
 * The summary, keys in the order of AWS's example (alphabetical). Every key the API
 * reference lists is here but AccountPasswordPresent: rolegate has no passwords, and
 * AWS's example leaves the key out. GlobalEndpointTokenVersion is 1, the version of an
 * account that never asked STS for v2 tokens (rolegate has no such setting).
 */
function summaryMap(n: AccountCounts): Map<string, number> {
  const entries: Record<string, number> = {
    ...AWS_DEFAULT_QUOTAS,
    AccessKeysPerUserQuota: MAX_KEYS,
    AccountAccessKeysPresent: n.rootAccessKeys > 0 ? 1 : 0,
    AccountMFAEnabled: 0,
    AccountSigningCertificatesPresent: 0,
    AssumeRolePolicySizeQuota: POLICY_SIZE_QUOTA.trust,
    AttachedPoliciesPerGroupQuota: OWNERS.group.attachedQuota,
    AttachedPoliciesPerRoleQuota: OWNERS.role.attachedQuota,
    AttachedPoliciesPerUserQuota: OWNERS.user.attachedQuota,
    GlobalEndpointTokenVersion: 1,
    GroupPolicySizeQuota: POLICY_SIZE_QUOTA['inline-group'],
    Groups: n.groups,
    GroupsPerUserQuota: GROUPS_PER_USER,
    InstanceProfiles: n.instanceProfiles,
    MFADevices: n.mfaDevices,
    MFADevicesInUse: n.mfaDevicesInUse,
    Policies: n.policies,
    PolicySizeQuota: POLICY_SIZE_QUOTA.managed,
    PolicyVersionsInUse: n.attachments,
    Providers: 0,
    RolePolicySizeQuota: POLICY_SIZE_QUOTA['inline-role'],
    Roles: n.roles,
    ServerCertificates: 0,
    UserPolicySizeQuota: POLICY_SIZE_QUOTA['inline-user'],
    Users: n.users,
    VersionsPerPolicyQuota: MAX_VERSIONS,
  };
  return new Map(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
