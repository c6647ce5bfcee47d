/** IMDSv2 tokens: valid until their TTL, refused when altered, truncated, re-encoded or made under another key. */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImdsTokens, tokenTtl } from '../../src/metadata/imds-token.js';

describe('IMDSv2 session tokens', () => {
  const tokens = new ImdsTokens(randomBytes(32));
  const now = 1_700_000_000_000;

  it('is valid for its TTL and not a millisecond more', () => {
    const token = tokens.issue(now, 60);
    expect(tokens.valid(token, now)).toBe(true);
    expect(tokens.valid(token, now + 59_999)).toBe(true);
    expect(tokens.valid(token, now + 60_000)).toBe(false);
  });

  it('is refused from another process’s key', () => {
    expect(new ImdsTokens(randomBytes(32)).valid(tokens.issue(now, 60), now)).toBe(false);
  });

  it('is refused with any one character changed, or cut, or padded', () => {
    const token = tokens.issue(now, 21_600);
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_='), (at, c) => {
        const altered = token.slice(0, at) + c + token.slice(at + 1);
        expect(tokens.valid(altered, now)).toBe(altered === token);
      }),
    );
    expect(tokens.valid(token.slice(0, -1), now)).toBe(false);
    expect(tokens.valid(`${token}=`, now)).toBe(false);
    expect(tokens.valid('', now)).toBe(false);
  });

  it('takes a TTL of 1 to 21600 whole seconds', () => {
    expect([tokenTtl('1'), tokenTtl('21600'), tokenTtl(' 60 ')]).toEqual([1, 21_600, 60]);
    for (const bad of ['0', '21601', '-1', '1.5', '', 'sixty', '1e3', undefined, ['60', '60']]) expect(tokenTtl(bad)).toBeUndefined();
  });
});
