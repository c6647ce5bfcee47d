/**
 * A role's session issued to an AWS compute service on behalf of one instance or task,
 * as EC2 and ECS obtain them inside AWS. Two checks decide, the ones AWS makes: the
 * caller who hands the role to the service needs iam:PassRole on it (RunInstances and
 * RunTask check it), and the role's trust policy must let the service principal call
 * sts:AssumeRole. Both are made on every issue, so a role removed from the trust policy,
 * or a caller whose PassRole was revoked, gets no more credentials.
 */
import { roleArn } from '../../auth/caller.js';
import { timeContext } from '../../auth/request-context.js';
import { AwsError } from '../../errors.js';
import { RequestContext, requestPrincipal, type ContextValue } from '../../policy/index.js';
import type { RoleRecord } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { mintRoleSession, type RoleSession } from '../sts/mint.js';

export type ComputeService = 'ec2.amazonaws.com' | 'ecs-tasks.amazonaws.com';

/**
 * How long a set of compute credentials lasts. AWS publishes no figure; instance and task
 * credentials are seen to last about six hours while new ones appear every hour, which
 * the metadata endpoints reproduce (metadata/credential-feed.ts). The role's
 * MaxSessionDuration does not apply to sessions AWS services assume for themselves.
 */
export const COMPUTE_SESSION_SECONDS = 6 * 60 * 60;

export interface ComputeGrant {
  readonly service: ComputeService;
  readonly role: RoleRecord;
  /** The instance or task id: the session's name, so each instance's calls stay apart in audit. */
  readonly sessionName: string;
  /** The instance's or task's ARN: iam:AssociatedResourceArn, and who the session is for. */
  readonly resourceArn: string;
  /** Condition keys the service adds to its own sts:AssumeRole (ECS: aws:SourceAccount, aws:SourceArn). */
  readonly trustContext: readonly [string, ContextValue][];
}

export type ComputeSession = RoleSession;

/** The caller's iam:PassRole on the role, for the service and the instance or task it runs. */
export async function requirePassRole(ctx: ServiceContext, roleArnText: string, service: ComputeService, resourceArn: string): Promise<void> {
  await ctx.authorizer.require(ctx.caller, ctx.facts, {
    action: 'iam:PassRole',
    resource: roleArnText,
    context: [
      ['iam:PassedToService', service],
      ['iam:AssociatedResourceArn', resourceArn],
    ],
  });
}

export async function issueServiceSession(grant: ComputeGrant, ctx: ServiceContext): Promise<ComputeSession> {
  const now = ctx.deps.clock.now();
  const arn = roleArn(grant.role);
  const context: [string, ContextValue][] = [
    ['aws:PrincipalServiceName', grant.service],
    ['aws:PrincipalIsAWSService', 'true'],
    ...timeContext(now),
    ['sts:RoleSessionName', grant.sessionName],
    ...grant.trustContext,
  ];
  const decision = ctx.authorizer.decideTrust(
    {
      principal: requestPrincipal({ type: 'Service', arn: grant.service }),
      action: 'sts:AssumeRole',
      resource: arn,
      resourceAccount: grant.role.accountId,
      context: new RequestContext(context),
    },
    grant.role,
  );
  // not seen: AWS reports this on the instance (iam/info) or the task, not to the caller.
  if (decision.effect !== 'Allow') {
    throw new AwsError('AccessDenied', `${grant.service} is not authorized to perform: sts:AssumeRole on resource: ${arn} (the role's trust policy does not allow the service)`);
  }
  return mintRoleSession(
    { role: grant.role, sessionName: grant.sessionName, sourceArn: grant.resourceArn, issuedAt: now, seconds: COMPUTE_SESSION_SECONDS, chainDepth: 0 },
    ctx,
  );
}
