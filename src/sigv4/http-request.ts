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

/** The headers by lower-case name, each with its values in the order received. */
export type HeaderIndex = ReadonlyMap<string, readonly string[]>;

/**
 * Indexes a request's headers by lower-case name, in one pass: verification looks
 * headers up a dozen times, and lower-casing every name for every lookup was a
 * measurable share of it.
 */
export function indexHeaders(headers: HeaderList): HeaderIndex {
  const index = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const values = index.get(key);
    if (values === undefined) index.set(key, [value]);
    else values.push(value);
  }
  return index;
}
