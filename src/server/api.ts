/**
 * The AWS API pipeline, the one gate every IAM and STS call passes: parse and check the
 * signature's envelope, find the secret for its access key, verify the signature in
 * constant time, build the caller, read the Query parameters, run the operation (which
 * authorizes through the engine), and write AWS's XML. Any failure becomes AWS's error
 * envelope; nothing is decided on an access key id whose signature has not been checked.
 * The only exception is the operation AWS itself serves unsigned (AssumeRoleWithWebIdentity,
 * see unsigned.ts), whose token is verified in its place. Every call that gets as far as
 * an authenticated caller is recorded in the audit trail before it is answered. Requests
 * naming an `X-Amz-Target` speak the JSON protocol and go to json-api.ts.
 */
import { parseArn } from '../arn/index.js';
import type { Authorizer } from '../auth/authorizer.js';
import type { CoreDeps } from '../auth/deps.js';
import type { EntityCache } from '../auth/entity-cache.js';
import type { KeyRingSource } from '../auth/key-ring-source.js';
import type { OidcKeySource } from '../auth/oidc-keys.js';
import type { RequestFacts } from '../auth/request-context.js';
import { AwsError } from '../errors.js';
import { deserializeInput, resolveOperation, serializeError, serializeResponse, type QueryOperation } from '../protocol/index.js';
import type { AuditTrail } from '../services/audit/trail.js';
import type { ServiceContext, UnsignedContext } from '../services/context.js';
import { refuseFederatedUser } from '../services/federated-users.js';
import { indexHeaders, type HttpRequest, type SigningKeyCache } from '../sigv4/index.js';
import type { ApiTable, ServedService } from './api-table.js';
import { authenticate, record, requestFacts, settleFailure, type PendingCall } from './call.js';
import { handleJsonApi } from './json-api.js';
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
  readonly contentType: string;
}

const XML = 'text/xml';

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
  const headers = indexHeaders(http.headers);
  // CloudTrail speaks the JSON protocol, which names its operation in a header.
  if (headers.has('x-amz-target')) return handleJsonApi(http, headers, peer, requestId, deps);
  try {
    // The one door without a signature: an unsigned request for an operation AWS serves unsigned.
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

    const { parsed, caller } = await authenticate(http, headers, [...deps.table.keys()], deps);
    served = deps.table.get(parsed.scope.service);
    if (served === undefined) throw new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.');
    accessKeyId = parsed.accessKeyId;
    callerArn = caller.arn;
    deps.rateLimiter?.admit(caller.accountId, deps.core.clock.now());

    const params = queryParams(http, parsed.headers);
    const operation = resolveOperation(params, served.protocol);
    action = operation.name;
    const facts = requestFacts(peer, parsed.headers, parsed.scope.region);
    audited = { service: served.signingName, operation, caller, facts, requestId, input: undefined };
    // A signed request for an unsigned operation is served too (AWS ignores who signed it).
    const handler = served.unsigned.has(operation.name) ? undefined : served.handlers.get(operation.name);
    if (handler === undefined && !served.unsigned.has(operation.name)) throw new AwsError('InvalidAction', `Could not find operation ${operation.name} for version ${served.protocol.version}`);
    if (handler !== undefined) refuseFederatedUser(caller, served.signingName, operation.name);
    const input = deserializeInput(params, operation.input, { style: served.protocol.validationStyle });
    audited = { ...audited, input };
    let output: unknown;
    if (handler === undefined) {
      output = await runUnsigned(served, operation, input, facts, deps);
    } else {
      const ctx: ServiceContext = { caller, facts, deps: deps.core, authorizer: deps.authorizer, keyRings: deps.keyRings, entities: deps.entities };
      output = await handler(input as never, ctx);
    }
    await record(deps, { ...audited, output, error: undefined });
    return ok(served, operation, output, requestId, accessKeyId, callerArn);
  } catch (caught) {
    const { error, fault } = await settleFailure(deps, audited, caught);
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
      fault,
      contentType: XML,
    };
  }
}

/** Unsigned requests carry no credential scope; AWS's STS answers them from its global endpoint's region. */
const UNSIGNED_REGION = 'us-east-1';

async function runUnsigned(served: ServedService, operation: QueryOperation, input: unknown, facts: RequestFacts, deps: ApiDeps): Promise<unknown> {
  const handler = served.unsigned.get(operation.name);
  if (handler === undefined) throw new AwsError('InvalidAction', `Could not find operation ${operation.name} for version ${served.protocol.version}`);
  const ctx: UnsignedContext = { facts, deps: deps.core, authorizer: deps.authorizer, keyRings: deps.keyRings, entities: deps.entities, oidcKeys: deps.oidcKeys };
  return handler(input as never, ctx);
}

function ok(served: ServedService, operation: QueryOperation, output: unknown, requestId: string, accessKeyId: string | undefined, callerArn: string | undefined): ApiResponse {
  const body = serializeResponse({ action: operation.name, xmlNamespace: served.protocol.xmlNamespace, requestId }, operation.output, output);
  return { status: 200, body, service: served.signingName, action: operation.name, accessKeyId, callerArn, errorCode: undefined, contentType: XML };
}
