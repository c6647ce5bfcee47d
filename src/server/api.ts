/**
 * The AWS API pipeline, the one gate every IAM and STS call passes: parse and check the
 * signature's envelope, find the secret for its access key, verify the signature in
 * constant time, build the caller, read the Query parameters, run the operation (which
 * authorizes through the engine), and write AWS's XML. Any failure becomes AWS's error
 * envelope; nothing is decided on an access key id whose signature has not been checked.
 * The only exception is the operation AWS itself serves unsigned (AssumeRoleWithWebIdentity,
 * see unsigned.ts), whose token is verified in its place.
 */
import { randomUUID } from 'node:crypto';
import { parseArn } from '../arn/index.js';
import type { Authorizer } from '../auth/authorizer.js';
import { resolveCredentials } from '../auth/credentials.js';
import type { CoreDeps } from '../auth/deps.js';
import type { EntityCache } from '../auth/entity-cache.js';
import type { KeyRingSource } from '../auth/key-ring-source.js';
import type { OidcKeySource } from '../auth/oidc-keys.js';
import type { RequestFacts } from '../auth/request-context.js';
import { AwsError } from '../errors.js';
import { deserializeInput, resolveOperation, serializeError, serializeResponse, type QueryOperation } from '../protocol/index.js';
import { auditRecords } from '../services/audit/record.js';
import type { AuditTrail } from '../services/audit/trail.js';
import type { ServiceContext, UnsignedContext } from '../services/context.js';
import { refuseFederatedUser } from '../services/federated-users.js';
import { StoreUnavailable } from '../store/index.js';
import { indexHeaders, parseSignedRequest, verifySignature, type HeaderIndex, type HttpRequest, type SigningKeyCache } from '../sigv4/index.js';
import type { ApiTable, ServedService } from './api-table.js';
import { auditedCall, type ServedCall } from './audit-call.js';
import type { RateLimiter } from './rate-limiter.js';
import { queryParams, unsignedCall } from './unsigned.js';

export interface ApiDeps {
  readonly core: CoreDeps;
  readonly keyRings: KeyRingSource;
  readonly entities: EntityCache;
  readonly authorizer: Authorizer;
  readonly signingKeys: SigningKeyCache;
  readonly table: ApiTable;
  /** OpenID Connect issuers' keys, for the tokens of AssumeRoleWithWebIdentity. */
  readonly oidcKeys: OidcKeySource;
  /** Per-account request rates; absent when not configured. */
  readonly rateLimiter?: RateLimiter | undefined;
  /** Where every call's CloudTrail events are committed before its answer goes out. */
  readonly trail: AuditTrail;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: string;
  /** For logs and metrics: what was asked and by whom (never a secret). */
  readonly service: string;
  readonly action: string;
  readonly accessKeyId: string | undefined;
  readonly callerArn: string | undefined;
  readonly errorCode: string | undefined;
  /** An unexpected failure, for the server's log only; the client saw InternalFailure. */
  readonly fault?: unknown;
}

export interface Peer {
  readonly sourceIp: string;
  readonly secure: boolean;
}

export async function handleApi(http: HttpRequest, peer: Peer, requestId: string, deps: ApiDeps): Promise<ApiResponse> {
  // What the audit trail records of the call, filled in as the pipeline learns it. A call
  // is recorded once it is authenticated (or, unsigned, names an operation AWS serves so).
  let audited: PendingCall | undefined;
  let served: ServedService | undefined;
  let action = 'unknown';
  let accessKeyId: string | undefined;
  let callerArn: string | undefined;
  try {
    // The one door without a signature: an unsigned request for an operation AWS serves unsigned.
    const headers = indexHeaders(http.headers);
    const unsigned = unsignedCall(http, headers, deps.table);
    if (unsigned !== undefined) {
      served = unsigned.served;
      action = unsigned.operation.name;
      deps.rateLimiter?.admit(parseArn(unsigned.params.get('RoleArn') ?? '')?.account ?? '', deps.core.clock.now());
      const facts = requestFacts(peer, headers, UNSIGNED_REGION);
      audited = { service: served.signingName, operation: unsigned.operation, caller: undefined, facts, requestId, input: undefined };
      const input = deserializeInput(unsigned.params, unsigned.operation.input, { style: served.protocol.validationStyle });
      audited = { ...audited, input };
      const output = await runUnsigned(served, unsigned.operation, input, facts, deps);
      await record(deps, { ...audited, output, error: undefined });
      return ok(served, unsigned.operation, output, requestId, undefined, undefined);
    }

    const parsed = parseSignedRequest(http, { now: deps.core.clock.now(), services: [...deps.table.keys()], allowPresigned: true }, headers);
    served = deps.table.get(parsed.scope.service);
    if (served === undefined) throw new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.');
    accessKeyId = parsed.accessKeyId;
    const credentials = await resolveCredentials(parsed.accessKeyId, parsed.sessionToken, deps.keyRings, deps.entities);
    verifySignature(parsed, http, credentials.secretAccessKey, deps.signingKeys);
    const caller = await credentials.caller();
    callerArn = caller.arn;
    deps.rateLimiter?.admit(caller.accountId, deps.core.clock.now());

    const params = queryParams(http, parsed.headers);
    const operation = resolveOperation(params, served.protocol);
    action = operation.name;
    const facts = requestFacts(peer, parsed.headers, parsed.scope.region);
    audited = { service: served.signingName, operation, caller, facts, requestId, input: undefined };
    const input = deserializeInput(params, operation.input, { style: served.protocol.validationStyle });
    audited = { ...audited, input };
    let output: unknown;
    // A signed request for an unsigned operation is served too (AWS ignores who signed it).
    if (served.unsigned.has(operation.name)) {
      output = await runUnsigned(served, operation, input, facts, deps);
    } else {
      const handler = served.handlers.get(operation.name);
      if (handler === undefined) throw new AwsError('InvalidAction', `Could not find operation ${operation.name} for version ${served.protocol.version}`);
      refuseFederatedUser(caller, served.signingName, operation.name);
      const ctx: ServiceContext = { caller, facts, deps: deps.core, authorizer: deps.authorizer, keyRings: deps.keyRings, entities: deps.entities };
      output = await handler(input as never, ctx);
    }
    await record(deps, { ...audited, output, error: undefined });
    return ok(served, operation, output, requestId, accessKeyId, callerArn);
  } catch (caught) {
    let failure = caught;
    if (audited !== undefined && recordsFailure(audited, caught)) {
      try {
        await record(deps, { ...audited, output: undefined, error: caught });
      } catch (unrecorded) {
        // No answer goes out without its event: the call fails as the trail did.
        failure = unrecorded;
      }
    }
    // The store out of reach fails the request closed, as AWS answers a temporary failure;
    // the cause goes to the server's log below.
    const error = failure instanceof StoreUnavailable ? storeUnavailable() : failure;
    const namespace = (served ?? deps.table.get('sts') ?? [...deps.table.values()][0])?.protocol.xmlNamespace ?? '';
    const wire = serializeError(error, { xmlNamespace: namespace, requestId });
    return {
      status: wire.status,
      body: wire.body,
      service: served?.signingName ?? 'unknown',
      action,
      accessKeyId,
      callerArn,
      errorCode: error instanceof AwsError ? error.code : 'InternalFailure',
      fault: error instanceof AwsError && error === failure ? undefined : failure,
    };
  }
}

/** A call as far as the pipeline has got with it. */
type PendingCall = Omit<ServedCall, 'output' | 'error' | 'time'>;

/** Writes the call's events, timed at its completion as CloudTrail times them; resolves once they are committed. */
async function record(deps: ApiDeps, call: Omit<ServedCall, 'time'>): Promise<void> {
  await deps.trail.record(auditRecords(auditedCall({ ...call, time: deps.core.clock.now() }), randomUUID));
}

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

/** Unsigned requests carry no credential scope; AWS's STS answers them from its global endpoint's region. */
const UNSIGNED_REGION = 'us-east-1';

function requestFacts(peer: Peer, headers: HeaderIndex, region: string): RequestFacts {
  return { sourceIp: peer.sourceIp, userAgent: headers.get('user-agent')?.[0], secureTransport: peer.secure, region };
}

async function runUnsigned(served: ServedService, operation: QueryOperation, input: unknown, facts: RequestFacts, deps: ApiDeps): Promise<unknown> {
  const handler = served.unsigned.get(operation.name);
  if (handler === undefined) throw new AwsError('InvalidAction', `Could not find operation ${operation.name} for version ${served.protocol.version}`);
  const ctx: UnsignedContext = { facts, deps: deps.core, authorizer: deps.authorizer, keyRings: deps.keyRings, entities: deps.entities, oidcKeys: deps.oidcKeys };
  return handler(input as never, ctx);
}

function ok(served: ServedService, operation: QueryOperation, output: unknown, requestId: string, accessKeyId: string | undefined, callerArn: string | undefined): ApiResponse {
  const body = serializeResponse({ action: operation.name, xmlNamespace: served.protocol.xmlNamespace, requestId }, operation.output, output);
  return { status: 200, body, service: served.signingName, action: operation.name, accessKeyId, callerArn, errorCode: undefined };
}
