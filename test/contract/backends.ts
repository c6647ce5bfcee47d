/**
 * The store back ends the contract suite runs on: SQLite always, and PostgreSQL at
 * ROLEGATE_TEST_PG (default: the local server with trust auth), in a database created
 * for this run and dropped after it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Db } from '../../src/store/index.js';

export interface Backend {
  readonly name: string;
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

export const PG_ADMIN_URL = process.env['ROLEGATE_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'rolegate-store-'));
  return {
    name: 'SQLite',
    open: () => openStore(dir, Date.now()),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh database on the test PostgreSQL, and how to drop it; undefined when none answers. */
export async function createTestDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Undefined when no PostgreSQL answers; the suite then says it is skipped. */
export async function postgresBackend(): Promise<Backend | undefined> {
  const database = await createTestDatabase('rolegate_test');
  if (database === undefined) return undefined;
  return {
    name: 'PostgreSQL',
    open: () => openStore(database.url, Date.now()),
    cleanup: database.drop,
  };
}
