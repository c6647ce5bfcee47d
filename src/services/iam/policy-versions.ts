/**
 * Versions of customer managed policies: CreatePolicyVersion (optionally as the new
 * default), GetPolicyVersion, ListPolicyVersions (newest first), SetDefaultPolicyVersion
 * and DeletePolicyVersion. A policy holds at most five versions; ids are never reused;
 * the default version cannot be deleted (DeletePolicy takes it with the policy). Every
 * change moves the store generation, so the next decision uses the new default. An AWS
 * managed policy shows its default version alone, and no caller can change its versions.
 */
import { awsManagedPolicies, generation, managedPolicies, type ManagedPolicyRecord, type PolicyVersionRecord, type Queryable } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { defaultVersionInUse, policyNotFound, policyVersionNotFound, policyVersionQuota } from './errors.js';
import { authorizedPolicy, authorizePolicyChange, checkManagedDocument } from './managed-policies.js';
import { paginate, type PageRequest } from './pagination.js';

export const MAX_VERSIONS = 5;

export interface PolicyVersionView {
  readonly Document?: string | undefined;
  readonly VersionId: string;
  readonly IsDefaultVersion: boolean;
  readonly CreateDate: Date;
}

type Empty = Record<string, never>;

export function versionView(policy: ManagedPolicyRecord, v: PolicyVersionRecord, withDocument: boolean): PolicyVersionView {
  return {
    Document: withDocument ? v.document : undefined,
    VersionId: v.versionId,
    IsDefaultVersion: v.versionId === policy.defaultVersion,
    CreateDate: new Date(v.createdAt),
  };
}

export async function createPolicyVersion(
  input: { readonly PolicyArn: string; readonly PolicyDocument: string; readonly SetAsDefault?: boolean | undefined },
  ctx: ServiceContext,
): Promise<{ PolicyVersion: PolicyVersionView }> {
  await authorizePolicyChange(input.PolicyArn, 'iam:CreatePolicyVersion', ctx);
  checkManagedDocument(input.PolicyDocument);
  const now = ctx.deps.clock.now();
  return ctx.deps.db.transaction(async (tx) => {
    const policy = await lockedPolicy(tx, input.PolicyArn);
    if ((await managedPolicies.versions(tx, policy.id)).length >= MAX_VERSIONS) throw policyVersionQuota();
    const versionId = await managedPolicies.addVersion(tx, policy.id, input.PolicyDocument, now);
    const isDefault = input.SetAsDefault === true;
    if (isDefault) await managedPolicies.setDefaultVersion(tx, policy.id, versionId, now);
    await generation.bump(tx);
    return { PolicyVersion: { VersionId: versionId, IsDefaultVersion: isDefault, CreateDate: new Date(now) } };
  });
}

export async function getPolicyVersion(
  input: { readonly PolicyArn: string; readonly VersionId: string },
  ctx: ServiceContext,
): Promise<{ PolicyVersion: PolicyVersionView }> {
  const policy = await authorizedPolicy(input.PolicyArn, 'iam:GetPolicyVersion', ctx);
  const version = (await versionsOf(ctx.deps.db, policy)).find((v) => v.versionId === input.VersionId);
  if (version === undefined) throw policyVersionNotFound(input.PolicyArn, input.VersionId);
  return { PolicyVersion: versionView(policy, version, true) };
}

export async function listPolicyVersions(
  input: PageRequest & { readonly PolicyArn: string },
  ctx: ServiceContext,
): Promise<{ Versions: PolicyVersionView[]; IsTruncated: boolean; Marker?: string | undefined }> {
  const policy = await authorizedPolicy(input.PolicyArn, 'iam:ListPolicyVersions', ctx);
  const versions = await versionsOf(ctx.deps.db, policy);
  // Newest first: the page key is the version number counted down, padded to sort as text.
  const page = paginate(versions, (v) => String(1e9 - versionNumber(v)).padStart(10, '0'), input);
  return { Versions: page.items.map((v) => versionView(policy, v, false)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export async function setDefaultPolicyVersion(input: { readonly PolicyArn: string; readonly VersionId: string }, ctx: ServiceContext): Promise<Empty> {
  await authorizePolicyChange(input.PolicyArn, 'iam:SetDefaultPolicyVersion', ctx);
  await ctx.deps.db.transaction(async (tx) => {
    const policy = await lockedPolicy(tx, input.PolicyArn);
    if ((await managedPolicies.version(tx, policy.id, input.VersionId)) === undefined) throw policyVersionNotFound(input.PolicyArn, input.VersionId);
    await managedPolicies.setDefaultVersion(tx, policy.id, input.VersionId, ctx.deps.clock.now());
    await generation.bump(tx);
  });
  return {};
}

export async function deletePolicyVersion(input: { readonly PolicyArn: string; readonly VersionId: string }, ctx: ServiceContext): Promise<Empty> {
  await authorizePolicyChange(input.PolicyArn, 'iam:DeletePolicyVersion', ctx);
  await ctx.deps.db.transaction(async (tx) => {
    const policy = await lockedPolicy(tx, input.PolicyArn);
    if (policy.defaultVersion === input.VersionId) throw defaultVersionInUse();
    if (!(await managedPolicies.removeVersion(tx, policy.id, input.VersionId))) throw policyVersionNotFound(input.PolicyArn, input.VersionId);
    await generation.bump(tx);
  });
  return {};
}

/** A policy's versions: AWS's from their data, the account's from the store. */
export async function versionsOf(q: Queryable, policy: ManagedPolicyRecord): Promise<readonly PolicyVersionRecord[]> {
  const aws = awsManagedPolicies.byArn(policy.arn);
  return aws !== undefined ? [aws.version] : managedPolicies.versions(q, policy.id);
}

/** The policy, locked for this transaction and read again under the lock. */
async function lockedPolicy(tx: Queryable, arn: string): Promise<ManagedPolicyRecord> {
  const found = await managedPolicies.byArn(tx, arn);
  if (found === undefined) throw policyNotFound(arn);
  await managedPolicies.lock(tx, found.id);
  const policy = await managedPolicies.byArn(tx, arn);
  if (policy === undefined) throw policyNotFound(arn);
  return policy;
}

const versionNumber = (v: PolicyVersionRecord): number => Number(v.versionId.slice(1).split('.')[0]);
