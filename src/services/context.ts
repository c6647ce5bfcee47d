/**
 * What every operation is given: the verified caller, the request's facts, and the
 * shared dependencies. An operation is `(input, ctx) => output`: it validates what the
 * wire format cannot, authorizes through `ctx.authorizer`, reads and writes the store in
 * one transaction, and returns a plain object (protocol/ turns it into XML).
 */
import type { Authorizer } from '../auth/authorizer.js';
import type { Caller } from '../auth/caller.js';
import type { CoreDeps } from '../auth/deps.js';
import type { EntityCache } from '../auth/entity-cache.js';
import type { KeyRingSource } from '../auth/key-ring-source.js';
import type { OidcKeySource } from '../auth/oidc-keys.js';
import type { RequestFacts } from '../auth/request-context.js';

export interface ServiceContext {
  readonly caller: Caller;
  readonly facts: RequestFacts;
  readonly deps: CoreDeps;
  readonly authorizer: Authorizer;
  readonly keyRings: KeyRingSource;
  /** Store records cached per generation, for reads outside a transaction. */
  readonly entities: EntityCache;
}

export type Operation<I, O> = (input: I, ctx: ServiceContext) => Promise<O>;

/**
 * What the one unsigned operation (AssumeRoleWithWebIdentity) is given: everything but
 * a caller, since nobody signed the request, and the identity providers' keys, with
 * which the token it carries is verified instead.
 */
export interface UnsignedContext extends Omit<ServiceContext, 'caller'> {
  readonly oidcKeys: OidcKeySource;
}

export type UnsignedOperation<I, O> = (input: I, ctx: UnsignedContext) => Promise<O>;
