/**
 * The policies that bear on a caller, compiled once and cached in memory. Entries are
 * keyed by the store's generation, which every IAM write bumps: when it moves, the cache
 * starts over, so a change is honoured by the next request and never by a timer. The
 * cache is bounded; an evicted entry is simply compiled again.
 */
import { compilePolicy, parsePolicy, type CompiledPolicy, type PolicyGrammar, type PolicySource } from '../policy/index.js';
import { managedPolicies, type RoleRecord } from '../store/index.js';
import { CacheCounter, type CacheCounts } from './cache-counts.js';
import { roleArn, userArn, type Caller } from './caller.js';
import { internalFailure, ownerPolicies, userPolicies, type EntityPolicies, type PolicyOwner } from './entity-policies.js';
import type { CoreDeps } from './deps.js';
import { GenerationWatch } from './generation-watch.js';

export interface CallerPolicies {
  readonly identity: readonly CompiledPolicy[];
  readonly boundary: CompiledPolicy | undefined;
  /** Undefined when the caller's session has no session policy. */
  readonly session: readonly CompiledPolicy[] | undefined;
}

const MAX_ENTRIES = 10_000;

export class PolicyCache {
  readonly #deps: CoreDeps;
  readonly #watch: GenerationWatch;
  #generation = -1;
  readonly #byKey = new Map<string, CallerPolicies>();
  readonly #trust = new Map<string, { readonly document: string; readonly arn: string; readonly compiled: CompiledPolicy }>();
  readonly #policyCounts = new CacheCounter();
  readonly #trustCounts = new CacheCounter();

  constructor(deps: CoreDeps) {
    this.#deps = deps;
    this.#watch = new GenerationWatch(deps.db, deps.clock);
  }

  async forCaller(caller: Caller): Promise<CallerPolicies> {
    const current = this.#watch.known() ?? (await this.#watch.current());
    if (current !== this.#generation) {
      this.#byKey.clear();
      this.#generation = current;
    }
    const key = caller.kind === 'session' ? `session:${caller.accessKeyId}` : `${caller.kind}:${caller.kind === 'user' ? caller.user.id : caller.accountId}`;
    const hit = this.#byKey.get(key);
    if (hit !== undefined) {
      this.#policyCounts.hits++;
      return hit;
    }
    this.#policyCounts.misses++;
    const loaded = await this.#load(caller);
    if (this.#byKey.size >= MAX_ENTRIES) this.#byKey.delete(this.#byKey.keys().next().value as string);
    this.#byKey.set(key, loaded);
    return loaded;
  }

  /**
   * A role's trust policy, compiled. Kept per role while its document and ARN stay the
   * same, which needs no generation: a changed document is simply compiled again.
   */
  trustPolicy(role: RoleRecord): CompiledPolicy {
    const arn = roleArn(role);
    const hit = this.#trust.get(role.id);
    if (hit !== undefined && hit.document === role.trustPolicy && hit.arn === arn) {
      this.#trustCounts.hits++;
      return hit.compiled;
    }
    this.#trustCounts.misses++;
    const compiled = compileStored(role.trustPolicy, 'trust', { id: arn, type: 'resource' });
    if (this.#trust.size >= MAX_ENTRIES) this.#trust.delete(this.#trust.keys().next().value as string);
    this.#trust.set(role.id, { document: role.trustPolicy, arn, compiled });
    return compiled;
  }

  /** Lookups of a caller's compiled policies. */
  get policyCounts(): CacheCounts {
    return this.#policyCounts;
  }

  /** Lookups of a role's compiled trust policy. */
  get trustCounts(): CacheCounts {
    return this.#trustCounts;
  }

  async #load(caller: Caller): Promise<CallerPolicies> {
    const db = this.#deps.db;
    if (caller.kind === 'root') return { identity: [], boundary: undefined, session: undefined };
    if (caller.kind === 'user') {
      const user: PolicyOwner = { id: caller.user.id, kind: 'user', name: caller.user.name, arn: caller.arn };
      return { ...compiled(await userPolicies(db, user, caller.user.boundaryArn)), session: undefined };
    }
    const { session } = caller;
    // A session acts with its role's (or, for GetSessionToken and GetFederationToken, its
    // user's) policies; if that role or user is gone, nothing allows. A root user's
    // GetSessionToken session needs none; a root user's federated user acts with root's
    // permissions, which are everything in its account, narrowed by its session policies.
    const owner = session.kind === 'AssumedRole' ? caller.role : caller.user;
    const ownerArn = session.kind === 'AssumedRole' ? (session.roleArn ?? session.arn) : (owner === undefined ? session.arn : userArn(owner));
    const base =
      owner === undefined
        ? { identity: session.kind === 'FederatedUser' && session.principalId === undefined ? [rootPermissions()] : [], boundary: undefined }
        : compiled(
            session.kind === 'AssumedRole'
              ? await ownerPolicies(db, { id: owner.id, kind: 'role', name: owner.name, arn: ownerArn }, owner.boundaryArn)
              : await userPolicies(db, { id: owner.id, kind: 'user', name: owner.name, arn: ownerArn }, owner.boundaryArn),
          );
    const sessionPolicies: CompiledPolicy[] = [];
    if (session.policy !== undefined) sessionPolicies.push(compileStored(session.policy, 'identity', { id: 'session-policy', type: 'session' }));
    const managed = await managedPolicies.defaultDocuments(db, session.policyArns ?? []);
    for (const [arn, { document }] of managed) sessionPolicies.push(compileStored(document, 'identity', { id: arn, type: 'session' }));
    const hasSessionPolicy = session.policy !== undefined || (session.policyArns ?? []).length > 0;
    return { ...base, session: hasSessionPolicy ? sessionPolicies : undefined };
  }
}

/** The request path's names for an entity's policies: an inline one as `OWNER_ARN/NAME`, a managed one by its ARN. */
function compiled(policies: EntityPolicies): Omit<CallerPolicies, 'session'> {
  return {
    identity: policies.identity.map((p) =>
      compileStored(p.document, 'identity', { id: p.kind === 'inline' ? `${p.owner.arn}/${p.name}` : p.arn, type: 'identity' }),
    ),
    boundary: policies.boundary === undefined ? undefined : compileStored(policies.boundary.document, 'identity', { id: policies.boundary.arn, type: 'boundary' }),
  };
}

/** Everything, for the account it is evaluated in: what the root user may do, as a policy. */
const rootPermissions = (): CompiledPolicy =>
  compileStored('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', 'identity', { id: 'root', type: 'identity' });

/** Stored policies were validated when written; one that no longer reads fails closed. */
export function compileStored(text: string, grammar: PolicyGrammar, source: PolicySource): CompiledPolicy {
  try {
    return compilePolicy(parsePolicy(text, grammar), source);
  } catch {
    throw internalFailure();
  }
}
