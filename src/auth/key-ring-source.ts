/**
 * The node's view of the key ring in the store: loaded and unwrapped once, reloaded when
 * a token names a key this node has not seen (another node rotated) — at most once a
 * second, so garbage key ids cannot make every request read the store.
 */
import { destroyable, KeyRing, KEY_BYTES, rotate as rotateKeys, unwrap, wrap, type SealingKey } from '../tokens/index.js';
import { generation, sealingKeys } from '../store/index.js';
import type { CoreDeps } from './deps.js';

const RELOAD_INTERVAL_MS = 1000;
const purpose = (id: string): string => `sealing-key:${id}`;

export class KeyRingSource {
  readonly #deps: CoreDeps;
  #ring: KeyRing | undefined;
  #loadedAt = Number.NEGATIVE_INFINITY;
  /** The store generation the ring was loaded at; a rotation anywhere bumps it. */
  #generation = -1;

  constructor(deps: CoreDeps) {
    this.#deps = deps;
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
    const current = await generation.current(this.#deps.db);
    if (this.#ring === undefined || current !== this.#generation) await this.#load(this.#ring === undefined);
    return (this.#ring as KeyRing).active;
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
