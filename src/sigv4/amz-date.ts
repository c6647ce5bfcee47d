/**
 * SigV4 timestamps. The signing time travels as ISO 8601 basic format,
 * `YYYYMMDDTHHMMSSZ` (UTC, no milliseconds, no offset); a client may instead send an
 * HTTP `Date` header (IMF-fixdate, `Sun, 30 Aug 2015 12:36:00 GMT`). Parsing is strict:
 * a value that is not exactly one of these, or is not a real calendar instant, is refused.
 */

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function instant(y: number, mo: number, d: number, h: number, mi: number, s: number): number | undefined {
  const ms = Date.UTC(y, mo, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 31 February over into March; a real date reads back unchanged.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo || back.getUTCDate() !== d) return undefined;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return ms;
}

/**
 * Milliseconds since the epoch of an `x-amz-date` value, or undefined if it is not one.
 *
 * @example parseAmzDate('20150830T123600Z') // 1440938160000
 */
export function parseAmzDate(text: string): number | undefined {
  const m = AMZ_DATE.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return instant(y, mo - 1, d, h, mi, s);
}

/** Milliseconds since the epoch of an HTTP `Date` header in IMF-fixdate, or undefined. */
export function parseHttpDate(text: string): number | undefined {
  const m = HTTP_DATE.exec(text);
  if (m === null) return undefined;
  const ms = instant(Number(m[4]), MONTHS.indexOf(m[3]!), Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  if (ms === undefined || DAYS[new Date(ms).getUTCDay()] !== m[1]) return undefined;
  return ms;
}

/**
 * The `x-amz-date` form of an instant; milliseconds are dropped, as AWS does.
 *
 * @example formatAmzDate(Date.UTC(2015, 7, 30, 12, 36)) // '20150830T123600Z'
 */
export function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
