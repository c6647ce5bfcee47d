/**
 * Randomness for credentials, drawn from the operating system's generator a few
 * kilobytes at a time. Each `randomBytes` call costs a trip through OpenSSL and, on
 * this kind of machine, a system call: minting one set of credentials takes three draws
 * (key id, secret, token nonce), and under load those calls were a tenth of AssumeRole's
 * time. Node's own randomUUID buffers the same way.
 *
 * Bytes handed out are copied and then erased from the pool, so no two callers ever get
 * the same bytes and none stay behind in memory once used.
 */
import { randomFillSync } from 'node:crypto';
import type { Random } from './deps.js';

export const DEFAULT_POOL_BYTES = 4096;

/**
 * A Random that refills a pool of `poolBytes` from `fill` when it runs short. A request
 * larger than the pool is filled directly.
 *
 * @example const random = pooledRandom(); const nonce = random(12);
 */
export function pooledRandom(fill: (into: Uint8Array) => void = randomFillSync, poolBytes = DEFAULT_POOL_BYTES): Random {
  if (!Number.isInteger(poolBytes) || poolBytes < 1) throw new RangeError('A random pool holds at least one byte');
  const pool = new Uint8Array(poolBytes);
  let next = poolBytes; // nothing drawn yet: the first call fills the pool
  return (bytes: number): Uint8Array => {
    if (!Number.isInteger(bytes) || bytes < 0) throw new RangeError('A number of random bytes is a whole number');
    if (bytes > poolBytes) {
      const out = new Uint8Array(bytes);
      fill(out);
      return out;
    }
    if (next + bytes > poolBytes) {
      fill(pool);
      next = 0;
    }
    const out = pool.slice(next, next + bytes);
    pool.fill(0, next, next + bytes);
    next += bytes;
    return out;
  };
}
