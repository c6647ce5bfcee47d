/**
 * Per-account request rates, as IAM and STS limit them: a token bucket per account,
 * refilled at `perSecond` up to `burst`; a request that finds it empty gets AWS's
 * `Throttling` ("Rate exceeded", 400, which SDKs retry with backoff) instead of slowing
 * every other account down. Off unless configured; each node counts its own requests.
 *
 * Signed requests count against the caller's account, and only once their signature has
 * been verified, so nobody can spend another account's budget with its key id alone.
 * AssumeRoleWithWebIdentity, which nobody signs, counts against the role's account.
 */
import { AwsError } from '../errors.js';

/** Buckets kept at most; past it the oldest is dropped (it refills to full anyway). */
const MAX_BUCKETS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  readonly #perMs: number;
  readonly #burst: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(perSecond: number, burst: number) {
    if (!(perSecond > 0) || !(burst >= 1)) throw new Error('a rate limit needs a rate above 0 and a burst of at least 1');
    this.#perMs = perSecond / 1000;
    this.#burst = burst;
  }

  /** Takes one request from `account`'s bucket at time `now`, or throws Throttling. */
  admit(account: string, now: number): void {
    let bucket = this.#buckets.get(account);
    if (bucket === undefined) {
      if (this.#buckets.size >= MAX_BUCKETS) this.#buckets.delete(this.#buckets.keys().next().value as string);
      bucket = { tokens: this.#burst, at: now };
      this.#buckets.set(account, bucket);
    } else {
      bucket.tokens = Math.min(this.#burst, bucket.tokens + Math.max(0, now - bucket.at) * this.#perMs);
      bucket.at = now;
    }
    if (bucket.tokens < 1) throw new AwsError('Throttling', 'Rate exceeded');
    bucket.tokens -= 1;
  }
}
