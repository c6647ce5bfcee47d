/**
 * SigningKeyCache answers exactly what deriveSigningKey answers, for any mix of secrets
 * and scopes, stays within its bound, keeps the most recently used secrets, and counts
 * its hits and misses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSigningKey, SigningKeyCache } from '../../src/sigv4/index.js';

const scope = (date: string, region: string, service: string) => ({ date, region, service });

describe('SigningKeyCache', () => {
  it('gives the derived key for every (secret, scope), hit or miss, within its bound', () => {
    const secrets = ['s-one', 's-two', 's-three', 's-four', 's-five'];
    const step = fc.record({
      secret: fc.constantFrom(...secrets),
      date: fc.constantFrom('20261127', '20261128'),
      region: fc.constantFrom('us-east-1', 'eu-west-1'),
      service: fc.constantFrom('sts', 'iam', 's3'),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(step, { minLength: 1, maxLength: 60 }), (bound, steps) => {
        const cache = new SigningKeyCache(bound);
        for (const s of steps) {
          const sc = scope(s.date, s.region, s.service);
          // Fresh string copies: the cache must not depend on string identity.
          expect(cache.get(`${s.secret}`.slice(0), sc).equals(deriveSigningKey(s.secret, sc))).toBe(true);
          expect(cache.size).toBeLessThanOrEqual(bound);
        }
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });

  it('returns the very same key on a hit, and keeps the most recently used secret', () => {
    const cache = new SigningKeyCache(2);
    const sts = scope('20261128', 'us-east-1', 'sts');
    const a = cache.get('secret-a', sts);
    cache.get('secret-b', sts);
    expect(cache.get('secret-a', sts)).toBe(a); // a is now the most recent
    cache.get('secret-c', sts); // evicts b, the least recently used
    expect(cache.get('secret-a', sts)).toBe(a);
    expect(cache.size).toBe(2);
    // a, b, c derived; a found twice.
    expect(cache.counts).toEqual({ hits: 2, misses: 3 });
  });

  it('bounds the scopes of one secret too', () => {
    const cache = new SigningKeyCache(3);
    for (const service of ['sts', 'iam', 's3', 'ec2', 'sqs']) cache.get('only', scope('20261128', 'us-east-1', service));
    expect(cache.size).toBe(3);
  });
});
