/**
 * The validation corpus: every file under test/fixtures/policy/validation holds groups
 * of policy documents, each checked against one or more grammars, with IAM's
 * MalformedPolicyDocument message (or null for a valid document). Texts AWS has been
 * seen to return are cited per case (`seen`); the rest follow the choices documented in
 * src/policy/messages.ts. A document may be raw text, so invalid JSON and duplicate keys
 * can be written down exactly.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../src/errors.js';
import { parsePolicy, type PolicyGrammar } from '../../src/policy/index.js';
import { fields, FixtureError, fixtureFiles, isObject, list, optStr, policyText, str, type Json } from './support.js';

const FOLDER = fileURLToPath(new URL('../fixtures/policy/validation/', import.meta.url));
const GRAMMARS: readonly PolicyGrammar[] = ['identity', 'resource', 'trust', 'scp', 'rcp'];

/** null: valid; a string: that exact message; `{rejectedBecause}`: malformed, text not pinned. */
type Expected = null | string | { readonly rejectedBecause: string };

interface Case {
  readonly name: string;
  readonly grammars: readonly PolicyGrammar[];
  readonly text: string;
  readonly expect: Expected;
  readonly skip: string | undefined;
}

const SOURCE = /^https:\/\/(docs\.aws\.amazon\.com|github\.com)\/\S+$/;

function grammarOf(value: Json, where: string): PolicyGrammar {
  const g = GRAMMARS.find((x) => x === value);
  if (g === undefined) throw new FixtureError(`${where}: a grammar is one of ${GRAMMARS.join(', ')}`);
  return g;
}

function readExpected(value: Json | undefined, where: string): Expected {
  if (value === null || typeof value === 'string') return value;
  if (isObject(value)) return { rejectedBecause: str(fields(value, where, ['rejectedBecause'])['rejectedBecause'], `${where}.rejectedBecause`) };
  throw new FixtureError(`${where}: null, a message, or {"rejectedBecause": "..."}`);
}

function readCase(value: Json | undefined, where: string): Case {
  const c = fields(value, where, ['name', 'grammar', 'document', 'expect'], ['seen', 'skip']);
  const seen = optStr(c['seen'], `${where}.seen`);
  if (seen !== undefined && !SOURCE.test(seen)) throw new FixtureError(`${where}.seen: a URL of a page where AWS returned the text`);
  const skip = optStr(c['skip'], `${where}.skip`);
  if (skip !== undefined && !/^ENGINE-BUG: .{10,}/.test(skip)) throw new FixtureError(`${where}.skip: a skip carries a reason starting "ENGINE-BUG: "`);
  const name = str(c['name'], `${where}.name`);
  if (!/^\S.*\.$/.test(name)) throw new FixtureError(`${where}.name: a case name is a sentence ending in a period: ${name}`);
  const g = c['grammar'];
  const grammars = typeof g === 'string' ? [grammarOf(g, `${where}.grammar`)] : list(g, `${where}.grammar`).map((x, i) => grammarOf(x, `${where}.grammar[${i}]`));
  if (!('expect' in c)) throw new FixtureError(`${where}: missing field "expect"`);
  return { name, grammars, text: policyText(c['document'], `${where}.document`), expect: readExpected(c['expect'], `${where}.expect`), skip };
}

export function readGroups(file: string, value: Json): { description: string; source: string; cases: Case[] }[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, i) => {
    const where = `${file}[${i}]`;
    const f = fields(item, where, ['description', 'source', 'cases']);
    const src = str(f['source'], `${where}.source`);
    if (!SOURCE.test(src)) throw new FixtureError(`${where}.source: expected an AWS documentation or GitHub URL`);
    const cases = list(f['cases'], `${where}.cases`).map((c, j) => readCase(c, `${where}.cases[${j}]`));
    if (cases.length === 0) throw new FixtureError(`${where}.cases: at least one case`);
    return { description: str(f['description'], `${where}.description`), source: src, cases };
  });
}

/** What parsing the text under a grammar gives: 'valid', or the error's code and message. */
function outcome(text: string, grammar: PolicyGrammar): { valid: true } | { code: string; status: number; message: string } {
  try {
    parsePolicy(text, grammar);
    return { valid: true };
  } catch (e) {
    if (e instanceof AwsError) return { code: e.code, status: e.status, message: e.message };
    throw e;
  }
}

const files = fixtureFiles(FOLDER);

describe('the validation fixture corpus', () => {
  it('rejects a case with an unknown field, naming the field.', () => {
    const bad = { description: 'd', source: 'https://github.com/a/b', cases: [{ name: 'A case.', grammar: 'identity', document: '{}', expect: null, expected: 1 }] };
    expect(() => readGroups('bad.json', bad)).toThrow(/unknown field "expected"/);
  });

  it('rejects a case with an unknown grammar.', () => {
    const bad = { description: 'd', source: 'https://github.com/a/b', cases: [{ name: 'A case.', grammar: 'kms', document: '{}', expect: null }] };
    expect(() => readGroups('bad.json', bad)).toThrow(/a grammar is one of/);
  });
});

for (const { file, value } of files) {
  for (const group of readGroups(file, value)) {
    describe(`${file}: ${group.description}`, () => {
      for (const c of group.cases) {
        for (const grammar of c.grammars) {
          const title = `${c.name} (${grammar})`;
          const test = c.skip === undefined ? it : it.skip;
          test(c.skip === undefined ? title : `${title} [${c.skip}]`, () => {
            const got = outcome(c.text, grammar);
            if (c.expect === null) {
              expect(got).toEqual({ valid: true });
            } else if (typeof c.expect === 'string') {
              expect(got).toEqual({ code: 'MalformedPolicyDocument', status: 400, message: c.expect });
            } else {
              expect(got).toMatchObject({ code: 'MalformedPolicyDocument', status: 400 });
            }
          });
        }
      }
    });
  }
}
