/**
 * docs/aws-parity.md as data: its tables say, for every recorded scenario, whether rolegate
 * passes it or why it cannot run. The parity suites read the file rather than keep a second
 * list, so the page cannot drift from what runs — and flipping a row's status to `pass`
 * is all it takes to run a scenario once the operation it needs is served.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PARITY_DOC = path.resolve(import.meta.dirname, '../../docs/aws-parity.md');

/** Statuses a row may have; the first two run. */
export const STATUSES = ['pass', 'known difference', 'not served yet', 'not served', 'needs another AWS service'] as const;
export type Status = (typeof STATUSES)[number];
export const RUNS: ReadonlySet<Status> = new Set<Status>(['pass', 'known difference']);

export interface DocRow {
  /** A snapshot key without its file part (`TestRoles::test_role_with_tags`), or a glob with `*`. */
  readonly scenario: string;
  /** For a glob, how many scenarios it stands for. */
  readonly count: number | undefined;
  readonly status: Status;
  readonly detail: string;
}

const ROW = /^\|\s*`([^`]+)`(?:\s*\((\d+)\))?\s*\|\s*([^|]+?)\s*\|\s*(.*?)\s*\|\s*$/;

/**
 * The rows of the section whose heading names `testFile` (e.g. `test_iam.py`). A table
 * line that does not read as a row is an error, not skipped, so a typo cannot hide one.
 */
export function readDocRows(testFile: string, text = readFileSync(PARITY_DOC, 'utf8')): DocRow[] {
  const rows: DocRow[] = [];
  let inSection = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) inSection = line.includes(`\`${testFile}\``);
    if (!inSection || !line.startsWith('| `')) continue;
    const m = ROW.exec(line);
    const status = m?.[3] as Status | undefined;
    if (m === null || status === undefined || !STATUSES.includes(status)) throw new Error(`docs/aws-parity.md: cannot read the row ${JSON.stringify(line)}`);
    rows.push({ scenario: m[1]!, count: m[2] === undefined ? undefined : Number(m[2]), status, detail: m[4]! });
  }
  return rows;
}

/**
 * How a scenario's differences stand against what its `known difference` row documents:
 * the row names each difference by its step and path in code spans (`` `step: Path.To` ``),
 * and every difference found must start with one of them, every one of them match a
 * difference. Returns the mismatches (empty when the doc describes the run exactly).
 */
export function undocumentedDifferences(found: readonly string[], row: DocRow): string[] {
  const documented = [...row.detail.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  if (documented.length === 0) return [`row ${row.scenario}: a known difference must name its differences as \`step: path\``];
  const problems = found.filter((d) => !documented.some((prefix) => d.startsWith(`${prefix}:`))).map((d) => `not documented: ${d}`);
  for (const prefix of documented) if (!found.some((d) => d.startsWith(`${prefix}:`))) problems.push(`documented but gone (flip the row to pass?): ${prefix}`);
  return problems;
}

/** The short name the doc uses for a snapshot key: what follows the test file. */
export function shortKey(key: string): string {
  return key.slice(key.indexOf('::') + 2);
}

function matches(row: DocRow, short: string): boolean {
  if (!row.scenario.includes('*')) return row.scenario === short;
  const source = row.scenario.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(short);
}

/** The row that covers a snapshot key, or undefined. */
export function rowFor(rows: readonly DocRow[], key: string): DocRow | undefined {
  return rows.find((row) => matches(row, shortKey(key)));
}

/**
 * What is wrong with the doc's coverage of a snapshot: a key no row or two rows cover, a
 * row that covers nothing or not its stated count, a runnable row without steps written,
 * steps written for a scenario the doc does not list.
 */
export function coverageProblems(keys: readonly string[], rows: readonly DocRow[], written: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const key of keys) {
    const covering = rows.filter((row) => matches(row, shortKey(key)));
    if (covering.length !== 1) problems.push(`${shortKey(key)}: covered by ${covering.length} rows of docs/aws-parity.md`);
  }
  for (const row of rows) {
    const covered = keys.filter((key) => matches(row, shortKey(key))).length;
    const expected = row.count ?? 1;
    if (covered !== expected) problems.push(`row ${row.scenario}: stands for ${expected} scenarios but covers ${covered}`);
    if (row.scenario.includes('*') && RUNS.has(row.status)) problems.push(`row ${row.scenario}: a glob row cannot be ${row.status}; list its scenarios one by one`);
    if (!row.scenario.includes('*') && RUNS.has(row.status) && !written.has(row.scenario)) problems.push(`row ${row.scenario}: ${row.status}, but its steps are not written`);
  }
  for (const scenario of written) {
    const row = rows.find((r) => r.scenario === scenario);
    if (row === undefined) problems.push(`${scenario}: steps written, but docs/aws-parity.md does not list it`);
    else if (!RUNS.has(row.status) && row.status !== 'not served yet') problems.push(`${scenario}: steps written, but the doc says ${row.status}`);
  }
  return problems;
}
