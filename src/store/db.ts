/**
 * The SQL seam: the little that differs between SQLite and PostgreSQL sits behind this
 * interface, so every repository is written once and one contract suite runs on both.
 * SQL is written with `?` placeholders; the PostgreSQL side numbers them.
 */

export type SqlValue = string | number | null;

export interface Queryable {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ readonly changes: number }>;
}

export interface Db extends Queryable {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * How many transactions this process has committed. Caches compare it to know,
   * without a query, that a write made here may have changed what they hold.
   */
  readonly commits: number;
  /** Runs `work` in one transaction: all of it commits, or none of it does. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * A transaction that only appends to what no cache holds (the audit trail): it leaves
   * `commits` alone, so caches do not read the store again because an event was written.
   */
  append<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A write that would break a UNIQUE or PRIMARY KEY constraint. */
export class UniqueViolation extends Error {
  override readonly name = 'UniqueViolation';
}

/** The database cannot be reached or failed in a way that is not the request's fault. */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';
}
