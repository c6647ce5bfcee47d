/**
 * The store generation as this process needs to know it, with as few queries as
 * possible. Every IAM write bumps the generation in its transaction. A commit made by
 * this process is seen at once (the Db counts them), so the next request here honours
 * it; a commit made by another process (another node, the CLI) is seen at the next
 * request after at most `pollMs`, when the generation is read again. Caches still
 * invalidate by version only: time decides how often the version is asked for.
 */
import { generation, type Db } from '../store/index.js';
import type { Clock } from './deps.js';

export const DEFAULT_POLL_MS = 100;

export class GenerationWatch {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #pollMs: number;
  #value = -1;
  #commitsSeen = -1;
  #readAt = Number.NEGATIVE_INFINITY;

  constructor(db: Db, clock: Clock, pollMs = DEFAULT_POLL_MS) {
    this.#db = db;
    this.#clock = clock;
    this.#pollMs = pollMs;
  }

  async current(): Promise<number> {
    const now = this.#clock.now();
    const commits = this.#db.commits;
    if (this.#due(now, commits)) {
      this.#value = await generation.current(this.#db);
      this.#commitsSeen = commits;
      this.#readAt = now;
    }
    return this.#value;
  }

  /**
   * The generation when it is known without a query, else undefined (then ask
   * `current()`). Lets a cache hit skip an await on the request path.
   */
  known(): number | undefined {
    return this.#due(this.#clock.now(), this.#db.commits) ? undefined : this.#value;
  }

  #due(now: number, commits: number): boolean {
    return commits !== this.#commitsSeen || now - this.#readAt >= this.#pollMs || now < this.#readAt;
  }
}
