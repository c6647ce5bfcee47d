/**
 * Rewriting the AWS principals of a trust policy in its text, leaving every other byte as
 * the user wrote it (IAM returns policy text as written, so formatting, key order and
 * the other principals must survive). Pure: the caller decides what each principal
 * becomes. The text must be JSON already validated by parsePolicy.
 */

/** Where one string of `Statement[…].Principal.AWS` stands in the text, quotes included. */
interface Found {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Replaces each AWS principal string for which `replace` returns a value.
 *
 * @example
 * rewriteAwsPrincipals('{"Statement":{"Principal":{"AWS":"123456789012"}}}', (v) => `arn:aws:iam::${v}:root`)
 * // '{"Statement":{"Principal":{"AWS":"arn:aws:iam::123456789012:root"}}}'
 */
export function rewriteAwsPrincipals(text: string, replace: (value: string) => string | undefined): string {
  let out = '';
  let at = 0;
  for (const found of awsPrincipalStrings(text)) {
    const next = replace(found.value);
    if (next === undefined || next === found.value) continue;
    out += text.slice(at, found.start) + JSON.stringify(next);
    at = found.end;
  }
  return out + text.slice(at);
}

/** The AWS principal strings of the document, in text order. */
export function awsPrincipals(text: string): string[] {
  return awsPrincipalStrings(text).map((f) => f.value);
}

function awsPrincipalStrings(text: string): Found[] {
  const found: Found[] = [];
  const scanner = new Scanner(text);
  scanner.value([], found);
  return found;
}

/** `Statement` (or `Statement[i]`) → `Principal` → `AWS` (or `AWS[j]`). */
function isAwsPrincipalPath(path: readonly string[]): boolean {
  let i = 0;
  if (path[i++] !== 'Statement') return false;
  if (path[i] === '[]') i++;
  if (path[i++] !== 'Principal' || path[i++] !== 'AWS') return false;
  if (path[i] === '[]') i++;
  return i === path.length;
}

class Scanner {
  readonly #text: string;
  #at = 0;

  constructor(text: string) {
    this.#text = text;
  }

  value(path: readonly string[], found: Found[]): void {
    this.#space();
    const c = this.#text[this.#at];
    if (c === '{') {
      this.#at++;
      this.#space();
      if (this.#text[this.#at] === '}') {
        this.#at++;
        return;
      }
      for (;;) {
        this.#space();
        const key = this.#string().value;
        this.#space();
        this.#expect(':');
        this.value([...path, key], found);
        this.#space();
        if (this.#text[this.#at++] === '}') return;
      }
    }
    if (c === '[') {
      this.#at++;
      this.#space();
      if (this.#text[this.#at] === ']') {
        this.#at++;
        return;
      }
      for (;;) {
        this.value([...path, '[]'], found);
        this.#space();
        if (this.#text[this.#at++] === ']') return;
      }
    }
    if (c === '"') {
      const s = this.#string();
      if (isAwsPrincipalPath(path)) found.push(s);
      return;
    }
    // A number, true, false or null: nothing to rewrite inside.
    while (this.#at < this.#text.length && !/[\s,\]}]/.test(this.#text[this.#at] as string)) this.#at++;
  }

  #string(): Found {
    const start = this.#at;
    this.#expect('"');
    while (this.#at < this.#text.length && this.#text[this.#at] !== '"') this.#at += this.#text[this.#at] === '\\' ? 2 : 1;
    this.#expect('"');
    return { value: JSON.parse(this.#text.slice(start, this.#at)) as string, start, end: this.#at };
  }

  #space(): void {
    while (this.#at < this.#text.length && /\s/.test(this.#text[this.#at] as string)) this.#at++;
  }

  #expect(c: string): void {
    if (this.#text[this.#at] !== c) throw new Error(`Expected ${c} at ${this.#at}: the text was not validated JSON`);
    this.#at++;
  }
}
