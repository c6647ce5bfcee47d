// The SQLite appender's thread (see sqlite-appender.ts): its own connection to the
// store's file, on which each message's statements run as one transaction, so the disk
// flush of each commit happens here and not on the event loop. Plain JavaScript: a
// worker thread is loaded by Node itself, not through tsx or vitest.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

/** Prepared statements by SQL text; the callers' texts are few (see audit-events.ts). */
const prepared = new Map();
const prepare = (sql) => {
  let statement = prepared.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    prepared.set(sql, statement);
  }
  return statement;
};

const run = db.transaction((statements) => statements.map(({ sql, params }) => prepare(sql).run(...params).changes));

parentPort.on('message', ({ id, statements }) => {
  try {
    parentPort.postMessage({ id, changes: run.immediate(statements) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } });
  }
});
