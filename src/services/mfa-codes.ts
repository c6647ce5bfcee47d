/**
 * TOTP as AWS's virtual MFA devices use it (RFC 6238: HMAC-SHA1, 6 digits, 30-second
 * steps), through `otpauth`. A code is matched against the current step and one step
 * either side, to allow for a phone's clock drifting; which step matched is returned so
 * the caller can refuse a step already used.
 */
import { timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;
/** Steps accepted either side of the current one. */
const DRIFT_STEPS = 1;
/** 40 bytes: a 64-character Base32 seed, the length AWS's seeds have. */
export const SEED_BYTES = 40;

const totp = (seed: Uint8Array): TOTP =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: new Secret({ buffer: Uint8Array.from(seed).buffer }) });

export const seedBase32 = (seed: Uint8Array): string => new Secret({ buffer: Uint8Array.from(seed).buffer }).base32;

/**
 * The URI a virtual MFA device's QR code encodes (IAM API reference, VirtualMFADevice,
 * QRCodePNG): `otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String`.
 */
export const otpauthUri = (deviceName: string, accountName: string, seed: Uint8Array): string =>
  `otpauth://totp/${encodeURIComponent(deviceName)}@${encodeURIComponent(accountName)}?secret=${seedBase32(seed)}`;

const stepAt = (now: number): number => Math.floor(now / 1000 / PERIOD_SECONDS);

function codeAt(seed: Uint8Array, step: number): string {
  return totp(seed).generate({ timestamp: step * PERIOD_SECONDS * 1000 });
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The newest step within the drift window whose code is `code`, or undefined. */
export function matchingStep(seed: Uint8Array, code: string, now: number): number | undefined {
  const current = stepAt(now);
  let found: number | undefined;
  // Every candidate is computed and compared, so the time taken does not say which matched.
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    if (same(codeAt(seed, step), code)) found = step;
  }
  return found;
}

/**
 * EnableMFADevice's two codes: `first` and `second` from consecutive steps, the second
 * within the drift window. Returns the second's step, or undefined.
 */
export function consecutiveStep(seed: Uint8Array, first: string, second: string, now: number): number | undefined {
  const current = stepAt(now);
  let found: number | undefined;
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    const firstMatches = same(codeAt(seed, step - 1), first);
    const secondMatches = same(codeAt(seed, step), second);
    if (firstMatches && secondMatches) found = step;
  }
  return found;
}
