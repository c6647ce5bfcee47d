/**
 * The JSON-protocol door: CloudTrail's LookupEvents, signed for `cloudtrail`, so that
 * `aws cloudtrail lookup-events --endpoint-url …` and the SDKs' CloudTrail clients read
 * rolegate's audit trail. Authentication, rate limits and the audit record are the Query
 * door's own steps (call.ts); only the envelope differs.
 */
import { AwsError } from '../errors.js';
import {
  CLOUDTRAIL_JSON_CONTENT_TYPE,
  cloudTrailOperation,
  float,
  integer,
  list,
  readJsonBody,
  readLookupEventsInput,
  serializeJsonError,
  string,
  structure,
  writeLookupEventsOutput,
  type QueryOperation,
} from '../protocol/index.js';
import type { ServiceContext } from '../services/context.js';
import { lookupEvents } from '../services/audit/lookup.js';
import type { HeaderIndex, HttpRequest } from '../sigv4/index.js';
import type { ApiDeps, ApiResponse, Peer } from './api.js';
import { authenticate, record, requestFacts, settleFailure, type PendingCall } from './call.js';

const SIGNING_NAME = 'cloudtrail';

/**
 * LookupEvents' request as the audit trail shows it. The wire's epoch-second timestamps
 * are shown as the numbers they are.
 */
const LookupEventsAudit: QueryOperation = {
  name: 'LookupEvents',
  input: structure({
    LookupAttributes: list(structure({ AttributeKey: string(), AttributeValue: string() })),
    StartTime: float(),
    EndTime: float(),
    EventCategory: string(),
    MaxResults: integer(),
    NextToken: string(),
  }),
};

const OPERATIONS: ReadonlySet<string> = new Set(['LookupEvents']);

export async function handleJsonApi(http: HttpRequest, headers: HeaderIndex, peer: Peer, requestId: string, deps: ApiDeps): Promise<ApiResponse> {
  let pending: PendingCall | undefined;
  let action = 'unknown';
  let accessKeyId: string | undefined;
  let callerArn: string | undefined;
  try {
    const { parsed, caller } = await authenticate(http, headers, [SIGNING_NAME], deps);
    accessKeyId = parsed.accessKeyId;
    callerArn = caller.arn;
    deps.rateLimiter?.admit(caller.accountId, deps.core.clock.now());
    if (http.method !== 'POST') throw new AwsError('UnknownOperationException', 'The JSON protocol is served over POST only.');
    action = cloudTrailOperation(headers.get('x-amz-target')?.[0] ?? '', OPERATIONS);
    const facts = requestFacts(peer, parsed.headers, parsed.scope.region);
    const body = readJsonBody(http.body);
    pending = { service: SIGNING_NAME, operation: LookupEventsAudit, caller, facts, requestId, input: body };
    const input = readLookupEventsInput(body);
    const ctx: ServiceContext = { caller, facts, deps: deps.core, authorizer: deps.authorizer, keyRings: deps.keyRings, entities: deps.entities };
    const page = await lookupEvents(input, ctx);
    await record(deps, { ...pending, output: undefined, error: undefined });
    return { status: 200, body: writeLookupEventsOutput(page), contentType: CLOUDTRAIL_JSON_CONTENT_TYPE, service: SIGNING_NAME, action, accessKeyId, callerArn, errorCode: undefined };
  } catch (caught) {
    const { error, fault } = await settleFailure(deps, pending, caught);
    const wire = serializeJsonError(error);
    return { status: wire.status, body: wire.body, contentType: CLOUDTRAIL_JSON_CONTENT_TYPE, service: SIGNING_NAME, action, accessKeyId, callerArn, errorCode: wire.code, fault };
  }
}
