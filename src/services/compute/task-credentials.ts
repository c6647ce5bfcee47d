/**
 * rolegate:GetTaskCredentials — the credentials ECS serves a task run with a task role:
 * the caller runs the task (PassRole on the role, for ecs-tasks.amazonaws.com), and ECS
 * assumes the role with the task id as session name, adding aws:SourceAccount and
 * aws:SourceArn, which the ECS developer guide's task-role trust policy conditions on.
 */
import { parseIamEntityArn } from '../../arn/index.js';
import type { ServiceContext } from '../context.js';
import { noSuchRole } from '../iam/errors.js';
import { issueServiceSession, requirePassRole, type ComputeSession } from './service-session.js';

export interface GetTaskCredentialsInput {
  readonly RoleArn: string;
  readonly TaskId: string;
}

const SERVICE = 'ecs-tasks.amazonaws.com';

/** Tasks run in ECS's `default` cluster: rolegate has no clusters to name. */
const taskArn = (region: string, account: string, taskId: string): string => `arn:aws:ecs:${region}:${account}:task/default/${taskId}`;

export async function getTaskCredentials(input: GetTaskCredentialsInput, ctx: ServiceContext): Promise<ComputeSession> {
  const account = ctx.caller.accountId;
  const task = taskArn(ctx.facts.region, account, input.TaskId);
  // PassRole first, on the ARN as given: a role of another account cannot be passed, and
  // whether a role exists is no one's business who may not pass it.
  await requirePassRole(ctx, input.RoleArn, SERVICE, task);
  const parsed = parseIamEntityArn(input.RoleArn);
  const role = parsed?.type === 'role' && parsed.account === account ? await ctx.entities.roleByName(account, parsed.name) : undefined;
  if (parsed === undefined || role === undefined || role.path !== parsed.path) throw noSuchRole(parsed?.name ?? input.RoleArn);
  return issueServiceSession(
    {
      service: SERVICE,
      role,
      sessionName: input.TaskId,
      resourceArn: task,
      trustContext: [
        ['aws:SourceAccount', account],
        ['aws:SourceArn', task],
      ],
    },
    ctx,
  );
}
