/**
 * The strict JSON reader: the JSON grammar of RFC 8259, plus the refusals a policy
 * reader needs (duplicate keys at any depth, excessive nesting) and no prototype games.
 * `JSON.parse` is the reference on documents without duplicate keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonObject, JsonNumber, JsonSyntaxError, parseJson, type JsonObject, type JsonValue } from '../../src/policy/json.js';

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

  it('records where IAM’s simulator says each statement starts and ends: past the token before it, and past its closing brace.', () => {
    // A bucket policy as S3 returns it (compact), simulated by IAM in a published run:
    // statement 1 at columns 38–248, statement 2 at 248–470 (it starts where 1 ended).
    const bucket =
      '{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"*",' +
      '"Resource":["arn:aws:s3:::tims-fancy-bucket/*","arn:aws:s3:::tims-fancy-bucket"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}},' +
      '{"Sid":"DenyTimDelete","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::tims-fancy-bucket/*",' +
      '"Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::112233445566:role/tims-test-role"}}}]}';
    const parsed = parseJson(bucket);
    const [first, second] = (parsed.value as JsonObject)['Statement'] as [object, object];
    expect([parsed.spans.get(first)?.lead, parsed.spans.get(first)?.end]).toEqual([{ line: 1, column: 38 }, { line: 1, column: 248 }]);
    expect([parsed.spans.get(second)?.lead, parsed.spans.get(second)?.end]).toEqual([{ line: 1, column: 248 }, { line: 1, column: 470 }]);

    // AdministratorAccess, two-space indented: IAM answers 3:17 to 8:6.
    const admin = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "*",\n      "Resource": "*"\n    }\n  ]\n}';
    const a = parseJson(admin);
    const only = ((a.value as JsonObject)['Statement'] as [object])[0];
    expect([a.spans.get(only)?.lead, a.spans.get(only)?.end]).toEqual([{ line: 3, column: 17 }, { line: 8, column: 6 }]);

    // A single statement object (`json.dumps` of a dict): IAM answers 41 to 113, one past its `{`.
    const single = '{"Version": "2012-10-17", "Statement": {"Sid": "", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}}';
    const o = parseJson(single);
    const statement = (o.value as JsonObject)['Statement'] as object;
    expect([o.spans.get(statement)?.lead, o.spans.get(statement)?.end]).toEqual([{ line: 1, column: 41 }, { line: 1, column: 113 }]);
  });

  it('counts CR LF as one line end and a lone CR as one.', () => {
    const { value, spans } = parseJson('{\r\n"a": [\r{}]}');
    const inner = ((value as JsonObject)['a'] as [object])[0];
    expect(spans.get(inner)?.start).toEqual({ line: 3, column: 1 });
  });
});
