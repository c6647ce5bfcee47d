/**
 * The reading of docs/aws-parity.md: rows per test file, globs with their counts, and every
 * way the doc and the written scenarios can fall out of step with a snapshot.
 */
import { describe, expect, it } from 'vitest';
import { coverageProblems, type DocRow, readDocRows, undocumentedDifferences } from './parity-doc.js';

const DOC = `
## Other: \`test_other.py\`

| scenario | status | detail |
|---|---|---|
| \`TestOther::test_x\` | not served | X |

## IAM: \`test_iam.py\`

| scenario | status | detail |
|---|---|---|
| \`TestA::test_one\` | pass | |
| \`TestA::test_two\` | not served yet | CreateGroup |
| \`TestB::test_many[*]\` (2) | not served | CreateServiceLinkedRole |
`;

const key = (short: string): string => `tests/aws/services/iam/test_iam.py::${short}`;
const KEYS = [key('TestA::test_one'), key('TestA::test_two'), key('TestB::test_many[a]'), key('TestB::test_many[b]')];

describe('docs/aws-parity.md as data', () => {
  it('reads the rows of the section naming the test file, globs with their counts', () => {
    expect(readDocRows('test_iam.py', DOC)).toEqual([
      { scenario: 'TestA::test_one', count: undefined, status: 'pass', detail: '' },
      { scenario: 'TestA::test_two', count: undefined, status: 'not served yet', detail: 'CreateGroup' },
      { scenario: 'TestB::test_many[*]', count: 2, status: 'not served', detail: 'CreateServiceLinkedRole' },
    ]);
  });

  it('refuses a row whose status it does not know, rather than skipping it', () => {
    expect(() => readDocRows('test_iam.py', DOC.replace('| pass |', '| passes |'))).toThrow(/cannot read the row/);
  });

  it('finds the doc in step with the snapshot and the written scenarios', () => {
    expect(coverageProblems(KEYS, readDocRows('test_iam.py', DOC), new Set(['TestA::test_one', 'TestA::test_two']))).toEqual([]);
  });

  it('reports a scenario no row covers, a wrong count, steps not written and steps the doc lacks', () => {
    const rows = readDocRows('test_iam.py', DOC);
    expect(coverageProblems([...KEYS, key('TestB::test_many[c]'), key('TestC::test_new')], rows, new Set(['TestA::test_two', 'TestD::test_gone']))).toEqual([
      'TestC::test_new: covered by 0 rows of docs/aws-parity.md',
      'row TestA::test_one: pass, but its steps are not written',
      'row TestB::test_many[*]: stands for 2 scenarios but covers 3',
      'TestD::test_gone: steps written, but docs/aws-parity.md does not list it',
    ]);
  });

  it('holds a known difference to the steps and paths its row names, both ways', () => {
    const row: DocRow = { scenario: 'TestA::test_one', count: undefined, status: 'known difference', detail: 'AWS omits it: `get: Role.Description`' };
    expect(undocumentedDifferences(['get: Role.Description: unexpected "d"'], row)).toEqual([]);
    expect(undocumentedDifferences(['get: Role.Description: unexpected "d"', 'get: Role.Path: missing'], row)).toEqual(['not documented: get: Role.Path: missing']);
    expect(undocumentedDifferences([], row)).toEqual(['documented but gone (flip the row to pass?): get: Role.Description']);
    expect(undocumentedDifferences([], { ...row, detail: 'no spans' })).toHaveLength(1);
  });
});
