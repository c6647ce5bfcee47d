/**
 * Reading the audit trail, as CloudTrail's LookupEvents reads its event history: one
 * account's events, newest first, filtered by one attribute and a time range (the last
 * 90 days when no start is given), a page at a time. The page token holds the position of
 * the page's last event and a fingerprint of the filters: a token used with other filters
 * is refused, as CloudTrail refuses it. It names no account, so it can only move the
 * caller through their own events.
 */
import { createHash } from 'node:crypto';
import { AwsError } from '../../errors.js';
import { auditEvents, type AuditAttribute, type AuditEventRecord, type Queryable } from '../../store/index.js';
import type { ServiceContext } from '../context.js';

export interface EventLookup {
  readonly lookupAttribute: { readonly key: AuditAttribute; readonly value: string } | undefined;
  /** Epoch milliseconds, inclusive. */
  readonly startTime: number | undefined;
  readonly endTime: number | undefined;
  /** Insights events only: rolegate records none. */
  readonly insights: boolean;
  readonly maxResults: number;
  readonly nextToken: string | undefined;
}

export interface EventPage {
  readonly events: readonly AuditEventRecord[];
  readonly nextToken: string | undefined;
}

/** How far back a lookup without StartTime reaches: CloudTrail's event history window. */
export const DEFAULT_LOOKBACK_MS = 90 * 24 * 60 * 60 * 1000;

/** CloudTrail's LookupEvents, for the caller's account. */
export async function lookupEvents(input: EventLookup, ctx: ServiceContext): Promise<EventPage> {
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'cloudtrail:LookupEvents', resource: '*' });
  return queryEvents(ctx.deps.db, ctx.caller.accountId, input, ctx.deps.clock.now());
}

/** One page of an account's events; also what `rolegate audit` prints. */
export async function queryEvents(q: Queryable, accountId: string, input: EventLookup, now: number): Promise<EventPage> {
  const fingerprint = fingerprintOf(input);
  const before = input.nextToken === undefined ? undefined : openToken(input.nextToken, fingerprint);
  if (input.insights) return { events: [], nextToken: undefined };
  const to = input.endTime ?? now;
  const from = input.startTime ?? to - DEFAULT_LOOKBACK_MS;
  const lookup = input.lookupAttribute === undefined ? undefined : { attribute: input.lookupAttribute.key, value: input.lookupAttribute.value };
  // One more than the page, to know without a second query whether another page follows.
  const rows = await auditEvents.lookup(q, { accountId, from, to, lookup, before, limit: input.maxResults + 1 });
  const events = rows.slice(0, input.maxResults);
  const last = events[events.length - 1];
  return { events, nextToken: rows.length > input.maxResults && last !== undefined ? sealToken(last, fingerprint) : undefined };
}

function fingerprintOf(input: EventLookup): string {
  const filters = JSON.stringify([input.lookupAttribute?.key ?? null, input.lookupAttribute?.value ?? null, input.startTime ?? null, input.endTime ?? null, input.insights]);
  return createHash('sha256').update(filters).digest('base64url').slice(0, 16);
}

function sealToken(last: AuditEventRecord, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ t: last.eventTime, i: last.eventId, f: fingerprint })).toString('base64url');
}

function openToken(token: string, fingerprint: string): { time: number; eventId: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken();
  }
  const { t, i, f } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (typeof t !== 'number' || !Number.isSafeInteger(t) || typeof i !== 'string' || i.length > 64 || typeof f !== 'string') throw invalidToken();
  if (f !== fingerprint) throw new AwsError('InvalidNextTokenException', 'The NextToken was issued for a request with other parameters.');
  return { time: t, eventId: i };
}

const invalidToken = (): AwsError => new AwsError('InvalidNextTokenException', 'The NextToken is not valid.');
