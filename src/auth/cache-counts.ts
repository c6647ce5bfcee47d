/**
 * How often a cache answered from memory (hits) and how often it had to load or compute
 * (misses), since the process started. Kept as plain integers on the request path; the
 * server's metrics read them when `/metrics` is scraped.
 */
export interface CacheCounts {
  readonly hits: number;
  readonly misses: number;
}

/** The counting side, owned by the cache; others see it as the read-only CacheCounts. */
export class CacheCounter implements CacheCounts {
  hits = 0;
  misses = 0;
}
