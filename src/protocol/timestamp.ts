/**
 * Timestamps on the Query wire. IAM and STS print ISO 8601 in UTC with whole seconds —
 * `2019-11-09T20:05:25Z` — (the AWS API reference samples; botocore's IMDS reader parses
 * exactly `%Y-%m-%dT%H:%M:%SZ`). Reading is strict RFC 3339, offsets allowed.
 */
import { AwsError } from '../errors.js';
import type { TimestampFormat } from './schema.js';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const EPOCH = /^-?\d{1,12}(?:\.\d{1,9})?$/;

/** A wire timestamp → `Date`, or `undefined` when it does not parse. */
export function parseTimestamp(raw: string, format: TimestampFormat): Date | undefined {
  if (format === 'unixTimestamp') return EPOCH.test(raw) ? new Date(Math.round(Number(raw) * 1000)) : undefined;
  if (format === 'rfc822') {
    const d = new Date(raw);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = RFC3339.exec(raw);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0${frac}`) * 1000);
  const utc = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), ms);
  const check = new Date(utc);
  // Date.UTC rolls 2019-02-31 over into March; a wire date must name a real day.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return new Date(utc - offset);
}

/** A `Date` → its wire text. An invalid `Date` is our bug, reported as InternalFailure. */
export function formatTimestamp(date: Date, format: TimestampFormat, fractionalSeconds: boolean): string {
  const t = date.getTime();
  // Years outside 0000–9999 have no RFC 3339 form (toISOString would print `+010000-…`).
  if (!Number.isFinite(t) || date.getUTCFullYear() < 0 || date.getUTCFullYear() > 9999) {
    throw new AwsError('InternalFailure', INTERNAL, { fault: 'Receiver' });
  }
  if (format === 'unixTimestamp') return fractionalSeconds ? String(t / 1000) : String(Math.floor(t / 1000));
  if (format === 'rfc822') return date.toUTCString();
  const iso = date.toISOString();
  return fractionalSeconds ? iso : `${iso.slice(0, 19)}Z`;
}

const INTERNAL = 'The request processing has failed because of an unknown error, exception or failure.';
