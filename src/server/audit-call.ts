/**
 * The meeting point of the wire and the audit trail: a served call, as the pipeline saw
 * it, → the AuditedCall services/audit turns into CloudTrail events. The views of input
 * and output come from the operation's shapes (protocol/), so a member marked sensitive
 * there never reaches an event.
 */
import { parseArn } from '../arn/index.js';
import type { Caller } from '../auth/caller.js';
import type { RequestFacts } from '../auth/request-context.js';
import { AwsError } from '../errors.js';
import { auditView, type QueryOperation } from '../protocol/index.js';
import { cloudTrailDate } from '../services/audit/dates.js';
import { keepsAnswer, type AuditedCall } from '../services/audit/record.js';

export interface ServedCall {
  /** The SigV4 signing name of the service called: `sts`, `iam`, `rolegate`, `cloudtrail`. */
  readonly service: string;
  readonly operation: QueryOperation;
  readonly caller: Caller | undefined;
  readonly facts: RequestFacts;
  readonly requestId: string;
  readonly time: number;
  readonly input: unknown;
  readonly output: unknown;
  readonly error: unknown;
}

const EVENT_SOURCE: Readonly<Record<string, string>> = {
  sts: 'sts.amazonaws.com',
  iam: 'iam.amazonaws.com',
  cloudtrail: 'cloudtrail.amazonaws.com',
};

/** The AWS service that fetches a role's credentials for each of rolegate's own operations. */
const FETCHED_BY: Readonly<Record<string, string>> = {
  GetInstanceCredentials: 'ec2.amazonaws.com',
  GetTaskCredentials: 'ecs-tasks.amazonaws.com',
};

const request = { side: 'request', date: cloudTrailDate } as const;
const response = { side: 'response', date: cloudTrailDate } as const;

export function auditedCall(call: ServedCall): AuditedCall {
  const input = asRecord(call.input);
  const output = call.error === undefined ? asRecord(call.output) : undefined;
  const base = {
    caller: call.caller,
    facts: call.facts,
    requestId: call.requestId,
    time: call.time,
    input,
    output,
    error: errorOf(call.error),
  };
  const fetchedBy = call.service === 'rolegate' ? FETCHED_BY[call.operation.name] : undefined;
  if (fetchedBy !== undefined) return serviceAssumeRole(call, fetchedBy, base);
  const eventSource = EVENT_SOURCE[call.service] ?? `${call.service}.amazonaws.com`;
  const viewed = {
    ...base,
    eventSource,
    eventName: call.operation.name,
    requestParameters: auditView(call.operation.input, input, request),
    // A read's answer (a ListRoles page, say) is not recorded, so it is not walked either.
    responseElements: keepsAnswer(eventSource, call.operation.name) ? auditView(call.operation.output, output, response) : null,
  };
  if (call.caller === undefined && call.operation.name === 'AssumeRoleWithWebIdentity') return { ...viewed, identity: webIdentity(input, output) };
  return viewed;
}

/**
 * Credentials for an instance or a task, recorded as AWS records EC2's and ECS's fetch:
 * an AssumeRole by the service, in the role's account, the session named after the
 * instance or task. Who asked rolegate for them, and from where, is kept beside it.
 */
function serviceAssumeRole(call: ServedCall, fetchedBy: string, base: Omit<AuditedCall, 'eventSource' | 'eventName' | 'requestParameters' | 'responseElements'>): AuditedCall {
  const input = base.input ?? {};
  const output = base.output;
  const roleArn = typeof output?.['RoleArn'] === 'string' ? output['RoleArn'] : typeof input['RoleArn'] === 'string' ? input['RoleArn'] : undefined;
  const sessionName = input['InstanceId'] ?? input['TaskId'];
  const requestParameters = {
    ...(roleArn === undefined ? {} : { roleArn }),
    ...(typeof sessionName === 'string' ? { roleSessionName: sessionName } : {}),
    ...(typeof input['InstanceProfileName'] === 'string' ? { instanceProfileName: input['InstanceProfileName'] } : {}),
  };
  const answer = output === undefined ? undefined : { Credentials: output['Credentials'], AssumedRoleUser: output['AssumedRoleUser'] };
  return {
    ...base,
    caller: undefined,
    input: { ...input, ...(roleArn === undefined ? {} : { RoleArn: roleArn }) },
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    identity: { userIdentity: { type: 'AWSService', invokedBy: fetchedBy }, username: fetchedBy },
    facts: { ...call.facts, sourceIp: fetchedBy, userAgent: fetchedBy },
    requestParameters,
    responseElements: auditView(call.operation.output, answer, response),
    additionalEventData: {
      rolegateOperation: call.operation.name,
      rolegateCaller: call.caller?.arn ?? null,
      rolegateSourceIPAddress: call.facts.sourceIp,
    },
    roleAccount: roleArn === undefined ? call.caller?.accountId : parseArn(roleArn)?.account,
  };
}

/** The web identity the verified token named; nothing is taken from a token that failed. */
function webIdentity(input: Readonly<Record<string, unknown>> | undefined, output: Readonly<Record<string, unknown>> | undefined): AuditedCall['identity'] {
  const provider = output?.['Provider'];
  const audience = output?.['Audience'];
  const subject = output?.['SubjectFromWebIdentityToken'];
  if (typeof provider !== 'string' || typeof subject !== 'string') return { userIdentity: { type: 'WebIdentityUser' }, username: undefined };
  const account = parseArn(typeof input?.['RoleArn'] === 'string' ? input['RoleArn'] : '')?.account ?? '';
  const providerArn = `arn:aws:iam::${account}:oidc-provider/${provider}`;
  return {
    userIdentity: { type: 'WebIdentityUser', principalId: `${providerArn}:${String(audience ?? '')}:${subject}`, userName: subject, identityProvider: providerArn },
    username: subject,
  };
}

function errorOf(error: unknown): AuditedCall['error'] {
  if (error === undefined) return undefined;
  if (error instanceof AwsError) return { code: error.code, message: error.message };
  return { code: 'InternalFailure', message: 'An internal error occurred.' };
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}
