/**
 * The audit trail's rows: written in batches (one statement per table, whatever the
 * batch's size), read newest first through a (time, id) cursor, and pruned by age in
 * bounded slices so a large prune never holds the database for long.
 */
import type { Queryable, SqlValue } from './db.js';
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

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const ROWS_PER_STATEMENT = 200;

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
  async insert(q: Queryable, events: readonly AuditEventRecord[]): Promise<void> {
    for (let start = 0; start < events.length; start += ROWS_PER_STATEMENT) {
      const slice = events.slice(start, start + ROWS_PER_STATEMENT);
      const values: SqlValue[] = [];
      for (const e of slice) {
        values.push(e.eventId, e.accountId, e.eventTime, e.eventName, e.eventSource, e.readOnly ? 1 : 0, nullable(e.username), nullable(e.accessKeyId), JSON.stringify(e.resources), e.record);
      }
      await q.run(
        `INSERT INTO audit_events (event_id, account_id, event_time, event_name, event_source, read_only, username, access_key_id, resources, record) VALUES ${placeholders(slice.length, 10)}`,
        values,
      );
      const named: SqlValue[] = [];
      let rows = 0;
      for (const e of slice) {
        for (const r of distinct(e.resources)) {
          named.push(e.eventId, e.accountId, r.type, r.name);
          rows++;
        }
      }
      if (rows > 0) await q.run(`INSERT INTO audit_event_resources (event_id, account_id, resource_type, resource_name) VALUES ${placeholders(rows, 4)}`, named);
    }
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

  /** Deletes up to `limit` events older than `cutoff`; returns how many went. */
  async deleteOlderThan(q: Queryable, cutoff: number, limit: number): Promise<number> {
    const { changes } = await q.run('DELETE FROM audit_events WHERE event_id IN (SELECT event_id FROM audit_events WHERE event_time < ? LIMIT ?)', [cutoff, limit]);
    return changes;
  },
};

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
