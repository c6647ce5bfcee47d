/**
 * The audit trail's writer on real stores: group commit observed through a counting
 * wrapper around the real Db (it forwards every call), failures of a batch, the backlog
 * limit, the JSON-lines copy, close and prune.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { AuditTrail } from '../../src/services/audit/trail.js';
import { auditEvents, StoreUnavailable, UniqueViolation, type AuditEventRecord, type Db } from '../../src/store/index.js';
import { auditEvent, count, onEveryStore } from './support.js';

const T = Date.UTC(2026, 10, 28);
const DAY = 24 * 60 * 60 * 1000;
const dir = mkdtempSync(join(tmpdir(), 'rolegate-trail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real Db, with its appends counted: every call goes through to it unchanged. */
function counted(db: Db): { db: Db; appends: () => number } {
  let appends = 0;
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property === 'append') {
        return (work: Parameters<Db['append']>[0]) => {
          appends++;
          return target.append(work);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: proxy, appends: () => appends };
}

/** Call `n` of a test: 1 to 3 events, ids unique to the test. */
const callEvents = (account: string, tag: string, n: number): AuditEventRecord[] =>
  Array.from({ length: 1 + (n % 3) }, (_, k) => auditEvent(account, `${tag}-${String(n).padStart(4, '0')}-${k}`, T + n));

const eventsOf = async (db: Db, account: string): Promise<AuditEventRecord[]> => auditEvents.lookup(db, { accountId: account, from: 0, to: T * 2, limit: 100_000 });
const ids = (events: readonly AuditEventRecord[]): string[] => events.map((e) => e.eventId).sort();

onEveryStore('the audit trail', (store) => {
  it('commits the events of 500 calls made in one tick in one transaction, and of calls made meanwhile in the next', async () => {
    const { db, appends } = counted(store().db);
    const trail = new AuditTrail(db);
    const account = '400000000001';
    const first = Array.from({ length: 500 }, (_, n) => callEvents(account, 'ev-group', n));
    const firstWave = Promise.all(first.map((events) => trail.record(events)));
    // One turn later the first batch has been taken: these gather into the next one.
    await new Promise((turn) => setImmediate(turn));
    const second = Array.from({ length: 300 }, (_, n) => callEvents(account, 'ev-group', 500 + n));
    const secondWave = Promise.all(second.map((events) => trail.record(events)));
    await Promise.all([firstWave, secondWave]);
    expect(appends()).toBe(2);
    expect(ids(await eventsOf(store().db, account))).toEqual(ids([...first, ...second].flat()));
    expect(store().db.commits).toBe(db.commits);
    await trail.close();
  });

  it('fails every call of a batch the store refuses, writes none of its events, and commits the next batch', async () => {
    const trail = new AuditTrail(store().db);
    const account = '400000000002';
    await trail.record([auditEvent(account, 'ev-refused-taken', T)]);
    // One call of the batch repeats an event id already stored: the whole batch is refused.
    const refused = Array.from({ length: 20 }, (_, n) => (n === 13 ? [auditEvent(account, 'ev-refused-taken', T)] : callEvents(account, 'ev-refused', n)));
    const outcomes = await Promise.allSettled(refused.map((events) => trail.record(events)));
    expect(outcomes.map((o) => o.status)).toEqual(new Array(20).fill('rejected'));
    for (const outcome of outcomes) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(UniqueViolation);
    expect(ids(await eventsOf(store().db, account))).toEqual(['ev-refused-taken']);

    const later = Array.from({ length: 5 }, (_, n) => callEvents(account, 'ev-later', n));
    await Promise.all(later.map((events) => trail.record(events)));
    expect(ids(await eventsOf(store().db, account))).toEqual(ids([auditEvent(account, 'ev-refused-taken', T), ...later.flat()]));
    await trail.close();
  });

  it('fails the calls of a batch when the store is closed under it', async () => {
    const closed = await store().open();
    await closed.close();
    const trail = new AuditTrail(closed);
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => trail.record(callEvents('400000000003', 'ev-closed', n))));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await count(store().db, "SELECT COUNT(*) AS n FROM audit_events WHERE account_id = '400000000003'")).toBe(0);
    await trail.close();
  });

  it('refuses with StoreUnavailable the calls that would take the backlog over maxPending, and keeps the others', async () => {
    const trail = new AuditTrail(store().db, { maxPending: 10 });
    const account = '400000000004';
    const batch = (tag: string, size: number): AuditEventRecord[] => Array.from({ length: size }, (_, k) => auditEvent(account, `ev-backlog-${tag}-${k}`, T));
    const six = trail.record(batch('six', 6));
    const five = trail.record(batch('five', 5));
    const four = trail.record(batch('four', 4));
    const one = trail.record(batch('one', 1));
    await expect(five).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(one).rejects.toBeInstanceOf(StoreUnavailable);
    await Promise.all([six, four]);
    expect(await count(store().db, 'SELECT COUNT(*) AS n FROM audit_events WHERE account_id = ?', [account])).toBe(10);
    // Once committed, the backlog is empty again.
    await trail.record(batch('after', 10));
    await trail.close();
  });

  it('copies each committed event to the audit file as one JSON line, in commit order, and none of a refused batch', async () => {
    const file = join(dir, `${store().db.dialect}-audit.jsonl`);
    const trail = new AuditTrail(store().db, { file });
    const account = '400000000005';
    const first = Array.from({ length: 30 }, (_, n) => callEvents(account, 'ev-file', n));
    await Promise.all(first.map((events) => trail.record(events)));
    const refused = [callEvents(account, 'ev-file-refused', 1), [auditEvent(account, 'ev-file-0000-0', T)]];
    await Promise.allSettled(refused.map((events) => trail.record(events)));
    const second = Array.from({ length: 20 }, (_, n) => callEvents(account, 'ev-file', 100 + n));
    await Promise.all(second.map((events) => trail.record(events)));
    await trail.close();
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual([...first, ...second].flat().map((e) => e.record));
    expect(lines.map((line) => (JSON.parse(line) as { eventID: string }).eventID)).toEqual([...first, ...second].flat().map((e) => e.eventId));
  });

  it('waits on close for the events already recorded', async () => {
    const file = join(dir, `${store().db.dialect}-close.jsonl`);
    const trail = new AuditTrail(store().db, { file });
    const account = '400000000006';
    const calls = Array.from({ length: 50 }, (_, n) => callEvents(account, 'ev-close', n));
    const settled: string[] = [];
    const recorded = calls.map((events) => trail.record(events).then(() => settled.push('resolved'), () => settled.push('rejected')));
    await trail.close();
    expect(settled).toEqual(new Array(50).fill('resolved'));
    expect(ids(await eventsOf(store().db, account))).toEqual(ids(calls.flat()));
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(calls.flat().length);
    await Promise.all(recorded);
  });

  it('prunes only the events older than the cutoff, past several slices, without counting a commit', async () => {
    const trail = new AuditTrail(store().db);
    const account = '400000000007';
    // Older than every other event of this suite, so only these are older than the cutoff.
    const cutoff = T - 300 * DAY;
    const old = Array.from({ length: 2_345 }, (_, n) => auditEvent(account, `ev-prune-old-${n}`, cutoff - 1 - n, { resources: [{ type: 'AWS::IAM::Role', name: 'r' }] }));
    const kept = Array.from({ length: 10 }, (_, n) => auditEvent(account, `ev-prune-kept-${n}`, cutoff + n, { resources: [{ type: 'AWS::IAM::Role', name: 'r' }] }));
    await trail.record([...old, ...kept]);
    const commits = store().db.commits;
    expect(await trail.prune(cutoff)).toBe(old.length);
    expect(ids(await eventsOf(store().db, account))).toEqual(ids(kept));
    expect(await count(store().db, 'SELECT COUNT(*) AS n FROM audit_event_resources WHERE account_id = ?', [account])).toBe(kept.length);
    expect(await trail.prune(cutoff)).toBe(0);
    expect(store().db.commits).toBe(commits);
    await trail.close();
  });
});
