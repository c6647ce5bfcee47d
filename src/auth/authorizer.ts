/**
 * Authorizing one API call: the caller's policies (cached), the request's context, the
 * resource's policy when it has one, and the engine's decision. Every IAM and STS call
 * goes through `require`, which answers AWS's AccessDenied on anything but Allow.
 */
import { AwsError } from '../errors.js';
import { accessDeniedMessage, authorize, RequestContext, type AuthorizationRequest, type CompiledPolicy, type ContextValue, type Decision, type DecisionEffect } from '../policy/index.js';
import type { RoleRecord } from '../store/index.js';
import type { Caller } from './caller.js';
import type { CoreDeps } from './deps.js';
import type { PolicyCache } from './policy-cache.js';
import { globalContext, type RequestFacts } from './request-context.js';

export interface CallToAuthorize {
  /** `service:Action`, e.g. `iam:CreateRole`. */
  readonly action: string;
  readonly resource: string;
  /** The account owning the resource; the caller's own when absent. */
  readonly resourceAccount?: string | undefined;
  /** Keys of this operation: `sts:ExternalId`, `aws:RequestTag/…`, … */
  readonly context?: Iterable<readonly [string, ContextValue]> | undefined;
  readonly resourcePolicy?: CompiledPolicy | undefined;
  /** The resource policy must allow by itself (a role's trust policy). */
  readonly resourceMustAllow?: boolean | undefined;
  /** Leave AWS's "because …" clause out of the message (STS AssumeRole does). */
  readonly terseDenial?: boolean | undefined;
}

/**
 * Told the effect of every decision the engine makes here, for the server's metrics. It
 * runs on the request path: it must be cheap and must not throw.
 */
export type DecisionObserver = (effect: DecisionEffect) => void;

export class Authorizer {
  readonly #deps: CoreDeps;
  readonly #policies: PolicyCache;
  readonly #onDecision: DecisionObserver | undefined;

  constructor(deps: CoreDeps, policies: PolicyCache, onDecision?: DecisionObserver) {
    this.#deps = deps;
    this.#policies = policies;
    this.#onDecision = onDecision;
  }

  async decide(caller: Caller, facts: RequestFacts, call: CallToAuthorize): Promise<Decision> {
    const context = globalContext(caller, facts, this.#deps.clock.now());
    for (const [key, value] of call.context ?? []) context.set(key, value);
    const policies = await this.#policies.forCaller(caller);
    const decision = authorize(
      {
        principal: caller.principal,
        action: call.action,
        resource: call.resource,
        resourceAccount: call.resourceAccount,
        context: new RequestContext(context),
      },
      {
        identity: policies.identity,
        boundary: policies.boundary,
        session: policies.session,
        resource: call.resourcePolicy,
        resourceMustAllow: call.resourceMustAllow,
      },
    );
    this.#onDecision?.(decision.effect);
    return decision;
  }

  /**
   * A decision on a role's trust policy alone, for a principal that is no caller of ours
   * (a web identity, an AWS service): the trust policy must allow it.
   */
  decideTrust(request: AuthorizationRequest, role: RoleRecord): Decision {
    const decision = authorize(request, { resource: this.trustPolicy(role), resourceMustAllow: true });
    this.#onDecision?.(decision.effect);
    return decision;
  }

  /** A role's trust policy, compiled (and cached), to pass as a call's resource policy. */
  trustPolicy(role: RoleRecord): CompiledPolicy {
    return this.#policies.trustPolicy(role);
  }

  /** Throws AWS's AccessDenied unless the engine allows the call. */
  async require(caller: Caller, facts: RequestFacts, call: CallToAuthorize): Promise<Decision> {
    const decision = await this.decide(caller, facts, call);
    if (decision.effect === 'Allow') return decision;
    const message = accessDeniedMessage(
      decision,
      { principalArn: caller.arn, action: call.action, resource: call.resource },
      { withReason: call.terseDenial !== true, trustPolicy: call.resourceMustAllow === true },
    );
    throw new AwsError('AccessDenied', message);
  }
}
