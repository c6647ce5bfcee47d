// The SQLite appender's thread (see sqlite-appender.ts): its own connection to the
// store's file, on which each message's statements run as one transaction, so the disk
// flush of each commit happens here and not on the event loop. Plain JavaScript: a
// worker thread is loaded by Node itself, not through tsx or vitest. TypeScript checks
// it all the same (`// @ts-check`, the types in JSDoc).
// @ts-check
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

if (parentPort === null) throw new Error('sqlite-append-worker.mjs runs as a worker thread');
const port = parentPort;

/** @type {{ file: string }} */
const { file } = workerData;
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

/** @typedef {{ sql: string, params: unknown[] }} Statement */

/**
 * Prepared statements by SQL text; the callers' texts are few (see audit-events.ts).
 * @type {Map<string, import('better-sqlite3').Statement>}
 */
const prepared = new Map();
/** @param {string} sql */
const prepare = (sql) => {
  let statement = prepared.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    prepared.set(sql, statement);
  }
  return statement;
};

const run = db.transaction((/** @type {Statement[]} */ statements) => statements.map(({ sql, params }) => prepare(sql).run(...params).changes));

port.on('message', (/** @type {{ id: number, statements: Statement[] }} */ { id, statements }) => {
  try {
    port.postMessage({ id, changes: run.immediate(statements) });
  } catch (error) {
    const { message, code } = /** @type {Error & { code?: string }} */ (error);
    port.postMessage({ id, error: { message, code } });
  }
});
