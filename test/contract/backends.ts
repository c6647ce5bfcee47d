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

/** Undefined when no PostgreSQL answers; the suite then says it is skipped. */
export async function postgresBackend(): Promise<Backend | undefined> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `rolegate_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name: 'PostgreSQL',
    open: () => openStore(url.toString(), Date.now()),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
