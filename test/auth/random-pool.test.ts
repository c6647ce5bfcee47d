/**
 * The pooled random source hands out each drawn byte once, refills when short, erases
 * what it hands out, and serves large requests directly. A counting `fill` stands in for
 * the generator so that every byte's origin is known; one run uses the real one.
 */
import { describe, expect, it } from 'vitest';
import { pooledRandom } from '../../src/auth/random-pool.js';

/** A fill that writes 1, 2, 3, … (mod 256, skipping 0) and records each call's size. */
function countingFill(): { fill: (into: Uint8Array) => void; calls: number[]; pools: Uint8Array[] } {
  let n = 0;
  const calls: number[] = [];
  const pools: Uint8Array[] = [];
  return {
    calls,
    pools,
    fill: (into) => {
      calls.push(into.length);
      pools.push(into);
      for (let i = 0; i < into.length; i++) into[i] = (n++ % 255) + 1;
    },
  };
}

describe('pooledRandom', () => {
  it('hands out consecutive, never repeated bytes, refilling only when the pool runs short', () => {
    const source = countingFill();
    const random = pooledRandom(source.fill, 16);
    const a = random(5);
    const b = random(5);
    const c = random(5);
    expect([...a, ...b, ...c]).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(source.calls).toEqual([16]);
    const d = random(5); // 1 byte left: refill, start over at the pool's head
    expect([...d]).toEqual([17, 18, 19, 20, 21]);
    expect(source.calls).toEqual([16, 16]);
  });

  it('erases the bytes it hands out from the pool', () => {
    const source = countingFill();
    const random = pooledRandom(source.fill, 16);
    const out = random(6);
    const pool = source.pools[0] as Uint8Array;
    expect([...pool.subarray(0, 6)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...out]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pool[6]).toBe(7); // not yet handed out
    random(2);
    expect([...pool.subarray(6, 8)]).toEqual([0, 0]);
  });

  it('returns copies: erasing or writing the pool does not reach bytes already handed out', () => {
    const source = countingFill();
    const random = pooledRandom(source.fill, 8);
    const first = random(8);
    random(8); // refills the same pool buffer
    expect([...first]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('fills a request larger than the pool directly, leaving the pool as it was', () => {
    const source = countingFill();
    const random = pooledRandom(source.fill, 8);
    const small = random(3);
    const big = random(20);
    expect(big.length).toBe(20);
    expect(source.calls).toEqual([8, 20]);
    expect([...random(5)]).toEqual([4, 5, 6, 7, 8]);
    expect([...small]).toEqual([1, 2, 3]);
  });

  it('serves zero bytes and refuses nonsense sizes', () => {
    const random = pooledRandom(countingFill().fill, 8);
    expect(random(0).length).toBe(0);
    expect(() => random(-1)).toThrow(RangeError);
    expect(() => random(1.5)).toThrow(RangeError);
    expect(() => pooledRandom(countingFill().fill, 0)).toThrow(RangeError);
  });

  it('with the real generator, 10,000 draws of 47 bytes are all distinct and use every byte value', () => {
    const random = pooledRandom();
    const seen = new Set<string>();
    const values = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const out = random(47);
      seen.add(Buffer.from(out).toString('hex'));
      for (const v of out) values.add(v);
    }
    expect(seen.size).toBe(10_000);
    expect(values.size).toBe(256);
  });
});
