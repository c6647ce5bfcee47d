/**
 * The steps both protocol doors (Query for IAM, STS and rolegate's own API; JSON for
 * CloudTrail) take alike: authenticate a signed request, gather the request's facts,
 * record the call in the audit trail before answering, and turn a failure into what the
 * client sees.
 */
import type { Caller } from '../auth/caller.js';
import { resolveCredentials } from '../auth/credentials.js';
import type { RequestFacts } from '../auth/request-context.js';
import { AwsError } from '../errors.js';
import { timeOrderedId } from '../services/audit/event-id.js';
import { auditRecords } from '../services/audit/record.js';
import { StoreUnavailable } from '../store/index.js';
import { parseSignedRequest, verifySignature, type HeaderIndex, type HttpRequest, type ParsedSignedRequest } from '../sigv4/index.js';
import type { ApiDeps, Peer } from './api.js';
import { auditedCall, type ServedCall } from './audit-call.js';

/** A call as far as the pipeline has got with it: enough to record it. */
export type PendingCall = Omit<ServedCall, 'output' | 'error' | 'time'>;

/**
 * The caller of a signed request for one of `services`: the envelope parsed, the secret of
 * its access key found, the signature verified in constant time. Nothing is decided on an
 * access key id before its signature has been checked.
 */
export async function authenticate(http: HttpRequest, headers: HeaderIndex, services: readonly string[], deps: ApiDeps): Promise<{ parsed: ParsedSignedRequest; caller: Caller }> {
  const parsed = parseSignedRequest(http, { now: deps.core.clock.now(), services, allowPresigned: true }, headers);
  const credentials = await resolveCredentials(parsed.accessKeyId, parsed.sessionToken, deps.keyRings, deps.entities);
  verifySignature(parsed, http, credentials.secretAccessKey, deps.signingKeys);
  return { parsed, caller: await credentials.caller() };
}

export function requestFacts(peer: Peer, headers: HeaderIndex, region: string): RequestFacts {
  return { sourceIp: peer.sourceIp, userAgent: headers.get('user-agent')?.[0], secureTransport: peer.secure, region };
}

/** Writes the call's events, timed at its completion as CloudTrail times them; resolves once they are committed. */
export async function record(deps: ApiDeps, call: Omit<ServedCall, 'time'>): Promise<void> {
  const time = deps.core.clock.now();
  await deps.trail.record(auditRecords(auditedCall({ ...call, time }), () => timeOrderedId(time, deps.core.random)));
}

/**
 * A failed call, recorded when it should be, → what the client is told (`error`) and, for
 * the server's log only, the unexpected cause behind it (`fault`). No answer goes out
 * without its event: when the trail cannot take the event, the call fails as the trail
 * did. The store out of reach fails the request closed with AWS's ServiceUnavailable.
 */
export async function settleFailure(deps: ApiDeps, pending: PendingCall | undefined, caught: unknown): Promise<{ error: unknown; fault: unknown }> {
  let failure = caught;
  let error = shown(caught);
  if (pending !== undefined && recordsFailure(pending, error)) {
    try {
      await record(deps, { ...pending, output: undefined, error });
    } catch (unrecorded) {
      failure = unrecorded;
      error = shown(unrecorded);
    }
  }
  return { error, fault: error instanceof AwsError && error === failure ? undefined : failure };
}

/** What the client is told of a failure: the store out of reach is AWS's ServiceUnavailable. */
const shown = (failure: unknown): unknown => (failure instanceof StoreUnavailable ? storeUnavailable() : failure);

/**
 * Which failures are recorded: every failure of an authenticated call; of an unsigned
 * one, only a refusal after its token was verified (AWS does not record every
 * unauthenticated request, and an unsigned flood must not fill the store).
 */
function recordsFailure(call: PendingCall, error: unknown): boolean {
  if (call.caller !== undefined) return true;
  return error instanceof AwsError && error.code === 'AccessDenied';
}

/** AWS's Common Errors: ServiceUnavailable, 503, "The request has failed due to a temporary failure of the server." */
const storeUnavailable = (): AwsError => new AwsError('ServiceUnavailable', 'The request has failed due to a temporary failure of the server.', { fault: 'Receiver' });
