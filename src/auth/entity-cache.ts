/**
 * The store records a request needs to know who is calling — access keys with their
 * unwrapped secrets, users, roles (by id and by name), and the callers built from
 * sessions — remembered per store generation, so a caller on unchanged credentials costs
 * no query and no decryption. Any IAM write moves the generation and empties the cache
 * (see GenerationWatch). Bounded.
 */
import { accessKeys, roles, users, type AccessKeyRecord, type RoleRecord, type UserRecord } from '../store/index.js';
import { unwrap, type Session } from '../tokens/index.js';
import { CacheCounter, type CacheCounts } from './cache-counts.js';
import { rootCaller, sessionCaller, userCaller, type Caller } from './caller.js';
import type { CoreDeps } from './deps.js';
import { invalidToken } from './key-ring-source.js';
import { GenerationWatch } from './generation-watch.js';

const MAX_ENTRIES = 10_000;

export interface KeyWithSecret {
  readonly key: AccessKeyRecord;
  readonly secretAccessKey: string;
}

export class EntityCache {
  readonly #deps: CoreDeps;
  readonly #watch: GenerationWatch;
  #generation = -1;
  readonly #keys = new Map<string, KeyWithSecret | null>();
  readonly #users = new Map<string, UserRecord | null>();
  readonly #roles = new Map<string, RoleRecord | null>();
  readonly #rolesByName = new Map<string, RoleRecord | null>();
  // Keyed by the session object itself: opened tokens are memoized (KeyRingSource), so a
  // session making many calls is one object, and a forgotten one frees its entry.
  #sessionCallers = new WeakMap<Session, Caller>();
  readonly #keyCallers = new Map<string, Caller>();
  readonly #entityCounts = new CacheCounter();
  readonly #callerCounts = new CacheCounter();

  constructor(deps: CoreDeps) {
    this.#deps = deps;
    this.#watch = new GenerationWatch(deps.db, deps.clock);
  }

  /** A long-term key and its secret, or undefined when there is no such key. */
  async accessKey(id: string, purpose: (id: string) => string): Promise<KeyWithSecret | undefined> {
    return this.#cached(this.#keys, id, async () => {
      const key = await accessKeys.byId(this.#deps.db, id);
      if (key === undefined) return undefined;
      const secret = Buffer.from(unwrap(this.#deps.masterKey, key.wrappedSecret, purpose(key.id))).toString('utf8');
      return { key, secretAccessKey: secret };
    });
  }

  user(id: string): Promise<UserRecord | undefined> {
    return this.#cached(this.#users, id, () => users.byId(this.#deps.db, id));
  }

  role(id: string): Promise<RoleRecord | undefined> {
    return this.#cached(this.#roles, id, () => roles.byId(this.#deps.db, id));
  }

  /** A role by account and name (names are case-insensitive, as the store compares them). */
  roleByName(accountId: string, name: string): Promise<RoleRecord | undefined> {
    return this.#cached(this.#rolesByName, `${accountId}/${name}`, () => roles.byName(this.#deps.db, accountId, name));
  }

  /**
   * The caller of a session: an assumed-role session with its role, a GetSessionToken or
   * federated-user session with its user, as they are now (a deleted role leaves a caller that nothing
   * allows). Built once per session and generation.
   */
  async sessionCaller(session: Session): Promise<Caller> {
    if (this.#watch.known() !== this.#generation) await this.#sync();
    const hit = this.#sessionCallers.get(session);
    if (hit !== undefined) {
      this.#callerCounts.hits++;
      return hit;
    }
    this.#callerCounts.misses++;
    const owner = session.principalId;
    const role = session.kind === 'AssumedRole' && owner !== undefined ? await this.role(owner) : undefined;
    const user = session.kind !== 'AssumedRole' && owner !== undefined ? await this.user(owner) : undefined;
    const caller = sessionCaller(session, role, user);
    this.#sessionCallers.set(session, caller);
    return caller;
  }

  /**
   * The caller signing with a long-term key: the account's root user, or the key's user
   * as it is now (InvalidClientTokenId when that user is gone). Built once per key and
   * generation.
   */
  async keyCaller(key: AccessKeyRecord): Promise<Caller> {
    if (this.#watch.known() !== this.#generation) await this.#sync();
    const hit = this.#keyCallers.get(key.id);
    if (hit !== undefined) {
      this.#callerCounts.hits++;
      return hit;
    }
    this.#callerCounts.misses++;
    let caller: Caller;
    if (key.userId === undefined) {
      caller = rootCaller(key.accountId, key.id);
    } else {
      const user = await this.user(key.userId);
      if (user === undefined) throw invalidToken();
      caller = userCaller(user, key.id);
    }
    if (this.#keyCallers.size >= MAX_ENTRIES) this.#keyCallers.delete(this.#keyCallers.keys().next().value as string);
    this.#keyCallers.set(key.id, caller);
    return caller;
  }

  /** Lookups of access keys, users and roles (a known absence is a hit too). */
  get entityCounts(): CacheCounts {
    return this.#entityCounts;
  }

  /** Lookups of the caller built for a session or a long-term key. */
  get callerCounts(): CacheCounts {
    return this.#callerCounts;
  }

  /** Starts over when the store's generation has moved. */
  async #sync(): Promise<void> {
    const current = await this.#watch.current();
    if (current === this.#generation) return;
    this.#keys.clear();
    this.#users.clear();
    this.#roles.clear();
    this.#rolesByName.clear();
    this.#keyCallers.clear();
    this.#sessionCallers = new WeakMap();
    this.#generation = current;
  }

  async #cached<T>(table: Map<string, T | null>, id: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    if (this.#watch.known() !== this.#generation) await this.#sync();
    const hit = table.get(id);
    if (hit !== undefined) {
      this.#entityCounts.hits++;
      return hit ?? undefined;
    }
    this.#entityCounts.misses++;
    const loaded = await load();
    if (table.size >= MAX_ENTRIES) table.delete(table.keys().next().value as string);
    table.set(id, loaded ?? null);
    return loaded;
  }
}
