/**
 * The audit trail's writer. A call is acknowledged only once its events are committed,
 * and committing each one alone would cost a synchronous disk flush per request, so the
 * events of every call that finishes in one turn of the event loop are committed
 * together (group commit): one transaction, one flush, however many calls. While a batch
 * is being written the next one gathers. The batch then goes, as JSON lines, to the
 * optional audit file.
 *
 * The store is the record: a batch it refuses fails the calls waiting on it (the client
 * gets ServiceUnavailable). The file is a copy: a failure to write it is reported to
 * `onFileError` and does not fail calls.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { auditEvents, StoreUnavailable, type AuditEventRecord, type Db } from '../../store/index.js';

export interface AuditTrailOptions {
  /** Where each committed event is appended as one JSON line (its CloudTrail record). */
  readonly file?: string | undefined;
  readonly onFileError?: ((error: Error) => void) | undefined;
  /** Events waiting beyond this fail their calls at once rather than queue without bound. */
  readonly maxPending?: number | undefined;
}

/** What the trail has done since it started, for the server's metrics. */
export interface AuditCounts {
  /** Events committed to the store. */
  readonly events: number;
  /** Transactions that committed them: events / commits is the group commit's batch size. */
  readonly commits: number;
  /** Calls failed because the store refused their batch or the backlog was full. */
  readonly failures: number;
  readonly fileErrors: number;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/** How many events may wait for the store before new calls are refused. */
const DEFAULT_MAX_PENDING = 50_000;
/** Events deleted per statement when pruning, so a prune never holds the store for long. */
const PRUNE_SLICE = 1_000;

export class AuditTrail {
  readonly #db: Db;
  readonly #maxPending: number;
  readonly #file: WriteStream | undefined;
  readonly #onFileError: (error: Error) => void;
  #batch: AuditEventRecord[] = [];
  #waiters: Waiter[] = [];
  #writing: Promise<void> | undefined;
  readonly #counts = { events: 0, commits: 0, failures: 0, fileErrors: 0 };

  constructor(db: Db, options: AuditTrailOptions = {}) {
    this.#db = db;
    this.#maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
    this.#onFileError = options.onFileError ?? (() => undefined);
    if (options.file !== undefined) {
      this.#file = createWriteStream(options.file, { flags: 'a', mode: 0o600 });
      this.#file.on('error', (error) => {
        this.#counts.fileErrors++;
        this.#onFileError(error);
      });
    }
  }

  get counts(): AuditCounts {
    return { ...this.#counts };
  }

  /** Resolves once `events` are committed to the store. */
  record(events: readonly AuditEventRecord[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    if (this.#batch.length + events.length > this.#maxPending) {
      this.#counts.failures++;
      return Promise.reject(new StoreUnavailable(`audit trail backlog over ${this.#maxPending} events`));
    }
    return new Promise<void>((resolve, reject) => {
      for (const event of events) this.#batch.push(event);
      this.#waiters.push({ resolve, reject });
      this.#writing ??= new Promise<void>((started) => setImmediate(started)).then(() => this.#drain());
    });
  }

  /** Deletes the events older than `cutoff` (epoch ms); returns how many went. */
  async prune(cutoff: number): Promise<number> {
    let total = 0;
    for (;;) {
      const [deleted = 0] = await this.#db.append([auditEvents.deleteOlderThan(cutoff, PRUNE_SLICE)]);
      total += deleted;
      if (deleted < PRUNE_SLICE) return total;
    }
  }

  /** Waits for the events already recorded, then closes the file. */
  async close(): Promise<void> {
    await this.#writing;
    if (this.#file !== undefined && !this.#file.destroyed) {
      this.#file.end();
      await once(this.#file, 'close').catch(() => undefined);
    }
  }

  async #drain(): Promise<void> {
    while (this.#batch.length > 0) {
      const batch = this.#batch;
      const waiters = this.#waiters;
      this.#batch = [];
      this.#waiters = [];
      try {
        await this.#db.append(auditEvents.inserts(batch));
      } catch (error) {
        this.#counts.failures += waiters.length;
        for (const waiter of waiters) waiter.reject(error);
        continue;
      }
      this.#counts.events += batch.length;
      this.#counts.commits++;
      await this.#copyToFile(batch);
      for (const waiter of waiters) waiter.resolve();
    }
    this.#writing = undefined;
  }

  async #copyToFile(batch: readonly AuditEventRecord[]): Promise<void> {
    const file = this.#file;
    if (file === undefined || file.destroyed) return;
    let lines = '';
    for (const event of batch) lines += `${event.record}\n`;
    // A failed write is reported once, by the stream's 'error' event.
    await new Promise<void>((done) => file.write(lines, () => done()));
  }
}
