/**
 * The soak's CI form (soak/soak.ts; `npm run soak` runs it for ten minutes): three nodes on
 * one PostgreSQL (one on SQLite when no PostgreSQL answers) under a mixed load for 60
 * seconds after a warm-up. Zero 5xx or socket errors, zero wrong decisions, and resident
 * memory that does not keep growing. The figures are printed for the record.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport, runSoak } from '../soak/soak.js';
import { childServerEnv } from './audit/collector.js';
import { createTestDatabase } from './contract/backends.js';

const SECONDS = 60;
const database = await createTestDatabase('rolegate_soak');
const nodes = database === undefined ? 1 : 3;

describe('soak, 60 seconds', () => {
  afterAll(async () => database?.drop());

  it(`keeps every answer right and every node's memory flat, on ${nodes} node(s)`, async () => {
    // Each node writes an audit file for the run's secret scan, and collects what it issues.
    const report = await runSoak({ seconds: SECONDS, nodes, storeUrl: database?.url, concurrency: 16, warmupSeconds: 10, nodeEnv: (env) => childServerEnv('soak', env) });
    console.log(formatReport(report, nodes, database === undefined ? 'SQLite' : 'PostgreSQL'));
    expect(report.problems).toEqual([]);
    expect(report.serverErrors).toBe(0);
    expect(report.wrongDecisions).toBe(0);
    // Attempts without an answer are rare: 5 in a 20-minute run when nodes closed idle
    // connections after 5 s, none in two 20-minute runs since they keep them 65 s
    // (docs/reliability.md). A write is done twice only after one.
    const lost = Object.values(report.connectionFailures).reduce((a, b) => a + b, 0);
    expect(lost).toBeLessThanOrEqual(3);
    expect(report.retriedWrites).toBeLessThanOrEqual(lost);
    expect(report.requests).toBeGreaterThan(SECONDS * 10);
    // Flat: a minute of load may settle caches and the heap, not grow them without bound.
    for (const node of report.rss) expect(node.endMiB - node.startMiB).toBeLessThan(64);
  }, (SECONDS + 60) * 1000);
});
