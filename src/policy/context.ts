/**
 * The request context: the condition keys of one request and their values. Key names
 * are case-insensitive in IAM, so they are lower-cased once here and every lookup is a
 * plain Map read. A value is a string, or a list of strings for a multi-valued key
 * (`aws:TagKeys`, `aws:PrincipalServiceNamesList`, ...). Typed readings of a value (an
 * IP address, a date) are memoized per request, so a key read by many statements is
 * parsed once.
 */
export type ContextValue = string | readonly string[];

export type ContextInput =
  | Iterable<readonly [string, ContextValue]>
  | Readonly<Record<string, ContextValue>>;

export class RequestContext {
  readonly #values = new Map<string, ContextValue>();
  #memo: Map<string, unknown>[] | undefined;

  constructor(input: ContextInput = []) {
    const entries = Symbol.iterator in input ? input : Object.entries(input);
    for (const [key, value] of entries as Iterable<readonly [string, ContextValue]>) {
      this.#values.set(key.toLowerCase(), typeof value === 'string' ? value : Object.freeze([...value]));
    }
  }

  /** The value of a key, by its lower-cased name. */
  get(lowerKey: string): ContextValue | undefined {
    return this.#values.get(lowerKey);
  }

  has(lowerKey: string): boolean {
    return this.#values.has(lowerKey);
  }

  /** The value of a single-valued key; undefined when absent or multi-valued. */
  single(lowerKey: string): string | undefined {
    const value = this.#values.get(lowerKey);
    return typeof value === 'string' ? value : undefined;
  }

  keys(): IterableIterator<string> {
    return this.#values.keys();
  }

  /** Reads `raw` with `read` once per (reader slot, raw text) for this request. */
  reading<T>(slot: number, raw: string, read: (raw: string) => T): T {
    const memo = (this.#memo ??= []);
    const table = (memo[slot] ??= new Map<string, unknown>());
    if (table.has(raw)) return table.get(raw) as T;
    const value = read(raw);
    table.set(raw, value);
    return value;
  }
}
