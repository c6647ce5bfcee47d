/**
 * The one way rolegate writes XML: a tiny writer that escapes every text and attribute
 * value it is given. Responses are never built from string templates — moto and
 * LocalStack both shipped injection and malformed-XML bugs that way (security.md §2.7).
 *
 * XML 1.0 cannot carry some code points at all, not even as character references:
 * C0 controls other than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. Such a code
 * point is replaced by U+FFFD, so the document always parses; every other string
 * survives a round trip through a conforming parser unchanged (CR is written as `&#13;`,
 * since parsers turn a literal CR into LF).
 */
import { AwsError } from '../errors.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Escapes element text: `&`, `<`, `>`, quotes, CR, and forbidden code points. */
export function escapeText(s: string): string {
  return escape(s, false);
}

/** Escapes an attribute value; also tab and LF, which attribute normalisation would eat. */
export function escapeAttribute(s: string): string {
  return escape(s, true);
}

const NEEDS_WORK = /[&<>"'\r\t\n\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

function escape(s: string, attribute: boolean): string {
  if (!NEEDS_WORK.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x26: out += '&amp;'; continue;
      case 0x3c: out += '&lt;'; continue;
      case 0x3e: out += '&gt;'; continue;
      case 0x22: out += '&quot;'; continue;
      case 0x27: out += '&apos;'; continue;
      case 0x0d: out += '&#13;'; continue;
      case 0x09: out += attribute ? '&#9;' : '\t'; continue;
      case 0x0a: out += attribute ? '&#10;' : '\n'; continue;
    }
    if (c < 0x20 || c === 0xfffe || c === 0xffff) {
      out += '\ufffd';
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] as string;
        out += s[i + 1] as string;
        i++;
      } else {
        out += '\ufffd';
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\ufffd';
    } else {
      out += s[i] as string;
    }
  }
  return out;
}

/**
 * Writes elements in document order. Element and attribute names come from our own
 * schemas, never from a request; they are still checked, so a bad schema fails loudly.
 *
 * @example
 *   const w = new XmlWriter();
 *   w.open('GetCallerIdentityResponse', [['xmlns', NS]]);
 *   w.leaf('Account', '123456789012');
 *   w.close();
 *   w.toString(); // '<GetCallerIdentityResponse xmlns="…"><Account>123456789012</Account></GetCallerIdentityResponse>'
 */
export class XmlWriter {
  private readonly parts: string[] = [];
  private readonly stack: string[] = [];

  open(name: string, attributes: readonly (readonly [string, string])[] = []): this {
    this.parts.push(`<${checkName(name)}${attributeText(attributes)}>`);
    this.stack.push(name);
    return this;
  }

  close(): this {
    const name = this.stack.pop();
    if (name === undefined) throw internal();
    this.parts.push(`</${name}>`);
    return this;
  }

  text(value: string): this {
    if (this.stack.length === 0) throw internal();
    this.parts.push(escapeText(value));
    return this;
  }

  /** `<name>text</name>`, or `<name/>` for the empty string. */
  leaf(name: string, value: string): this {
    checkName(name);
    this.parts.push(value === '' ? `<${name}/>` : `<${name}>${escapeText(value)}</${name}>`);
    return this;
  }

  /** `<name/>`. */
  empty(name: string, attributes: readonly (readonly [string, string])[] = []): this {
    this.parts.push(`<${checkName(name)}${attributeText(attributes)}/>`);
    return this;
  }

  toString(): string {
    if (this.stack.length !== 0) throw internal();
    return this.parts.join('');
  }
}

function attributeText(attributes: readonly (readonly [string, string])[]): string {
  let out = '';
  for (const [name, value] of attributes) out += ` ${checkName(name)}="${escapeAttribute(value)}"`;
  return out;
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw internal();
  return name;
}

function internal(): AwsError {
  return new AwsError(
    'InternalFailure',
    'The request processing has failed because of an unknown error, exception or failure.',
    { fault: 'Receiver' },
  );
}
