/**
 * IAM wildcard matching: `*` is any run of characters (also none), `?` exactly one,
 * nothing else is special (IAM User Guide, "Resource" and "Action" elements; IAM has no
 * regular expressions). The matcher places each piece at its leftmost position; this
 * suite checks it against a plain regular-expression reference on many random patterns
 * over a tiny alphabet, where wrong placements would show at once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, globPartsOf } from '../../src/policy/glob.js';

/** The reference: the pattern as an anchored regular expression. */
function reference(pattern: string, input: string): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '[\\s\\S]' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`).test(input);
}

const glob = (pattern: string, ignoreCase = false) => compileGlob(globPartsOf(pattern), ignoreCase);

describe('glob matching', () => {
  const table: readonly [pattern: string, input: string, matches: boolean][] = [
    ['*', '', true],
    ['*', 'anything at all', true],
    ['**', 'x', true],
    ['', '', true],
    ['', 'a', false],
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
    ['a*', 'a', true],
    ['*a', 'a', true],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['ab*ba', 'aba', false],
    ['ab*ba', 'abba', true],
    ['?', '', false],
    ['?', 'x', true],
    ['??', 'x', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*?', '', false],
    ['*?', 'z', true],
    ['*a*b*', 'xxbxxaxx', false],
    ['*a*b*', 'xxaxxbxx', true],
    ['*ab*ab*', 'abab', true],
    ['*ab*ab*', 'aab', false],
    ['*aab', 'aaab', true],
    ['a*b?c*d', 'aXXbYcZZd', true],
    ['a*b?c*d', 'abcd', false],
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['arn:aws:s3:::amzn-s3-demo-bucket/*/test/*', 'arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/object.jpg', true],
    ['a.c', 'abc', false],
    ['a+', 'aa', false],
    ['(x)', '(x)', true],
  ];
  it.each(table)('pattern %j against %j is %s.', (pattern, input, matches) => {
    expect(glob(pattern).matches(input)).toBe(matches);
    expect(reference(pattern, input)).toBe(matches);
  });

  it('treats every character other than * and ? literally, regular-expression characters included.', () => {
    expect(glob('[a-z]^$|\\d').matches('[a-z]^$|\\d')).toBe(true);
    expect(glob('[a-z]').matches('b')).toBe(false);
  });

  it('compares case-sensitively unless asked to ignore case, when the pattern is folded to lower case.', () => {
    expect(glob('S3:GetObject').matches('s3:getobject')).toBe(false);
    expect(glob('S3:Get*', true).matches('s3:getobject')).toBe(true);
    expect(glob('IAM:listaccesskeys', true).matches('iam:listaccesskeys')).toBe(true);
  });

  it('agrees with the reference matcher on random patterns over a small alphabet.', () => {
    const pattern = fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 10 });
    const input = fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 14 });
    fc.assert(
      fc.property(pattern, input, (p, s) => glob(p).matches(s) === reference(p, s)),
      { seed: 20261128, numRuns: 20_000 },
    );
  });

  it('agrees with the reference matcher when the input holds * and ? as plain characters.', () => {
    const unit = fc.constantFrom('a', '*', '?', ':', '/');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), fc.string({ unit, maxLength: 10 }), (p, s) => glob(p).matches(s) === reference(p, s)),
      { seed: 7, numRuns: 10_000 },
    );
  });

  it('always matches an input against the pattern made by replacing some of its characters with wildcards.', () => {
    const input = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 });
    fc.assert(
      fc.property(input, fc.array(fc.constantFrom('keep', 'one', 'star'), { maxLength: 12 }), (s, how) => {
        const pattern = [...s].map((c, i) => (how[i] === 'one' ? '?' : how[i] === 'star' ? '*' : c)).join('');
        return glob(pattern).matches(s);
      }),
      { seed: 3, numRuns: 5_000 },
    );
  });
});
