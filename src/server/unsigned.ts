/**
 * Recognising the one kind of request rolegate serves without a signature, as AWS
 * does: a request with no SigV4 authentication at all (no Authorization header, no
 * presigned-URL parameters) whose Action is one a served service lists as unsigned
 * (STS AssumeRoleWithWebIdentity). Anything else unsigned goes on to the signature
 * check and is refused there.
 */
import { readQueryParams, resolveOperation, type QueryOperation } from '../protocol/index.js';
import type { HeaderIndex, HttpRequest } from '../sigv4/index.js';
import type { ApiTable, ServedService } from './api-table.js';

export interface UnsignedCall {
  readonly served: ServedService;
  readonly operation: QueryOperation;
  readonly params: Map<string, string>;
}

/** Query parameters that make a request a presigned (signed) one. */
const AUTH_PARAMETERS = ['x-amz-algorithm', 'x-amz-credential', 'x-amz-signature', 'x-amz-signedheaders', 'x-amz-security-token', 'x-amz-date'];

export function unsignedCall(http: HttpRequest, headers: HeaderIndex, table: ApiTable): UnsignedCall | undefined {
  if (headers.has('authorization')) return undefined;
  const query = new URLSearchParams(http.query);
  for (const name of query.keys()) if (AUTH_PARAMETERS.includes(name.toLowerCase())) return undefined;
  const read = queryParams(http, headers);
  const action = read.get('Action');
  if (action === undefined) return undefined;
  for (const served of table.values()) {
    if (!served.unsigned.has(action)) continue;
    return { served, operation: resolveOperation(read, served.protocol), params: read };
  }
  return undefined;
}

/** The request's Query parameters: from a form body, and the query string. */
export function queryParams(http: HttpRequest, headers: HeaderIndex): Map<string, string> {
  const type = headers.get('content-type')?.[0] ?? '';
  const isForm = http.body.length > 0 && type.toLowerCase().startsWith('application/x-www-form-urlencoded');
  return readQueryParams(isForm ? http.body : new Uint8Array(), http.query);
}
