/**
 * TOTP as the server checks it, against RFC 6238's SHA-1 test vectors (Appendix B: the
 * 20-byte ASCII seed "12345678901234567890", 8-digit codes, of which a 6-digit code is
 * the last six) and the drift window of one step either side.
 */
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { consecutiveStep, matchingStep, otpauthUri, seedBase32 } from '../../src/services/mfa-codes.js';

const SEED = new TextEncoder().encode('12345678901234567890');

describe('TOTP codes', () => {
  it("accepts RFC 6238's codes at their times, and names the step they belong to", () => {
    expect(matchingStep(SEED, '287082', 59_000)).toBe(1); // RFC: 94287082 at T=59
    expect(matchingStep(SEED, '081804', 1_111_111_109_000)).toBe(37_037_036); // 07081804
    expect(matchingStep(SEED, '279037', 2_000_000_000_000)).toBe(66_666_666); // 69279037
  });

  it('accepts a code one step early or late, and none further away', () => {
    const at = 1_111_111_109_000; // step 37037036
    expect(matchingStep(SEED, '081804', at + 30_000)).toBe(37_037_036);
    expect(matchingStep(SEED, '081804', at - 30_000)).toBe(37_037_036);
    expect(matchingStep(SEED, '081804', at + 60_000)).toBeUndefined();
    expect(matchingStep(SEED, '081805', at)).toBeUndefined();
  });

  it('takes two codes only from consecutive steps, in order', () => {
    const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: new Secret({ buffer: SEED.buffer }) });
    const at = 1_111_111_109_000; // step 37037036
    const code = (step: number) => totp.generate({ timestamp: step * 30_000 });
    expect(consecutiveStep(SEED, code(37_037_035), code(37_037_036), at)).toBe(37_037_036);
    expect(consecutiveStep(SEED, code(37_037_036), code(37_037_037), at)).toBe(37_037_037);
    expect(consecutiveStep(SEED, code(37_037_036), code(37_037_036), at)).toBeUndefined();
    expect(consecutiveStep(SEED, code(37_037_036), code(37_037_035), at)).toBeUndefined();
    expect(consecutiveStep(SEED, code(37_037_034), code(37_037_036), at)).toBeUndefined();
  });

  it('writes the otpauth URI IAM documents, with the seed in Base32', () => {
    expect(seedBase32(SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(otpauthUri('alice-phone', '123456789012', SEED)).toBe('otpauth://totp/alice-phone@123456789012?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });
});
