/**
 * The request as the verifier sees it: exactly what arrived, before any interpretation.
 * The path and query are raw (still percent-encoded as sent), the headers are the pairs
 * in the order received with duplicates kept, and the body is the bytes received. The
 * server builds this from the socket; the signer builds it from what it will send.
 */
export type HeaderList = readonly (readonly [name: string, value: string])[];

export interface HttpRequest {
  /** The request method as sent, e.g. `POST`. */
  readonly method: string;
  /** The raw path of the request target, without the query, e.g. `/`. */
  readonly path: string;
  /** The raw query string without the leading `?`; empty when there is none. */
  readonly query: string;
  /** Header `[name, value]` pairs as received; names in any case, duplicates kept. */
  readonly headers: HeaderList;
  /** The body bytes received (empty for a GET). */
  readonly body: Uint8Array;
}

/** Past this many distinct names, lookups go through a Map instead of a scan. */
const SCAN_LIMIT = 24;

/**
 * The headers by lower-case name, each with its values in the order received. Built
 * once per request: verification looks headers up a dozen times, and lower-casing every
 * name for every lookup was a measurable share of it. A request has a dozen headers, so
 * the names sit in an array scanned from the start; a Map would be grown and rehashed on
 * every request to save nothing. Past SCAN_LIMIT names a Map takes over, so a request
 * with hundreds of headers (Node admits 2,000) costs linear time, not quadratic, before
 * its signature is even checked.
 */
export class HeaderIndex {
  readonly #names: string[] = [];
  readonly #values: string[][] = [];
  #byName: Map<string, number> | undefined;

  constructor(headers: HeaderList) {
    for (let i = 0; i < headers.length; i++) {
      const [name, value] = headers[i] as readonly [string, string];
      const key = name.toLowerCase();
      const at = this.#find(key);
      if (at >= 0) {
        (this.#values[at] as string[]).push(value);
        continue;
      }
      this.#names.push(key);
      this.#values.push([value]);
      if (this.#byName !== undefined) {
        this.#byName.set(key, this.#names.length - 1);
      } else if (this.#names.length > SCAN_LIMIT) {
        this.#byName = new Map(this.#names.map((n, j) => [n, j]));
      }
    }
  }

  /** Every value of a header, by its lower-case name. */
  get(lowerName: string): readonly string[] | undefined {
    const at = this.#find(lowerName);
    return at < 0 ? undefined : this.#values[at];
  }

  has(lowerName: string): boolean {
    return this.#find(lowerName) >= 0;
  }

  /** The lower-case names, in the order they first arrived. */
  names(): readonly string[] {
    return this.#names;
  }

  #find(lowerName: string): number {
    if (this.#byName !== undefined) return this.#byName.get(lowerName) ?? -1;
    return this.#names.indexOf(lowerName);
  }
}

export function indexHeaders(headers: HeaderList): HeaderIndex {
  return new HeaderIndex(headers);
}
