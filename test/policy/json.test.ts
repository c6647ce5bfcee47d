/**
 * The strict JSON reader: the JSON grammar of RFC 8259, plus the refusals a policy
 * reader needs (duplicate keys at any depth, excessive nesting) and no prototype games.
 * `JSON.parse` is the reference on documents without duplicate keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonObject, JsonNumber, JsonSyntaxError, parseJson, type JsonValue } from '../../src/policy/json.js';

/** The reader's value as JSON.parse would give it. */
function plain(value: JsonValue): unknown {
  if (value instanceof JsonNumber) return Number(value.text);
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map(plain);
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

describe('the JSON reader', () => {
  it('reads what JSON.parse reads, on random JSON documents.', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        expect(plain(parseJson(text).value)).toEqual(JSON.parse(text));
      }),
      { seed: 21, numRuns: 3_000 },
    );
  });

  it('reads random JSON documents laid out with indentation the same way.', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value, null, '\t');
        expect(plain(parseJson(text).value)).toEqual(JSON.parse(text));
      }),
      { seed: 22, numRuns: 2_000 },
    );
  });

  it('refuses whatever JSON.parse refuses, on random short texts.', () => {
    const text = fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', '-', '.', 'e', 't', 'n', ' ', '\\', 'u', 'a'), maxLength: 10 });
    fc.assert(
      fc.property(text, (t) => {
        let reference = true;
        try {
          JSON.parse(t);
        } catch {
          reference = false;
        }
        let ours = true;
        try {
          parseJson(t);
        } catch (e) {
          if (!(e instanceof JsonSyntaxError)) throw e;
          ours = false;
        }
        return ours === reference;
      }),
      { seed: 23, numRuns: 20_000 },
    );
  });

  it.each([
    ['{"a":1,"a":2}'],
    ['{"a":{"b":1,"b":1}}'],
    ['[{"x":[{"k":true,"k":false}]}]'],
    ['{"Statement":[{"Condition":{"StringLike":{},"StringLike":{}}}]}'],
  ])('refuses duplicate keys at any depth: %s', (text) => {
    expect(() => parseJson(text)).toThrow(JsonSyntaxError);
  });

  it('allows the same key in different objects.', () => {
    expect(plain(parseJson('[{"a":1},{"a":2}]').value)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('compares keys after reading escapes, so "a" and "\\u0061" are duplicates.', () => {
    expect(() => parseJson('{"a":1,"\\u0061":2}')).toThrow(JsonSyntaxError);
  });

  it('reads the escapes of RFC 8259 and refuses others.', () => {
    expect(parseJson('"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00"').value).toBe('" \\ / \b \f \n \r \t é 😀');
    expect(() => parseJson('"\\x41"')).toThrow(JsonSyntaxError);
    expect(() => parseJson('"\\u12"')).toThrow(JsonSyntaxError);
    expect(() => parseJson('"a\nb"')).toThrow(JsonSyntaxError);
    expect(() => parseJson('"unterminated')).toThrow(JsonSyntaxError);
  });

  it('keeps numbers as their source text.', () => {
    const value = parseJson('[1.0, -0, 1e3, 12345678901234567890]').value as JsonValue[];
    expect(value.map((v) => (v as JsonNumber).text)).toEqual(['1.0', '-0', '1e3', '12345678901234567890']);
  });

  it('refuses the number forms JSON does not allow.', () => {
    for (const text of ['01', '+1', '.5', '1.', '0x1', 'NaN', 'Infinity', '1e']) expect(() => parseJson(text), text).toThrow(JsonSyntaxError);
  });

  it('refuses trailing data and trailing commas.', () => {
    expect(() => parseJson('{} {}')).toThrow(JsonSyntaxError);
    expect(() => parseJson('[1,]')).toThrow(JsonSyntaxError);
    expect(() => parseJson('{"a":1,}')).toThrow(JsonSyntaxError);
  });

  it('reads policy-deep nesting and refuses very deep nesting with its own error, not a stack overflow.', () => {
    expect(() => parseJson(`${'['.repeat(20)}${']'.repeat(20)}`)).not.toThrow();
    expect(() => parseJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toThrow(JsonSyntaxError);
    expect(() => parseJson(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)).toThrow(JsonSyntaxError);
  });

  it('builds objects without a prototype, so __proto__ is an ordinary key and nothing is polluted.', () => {
    const value = parseJson('{"__proto__":{"polluted":true},"constructor":1}').value;
    if (!isJsonObject(value)) throw new Error('not an object');
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(isJsonObject(value['__proto__'])).toBe(true);
  });

  it('records where each object starts, by line and column.', () => {
    const text = '{\n  "Statement": [\n    {"Sid": "A"},\n      {"Sid": "B"}\n  ]\n}';
    const { value, spans } = parseJson(text);
    if (!isJsonObject(value)) throw new Error('not an object');
    const list = value['Statement'] as JsonValue[];
    const [a, b] = list as [object, object];
    expect(spans.get(value as object)?.start).toEqual({ line: 1, column: 1 });
    expect(spans.get(a)?.start).toEqual({ line: 3, column: 5 });
    expect(spans.get(b)?.start).toEqual({ line: 4, column: 7 });
    expect(spans.get(b)?.end.line).toBe(4);
    expect(spans.get(value as object)?.end.line).toBe(6);
  });
});
