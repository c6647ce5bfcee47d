/**
 * Inline policies of users, roles and groups: Put/Get/Delete/List{User,Role,Group}Policy.
 * Identity grammar; the sizes of all of an entity's inline policies together, without
 * white space, are held to IAM's quota (2048 for a user, 10240 for a role, 5120 for a
 * group), checked with the
 * entity's row locked so concurrent puts cannot pass it together.
 */
import { parsePolicy, policySize } from '../../policy/index.js';
import { generation, inlinePolicies } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { inlinePolicyQuota } from './errors.js';
import { authorizedOwner, OWNERS, type OwnerKindSpec, type PolicyOwner } from './owners.js';
import { paginate, type PageRequest } from './pagination.js';
import { refuseIfServiceLinked } from './protected-roles.js';

type Empty = Record<string, never>;
type NameList = { PolicyNames: string[]; IsTruncated: boolean; Marker?: string | undefined };

export const putUserPolicy = (input: { readonly UserName: string; readonly PolicyName: string; readonly PolicyDocument: string }, ctx: ServiceContext): Promise<Empty> =>
  put(OWNERS.user, input.UserName, input.PolicyName, input.PolicyDocument, ctx);
export const putRolePolicy = (input: { readonly RoleName: string; readonly PolicyName: string; readonly PolicyDocument: string }, ctx: ServiceContext): Promise<Empty> =>
  put(OWNERS.role, input.RoleName, input.PolicyName, input.PolicyDocument, ctx);
export const putGroupPolicy = (input: { readonly GroupName: string; readonly PolicyName: string; readonly PolicyDocument: string }, ctx: ServiceContext): Promise<Empty> =>
  put(OWNERS.group, input.GroupName, input.PolicyName, input.PolicyDocument, ctx);

export async function getUserPolicy(
  input: { readonly UserName: string; readonly PolicyName: string },
  ctx: ServiceContext,
): Promise<{ UserName: string; PolicyName: string; PolicyDocument: string }> {
  const { owner, policyName, document } = await get(OWNERS.user, input.UserName, input.PolicyName, ctx);
  return { UserName: owner.name, PolicyName: policyName, PolicyDocument: document };
}
export async function getRolePolicy(
  input: { readonly RoleName: string; readonly PolicyName: string },
  ctx: ServiceContext,
): Promise<{ RoleName: string; PolicyName: string; PolicyDocument: string }> {
  const { owner, policyName, document } = await get(OWNERS.role, input.RoleName, input.PolicyName, ctx);
  return { RoleName: owner.name, PolicyName: policyName, PolicyDocument: document };
}

export async function getGroupPolicy(
  input: { readonly GroupName: string; readonly PolicyName: string },
  ctx: ServiceContext,
): Promise<{ GroupName: string; PolicyName: string; PolicyDocument: string }> {
  const { owner, policyName, document } = await get(OWNERS.group, input.GroupName, input.PolicyName, ctx);
  return { GroupName: owner.name, PolicyName: policyName, PolicyDocument: document };
}

export const deleteUserPolicy = (input: { readonly UserName: string; readonly PolicyName: string }, ctx: ServiceContext): Promise<Empty> =>
  remove(OWNERS.user, input.UserName, input.PolicyName, ctx);
export const deleteRolePolicy = (input: { readonly RoleName: string; readonly PolicyName: string }, ctx: ServiceContext): Promise<Empty> =>
  remove(OWNERS.role, input.RoleName, input.PolicyName, ctx);
export const deleteGroupPolicy = (input: { readonly GroupName: string; readonly PolicyName: string }, ctx: ServiceContext): Promise<Empty> =>
  remove(OWNERS.group, input.GroupName, input.PolicyName, ctx);

export const listUserPolicies = (input: PageRequest & { readonly UserName: string }, ctx: ServiceContext): Promise<NameList> =>
  list(OWNERS.user, input.UserName, input, ctx);
export const listRolePolicies = (input: PageRequest & { readonly RoleName: string }, ctx: ServiceContext): Promise<NameList> =>
  list(OWNERS.role, input.RoleName, input, ctx);
export const listGroupPolicies = (input: PageRequest & { readonly GroupName: string }, ctx: ServiceContext): Promise<NameList> =>
  list(OWNERS.group, input.GroupName, input, ctx);

async function put(spec: OwnerKindSpec, ownerName: string, policyName: string, document: string, ctx: ServiceContext): Promise<Empty> {
  const owner = await authorizedOwner(spec, ownerName, `iam:Put${spec.title}Policy`, ctx);
  refuseIfServiceLinked(owner);
  parsePolicy(document, 'identity');
  const size = policySize(document);
  if (size > spec.inlineQuota) throw inlinePolicyQuota(spec.kind, owner.name, spec.inlineQuota);
  await ctx.deps.db.transaction(async (tx) => {
    if (!(await spec.lock(tx, owner.id))) throw spec.noSuchOwner(ownerName);
    // The policy being replaced does not count against the new one.
    const others = (await inlinePolicies.forOwner(tx, owner.id)).filter((p) => p.name.toLowerCase() !== policyName.toLowerCase());
    const total = others.reduce((sum, p) => sum + policySize(p.document), size);
    if (total > spec.inlineQuota) throw inlinePolicyQuota(spec.kind, owner.name, spec.inlineQuota);
    await inlinePolicies.put(tx, { ownerId: owner.id, name: policyName, document });
    await generation.bump(tx);
  });
  return {};
}

async function get(
  spec: OwnerKindSpec,
  ownerName: string,
  policyName: string,
  ctx: ServiceContext,
): Promise<{ owner: PolicyOwner; policyName: string; document: string }> {
  const owner = await authorizedOwner(spec, ownerName, `iam:Get${spec.title}Policy`, ctx);
  const policy = await inlinePolicies.get(ctx.deps.db, owner.id, policyName);
  if (policy === undefined) throw spec.noSuchInlinePolicy(policyName);
  return { owner, policyName: policy.name, document: policy.document };
}

async function remove(spec: OwnerKindSpec, ownerName: string, policyName: string, ctx: ServiceContext): Promise<Empty> {
  const owner = await authorizedOwner(spec, ownerName, `iam:Delete${spec.title}Policy`, ctx);
  refuseIfServiceLinked(owner);
  await ctx.deps.db.transaction(async (tx) => {
    if (!(await inlinePolicies.remove(tx, owner.id, policyName))) throw spec.noSuchInlinePolicy(policyName);
    await generation.bump(tx);
  });
  return {};
}

async function list(spec: OwnerKindSpec, ownerName: string, request: PageRequest, ctx: ServiceContext): Promise<NameList> {
  const owner = await authorizedOwner(spec, ownerName, `iam:List${spec.title}Policies`, ctx);
  const page = paginate(await inlinePolicies.forOwner(ctx.deps.db, owner.id), (p) => p.name.toLowerCase(), request);
  return { PolicyNames: page.items.map((p) => p.name), IsTruncated: page.IsTruncated, Marker: page.Marker };
}
