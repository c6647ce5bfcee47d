/** `npm run soak [-- --seconds=600 --nodes=3 --concurrency=16 --sqlite]`: see soak.ts. */
import { createTestDatabase } from '../test/contract/backends.js';
import { formatReport, runSoak } from './soak.js';

const arg = (name: string, fallback: number): number => {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given === undefined ? fallback : Number(given.slice(name.length + 3));
};
const sqlite = process.argv.includes('--sqlite');
const database = sqlite ? undefined : await createTestDatabase('rolegate_soak');
if (!sqlite && database === undefined) throw new Error('no PostgreSQL answers at ROLEGATE_TEST_PG (or the local one); use --sqlite');
const nodes = sqlite ? 1 : arg('nodes', 3);
try {
  const report = await runSoak({ seconds: arg('seconds', 600), nodes, storeUrl: database?.url, concurrency: arg('concurrency', 16), warmupSeconds: arg('warmup', 10) });
  process.stdout.write(`${formatReport(report, nodes, sqlite ? 'SQLite' : 'PostgreSQL')}\n`);
  if (report.serverErrors > 0 || report.wrongDecisions > 0) process.exitCode = 1;
} finally {
  await database?.drop();
}
