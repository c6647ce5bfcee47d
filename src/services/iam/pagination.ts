/**
 * IAM's list pagination: `MaxItems` (1–1000, default 100) items per page; when more
 * remain, `IsTruncated: true` and a `Marker` to pass back for the next page. The marker
 * is opaque to clients; here it is the last returned item's sort key, base64url-encoded,
 * so the next page starts after it even if that item was deleted meanwhile.
 */
import { constraintViolation } from './errors.js';

export interface PageRequest {
  readonly Marker?: string | undefined;
  readonly MaxItems?: number | undefined;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly IsTruncated: boolean;
  /** Present only when IsTruncated. */
  readonly Marker: string | undefined;
}

const DEFAULT_MAX_ITEMS = 100;

/**
 * One page of `items`, ordered by `keyOf` (keys must be unique; compared by code unit,
 * so the order does not depend on a database's collation).
 *
 * @example
 * const page = paginate(users, (u) => u.name.toLowerCase(), { MaxItems: 2 });
 * // { items: [first two], IsTruncated: true, Marker: 'YWxpY2U' } when there are more
 */
export function paginate<T>(items: readonly T[], keyOf: (item: T) => string, request: PageRequest): Page<T> {
  const max = request.MaxItems ?? DEFAULT_MAX_ITEMS;
  if (!Number.isInteger(max) || max < 1) throw constraintViolation('maxItems', max, 'Member must have value greater than or equal to 1');
  if (max > 1000) throw constraintViolation('maxItems', max, 'Member must have value less than or equal to 1000');
  const keyed = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let from = 0;
  if (request.Marker !== undefined) {
    const after = Buffer.from(request.Marker, 'base64url').toString('utf8');
    from = keyed.findIndex((k) => k.key > after);
    if (from < 0) from = keyed.length;
  }
  const page = keyed.slice(from, from + max);
  const truncated = from + max < keyed.length;
  const last = page[page.length - 1];
  return {
    items: page.map((k) => k.item),
    IsTruncated: truncated,
    Marker: truncated && last !== undefined ? Buffer.from(last.key, 'utf8').toString('base64url') : undefined,
  };
}
