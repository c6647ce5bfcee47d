/**
 * Lower-cased names (condition keys, actions), remembered. Requests use the same few
 * hundred names over and over; lower-casing each anew allocates a fresh string that a
 * Map must hash again, which was a third of a decision's time. This memo caches a pure
 * function (the answer for a name never changes) and is bounded, so a flood of distinct
 * names cannot grow it: past the bound, names are simply lower-cased each time.
 */
const LOWER = new Map<string, string>();
const LOWER_MAX = 4096;

export function lowerName(name: string): string {
  let lower = LOWER.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (LOWER.size < LOWER_MAX) LOWER.set(name, lower);
  }
  return lower;
}

/**
 * The same, for the key at `position` of a request context: requests list their keys in
 * the same order, so the name there is usually the very string seen there last time and
 * one comparison finds its lower-case form.
 */
const BY_POSITION_MAX = 64;
const lastName: string[] = [];
const lastLower: string[] = [];

export function lowerNameAt(position: number, name: string): string {
  if (lastName[position] === name) return lastLower[position] as string;
  const lower = lowerName(name);
  if (position < BY_POSITION_MAX) {
    lastName[position] = name;
    lastLower[position] = lower;
  }
  return lower;
}
