/**
 * vitest globalSetup of the audit secret scan. Before any worker starts it makes a fresh
 * run directory (0700, under the OS temp directory, named with the pid and the time) and
 * names it in ROLEGATE_TEST_AUDIT_DIR, which the workers inherit: every server the tests
 * start writes its audit file there and its collected secrets beside it (collector.ts).
 * After the last test the teardown scans every event for every secret (secret-scan.ts).
 *
 * vitest 4 reports an exception thrown by a globalSetup teardown as "error during close"
 * and still exits 0, so a failing scan sets process.exitCode instead, which vitest keeps
 * (checked: `vitest run` then exits 1).
 *
 * The floor (events and secrets the scan must have seen, or it proves little) is enforced
 * only when the run is the full suite: every test file of the project ran and no test
 * name filter (-t) was given. A developer running one file gets the scan without the floor.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { AUDIT_DIR_ENV } from './collector.js';
import { problemsOf, scanRunDir, summaryLine, type Floor } from './secret-scan.js';

const FULL_RUN_FLOOR: Floor = { events: 500, secrets: 50 };

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), `rolegate-audit-run-${process.pid}-${Date.now()}-`));
  process.env[AUDIT_DIR_ENV] = dir;
  const allFiles = (await project.globTestFiles()).testFiles.length;
  return () => {
    const ran = project.vitest.state.getFiles().length;
    const full = ran >= allFiles && project.config.testNamePattern === undefined;
    let problems: string[];
    try {
      const result = scanRunDir(dir);
      console.log(summaryLine(result) + (full ? '' : ` (a partial run, ${ran} of ${allFiles} files: no floor)`));
      problems = problemsOf(result, full ? FULL_RUN_FLOOR : undefined);
    } catch (error) {
      problems = [`the scan itself failed: ${(error as Error).message}`];
    }
    if (problems.length === 0) {
      rmSync(dir, { recursive: true, force: true });
      return;
    }
    for (const p of problems) console.error(`audit secret scan: ${p}`);
    console.error(`audit secret scan FAILED; the run directory is kept (0600 files, it holds the secrets): ${dir}`);
    process.exitCode = 1;
  };
}
