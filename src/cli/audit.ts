/**
 * `rolegate audit`: the audit trail of one account, read straight from the store, the
 * same page by page as CloudTrail's LookupEvents answers it — as a table for people, or
 * as LookupEvents' own JSON (`--json`). Like `account create`, it is an operator's
 * command: it needs the store, not credentials.
 */
import { Command, InvalidArgumentError } from 'commander';
import { isoSeconds } from '../auth/request-context.js';
import { AwsError } from '../errors.js';
import { LOOKUP_ATTRIBUTE_KEYS, writeLookupEventsOutput, type LookupAttributeKey } from '../protocol/index.js';
import { DEFAULT_ACCOUNT_ID } from '../services/accounts.js';
import { queryEvents, type EventLookup } from '../services/audit/lookup.js';
import type { AuditEventRecord } from '../store/index.js';
import { openDeps } from './environment.js';

interface AuditFlags {
  data: string;
  store?: string;
  account: string;
  lookup?: { key: LookupAttributeKey; value: string };
  start?: number;
  end?: number;
  max: number;
  json?: boolean;
}

const PAGE = 50;

const lookupAttribute = (text: string): { key: LookupAttributeKey; value: string } => {
  const eq = text.indexOf('=');
  const key = text.slice(0, eq);
  if (eq < 1 || !(LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key)) throw new InvalidArgumentError(`KEY=VALUE with KEY one of ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}`);
  return { key: key as LookupAttributeKey, value: text.slice(eq + 1) };
};

const time = (text: string): number => {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('an ISO 8601 time, e.g. 2026-12-03T08:00:00Z');
  return ms;
};

const count = (text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number above 0');
  return n;
};

export function addAuditCommand(root: Command, env: NodeJS.ProcessEnv, storeFlags: (c: Command) => Command): void {
  storeFlags(root.command('audit').description("print an account's audit events, newest first, as LookupEvents finds them"))
    .option('--account <id>', 'the account whose events to print', DEFAULT_ACCOUNT_ID)
    .option('--lookup <KEY=VALUE>', `one lookup attribute: ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}`, lookupAttribute)
    .option('--start <time>', 'events at or after this time (default: 90 days ago)', time)
    .option('--end <time>', 'events at or before this time (default: now)', time)
    .option('--max <n>', 'print at most this many events', count, PAGE)
    .option('--json', "print LookupEvents' JSON answer instead of a table")
    .action(async (flags: AuditFlags) => {
      const deps = await openDeps(flags, env);
      try {
        const events = await collect(flags, deps.db, deps.clock.now());
        process.stdout.write(flags.json === true ? `${JSON.stringify(JSON.parse(writeLookupEventsOutput({ events, nextToken: undefined })), null, 2)}\n` : table(events));
      } catch (error) {
        throw error instanceof AwsError ? new Error(`${error.code}: ${error.message}`) : error;
      } finally {
        await deps.db.close();
      }
    });
}

/** Pages through LookupEvents' query until `--max` events or the end. */
async function collect(flags: AuditFlags, db: Parameters<typeof queryEvents>[0], now: number): Promise<AuditEventRecord[]> {
  const events: AuditEventRecord[] = [];
  let nextToken: string | undefined;
  do {
    const lookup: EventLookup = { lookupAttribute: flags.lookup, startTime: flags.start, endTime: flags.end, insights: false, maxResults: Math.min(PAGE, flags.max - events.length), nextToken };
    const page = await queryEvents(db, flags.account, lookup, now);
    events.push(...page.events);
    nextToken = page.nextToken;
  } while (nextToken !== undefined && events.length < flags.max);
  return events;
}

const COLUMNS = ['time', 'event', 'user', 'source ip', 'error', 'event id'] as const;

function table(events: readonly AuditEventRecord[]): string {
  const rows = events.map((e) => {
    const record = JSON.parse(e.record) as { sourceIPAddress?: string; errorCode?: string };
    return [isoSeconds(e.eventTime), e.eventName, e.username ?? '-', record.sourceIPAddress ?? '-', record.errorCode ?? '-', e.eventId];
  });
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]): string => `${cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd()}\n`;
  return line(COLUMNS) + rows.map(line).join('') + (rows.length === 0 ? '(no events)\n' : '');
}
