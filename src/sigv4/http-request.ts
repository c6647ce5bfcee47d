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

/** Every value of one header, in the order received; `name` is matched case-insensitively. */
export function headerValues(headers: HeaderList, name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [n, v] of headers) if (n.toLowerCase() === wanted) values.push(v);
  return values;
}
