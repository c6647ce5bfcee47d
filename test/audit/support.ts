/**
 * What the audit tests share: events with the fields a test does not care about filled
 * in, LookupEvents' order, a row count, and a suite run on every store back end (SQLite
 * always, PostgreSQL when one answers).
 */
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { AuditEventRecord, Db, SqlValue } from '../../src/store/index.js';
import { PG_ADMIN_URL, postgresBackend, sqliteBackend, type Backend } from '../contract/backends.js';

/** An event of `accountId`; its record is a small JSON text naming the event, as the real one does. */
export function auditEvent(accountId: string, eventId: string, eventTime: number, fields: Partial<AuditEventRecord> = {}): AuditEventRecord {
  return {
    eventId, accountId, eventTime, eventName: 'GetCallerIdentity', eventSource: 'sts.amazonaws.com', readOnly: true,
    username: undefined, accessKeyId: undefined, resources: [],
    record: JSON.stringify({ eventID: eventId, recipientAccountId: accountId, eventTime }),
    ...fields,
  };
}

/** LookupEvents' order: newest first, equal times by event id, descending, compared byte by byte. */
export function newestFirst(events: readonly AuditEventRecord[]): AuditEventRecord[] {
  return [...events].sort((a, b) => b.eventTime - a.eventTime || (a.eventId < b.eventId ? 1 : a.eventId > b.eventId ? -1 : 0));
}

/** A fixed permutation of `items` (so insertion order is neither the read order nor its reverse). */
export function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export async function count(db: Db, sql: string, params: readonly SqlValue[] = []): Promise<number> {
  return (await db.get<{ n: number }>(sql, params))?.n ?? 0;
}

export interface StoreUnderTest {
  /** The suite's store, opened once for the suite. */
  readonly db: Db;
  /** Another connection to the same database, for a test that closes it. */
  open(): Promise<Db>;
}

/** Runs `suite` once per back end; without PostgreSQL its copy is skipped, saying why. */
export function onEveryStore(title: string, suite: (store: () => StoreUnderTest) => void): void {
  const backends: readonly (readonly [string, () => Promise<Backend | undefined>])[] = [['SQLite', async () => sqliteBackend()], ['PostgreSQL', postgresBackend]];
  for (const [label, backendOf] of backends) {
    describe(`${title} on ${label}`, () => {
      let backend: Backend | undefined;
      let db: Db | undefined;
      beforeAll(async () => {
        backend = await backendOf();
        db = await backend?.open();
      });
      beforeEach(({ skip }) => {
        if (db === undefined) skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      });
      afterAll(async () => {
        await db?.close();
        await backend?.cleanup();
      });
      suite(() => {
        if (db === undefined || backend === undefined) throw new Error('the store is not open');
        return { db, open: backend.open };
      });
    });
  }
}
