/**
 * The node's view of the key ring in the store: loaded and unwrapped once, reloaded when
 * a token names a key this node has not seen (another node rotated) — at most once a
 * second, so garbage key ids cannot make every request read the store.
 */
import { AwsError } from '../errors.js';
import {
  destroyable, KeyRing, KEY_BYTES, openSession, rotate as rotateKeys, TokenError, tokenKeyId, unwrap, wrap, type SealingKey, type Session,
} from '../tokens/index.js';
import { generation, sealingKeys } from '../store/index.js';
import { CacheCounter, type CacheCounts } from './cache-counts.js';
import type { CoreDeps } from './deps.js';
import { GenerationWatch } from './generation-watch.js';

const RELOAD_INTERVAL_MS = 1000;
/** Opened tokens remembered; an SDK reuses one set of temporary credentials for up to an hour. */
const OPENED_MAX = 10_000;

export const INVALID_TOKEN = 'The security token included in the request is invalid.';
export const EXPIRED_TOKEN = 'The security token included in the request is expired';
export const invalidToken = (): AwsError => new AwsError('InvalidClientTokenId', INVALID_TOKEN);
const purpose = (id: string): string => `sealing-key:${id}`;

export class KeyRingSource {
  readonly #deps: CoreDeps;
  #ring: KeyRing | undefined;
  #loadedAt = Number.NEGATIVE_INFINITY;
  /** The store generation the ring was loaded at; a rotation anywhere bumps it. */
  #generation = -1;
  /**
   * Sessions already opened, by access key id, with the exact token text they came in. A
   * token that authenticated once authenticates again, so a hit needs only an equal
   * token and the expiry check. Keyed by the 20-character id rather than the token, so
   * a lookup hashes 20 characters, not about 700.
   */
  readonly #opened = new Map<string, { readonly token: string; readonly session: Session }>();
  readonly #openedCounts = new CacheCounter();

  readonly #watch: GenerationWatch;

  constructor(deps: CoreDeps) {
    this.#deps = deps;
    this.#watch = new GenerationWatch(deps.db, deps.clock);
  }

  /** The ring, creating the first key when the store has none. */
  async ring(): Promise<KeyRing> {
    if (this.#ring === undefined) await this.#load(true);
    return this.#ring as KeyRing;
  }

  /**
   * The key new tokens are sealed with: the active key as the store has it now, so a
   * rotation made by `rolegate keys rotate` or another node takes effect at the next
   * issue, not at the next restart.
   */
  async sealingKey(): Promise<SealingKey> {
    const current = await this.#watch.current();
    if (this.#ring === undefined || current !== this.#generation) await this.#load(this.#ring === undefined);
    return (this.#ring as KeyRing).active;
  }

  /**
   * The session sealed in `token`, presented with `accessKeyId`: AWS's
   * InvalidClientTokenId for any token that does not open to a session of that key id,
   * ExpiredToken for one that does but has expired.
   */
  async openToken(token: string, accessKeyId: string): Promise<Session> {
    const now = this.#deps.clock.now();
    const memo = this.#opened.get(accessKeyId);
    let session = memo !== undefined && memo.token === token ? memo.session : undefined;
    if (session !== undefined) this.#openedCounts.hits++;
    else {
      this.#openedCounts.misses++;
      const keyId = tokenKeyId(token);
      if (keyId === undefined || !(await this.knows(keyId))) throw invalidToken();
      try {
        session = openSession(token, accessKeyId, await this.ring(), now);
      } catch (e) {
        if (e instanceof TokenError) throw e.reason === 'expired' ? new AwsError('ExpiredToken', EXPIRED_TOKEN) : invalidToken();
        throw e;
      }
      // A token opens only with its own key id (openSession checks), so the key is its.
      if (memo === undefined && this.#opened.size >= OPENED_MAX) this.#opened.delete(this.#opened.keys().next().value as string);
      this.#opened.set(accessKeyId, { token, session });
    }
    if (session.accessKeyId !== accessKeyId) throw invalidToken();
    if (now >= session.expiresAt) {
      this.#opened.delete(accessKeyId);
      throw new AwsError('ExpiredToken', EXPIRED_TOKEN);
    }
    return session;
  }

  /** The ring as this node last loaded it, without a store read; undefined before the first load. */
  get loaded(): KeyRing | undefined {
    return this.#ring;
  }

  /** Lookups of an already opened session token (a miss opens it with AES-GCM). */
  get openedCounts(): CacheCounts {
    return this.#openedCounts;
  }

  /** Reloads (rate-limited) when `keyId` is not in the ring; true if it is there afterwards. */
  async knows(keyId: string): Promise<boolean> {
    const ring = await this.ring();
    if (ring.byId(keyId) !== undefined) return true;
    if (this.#deps.clock.now() - this.#loadedAt < RELOAD_INTERVAL_MS) return false;
    await this.#load(false);
    return (this.#ring as KeyRing).byId(keyId) !== undefined;
  }

  /** Makes a new active key, retires the old one, and destroys keys no token can need. */
  async rotate(): Promise<SealingKey> {
    const { db, clock } = this.#deps;
    const now = clock.now();
    const fresh = this.#newKey(now);
    await db.transaction(async (tx) => {
      await sealingKeys.lock(tx);
      const current = await this.#read(tx);
      const next = rotateKeys(current, fresh, now);
      await sealingKeys.retireActive(tx, now);
      await sealingKeys.insert(tx, { id: fresh.id, wrapped: wrap(this.#deps.masterKey, fresh.material, purpose(fresh.id), this.#deps.random(12)), createdAt: now, retiredAt: undefined });
      for (const old of destroyable(next, now)) await sealingKeys.remove(tx, old.id);
      await generation.bump(tx);
    });
    await this.#load(false);
    return fresh;
  }

  async #load(createIfEmpty: boolean): Promise<void> {
    const { db, clock } = this.#deps;
    const seen = await generation.current(db);
    let keys = await this.#read(db);
    if (keys.length === 0 && createIfEmpty) {
      const first = this.#newKey(clock.now());
      await db.transaction(async (tx) => {
        // Another node may have created the first key meanwhile; then use theirs.
        await sealingKeys.lock(tx);
        if ((await sealingKeys.list(tx)).length > 0) return;
        await sealingKeys.insert(tx, { id: first.id, wrapped: wrap(this.#deps.masterKey, first.material, purpose(first.id), this.#deps.random(12)), createdAt: first.createdAt, retiredAt: undefined });
      });
      keys = await this.#read(db);
    }
    this.#ring = new KeyRing(keys);
    this.#loadedAt = clock.now();
    this.#generation = seen;
  }

  async #read(q: Parameters<typeof sealingKeys.list>[0]): Promise<SealingKey[]> {
    const records = await sealingKeys.list(q);
    return records.map((r) => ({
      id: r.id,
      material: unwrap(this.#deps.masterKey, r.wrapped, purpose(r.id)),
      createdAt: r.createdAt,
      retiredAt: r.retiredAt,
    }));
  }

  #newKey(now: number): SealingKey {
    const id = Buffer.from(this.#deps.random(4)).toString('hex');
    const material = this.#deps.random(KEY_BYTES);
    return { id, material, createdAt: now };
  }
}
