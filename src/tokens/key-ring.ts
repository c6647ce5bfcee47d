/**
 * The key ring that seals session tokens. One key is active and seals new tokens; keys
 * retired by a rotation keep opening the tokens they sealed until the longest-lived of
 * those has expired, and only then may be destroyed. Pure bookkeeping: the store keeps
 * the keys (wrapped, see wrap.ts), and the caller passes in time and new key material.
 */

export interface SealingKey {
  /** Short public id, written in clear in every token it seals. */
  readonly id: string;
  /** 32 bytes of AES-256 key material. */
  readonly material: Uint8Array;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** When a rotation retired it; absent for the active key. */
  readonly retiredAt?: number | undefined;
}

export const KEY_BYTES = 32;
const KEY_ID = /^[0-9a-f]{8,32}$/;

/** The longest a session token can live: GetSessionToken allows 129,600 s (36 hours). */
export const MAX_TOKEN_LIFETIME_MS = 129_600_000;

export class KeyRing {
  readonly #byId: ReadonlyMap<string, SealingKey>;
  readonly #active: SealingKey;

  constructor(keys: readonly SealingKey[]) {
    for (const key of keys) {
      if (!KEY_ID.test(key.id) || key.material.length !== KEY_BYTES) throw new Error(`Malformed sealing key ${key.id}`);
    }
    const active = keys.filter((k) => k.retiredAt === undefined);
    if (active.length !== 1) throw new Error(`A key ring needs exactly one active key, not ${active.length}`);
    this.#active = active[0] as SealingKey;
    this.#byId = new Map(keys.map((k) => [k.id, k]));
  }

  get active(): SealingKey {
    return this.#active;
  }

  byId(id: string): SealingKey | undefined {
    return this.#byId.get(id);
  }

  get keys(): readonly SealingKey[] {
    return [...this.#byId.values()];
  }
}

/** The ring after a rotation: the new key is active, the old active one retired now. */
export function rotate(keys: readonly SealingKey[], fresh: Omit<SealingKey, 'retiredAt'>, now: number): SealingKey[] {
  if (keys.some((k) => k.id === fresh.id)) throw new Error(`Key id ${fresh.id} is already in the ring`);
  return [...keys.map((k) => (k.retiredAt === undefined ? { ...k, retiredAt: now } : k)), { ...fresh }];
}

/** Retired keys whose every token has expired: safe to destroy. */
export function destroyable(keys: readonly SealingKey[], now: number, maxLifetimeMs = MAX_TOKEN_LIFETIME_MS): SealingKey[] {
  return keys.filter((k) => k.retiredAt !== undefined && k.retiredAt + maxLifetimeMs < now);
}
