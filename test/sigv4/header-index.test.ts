/**
 * HeaderIndex answers as a plain reference (lower-cased names, values in arrival order)
 * for any list of headers, below and past the count where it switches from a scan to a
 * Map; and a signed request carrying a thousand extra unsigned headers still verifies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeaderIndex, parseSignedRequest, sign, verifySignature, type HeaderList } from '../../src/sigv4/index.js';
import { ACCESS_KEY_ID, NOW, REGION, SECRET, SESSION_TOKEN, stsRequest } from './fixtures.js';

function reference(headers: HeaderList): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [n, v] of headers) {
    const k = n.toLowerCase();
    m.set(k, [...(m.get(k) ?? []), v]);
  }
  return m;
}

describe('HeaderIndex', () => {
  it('answers as the reference for 0 to 120 headers, repeated names in any case included', () => {
    const name = fc.oneof(fc.constantFrom('Host', 'host', 'X-Amz-Date', 'x-amz-date', 'Accept'), fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,6}$/));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string({ maxLength: 8 })), { maxLength: 120 }), (pairs) => {
        const index = new HeaderIndex(pairs);
        const ref = reference(pairs);
        expect([...index.names()]).toEqual([...ref.keys()]);
        for (const [k, v] of ref) {
          expect(index.get(k)).toEqual(v);
          expect(index.has(k)).toBe(true);
        }
        expect(index.get('not-a-header-here')).toBeUndefined();
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });

  it('lets a signed request with 1,000 extra unsigned headers verify', () => {
    const credentials = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET, sessionToken: SESSION_TOKEN };
    const signed = sign(stsRequest(), credentials, { now: NOW, region: REGION, service: 'sts' });
    const padded = { ...signed, headers: [...signed.headers, ...Array.from({ length: 1000 }, (_, i): [string, string] => [`X-Pad-${i}`, 'v'])] };
    const parsed = parseSignedRequest(padded, { now: NOW });
    expect(() => verifySignature(parsed, padded, SECRET)).not.toThrow();
    expect(parsed.headers.get('x-pad-999')).toEqual(['v']);
  });
});
