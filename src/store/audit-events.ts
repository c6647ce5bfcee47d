/**
 * The audit trail's rows: written in batches, read newest first through a (time, id)
 * cursor, and pruned by age in bounded slices so a large prune never holds the database
 * for long.
 */
import type { Queryable, SqlValue, Statement } from './db.js';
import type { AuditEventRecord, AuditResource } from './records.js';
import { nullable, optional } from './rows.js';

/** What LookupEvents can filter on, one attribute at a time (as CloudTrail allows). */
export type AuditAttribute = 'EventId' | 'EventName' | 'ReadOnly' | 'Username' | 'ResourceType' | 'ResourceName' | 'EventSource' | 'AccessKeyId';

export interface AuditQuery {
  readonly accountId: string;
  /** Inclusive bounds, epoch milliseconds. */
  readonly from: number;
  readonly to: number;
  readonly lookup?: { readonly attribute: AuditAttribute; readonly value: string } | undefined;
  /** Only events strictly older than this position (the last one of the previous page). */
  readonly before?: { readonly time: number; readonly eventId: string } | undefined;
  readonly limit: number;
}

interface Row {
  event_id: string;
  account_id: string;
  event_time: number;
  event_name: string;
  event_source: string;
  read_only: number;
  username: string | null;
  access_key_id: string | null;
  resources: string;
  record: string;
}

/**
 * The most rows one INSERT carries: well under SQLite's and PostgreSQL's limits on bound
 * parameters. A power of two, as every statement's row count is (see `insertRows`).
 */
const MAX_ROWS_PER_STATEMENT = 128;

const LOOKUP_SQL: Readonly<Record<AuditAttribute, string>> = {
  EventId: 'e.event_id = ?',
  EventName: 'e.event_name = ?',
  ReadOnly: 'e.read_only = ?',
  Username: 'e.username = ?',
  EventSource: 'e.event_source = ?',
  AccessKeyId: 'e.access_key_id = ?',
  ResourceName: 'EXISTS (SELECT 1 FROM audit_event_resources r WHERE r.event_id = e.event_id AND r.account_id = e.account_id AND r.resource_name = ?)',
  ResourceType: 'EXISTS (SELECT 1 FROM audit_event_resources r WHERE r.event_id = e.event_id AND r.account_id = e.account_id AND r.resource_type = ?)',
};

export const auditEvents = {
  /** The statements that write `events` (for Db.append): events first, then the resource rows that refer to them. */
  inserts(events: readonly AuditEventRecord[]): Statement[] {
    const rows: SqlValue[][] = [];
    const named: SqlValue[][] = [];
    for (const e of events) {
      rows.push([e.eventId, e.accountId, e.eventTime, e.eventName, e.eventSource, e.readOnly ? 1 : 0, nullable(e.username), nullable(e.accessKeyId), JSON.stringify(e.resources), e.record]);
      for (const r of distinct(e.resources)) named.push([e.eventId, e.accountId, r.type, r.name]);
    }
    return [
      ...insertRows('INSERT INTO audit_events (event_id, account_id, event_time, event_name, event_source, read_only, username, access_key_id, resources, record)', rows),
      ...insertRows('INSERT INTO audit_event_resources (event_id, account_id, resource_type, resource_name)', named),
    ];
  },

  /** One page, newest first. */
  async lookup(q: Queryable, query: AuditQuery): Promise<AuditEventRecord[]> {
    const where = ['e.account_id = ?', 'e.event_time >= ?', 'e.event_time <= ?'];
    const params: SqlValue[] = [query.accountId, query.from, query.to];
    if (query.lookup !== undefined) {
      where.push(LOOKUP_SQL[query.lookup.attribute]);
      params.push(query.lookup.attribute === 'ReadOnly' ? (query.lookup.value === 'true' ? 1 : 0) : query.lookup.value);
    }
    if (query.before !== undefined) {
      where.push('(e.event_time < ? OR (e.event_time = ? AND e.event_id < ?))');
      params.push(query.before.time, query.before.time, query.before.eventId);
    }
    params.push(query.limit);
    const rows = await q.all<Row>(`SELECT e.* FROM audit_events e WHERE ${where.join(' AND ')} ORDER BY e.event_time DESC, e.event_id DESC LIMIT ?`, params);
    return rows.map(fromRow);
  },

  /** The statement that deletes up to `limit` events older than `cutoff` (its count of changes says how many went). */
  deleteOlderThan(cutoff: number, limit: number): Statement {
    return { sql: 'DELETE FROM audit_events WHERE event_id IN (SELECT event_id FROM audit_events WHERE event_time < ? LIMIT ?)', params: [cutoff, limit] };
  },
};

/**
 * `rows` in statements of 128, 64, …, 1 rows, largest first. The SQL text is what both
 * stores cache statements by (SQLite's prepared statements, PostgreSQL's numbered
 * placeholders), and group-committed batches come in every size: cut this way they make
 * eight distinct statements per table, rather than one per batch size.
 */
function insertRows(head: string, rows: readonly SqlValue[][]): Statement[] {
  const statements: Statement[] = [];
  for (let start = 0; start < rows.length;) {
    const size = Math.min(MAX_ROWS_PER_STATEMENT, 2 ** Math.floor(Math.log2(rows.length - start)));
    const chunk = rows.slice(start, start + size);
    statements.push({ sql: `${head} VALUES ${placeholders(size, chunk[0]?.length ?? 0)}`, params: chunk.flat() });
    start += size;
  }
  return statements;
}

function placeholders(rows: number, columns: number): string {
  const row = `(${new Array<string>(columns).fill('?').join(', ')})`;
  return new Array<string>(rows).fill(row).join(', ');
}

function distinct(resources: readonly AuditResource[]): AuditResource[] {
  const seen = new Set<string>();
  return resources.filter((r) => {
    const key = `${r.type}\n${r.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fromRow(row: Row): AuditEventRecord {
  return {
    eventId: row.event_id,
    accountId: row.account_id,
    eventTime: row.event_time,
    eventName: row.event_name,
    eventSource: row.event_source,
    readOnly: row.read_only === 1,
    username: optional(row.username),
    accessKeyId: optional(row.access_key_id),
    resources: JSON.parse(row.resources) as AuditResource[],
    record: row.record,
  };
}
