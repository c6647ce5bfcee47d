/**
 * The parity suite for one LocalStack snapshot file: one `it` per recorded scenario whose
 * row in docs/aws-parity.md says it runs, named by its snapshot key, plus a check that the
 * doc accounts for every key. The snapshot is read in place from ../shared/aws-reference
 * (reference data kept outside the project, never copied in); without it the suite says
 * why it skips.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageProblems, readDocRows, rowFor, RUNS, shortKey, undocumentedDifferences } from './parity-doc.js';
import { Scenario } from './scenario.js';

const REFERENCE = path.resolve(import.meta.dirname, '../../../shared/aws-reference');
const NO_REFERENCE = 'skipped: the LocalStack snapshots are not at ../shared/aws-reference (reference data kept outside the project)';

/** The steps of one LocalStack test, written for the v3 SDK. */
export type Steps = (scenario: Scenario) => Promise<void>;

interface Snapshot {
  readonly [key: string]: { readonly 'recorded-content': Readonly<Record<string, unknown>> };
}

/**
 * @param snapshotFile e.g. `snapshots/iam/test_iam.snapshot.json`
 * @param testFile the LocalStack test file the doc's section names, e.g. `test_iam.py`
 * @param steps the scenarios written, by short key (`TestRoles::test_role_with_tags`)
 */
export function paritySuite(snapshotFile: string, testFile: string, steps: Readonly<Record<string, Steps>>): void {
  const file = path.join(REFERENCE, snapshotFile);
  const present = existsSync(file);
  describe.skipIf(!present)(`AWS's recorded answers in ${snapshotFile} (${present ? 'read in place' : NO_REFERENCE})`, () => {
    if (!present) return void it('reads the snapshot', () => undefined);
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    const keys = Object.keys(snapshot);
    const rows = readDocRows(testFile);

    it('has every recorded scenario either run here or listed with its reason in docs/aws-parity.md', () => {
      expect(coverageProblems(keys, rows, new Set(Object.keys(steps)))).toEqual([]);
    });

    for (const key of keys) {
      const row = rowFor(rows, key);
      const written = steps[shortKey(key)];
      if (row === undefined || written === undefined) continue;
      if (!RUNS.has(row.status)) {
        it.skip(`${key} (${row.status}: ${row.detail})`, () => undefined);
        continue;
      }
      it(key, async () => {
        const scenario = await Scenario.start(snapshot[key]!['recorded-content']);
        try {
          await written(scenario);
        } finally {
          await scenario.close();
        }
        const differences = scenario.finish();
        if (row.status === 'known difference') expect(undocumentedDifferences(differences, row)).toEqual([]);
        else expect(differences).toEqual([]);
      });
    }
    // The rest, one line per doc row, so a run shows what it leaves out and why.
    for (const row of rows) {
      if (RUNS.has(row.status) || steps[row.scenario] !== undefined) continue;
      it.skip(`${row.scenario}${row.count === undefined ? '' : ` (${row.count})`} (${row.status}: ${row.detail})`, () => undefined);
    }
  });
}
