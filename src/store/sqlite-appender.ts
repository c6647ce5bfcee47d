/**
 * Appends to the embedded store off the event loop. better-sqlite3 is synchronous, so a
 * commit on the main connection holds the event loop for its disk flush (synchronous=FULL);
 * the audit trail commits with nearly every request, and those flushes would serialize
 * the whole server behind the disk. Its transactions run instead on a connection of their
 * own in a worker thread (SQLite allows one writer at a time: the two connections take
 * the write lock in turn, waiting up to busy_timeout), while the event loop goes on.
 *
 * A transaction is one message — its statements — and one answer — the rows each
 * changed, or the error that rolled it all back — so a busy event loop delays it once.
 */
import { Worker } from 'node:worker_threads';
import { UniqueViolation, type Statement } from './db.js';

type Reply = { id: number; changes?: number[]; error?: { message: string; code?: string } };

export class SqliteAppender {
  readonly #file: string;
  #worker: Worker | undefined;
  readonly #pending = new Map<number, { resolve(changes: number[]): void; reject(error: Error): void }>();
  readonly #inFlight = new Set<Promise<unknown>>();
  #nextId = 0;
  #failed: Error | undefined;

  constructor(file: string) {
    this.#file = file;
  }

  /** Runs `statements` in one transaction on the worker's connection; answers the rows each changed. */
  append(statements: readonly Statement[]): Promise<number[]> {
    let worker: Worker;
    try {
      worker = this.#started();
    } catch (error) {
      return Promise.reject(error);
    }
    const id = this.#nextId++;
    const answer = new Promise<number[]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, statements });
    });
    const settled: Promise<unknown> = answer.then(
      () => this.#inFlight.delete(settled),
      () => this.#inFlight.delete(settled),
    );
    this.#inFlight.add(settled);
    return answer;
  }

  /** Waits for the transactions sent, then stops the thread; later appends fail. */
  async close(): Promise<void> {
    this.#failed ??= new Error('The store is closed');
    const worker = this.#worker;
    if (worker === undefined) return;
    await Promise.allSettled([...this.#inFlight]);
    this.#worker = undefined;
    await worker.terminate();
  }

  #started(): Worker {
    if (this.#failed !== undefined) throw this.#failed;
    if (this.#worker !== undefined) return this.#worker;
    const worker = new Worker(new URL('./sqlite-append-worker.mjs', import.meta.url), { workerData: { file: this.#file } });
    // The thread must not keep a server's process alive by itself.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      if (waiting === undefined) return;
      this.#pending.delete(reply.id);
      if (reply.error === undefined) waiting.resolve(reply.changes ?? []);
      else waiting.reject(translate(reply.error));
    });
    const fail = (error: Error): void => {
      this.#failed = error;
      for (const waiting of this.#pending.values()) waiting.reject(error);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.#worker === worker) fail(new Error(`the SQLite append thread exited (${code})`));
    });
    this.#worker = worker;
    return worker;
  }
}

function translate(error: { message: string; code?: string }): Error {
  if (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new UniqueViolation(error.message);
  return Object.assign(new Error(error.message), { code: error.code });
}
