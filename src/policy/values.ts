/**
 * Strict readers for the typed condition values (numbers, dates, booleans, binary).
 * A value that does not read is `undefined`: in a policy that is a validation error,
 * in a request it makes the condition not match.
 */

const NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

export function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const EPOCH = /^-?[0-9]{1,15}$/;
// The W3C profile of ISO 8601 that AWS documents for date conditions.
const W3C_DATE =
  /^([0-9]{4})-([0-9]{2})(?:-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?)?$/;

/**
 * Milliseconds since the epoch, from epoch seconds or a W3C/ISO 8601 date. A time
 * without a zone is read as UTC, so a decision never depends on the host's zone.
 */
export function parseDate(text: string): number | undefined {
  if (EPOCH.test(text)) return Number(text) * 1000;
  const m = W3C_DATE.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let time = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms);
  if (new Date(time).getUTCDate() !== day && second !== 60) return undefined;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    time -= sign * offset * 60_000;
  }
  return time;
}

/** `true`/`false` in any letter case, as the Bool operator reads them. */
export function parseBool(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Canonical base64 of the decoded bytes, so equal bytes compare equal as text. */
export function parseBinary(text: string): string | undefined {
  if (!BASE64.test(text)) return undefined;
  return Buffer.from(text, 'base64').toString('base64');
}
