/**
 * Reading a Query request's parameters: `application/x-www-form-urlencoded` pairs from
 * the body and from the URL's query string. AWS accepts parameters from either place,
 * so both are read into one map — but a name given twice, in one source or across the
 * two, is refused rather than resolved: "first wins" and "last wins" are exactly the
 * ambiguity a request smuggler needs (a signer and a handler reading different values).
 *
 * Decoding is strict: `+` is a space, `%XY` must be two hex digits, and the decoded bytes
 * must be well-formed UTF-8. Anything else is AWS's `MalformedQueryString`, never a
 * thrown `URIError` (which is what `decodeURIComponent` would do).
 */
import { AwsError } from '../errors.js';

/** Upper bounds on what one request may carry; the body size is limited before this. */
export interface FormLimits {
  /** Parameters in body and query string together. */
  readonly maxParameters: number;
  /** Length of a decoded parameter name, in UTF-16 code units. */
  readonly maxNameLength: number;
  /** Length of a decoded parameter value, in UTF-16 code units. */
  readonly maxValueLength: number;
}

/**
 * Generous for IAM and STS: the largest value is a policy document of 131072 characters,
 * which may take two UTF-16 units a character; the most parameters a real call sends is
 * about 50 tags × 2 plus 10 policy ARNs plus a handful of scalars.
 */
export const DEFAULT_FORM_LIMITS: FormLimits = {
  maxParameters: 1000,
  maxNameLength: 256,
  maxValueLength: 262_144,
};

/** Decoded parameters by name. A `Map`, because the names are chosen by the caller. */
export type QueryParams = ReadonlyMap<string, string>;

const MALFORMED = 'The query string contains a syntax error.';
const NOT_STANDARD = 'The AWS query string is malformed or does not adhere to AWS standards.';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * Reads the parameters of a Query request from its form body and its query string.
 *
 * @example
 *   readQueryParams('Action=GetCallerIdentity&Version=2011-06-15', '')
 *   // Map { 'Action' => 'GetCallerIdentity', 'Version' => '2011-06-15' }
 */
export function readQueryParams(
  body: Uint8Array | string,
  queryString: string,
  limits: FormLimits = DEFAULT_FORM_LIMITS,
): Map<string, string> {
  const params = new Map<string, string>();
  addPairs(params, typeof body === 'string' ? encoder.encode(body) : body, limits);
  addPairs(params, encoder.encode(queryString.startsWith('?') ? queryString.slice(1) : queryString), limits);
  return params;
}

const AMP = 0x26;
const EQ = 0x3d;

function addPairs(into: Map<string, string>, bytes: Uint8Array, limits: FormLimits): void {
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(AMP, start);
    if (end === -1) end = bytes.length;
    // Empty segments (`a=1&&b=2`, a trailing `&`) carry nothing; SDKs never send them
    // but hand-written clients do, and they cannot be ambiguous.
    if (end > start) addPair(into, bytes.subarray(start, end), limits);
    start = end + 1;
  }
}

function addPair(into: Map<string, string>, pair: Uint8Array, limits: FormLimits): void {
  const eq = pair.indexOf(EQ);
  const name = decodeComponent(eq === -1 ? pair : pair.subarray(0, eq));
  // A name without `=` is an empty value, as in the protocol's own `ListArg=` for [].
  const value = eq === -1 ? '' : decodeComponent(pair.subarray(eq + 1));
  if (name.length === 0) throw new AwsError('InvalidQueryParameter', NOT_STANDARD);
  if (name.length > limits.maxNameLength || value.length > limits.maxValueLength) {
    throw new AwsError('InvalidQueryParameter', NOT_STANDARD);
  }
  if (into.has(name)) throw new AwsError('InvalidQueryParameter', NOT_STANDARD);
  if (into.size >= limits.maxParameters) throw new AwsError('InvalidQueryParameter', NOT_STANDARD);
  into.set(name, value);
}

const PLUS = 0x2b;
const PERCENT = 0x25;

/** One name or value: `+` → space, `%XY` → byte, then strict UTF-8. */
export function decodeComponent(raw: Uint8Array): string {
  if (raw.indexOf(PERCENT) === -1 && raw.indexOf(PLUS) === -1) return decodeUtf8(raw);
  const out = new Uint8Array(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i] as number;
    if (b === PLUS) {
      out[n++] = 0x20;
    } else if (b === PERCENT) {
      const hi = hexValue(raw[i + 1]);
      const lo = hexValue(raw[i + 2]);
      if (hi < 0 || lo < 0) throw new AwsError('MalformedQueryString', MALFORMED);
      out[n++] = (hi << 4) | lo;
      i += 2;
    } else {
      out[n++] = b;
    }
  }
  return decodeUtf8(out.subarray(0, n));
}

function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AwsError('MalformedQueryString', MALFORMED);
  }
  // NUL is valid UTF-8 but no IAM or STS value may hold it, and C-based tools downstream
  // (logs, databases) truncate at it; refusing it here closes that gap for every member.
  if (text.includes('\u0000')) throw new AwsError('MalformedQueryString', MALFORMED);
  return text;
}

function hexValue(b: number | undefined): number {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x41 + 10;
  if (b >= 0x61 && b <= 0x66) return b - 0x61 + 10;
  return -1;
}
