/**
 * The embedded store: SQLite through better-sqlite3, in WAL mode with synchronous=FULL
 * (NORMAL can lose acknowledged commits on power loss). better-sqlite3 is synchronous and
 * this process has one connection, so a transaction that awaits must not let another
 * request's statements run inside it: every use of the connection goes through one
 * queue, which costs nothing when uncontended. Appends (the audit trail) commit on a
 * second connection in a worker thread instead (sqlite-appender.ts).
 */
import Database from 'better-sqlite3';
import { UniqueViolation, type Db, type Queryable, type SqlValue, type Statement } from './db.js';
import { SqliteAppender } from './sqlite-appender.js';

/** The connection with its prepared-statement cache; synchronous, used only inside the queue. */
class Connection {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement<unknown[], unknown>>();

  constructor(file: string) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma('busy_timeout = 5000');
  }

  all<T>(sql: string, params: readonly SqlValue[]): T[] {
    return this.#prepare(sql).all(...params) as T[];
  }

  get<T>(sql: string, params: readonly SqlValue[]): T | undefined {
    return this.#prepare(sql).get(...params) as T | undefined;
  }

  run(sql: string, params: readonly SqlValue[]): { changes: number } {
    try {
      return { changes: this.#prepare(sql).run(...params).changes };
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new UniqueViolation((e as Error).message);
      throw e;
    }
  }

  exec(sql: string): void {
    this.#db.exec(sql);
  }

  close(): void {
    this.#db.close();
  }

  #prepare(sql: string): Database.Statement<unknown[], unknown> {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}

function view(connection: Connection): Queryable {
  return {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => connection.all<T>(sql, params),
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => connection.get<T>(sql, params),
    run: async (sql: string, params: readonly SqlValue[] = []) => connection.run(sql, params),
  };
}

export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  readonly #connection: Connection;
  readonly #view: Queryable;
  readonly #appender: SqliteAppender;
  #queue: Promise<unknown> = Promise.resolve();
  #commits = 0;

  get commits(): number {
    return this.#commits;
  }

  constructor(file: string) {
    this.#connection = new Connection(file);
    this.#view = view(this.#connection);
    this.#appender = new SqliteAppender(file);
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.#exclusive(() => this.#view.all<T>(sql, params));
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.#exclusive(() => this.#view.get<T>(sql, params));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return this.#exclusive(() => this.#view.run(sql, params));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#exclusive(async () => {
      this.#connection.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.#view);
        this.#connection.exec('COMMIT');
        this.#commits++;
        return result;
      } catch (e) {
        this.#connection.exec('ROLLBACK');
        throw e;
      }
    });
  }

  /** On a connection of its own in a worker thread, so its disk flush does not hold the event loop (sqlite-appender.ts). */
  append(statements: readonly Statement[]): Promise<number[]> {
    return this.#appender.append(statements);
  }

  async close(): Promise<void> {
    await this.#appender.close();
    await this.#exclusive(async () => this.#connection.close());
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work, work);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
