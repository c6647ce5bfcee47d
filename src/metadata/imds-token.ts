/**
 * IMDSv2 session tokens, stateless: the token is its own expiry time and an HMAC of it
 * under a key that lives only in this process. Nothing is stored per token, so a program
 * asking for tokens in a loop costs no memory, and checking one is a constant-time
 * comparison of MACs.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** `X-aws-ec2-metadata-token-ttl-seconds`: 1 second to 6 hours, as EC2 takes it. */
export const MAX_TOKEN_TTL_SECONDS = 21_600;

const EXPIRY_BYTES = 8;
const MAC_BYTES = 32;

export class ImdsTokens {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length < 32) throw new Error('an IMDS token key has at least 32 bytes');
    this.#key = key;
  }

  issue(now: number, ttlSeconds: number): string {
    const expiry = Buffer.alloc(EXPIRY_BYTES);
    expiry.writeBigUInt64BE(BigInt(now + ttlSeconds * 1000));
    return Buffer.concat([expiry, this.#mac(expiry)]).toString('base64url');
  }

  valid(token: string, now: number): boolean {
    const raw = Buffer.from(token, 'base64url');
    // base64url decoding skips what it cannot read: insist the text was exactly a token.
    if (raw.length !== EXPIRY_BYTES + MAC_BYTES || raw.toString('base64url') !== token) return false;
    const expiry = raw.subarray(0, EXPIRY_BYTES);
    if (!timingSafeEqual(raw.subarray(EXPIRY_BYTES), this.#mac(expiry))) return false;
    return Number(expiry.readBigUInt64BE()) > now;
  }

  #mac(expiry: Buffer): Buffer {
    return createHmac('sha256', this.#key).update(expiry).digest();
  }
}

/** The TTL header's value in seconds, or undefined when it is missing or not 1–21600. */
export function tokenTtl(header: string | string[] | undefined): number | undefined {
  if (typeof header !== 'string' || !/^[0-9]{1,5}$/.test(header.trim())) return undefined;
  const seconds = Number(header.trim());
  return seconds >= 1 && seconds <= MAX_TOKEN_TTL_SECONDS ? seconds : undefined;
}
