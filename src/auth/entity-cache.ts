/**
 * The store records a request needs to know who is calling — access keys with their
 * unwrapped secrets, users, roles — remembered per store generation, so a caller on
 * unchanged credentials costs no query and no decryption. Any IAM write moves the
 * generation and empties the cache (see GenerationWatch). Bounded.
 */
import { accessKeys, roles, users, type AccessKeyRecord, type RoleRecord, type UserRecord } from '../store/index.js';
import { unwrap } from '../tokens/index.js';
import type { CoreDeps } from './deps.js';
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

  async #cached<T>(table: Map<string, T | null>, id: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const current = await this.#watch.current();
    if (current !== this.#generation) {
      this.#keys.clear();
      this.#users.clear();
      this.#roles.clear();
      this.#generation = current;
    }
    const hit = table.get(id);
    if (hit !== undefined) return hit ?? undefined;
    const loaded = await load();
    if (table.size >= MAX_ENTRIES) table.delete(table.keys().next().value as string);
    table.set(id, loaded ?? null);
    return loaded;
  }
}
