/**
 * The SQL seam: the little that differs between SQLite and PostgreSQL sits behind this
 * interface, so every repository is written once and one contract suite runs on both.
 * SQL is written with `?` placeholders; the PostgreSQL side numbers them.
 */

export type SqlValue = string | number | null;

/** A statement and its parameters, to be run later (see Db.append). */
export interface Statement {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

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
   * Runs `statements` in order in one transaction and answers how many rows each changed;
   * all commit or none. For what only appends to data no cache holds (the audit trail):
   * it leaves `commits` alone, so caches do not read the store again because an event was
   * written. Statements rather than a function of a transaction, because on SQLite they
   * run on another thread, sent there in one message (sqlite-appender.ts).
   */
  append(statements: readonly Statement[]): Promise<number[]>;
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
