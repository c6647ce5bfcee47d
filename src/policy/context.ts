/**
 * The request context: the condition keys of one request and their values. Key names
 * are case-insensitive in IAM, so they are lower-cased once here and every lookup is a
 * plain Map read. A value is a string, or a list of strings for a multi-valued key
 * (`aws:TagKeys`, `aws:PrincipalServiceNamesList`, ...). Typed readings of a value (an
 * IP address, a date) are memoized per request, so a key read by many statements is
 * parsed once.
 */
import { lowerNameAt } from './names.js';

export type ContextValue = string | readonly string[];

export type ContextInput =
  | Iterable<readonly [string, ContextValue]>
  | Readonly<Record<string, ContextValue>>;

/** Past this many keys, lookups go through a Map instead of a scan. */
const SCAN_LIMIT = 24;

export class RequestContext {
  // Names (lower-cased, from the shared memo, so usually the very strings policies hold)
  // and values side by side: for the dozen keys of a typical request a scan beats
  // building a Map, whose table would be grown and rehashed several times per request.
  readonly #names: string[] = [];
  readonly #values: ContextValue[] = [];
  #index: Map<string, number> | undefined;
  /**
   * The last reading per slot: [raw, value, raw, value, …]. A request reads the same
   * key many times and different keys rarely in one slot, so one entry per slot keeps
   * nearly every hit without allocating a table per request.
   */
  #readings: unknown[] | undefined;

  constructor(input: ContextInput = []) {
    if (typeof (input as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function') {
      for (const [key, value] of input as Iterable<readonly [string, ContextValue]>) this.#set(key, value);
    } else {
      const record = input as Readonly<Record<string, ContextValue>>;
      const keys = Object.keys(record); // own keys only: nothing inherited is a condition key
      for (let i = 0; i < keys.length; i++) this.#set(keys[i] as string, record[keys[i] as string] as ContextValue);
    }
  }

  #set(key: string, value: ContextValue): void {
    // Two spellings of one key are both kept; lookups scan from the end, so the last
    // one given wins, as it would in a Map keyed by the lower-cased name.
    this.#names.push(lowerNameAt(this.#names.length, key));
    this.#values.push(typeof value === 'string' ? value : Object.freeze([...value]));
  }

  #find(lowerKey: string): number {
    const names = this.#names;
    if (names.length > SCAN_LIMIT) {
      if (this.#index === undefined) {
        this.#index = new Map();
        for (let i = 0; i < names.length; i++) this.#index.set(names[i] as string, i);
      }
      return this.#index.get(lowerKey) ?? -1;
    }
    for (let i = names.length - 1; i >= 0; i--) if (names[i] === lowerKey) return i;
    return -1;
  }

  /** The value of a key, by its lower-cased name. */
  get(lowerKey: string): ContextValue | undefined {
    const at = this.#find(lowerKey);
    return at < 0 ? undefined : this.#values[at];
  }

  has(lowerKey: string): boolean {
    return this.#find(lowerKey) >= 0;
  }

  /** The value of a single-valued key; undefined when absent or multi-valued. */
  single(lowerKey: string): string | undefined {
    const value = this.get(lowerKey);
    return typeof value === 'string' ? value : undefined;
  }

  /** `read(raw)`, remembered for the last `raw` of each reader slot (0 to 7). */
  reading<T>(slot: number, raw: string, read: (raw: string) => T): T {
    const readings = (this.#readings ??= new Array<unknown>(16));
    const at = slot * 2;
    if (readings[at] === raw) return readings[at + 1] as T;
    const value = read(raw);
    readings[at] = raw;
    readings[at + 1] = value;
    return value;
  }
}
