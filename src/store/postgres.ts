/**
 * The shared store for several nodes: PostgreSQL through a pg pool. BIGINT columns come
 * back as numbers (all of ours are epoch milliseconds and counters, far below 2^53).
 */
import pg from 'pg';
import { StoreUnavailable, UniqueViolation, type Db, type Queryable, type SqlValue, type Statement } from './db.js';

const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

const numbered = new Map<string, string>();
/** `?` placeholders to `$1, $2, …` (our SQL has no `?` inside literals). */
function numberPlaceholders(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, out);
  }
  return out;
}

/** What node-postgres says, without a code, when a connection is lost or cannot be made. */
const LOST_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Client was closed|connection error/i;

function translate(e: unknown): unknown {
  const code = (e as { code?: unknown }).code;
  if (code === '23505') return new UniqueViolation((e as Error).message);
  // Connection-level failures (refused, reset, admin shutdown, too many clients...).
  if (typeof code === 'string' && (/^(08|57P|53)/.test(code) || /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH)$/.test(code))) {
    return new StoreUnavailable((e as Error).message);
  }
  if (code === undefined && e instanceof Error && LOST_CONNECTION.test(e.message)) return new StoreUnavailable(e.message);
  return e;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  const query = async <T>(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult & { rows: T[] }> => {
    try {
      return (await client.query(numberPlaceholders(sql), params as SqlValue[])) as pg.QueryResult & { rows: T[] };
    } catch (e) {
      throw translate(e);
    }
  };
  return {
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await query<T>(sql, params)).rows,
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => (await query<T>(sql, params)).rows[0],
    run: async (sql: string, params: readonly SqlValue[] = []) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
  };
}

export class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #root: Queryable;
  #commits = 0;

  get commits(): number {
    return this.#commits;
  }

  constructor(url: string, poolSize = 10) {
    // Bounded waits: a database that stops answering fails requests with ServiceUnavailable
    // within seconds rather than holding them until the HTTP timeout.
    this.#pool = new pg.Pool({ connectionString: url, max: poolSize, types, connectionTimeoutMillis: 5_000, query_timeout: 10_000 });
    // An idle client losing its connection must not crash the process; the next query reports it.
    this.#pool.on('error', () => undefined);
    this.#root = queryable(this.#pool);
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.#root.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.#root.get<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return this.#root.run(sql, params);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#transaction(work, 1);
  }

  append(statements: readonly Statement[]): Promise<number[]> {
    return this.#transaction(async (tx) => {
      const changes: number[] = [];
      for (const s of statements) changes.push((await tx.run(s.sql, s.params)).changes);
      return changes;
    }, 0);
  }

  async #transaction<T>(work: (tx: Queryable) => Promise<T>, counted: 0 | 1): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (e) {
      throw translate(e);
    }
    const tx = queryable(client);
    try {
      await tx.run('BEGIN');
      const result = await work(tx);
      await tx.run('COMMIT');
      this.#commits += counted;
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
