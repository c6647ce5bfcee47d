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
