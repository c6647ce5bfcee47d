/**
 * The `Authorization` header of a header-signed request, read strictly:
 *
 *   AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=<64 hex>
 *
 * Exactly the three components, each once, separated by commas (spaces after a comma
 * allowed). A missing component is IncompleteSignature with AWS's list of what is
 * required; the date requirement joins that list when the request has no date header.
 */
import { incomplete } from './messages.js';
import { ALGORITHM } from './string-to-sign.js';

export interface AuthorizationComponents {
  readonly credential: string;
  readonly signedHeaders: string;
  readonly signature: string;
}

const COMPONENTS = ['Credential', 'Signature', 'SignedHeaders'] as const;
type Component = (typeof COMPONENTS)[number];

/**
 * AWS echoes the header after `Authorization=`. rolegate does so only for AWS-style
 * values: a `Basic` or `Bearer` header may carry a password or token of the client's.
 */
function echo(header: string): string {
  return header.startsWith(ALGORITHM) || header.startsWith('AWS ') ? ` Authorization=${header.slice(0, 1024)}` : '';
}

function requires(missing: readonly Component[], hasDate: boolean, header: string): Error {
  const lines = missing.map((c) => `Authorization header requires '${c}' parameter.`);
  if (!hasDate) lines.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  return incomplete(lines.join(' ') + echo(header));
}

/**
 * Splits the header into its components, or throws IncompleteSignature.
 *
 * @example
 *   parseAuthorizationHeader('AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=ab…', true)
 */
export function parseAuthorizationHeader(header: string, hasDate: boolean): AuthorizationComponents {
  if (!header.startsWith(`${ALGORITHM} `)) throw requires(COMPONENTS, hasDate, header);
  const found = new Map<Component, string>();
  for (const raw of header.slice(ALGORITHM.length + 1).split(',')) {
    const part = raw.trim();
    const eq = part.indexOf('=');
    if (eq <= 0) {
      throw incomplete(`'${part}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`);
    }
    const key = part.slice(0, eq);
    if (!(COMPONENTS as readonly string[]).includes(key)) {
      throw incomplete(`'${key}' is not a component of a SigV4 Authorization header: '${header}'.`);
    }
    if (found.has(key as Component)) throw incomplete(`Authorization header has '${key}' more than once: '${header}'.`);
    found.set(key as Component, part.slice(eq + 1));
  }
  const missing = COMPONENTS.filter((c) => !found.has(c));
  if (missing.length > 0 || !hasDate) throw requires(missing, hasDate, header);
  return { credential: found.get('Credential')!, signedHeaders: found.get('SignedHeaders')!, signature: found.get('Signature')! };
}
