/**
 * The signing keys of OpenID Connect issuers: discovered through the issuer's
 * `/.well-known/openid-configuration`, fetched from its `jwks_uri`, and kept per issuer
 * and trust (thumbprints) in a bounded cache. A token signed with a key id the cached
 * set does not have makes one refetch (issuers rotate keys), at most once per
 * REFRESH_GAP_MS per issuer, so a stream of made-up key ids cannot make rolegate hammer
 * the issuer.
 */
import type { JSONWebKeySet } from 'jose';
import type { Clock } from './deps.js';
import { fetchJson, OidcFetchError, type FetchTrust } from './oidc-fetch.js';

/** A key set is used this long before it is fetched again. */
const MAX_AGE_MS = 60 * 60 * 1000;
const REFRESH_GAP_MS = 5000;
const MAX_ISSUERS = 256;
const MAX_KEYS = 100;

interface Entry {
  readonly keys: JSONWebKeySet;
  readonly fetchedAt: number;
}

export type JsonFetcher = (url: string, trust: FetchTrust, now: number) => Promise<unknown>;

export class OidcKeySource {
  readonly #clock: Clock;
  readonly #caBundle: string | undefined;
  readonly #fetch: JsonFetcher;
  readonly #entries = new Map<string, Entry>();
  readonly #inflight = new Map<string, Promise<Entry>>();

  constructor(clock: Clock, caBundle: string | undefined, fetch: JsonFetcher = fetchJson) {
    this.#clock = clock;
    this.#caBundle = caBundle;
    this.#fetch = fetch;
  }

  /**
   * The issuer's key set (`issuer` is `https://…`, as tokens name it). `stale` asks for
   * a fresh copy because a key id was missing; it is honoured when the copy held is
   * older than the refresh gap.
   */
  async keys(issuer: string, thumbprints: readonly string[], stale = false): Promise<JSONWebKeySet> {
    const cacheKey = `${issuer}\n${[...thumbprints].map((t) => t.toLowerCase()).sort().join(',')}`;
    const now = this.#clock.now();
    const held = this.#entries.get(cacheKey);
    const age = held === undefined ? Infinity : now - held.fetchedAt;
    if (held !== undefined && age < MAX_AGE_MS && !(stale && age >= REFRESH_GAP_MS)) return held.keys;
    let pending = this.#inflight.get(cacheKey);
    if (pending === undefined) {
      pending = this.#load(issuer, { thumbprints, caBundle: this.#caBundle }).finally(() => this.#inflight.delete(cacheKey));
      this.#inflight.set(cacheKey, pending);
    }
    const entry = await pending;
    this.#entries.delete(cacheKey);
    if (this.#entries.size >= MAX_ISSUERS) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(cacheKey, entry);
    return entry.keys;
  }

  async #load(issuer: string, trust: FetchTrust): Promise<Entry> {
    const now = this.#clock.now();
    const discovery = await this.#fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, trust, now);
    if (!isRecord(discovery) || discovery['issuer'] !== issuer || typeof discovery['jwks_uri'] !== 'string') throw new OidcFetchError('bad-response');
    const jwks = await this.#fetch(discovery['jwks_uri'], trust, now);
    if (!isRecord(jwks) || !Array.isArray(jwks['keys']) || jwks['keys'].length > MAX_KEYS || !jwks['keys'].every(isRecord)) {
      throw new OidcFetchError('bad-response');
    }
    return { keys: jwks as unknown as JSONWebKeySet, fetchedAt: now };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
