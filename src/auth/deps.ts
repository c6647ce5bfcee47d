/**
 * What the layers that do I/O are given instead of reaching for globals: the store, the
 * master key, a clock and a source of randomness. Tests pass a clock they can move.
 */
import type { Db } from '../store/index.js';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export type Random = (bytes: number) => Uint8Array;

export interface CoreDeps {
  readonly db: Db;
  /** 32 bytes; wraps sealing keys and long-term secrets at rest. */
  readonly masterKey: Uint8Array;
  readonly clock: Clock;
  readonly random: Random;
}
