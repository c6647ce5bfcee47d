import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AwsError } from '../../src/errors.js';
import { DEFAULT_FORM_LIMITS, readQueryParams } from '../../src/protocol/index.js';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof AwsError) return `${e.code} ${e.status}`;
    throw e;
  }
  return 'ok';
}

describe('readQueryParams', () => {
  it('decodes + as space and %XY as UTF-8 bytes', () => {
    const p = readQueryParams('Policy=%7B%22a%22%3A+1%7D&Name=caf%C3%A9', '');
    expect(p.get('Policy')).toBe('{"a": 1}');
    expect(p.get('Name')).toBe('café');
  });

  it('merges the body and the query string', () => {
    const p = readQueryParams('Action=AssumeRole', '?Version=2011-06-15');
    expect([...p]).toEqual([['Action', 'AssumeRole'], ['Version', '2011-06-15']]);
  });

  it('reads a name without = as an empty value and skips empty segments', () => {
    expect([...readQueryParams('ListArg&&a=1&', '')]).toEqual([['ListArg', ''], ['a', '1']]);
  });

  it.each([
    ['twice in the body', 'Action=A&Action=B', ''],
    ['in body and query string', 'RoleArn=x', 'RoleArn=y'],
    ['twice with the same value', 'a=1&a=1', ''],
    ['once encoded, once plain', 'Action=A&%41ction=A', ''],
  ])('refuses a parameter given %s', (_what, body, query) => {
    expect(codeOf(() => readQueryParams(body, query))).toBe('InvalidQueryParameter 400');
  });

  it.each([
    ['a trailing %', 'a=%'],
    ['one hex digit', 'a=%4'],
    ['non-hex digits', 'a=%ZZ'],
    ['an overlong UTF-8 encoding', 'a=%C0%AF'],
    ['a lone continuation byte', 'a=%80'],
    ['an encoded surrogate', 'a=%ED%A0%80'],
    ['a NUL byte', 'a=x%00y'],
  ])('answers MalformedQueryString (404, as AWS documents) for %s', (_what, body) => {
    expect(codeOf(() => readQueryParams(body, ''))).toBe('MalformedQueryString 404');
  });

  it('refuses raw bytes that are not UTF-8', () => {
    expect(codeOf(() => readQueryParams(new Uint8Array([0x61, 0x3d, 0xff]), ''))).toBe('MalformedQueryString 404');
  });

  it('accepts a 131072-character policy document, even of astral characters', () => {
    const policy = '😀'.repeat(131072);
    const p = readQueryParams(`PolicyDocument=${encodeURIComponent(policy)}`, '');
    expect(p.get('PolicyDocument')).toBe(policy);
  });

  it('bounds names, values and the parameter count', () => {
    const long = 'a'.repeat(DEFAULT_FORM_LIMITS.maxNameLength + 1);
    expect(codeOf(() => readQueryParams(`${long}=1`, ''))).toBe('InvalidQueryParameter 400');
    expect(codeOf(() => readQueryParams(`a=${'b'.repeat(DEFAULT_FORM_LIMITS.maxValueLength + 1)}`, ''))).toBe('InvalidQueryParameter 400');
    const many = Array.from({ length: DEFAULT_FORM_LIMITS.maxParameters + 1 }, (_, i) => `p${i}=1`).join('&');
    expect(codeOf(() => readQueryParams(many, ''))).toBe('InvalidQueryParameter 400');
    expect(codeOf(() => readQueryParams('=1', ''))).toBe('InvalidQueryParameter 400');
  });

  it('round-trips any well-formed name and value through encodeURIComponent', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
    fc.assert(
      fc.property(fc.dictionary(text.filter((s) => s.length > 0), text, { maxKeys: 10 }), (dict) => {
        const body = Object.entries(dict).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        expect(Object.fromEntries(readQueryParams(body, ''))).toEqual({ ...dict });
      }),
    );
  });

  it('throws nothing but AwsError for any bytes (security.md §4B)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 100 }), (body, query) => {
        try {
          readQueryParams(body, query);
        } catch (e) {
          expect(e).toBeInstanceOf(AwsError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('throws nothing but AwsError for strings made of form syntax', () => {
    const piece = fc.constantFrom('a', 'b', '=', '&', '%', '+', '%4', '%41', '%C3', '%A9', '%00', '.', '1', 'é', '\ud800');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        try {
          readQueryParams(pieces.join(''), '');
        } catch (e) {
          expect(e).toBeInstanceOf(AwsError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
