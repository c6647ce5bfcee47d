/**
 * SigV4 task 1, the canonical request, for IAM/STS and every other non-S3 service:
 *
 *   METHOD \n URI \n QUERY \n name:value\n... \n SIGNED;HEADERS \n PAYLOAD-HASH
 *
 * - URI: the path as received, with `.`/`..` segments resolved and empty segments
 *   dropped, then each byte percent-encoded again. The path on the wire is already
 *   encoded once by the client, so this is AWS's "double encoding" for non-S3 services.
 * - QUERY: each parameter decoded and re-encoded per RFC 3986, sorted by encoded name
 *   and then by encoded value, joined with `&`.
 * - Headers: lower-case names, values trimmed with inner runs of spaces collapsed, the
 *   values of a repeated header joined with `,` in the order received.
 */
import { formDecode, uriEncode, uriEncodeString } from './encoding.js';
import type { HeaderIndex } from './http-request.js';

/**
 * Resolves `.` and `..` segments and drops empty ones, keeping a trailing slash, as the
 * AWS SDKs do before signing (`//a//./b/../` is `/a/`).
 *
 * @example normalizePath('/example1/example2/../..') // '/'
 */
export function normalizePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return '/' + segments.join('/') + trailing;
}

/** The canonical URI of a raw request path: normalized, then every byte encoded again. */
export function canonicalUri(rawPath: string): string {
  // Every IAM and STS request is sent to `/`, which is its own canonical form.
  if (rawPath === '/') return rawPath;
  return uriEncodeString(normalizePath(rawPath), true);
}

/** One query parameter: its decoded name, decoded value, and their canonical encodings. */
export interface QueryParam {
  readonly name: string;
  readonly value: string;
  readonly encodedName: string;
  readonly encodedValue: string;
}

/**
 * Splits a raw query string into parameters, in the order received. `+` is a space,
 * a name without `=` has an empty value, and empty segments (`a=1&&b=2`) carry nothing:
 * the same reading as the Query protocol's form reader, so what is signed is what runs.
 */
export function parseQuery(raw: string): QueryParam[] {
  const params: QueryParam[] = [];
  if (raw === '') return params;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const nameBytes = formDecode(eq === -1 ? part : part.slice(0, eq));
    const valueBytes = formDecode(eq === -1 ? '' : part.slice(eq + 1));
    params.push({
      name: nameBytes.toString('utf8'),
      value: valueBytes.toString('utf8'),
      encodedName: uriEncode(nameBytes),
      encodedValue: uriEncode(valueBytes),
    });
  }
  return params;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical query string of some parameters; `without` names one to leave out
 * (`X-Amz-Signature`, in a presigned request).
 *
 * @example canonicalQuery(parseQuery('b=2&a=1&a=0')) // 'a=0&a=1&b=2'
 */
export function canonicalQuery(params: readonly QueryParam[], without?: string): string {
  return params
    .filter((p) => p.name !== without)
    .map((p) => [p.encodedName, p.encodedValue] as const)
    .sort((x, y) => compare(x[0], y[0]) || compare(x[1], y[1]))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** Trims a header value and collapses each inner run of spaces and tabs to one space. */
export function trimHeaderValue(value: string): string {
  // Most values have nothing to trim or fold: skip the regular expressions for them.
  if (!needsTrim(value)) return value;
  return value.replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');
}

const SPACE = 0x20;
const TAB = 0x09;

/** A leading or trailing blank, a tab anywhere, or two spaces in a row. */
function needsTrim(value: string): boolean {
  const n = value.length;
  if (n === 0) return false;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(n - 1);
  if (first === SPACE || first === TAB || last === SPACE || last === TAB) return true;
  return value.includes('\t') || value.includes('  ');
}

/**
 * The canonical header block for the signed header names (already lower-case and
 * sorted): one `name:value\n` line each, repeated headers joined with `,`. Only signed
 * headers enter the canonical form; the others are not even trimmed.
 */
export function canonicalHeaders(headers: HeaderIndex, signedHeaders: readonly string[]): string {
  let block = '';
  for (const name of signedHeaders) {
    const values = headers.get(name) ?? [];
    block += `${name}:${values.length === 1 ? trimHeaderValue(values[0]!) : values.map(trimHeaderValue).join(',')}\n`;
  }
  return block;
}

/** The parts of a canonical request, each already in canonical form. */
export interface CanonicalParts {
  readonly method: string;
  readonly uri: string;
  readonly query: string;
  readonly headers: string;
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
}

/** Joins the parts into the canonical request text that is hashed into the string to sign. */
export function canonicalRequest(parts: CanonicalParts): string {
  return [parts.method, parts.uri, parts.query, parts.headers, parts.signedHeaders.join(';'), parts.payloadHash].join('\n');
}
