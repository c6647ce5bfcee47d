/**
 * The byte-level encodings SigV4 is built from: RFC 3986 percent-encoding of UTF-8 bytes
 * (everything but the unreserved `A-Z a-z 0-9 - . _ ~` is encoded, hex in upper case),
 * percent-decoding of what arrived, and hex SHA-256.
 */
import { hash } from 'node:crypto';

const HEX = '0123456789ABCDEF';
const SLASH = 0x2f;

function isUnreserved(b: number): boolean {
  return (
    (b >= 0x41 && b <= 0x5a) || // A-Z
    (b >= 0x61 && b <= 0x7a) || // a-z
    (b >= 0x30 && b <= 0x39) || // 0-9
    b === 0x2d || b === 0x2e || b === 0x5f || b === 0x7e // - . _ ~
  );
}

/**
 * Percent-encodes bytes the way SigV4 wants. `keepSlash` leaves `/` alone, for paths.
 *
 * @example uriEncode(Buffer.from('a b/c')) // 'a%20b%2Fc'
 */
export function uriEncode(bytes: Uint8Array, keepSlash = false): string {
  let out = '';
  for (const b of bytes) {
    if (isUnreserved(b) || (keepSlash && b === SLASH)) out += String.fromCharCode(b);
    else out += '%' + HEX[b >> 4]! + HEX[b & 0x0f]!;
  }
  return out;
}

/** `uriEncode` of a string's UTF-8 bytes. */
export function uriEncodeString(text: string, keepSlash = false): string {
  return uriEncode(Buffer.from(text, 'utf8'), keepSlash);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

/**
 * Decodes one `application/x-www-form-urlencoded` component to bytes: `+` is a space and
 * `%XY` a byte. A `%` not followed by two hex digits is kept as a literal `%`: the
 * canonical form then encodes it as `%25`, and the Query reader refuses it anyway.
 */
export function formDecode(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const out = Buffer.alloc(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x2b) {
      out[n++] = 0x20;
    } else if (b === 0x25 && i + 2 < bytes.length && hexValue(bytes[i + 1]!) >= 0 && hexValue(bytes[i + 2]!) >= 0) {
      out[n++] = hexValue(bytes[i + 1]!) * 16 + hexValue(bytes[i + 2]!);
      i += 2;
    } else {
      out[n++] = b;
    }
  }
  return out.subarray(0, n);
}

/** Lower-case hex SHA-256 of bytes or of a string's UTF-8 bytes. */
export function sha256Hex(data: Uint8Array | string): string {
  // The one-shot form: no Hash object to build and free for each digest.
  return hash('sha256', data, 'hex');
}

/** The SHA-256 of an empty body, the payload hash of every GET. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
