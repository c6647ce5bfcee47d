/**
 * LookupEvents' reading of the trail (queryEvents) on real stores: paging with MaxResults,
 * page tokens bound to their filters and refused when garbage, insights, and the default
 * 90-day window.
 */
import { expect, it } from 'vitest';
import { AwsError } from '../../src/errors.js';
import { DEFAULT_LOOKBACK_MS, queryEvents, type EventLookup, type EventPage } from '../../src/services/audit/lookup.js';
import { auditEvents, type AuditEventRecord, type Db } from '../../src/store/index.js';
import { auditEvent, newestFirst, onEveryStore } from './support.js';

const NOW = Date.UTC(2026, 10, 28, 12);
const DAY = 24 * 60 * 60 * 1000;

const input = (fields: Partial<EventLookup> = {}): EventLookup => ({
  lookupAttribute: undefined, startTime: undefined, endTime: undefined, insights: false, maxResults: 50, nextToken: undefined, ...fields,
});

async function store(db: Db, events: readonly AuditEventRecord[]): Promise<void> {
  await db.append(auditEvents.inserts(events));
}

/** Every page of a lookup, following NextToken to the end. */
async function pages(db: Db, account: string, lookup: EventLookup): Promise<EventPage[]> {
  const out: EventPage[] = [];
  let nextToken: string | undefined;
  do {
    const page = await queryEvents(db, account, { ...lookup, nextToken }, NOW);
    out.push(page);
    nextToken = page.nextToken;
  } while (nextToken !== undefined && out.length < 100);
  return out;
}

async function refusal(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AwsError);
  return (error as AwsError).code;
}

onEveryStore('LookupEvents', (store_) => {
  it('pages 123 events 50 at a time: 50, 50, then the 23 left with no NextToken, every event once in order', async () => {
    const { db } = store_();
    const account = '500000000001';
    // Three events per second, so pages end inside a run of equal times.
    const events = Array.from({ length: 123 }, (_, n) => auditEvent(account, `ev-lk-${String((n * 40) % 123).padStart(3, '0')}`, NOW - DAY + Math.floor(n / 3) * 1000));
    await store(db, events);
    const read = await pages(db, account, input());
    expect(read.map((p) => p.events.length)).toEqual([50, 50, 23]);
    expect(read.map((p) => p.nextToken === undefined)).toEqual([false, false, true]);
    expect(read.flatMap((p) => p.events)).toEqual(newestFirst(events));
  });

  it('gives no NextToken after a last page that is exactly full', async () => {
    const { db } = store_();
    const account = '500000000002';
    await store(db, Array.from({ length: 100 }, (_, n) => auditEvent(account, `ev-full-${String(n).padStart(3, '0')}`, NOW - n)));
    const read = await pages(db, account, input());
    expect(read.map((p) => [p.events.length, p.nextToken === undefined])).toEqual([[50, false], [50, true]]);
  });

  it('refuses a NextToken used with other filters than those it was issued for', async () => {
    const { db } = store_();
    const account = '500000000003';
    await store(db, Array.from({ length: 60 }, (_, n) => auditEvent(account, `ev-fp-${String(n).padStart(2, '0')}`, NOW - DAY + n, { username: 'alice' })));
    const issued = input({ lookupAttribute: { key: 'Username', value: 'alice' }, startTime: NOW - 2 * DAY, endTime: NOW });
    const { nextToken } = await queryEvents(db, account, issued, NOW);
    expect(nextToken).toBeDefined();
    expect((await queryEvents(db, account, { ...issued, nextToken }, NOW)).events).toHaveLength(10);
    const others: readonly Partial<EventLookup>[] = [
      { lookupAttribute: { key: 'Username', value: 'bob' } },
      { lookupAttribute: { key: 'EventName', value: 'alice' } },
      { lookupAttribute: undefined },
      { startTime: NOW - 3 * DAY },
      { startTime: undefined },
      { endTime: NOW - 1 },
      { insights: true },
    ];
    for (const other of others) {
      expect(await refusal(queryEvents(db, account, { ...issued, ...other, nextToken }, NOW)), JSON.stringify(other)).toBe('InvalidNextTokenException');
    }
    // MaxResults is not a filter: a token may be followed with another page size.
    expect((await queryEvents(db, account, { ...issued, maxResults: 5, nextToken }, NOW)).events).toHaveLength(5);
  });

  it('refuses a garbage or forged NextToken', async () => {
    const { db } = store_();
    const forged = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const { nextToken } = await queryEvents(db, '500000000001', input({ maxResults: 1 }), NOW);
    const fingerprint = (JSON.parse(Buffer.from(nextToken ?? '', 'base64url').toString()) as { f: string }).f;
    const tokens = [
      '', 'garbage', '!!!!', '%%%', 'eyJ0Ijox', forged(123), forged(null), forged([1, 'a', fingerprint]), forged({}),
      forged({ t: 1, i: 'x' }), forged({ t: '1', i: 'x', f: fingerprint }), forged({ t: 1.5, i: 'x', f: fingerprint }),
      forged({ t: 2 ** 60, i: 'x', f: fingerprint }), forged({ t: 1, i: 7, f: fingerprint }), forged({ t: 1, i: 'x'.repeat(65), f: fingerprint }),
      forged({ t: NOW, i: 'ev-lk-100', f: 'not-the-fingerprint' }),
    ];
    for (const token of tokens) {
      expect(await refusal(queryEvents(db, '500000000001', input({ nextToken: token }), NOW)), token).toBe('InvalidNextTokenException');
    }
  });

  it('moves a token of one account only through the events of the account that uses it', async () => {
    const { db } = store_();
    const [mine, theirs] = ['500000000004', '500000000005'];
    await store(db, [...[0, 1, 2].map((n) => auditEvent(mine, `ev-own-mine-${n}`, NOW - n)), ...[0, 1, 2].map((n) => auditEvent(theirs, `ev-own-theirs-${n}`, NOW - n))]);
    const { nextToken } = await queryEvents(db, theirs, input({ maxResults: 1 }), NOW);
    // The token holds only a position, (NOW, ev-own-theirs-0): in this account, what is older than it.
    const page = await queryEvents(db, mine, input({ nextToken }), NOW);
    expect(page.events.map((e) => e.eventId)).toEqual(['ev-own-mine-0', 'ev-own-mine-1', 'ev-own-mine-2']);
  });

  it('answers an insights lookup with no events', async () => {
    const { db } = store_();
    expect(await queryEvents(db, '500000000001', input({ insights: true }), NOW)).toEqual({ events: [], nextToken: undefined });
    expect(await queryEvents(db, '500000000001', input({ insights: true, startTime: 0 }), NOW)).toEqual({ events: [], nextToken: undefined });
  });

  it('reaches back 90 days without StartTime (its first instant included), and further with one', async () => {
    const { db } = store_();
    const account = '500000000006';
    const at = (id: string, time: number): AuditEventRecord => auditEvent(account, `ev-window-${id}`, time);
    await store(db, [at('today', NOW - 1), at('edge', NOW - DEFAULT_LOOKBACK_MS), at('older', NOW - DEFAULT_LOOKBACK_MS - 1), at('last-year', NOW - 365 * DAY)]);
    const found = async (lookup: EventLookup): Promise<string[]> => (await queryEvents(db, account, lookup, NOW)).events.map((e) => e.eventId.slice('ev-window-'.length));
    expect(DEFAULT_LOOKBACK_MS).toBe(90 * DAY);
    expect(await found(input())).toEqual(['today', 'edge']);
    expect(await found(input({ startTime: NOW - 400 * DAY }))).toEqual(['today', 'edge', 'older', 'last-year']);
    expect(await found(input({ startTime: NOW - 100 * DAY, endTime: NOW - 2 }))).toEqual(['edge', 'older']);
    // Without StartTime the 90 days end at EndTime.
    expect(await found(input({ endTime: NOW - 300 * DAY }))).toEqual(['last-year']);
  });
});
