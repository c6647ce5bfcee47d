/**
 * A strict JSON reader for policy documents. `JSON.parse` keeps the last of duplicated
 * keys, so `{"Effect":"Deny","Effect":"Allow"}` would silently become an Allow; IAM
 * refuses such documents and so does this reader. It also builds objects without a
 * prototype (no `__proto__` games), bounds nesting, keeps numbers as their source text
 * (`1.0` stays `1.0`), and records where each object starts and ends so a simulation can
 * point at the statement that decided.
 *
 * Positions are counted as IAM's policy simulator counts them (see `Span.lead`): lines
 * and columns from 1, a column naming the character a position stands before, and
 * `\r\n`, `\r` and `\n` each ending a line.
 */

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export interface Span {
  /** The object's opening brace. */
  readonly start: Position;
  /** Just past its closing brace: where IAM's simulator says a statement ends. */
  readonly end: Position;
  /**
   * Where IAM's simulator says the object starts: where its reader stood before it, just
   * past the preceding token — the `[` of a list, or the previous element's `}` (before
   * the comma) — and, for an object that is a member's value, just past its own `{`.
   * Recorded IAM answers show exactly this: the two statements of a compact bucket policy
   * at columns 38–248 and 248–470, a pretty-printed managed policy's only statement from
   * just past its `[` (line 3), and a single-object `"Statement": {…}` from its `{` + 1.
   */
  readonly lead: Position;
}

export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonObject = { readonly [key: string]: JsonValue };
export type JsonValue = string | boolean | null | JsonNumber | readonly JsonValue[] | JsonObject;

export interface ParsedJson {
  readonly value: JsonValue;
  /** Where each object of the document starts and ends. */
  readonly spans: WeakMap<object, Span>;
}

export class JsonSyntaxError extends Error {}

const MAX_DEPTH = 32;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);
}

export function parseJson(text: string): ParsedJson {
  const reader = new Reader(text);
  reader.space();
  const value = reader.value(0, 0);
  reader.space();
  if (reader.at < text.length) reader.fail('Unexpected data after the document');
  return { value, spans: reader.spans };
}

class Reader {
  at = 0;
  readonly spans = new WeakMap<object, Span>();
  readonly #text: string;
  /** Offsets where each line starts, for positions. */
  readonly #lineStarts: number[] = [0];

  constructor(text: string) {
    this.#text = text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // A lone CR ends a line too; CR LF is one line end.
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.#lineStarts.push(i + 1);
    }
  }

  fail(why: string): never {
    throw new JsonSyntaxError(`${why} at offset ${this.at}`);
  }

  space(): void {
    const text = this.#text;
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      this.at++;
    }
  }

  /** `lead`: the offset just past the token before this value (see Span.lead). */
  value(depth: number, lead: number): JsonValue {
    if (depth > MAX_DEPTH) this.fail('Nesting too deep');
    const c = this.#text[this.at];
    if (c === '{') return this.object(depth, lead);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (this.#text.startsWith('true', this.at)) return this.word('true', true);
    if (this.#text.startsWith('false', this.at)) return this.word('false', false);
    if (this.#text.startsWith('null', this.at)) return this.word('null', null);
    NUMBER.lastIndex = this.at;
    const m = NUMBER.exec(this.#text);
    if (m === null) this.fail('Unexpected character');
    this.at += m[0].length;
    return new JsonNumber(m[0]);
  }

  word<T>(word: string, value: T): T {
    this.at += word.length;
    return value;
  }

  object(depth: number, lead: number): JsonObject {
    const start = this.position(this.at);
    const out: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>;
    const seen = new Set<string>();
    this.at++;
    this.space();
    if (this.#text[this.at] === '}') {
      this.at++;
    } else {
      for (;;) {
        if (this.#text[this.at] !== '"') this.fail('Expected a key');
        const key = this.string();
        if (seen.has(key)) this.fail(`Duplicate key ${JSON.stringify(key)}`);
        seen.add(key);
        this.space();
        if (this.#text[this.at] !== ':') this.fail('Expected ":"');
        this.at++;
        this.space();
        out[key] = this.value(depth + 1, this.at + 1);
        this.space();
        const next = this.#text[this.at++];
        if (next === '}') break;
        if (next !== ',') this.fail('Expected "," or "}"');
        this.space();
      }
    }
    this.spans.set(out, { start, end: this.position(this.at), lead: this.position(lead) });
    return out;
  }

  array(depth: number): JsonValue[] {
    const out: JsonValue[] = [];
    this.at++;
    const afterBracket = this.at;
    this.space();
    if (this.#text[this.at] === ']') {
      this.at++;
      return out;
    }
    let lead = afterBracket;
    for (;;) {
      out.push(this.value(depth + 1, lead));
      lead = this.at;
      this.space();
      const next = this.#text[this.at++];
      if (next === ']') return out;
      if (next !== ',') this.fail('Expected "," or "]"');
      this.space();
    }
  }

  string(): string {
    const text = this.#text;
    let out = '';
    let from = ++this.at;
    for (;;) {
      if (this.at >= text.length) this.fail('Unterminated string');
      const c = text.charCodeAt(this.at);
      if (c === 34 /* " */) break;
      if (c < 32) this.fail('Control character in string');
      if (c === 92 /* \ */) {
        out += text.slice(from, this.at);
        out += this.escape();
        from = this.at;
        continue;
      }
      this.at++;
    }
    out += text.slice(from, this.at);
    this.at++;
    return out;
  }

  escape(): string {
    const e = this.#text[this.at + 1];
    this.at += 2;
    switch (e) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u': {
        const hex = this.#text.slice(this.at, this.at + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Bad unicode escape');
        this.at += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        return this.fail('Bad escape');
    }
  }

  position(offset: number): Position {
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }
}
