/**
 * AWS's AccessDenied wording for a decision (IAM User Guide, "Troubleshoot access denied
 * error messages"): `User: ARN is not authorized to perform: ACTION on resource: ARN`
 * followed by why. AWS names one policy type only, and says "explicit deny" for an SCP
 * or RCP even when the denial was implicit.
 */
import type { Decision } from './authorize.js';
import type { PolicyType } from './compile.js';

const NAMES: Readonly<Record<PolicyType, { readonly article: string; readonly name: string }>> = {
  identity: { article: 'an', name: 'identity-based policy' },
  resource: { article: 'a', name: 'resource-based policy' },
  boundary: { article: 'a', name: 'permissions boundary' },
  session: { article: 'a', name: 'session policy' },
  scp: { article: 'a', name: 'service control policy' },
  rcp: { article: 'a', name: 'resource control policy' },
};

export interface DeniedRequest {
  /** The caller's ARN as AWS prints it (a session's assumed-role ARN). */
  readonly principalArn: string;
  readonly action: string;
  /** Omitted from the message when undefined, as AWS does for actions without a resource. */
  readonly resource?: string | undefined;
}

export interface ExplainOptions {
  /** Add AWS's "because ..." / "with an explicit deny in ..." clause (STS AssumeRole omits it). */
  readonly withReason?: boolean;
  /** The resource policy is a role's trust policy, which AWS calls by that name. */
  readonly trustPolicy?: boolean;
}

export function accessDeniedMessage(decision: Decision, request: DeniedRequest, options: ExplainOptions = {}): string {
  const on = request.resource === undefined ? '' : ` on resource: ${request.resource}`;
  const head = `User: ${request.principalArn} is not authorized to perform: ${request.action}${on}`;
  if (options.withReason === false || decision.deniedBy === undefined) return head;
  const type = decision.deniedBy;
  if (options.trustPolicy === true && type === 'resource') {
    return decision.effect === 'ExplicitDeny'
      ? `${head} with an explicit deny in the role trust policy`
      : `${head} because no role trust policy allows the ${request.action} action`;
  }
  const { article, name } = NAMES[type];
  if (decision.effect === 'ExplicitDeny' || type === 'scp' || type === 'rcp') {
    return `${head} with an explicit deny in ${article} ${name}`;
  }
  return `${head} because no ${name} allows the ${request.action} action`;
}
