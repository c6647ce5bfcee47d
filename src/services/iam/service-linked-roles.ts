/**
 * Service-linked roles: CreateServiceLinkedRole, DeleteServiceLinkedRole,
 * GetServiceLinkedRoleDeletionStatus. A service-linked role is a role at
 * `/aws-service-role/<service>/` that trusts its service's principal alone and has its
 * AWS managed policy attached (service-linked-role-catalog.ts). The customer may create
 * and delete it, nothing more: changes to it are refused (protected-roles.ts), and since
 * its trust policy names a service principal, no IAM caller can assume it.
 *
 * AWS deletes such a role in a task the linked service may hold up while it still uses
 * the role; rolegate runs no linked service, so the task completes at once and its
 * status is SUCCEEDED (the status AWS's recorded task reached).
 */
import { uniqueId } from '../../arn/index.js';
import { attachments, deletionTasks, generation, inlinePolicies, roles, UniqueViolation, type RoleRecord } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { roleResource } from './arns.js';
import { customSuffixNotAllowed, noSuchDeletionTask, noSuchRole, notServiceLinked, serviceRoleNameTaken, unknownLinkedService } from './errors.js';
import { roleView, type RoleView } from './roles.js';
import { serviceLinkedRoleSpec } from './service-linked-role-catalog.js';

/** As recorded for every service-linked role AWS made. */
const MAX_SESSION = 3600;
const SERVICE_ROLE_POLICIES = 'arn:aws:iam::aws:policy/aws-service-role/';
/** IAM's documented form: `task/aws-service-role/<service-principal-name>/<role-name>/<task-uuid>`. */
const TASK_ID = /^task\/aws-service-role\/([^/]+)\/([^/]+)\/[0-9a-f-]{36}$/;

const linkedPath = (service: string): string => `/aws-service-role/${service}/`;

export async function createServiceLinkedRole(
  input: { readonly AWSServiceName: string; readonly Description?: string | undefined; readonly CustomSuffix?: string | undefined },
  ctx: ServiceContext,
): Promise<{ Role: RoleView }> {
  const account = ctx.caller.accountId;
  const service = input.AWSServiceName;
  const spec = serviceLinkedRoleSpec(service);
  if (spec === undefined) throw unknownLinkedService(service);
  const name = input.CustomSuffix === undefined ? spec.roleName : `${spec.roleName}_${input.CustomSuffix}`;
  // The Service Authorization Reference gives iam:AWSServiceName as this action's condition key.
  await ctx.authorizer.require(ctx.caller, ctx.facts, {
    action: 'iam:CreateServiceLinkedRole',
    resource: roleResource(account, linkedPath(service), name),
    context: [['iam:AWSServiceName', service]],
  });
  if (input.CustomSuffix !== undefined && !spec.customSuffix) throw customSuffixNotAllowed(service);

  const role: RoleRecord = {
    id: uniqueId('role', ctx.deps.random(17)),
    accountId: account,
    name,
    path: linkedPath(service),
    trustPolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] }),
    description: input.Description,
    maxSessionDuration: MAX_SESSION,
    createdAt: ctx.deps.clock.now(),
    boundaryArn: undefined,
    tags: [],
    lastUsedAt: undefined,
    lastUsedRegion: undefined,
    linkedService: service,
  };
  try {
    return await ctx.deps.db.transaction(async (tx) => {
      await roles.insert(tx, role);
      await attachments.attach(tx, `${SERVICE_ROLE_POLICIES}${spec.policyName}`, role.id, 'role');
      await generation.bump(tx);
      return { Role: await roleView(tx, role, 'create') };
    });
  } catch (e) {
    if (e instanceof UniqueViolation) throw serviceRoleNameTaken(name);
    throw e;
  }
}

export async function deleteServiceLinkedRole(input: { readonly RoleName: string }, ctx: ServiceContext): Promise<{ DeletionTaskId: string }> {
  const account = ctx.caller.accountId;
  const role = await roles.byName(ctx.deps.db, account, input.RoleName);
  await ctx.authorizer.require(ctx.caller, ctx.facts, {
    action: 'iam:DeleteServiceLinkedRole',
    resource: roleResource(account, role?.path ?? '/', role?.name ?? input.RoleName),
  });
  if (role === undefined) throw noSuchRole(input.RoleName);
  if (role.linkedService === undefined) throw notServiceLinked(role.name);
  const id = `task/aws-service-role/${role.linkedService}/${role.name}/${uuid(ctx.deps.random(16))}`;
  await ctx.deps.db.transaction(async (tx) => {
    if (!(await roles.lock(tx, role.id))) throw noSuchRole(input.RoleName);
    // The service's policy goes with the role, as does anything AWS itself put on it.
    for (const arn of await attachments.forOwner(tx, role.id)) await attachments.detach(tx, arn, role.id);
    for (const policy of await inlinePolicies.forOwner(tx, role.id)) await inlinePolicies.remove(tx, role.id, policy.name);
    await roles.remove(tx, role.id);
    await deletionTasks.insert(tx, { id, accountId: account, status: 'SUCCEEDED', createdAt: ctx.deps.clock.now() });
    await generation.bump(tx);
  });
  return { DeletionTaskId: id };
}

export async function getServiceLinkedRoleDeletionStatus(
  input: { readonly DeletionTaskId: string },
  ctx: ServiceContext,
): Promise<{ Status: 'SUCCEEDED' }> {
  const account = ctx.caller.accountId;
  const parts = TASK_ID.exec(input.DeletionTaskId);
  // No task has an id of another form, so there is nothing to authorize.
  if (parts === null) throw noSuchDeletionTask(input.DeletionTaskId);
  // The task names the role it deleted: the action is authorized on that role's ARN.
  await ctx.authorizer.require(ctx.caller, ctx.facts, {
    action: 'iam:GetServiceLinkedRoleDeletionStatus',
    resource: roleResource(account, linkedPath(parts[1]!), parts[2]!),
  });
  const task = await deletionTasks.byId(ctx.deps.db, account, input.DeletionTaskId);
  if (task === undefined) throw noSuchDeletionTask(input.DeletionTaskId);
  return { Status: task.status };
}

/** RFC 4122 version 4 form of 16 random bytes. */
function uuid(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
