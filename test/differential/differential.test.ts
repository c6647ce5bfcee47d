/**
 * Differential test: rolegate's policy engine against iam-simulate on seeded random
 * (policy set, request) cases. Every disagreement must be explained by a documented
 * classifier in explained.ts; any other is a failure, printed shrunk to a reproduction.
 *
 *   ROLEGATE_DIFF_CASES (default 10000) and ROLEGATE_DIFF_SEED (default 20260101)
 *   choose the run; `npm run test:differential:large` runs 200,000 cases.
 */
import { describe, expect, it } from 'vitest';
import { classify, CLASSIFIERS, type Disagreement } from './explained.js';
import { OracleError, runOracle, runRolegate } from './engines.js';
import { generateCase, type DiffCase } from './generate.js';
import { reproduction, shrink } from './shrink.js';

const CASES = Number(process.env['ROLEGATE_DIFF_CASES'] ?? 10000);
const SEED = Number(process.env['ROLEGATE_DIFF_SEED'] ?? 20260101);
/** Failures shrunk and printed in full; the rest are only counted. */
const PRINTED_FAILURES = 5;

interface Compared {
  readonly disagreement: Disagreement | undefined;
  readonly effect: string;
}

async function compare(c: DiffCase): Promise<Compared> {
  const oracle = await runOracle(c);
  if (oracle.ignoredContextKeys.length > 0) {
    throw new OracleError(`iam-simulate ignored context keys ${oracle.ignoredContextKeys.join(', ')}: the generator must only draw keys it knows`);
  }
  const rolegate = runRolegate(c);
  return { effect: rolegate.effect, disagreement: rolegate.effect === oracle.effect ? undefined : { case: c, rolegate, oracle } };
}

/** Still an unexplained disagreement with the same pair of answers? */
async function stillFails(c: DiffCase, answers: string): Promise<boolean> {
  try {
    const { disagreement } = await compare(c);
    return disagreement !== undefined && `${disagreement.rolegate.effect}/${disagreement.oracle.effect}` === answers && classify(disagreement) === undefined;
  } catch {
    return false;
  }
}

describe('rolegate agrees with iam-simulate except where AWS documents otherwise', () => {
  it(`decides ${CASES} seeded cases (seed ${SEED}) as iam-simulate does, or as a documented classifier explains`, async () => {
    const mix = new Map<string, number>();
    const explained = new Map<string, number>(CLASSIFIERS.map((k) => [k.name, 0]));
    const failures: Disagreement[] = [];
    const errors: string[] = [];
    let agreements = 0;

    for (let i = 0; i < CASES; i++) {
      const c = generateCase(SEED, i);
      let result: Compared;
      try {
        result = await compare(c);
      } catch (e) {
        if (!(e instanceof OracleError) || errors.length >= 5) throw e;
        errors.push(`case ${c.id}: ${e.message}\n${reproduction(c)}`);
        continue;
      }
      mix.set(result.effect, (mix.get(result.effect) ?? 0) + 1);
      const d = result.disagreement;
      if (d === undefined) {
        agreements++;
        continue;
      }
      const name = classify(d);
      if (name === undefined) failures.push(d);
      else explained.set(name, (explained.get(name) ?? 0) + 1);
    }

    const report = [
      `differential: ${CASES} cases, seed ${SEED}`,
      `  agreements: ${agreements}`,
      `  rolegate decisions: ${[...mix].map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `  explained disagreements:`,
      ...[...explained].map(([k, v]) => `    ${k}: ${v}`),
      `  unexplained disagreements: ${failures.length}`,
      `  oracle errors: ${errors.length}`,
    ];
    console.log(report.join('\n'));

    for (const d of failures.slice(0, PRINTED_FAILURES)) {
      const answers = `${d.rolegate.effect}/${d.oracle.effect}`;
      const small = await shrink(d.case, (c) => stillFails(c, answers));
      console.log(
        `UNEXPLAINED case ${d.case.id}: rolegate ${d.rolegate.effect} (deniedBy ${String(d.rolegate.deniedBy)}), ` +
          `iam-simulate ${d.oracle.effect}. Shrunk reproduction:\n${reproduction(small)}`,
      );
    }
    for (const e of errors) console.log(`ORACLE ERROR ${e}`);

    expect(errors).toEqual([]);
    expect(failures.map((d) => d.case.id)).toEqual([]);
  }, 60_000 + CASES * 5);
});
