/**
 * One API call → the CloudTrail events that record it (CloudTrail User Guide, "CloudTrail
 * record contents" and the IAM User Guide, "Logging IAM and AWS STS API calls with AWS
 * CloudTrail"):
 *
 * - one event in the caller's account; a cross-account AssumeRole that succeeded is also
 *   recorded in the role's account, where the caller shows as `AWSAccount`, both copies
 *   sharing a sharedEventID (a denied one is not recorded there, as in AWS);
 * - AssumeRoleWithWebIdentity has no caller: it is recorded in the role's account, as the
 *   `WebIdentityUser` its verified token names;
 * - credentials fetched for an instance or a task (rolegate's own API) are recorded as AWS
 *   records them: an AssumeRole made by `ec2.amazonaws.com` or `ecs-tasks.amazonaws.com`
 *   in the role's account, with who asked rolegate in additionalEventData.
 *
 * Read-only calls have null responseElements, except the AssumeRole family, which AWS
 * marks read-only yet records with its answer (less the secret key; rolegate also leaves
 * out the session token, which AWS writes). Parameters or answers over 100 KB are
 * omitted, and the user agent and error message cut at 1 KB, as CloudTrail does.
 */
import { parseArn } from '../../arn/index.js';
import type { Caller } from '../../auth/caller.js';
import { isoSeconds, type RequestFacts } from '../../auth/request-context.js';
import type { AuditEventRecord, AuditResource } from '../../store/index.js';
import { JsonObjectWriter, type JsonObject, type JsonValue } from './json.js';
import { lookupUsername, userIdentity } from './user-identity.js';

/** CloudTrail's current record version (record contents page, 2025). */
export const EVENT_VERSION = '1.11';

export interface AuditedCall {
  readonly eventSource: string;
  readonly eventName: string;
  /** The verified caller; undefined for AssumeRoleWithWebIdentity and service-made calls. */
  readonly caller: Caller | undefined;
  /** Who the call is recorded as when there is no caller (a web identity, an AWS service). */
  readonly identity?: { readonly userIdentity: JsonObject; readonly username: string | undefined } | undefined;
  readonly facts: RequestFacts;
  readonly requestId: string;
  readonly time: number;
  /** The operation's input and (on success) output as the handler saw them, for resources and accounts. */
  readonly input: Readonly<Record<string, unknown>> | undefined;
  readonly output: Readonly<Record<string, unknown>> | undefined;
  readonly requestParameters: JsonValue;
  readonly responseElements: JsonValue;
  readonly additionalEventData?: JsonObject | undefined;
  readonly error: { readonly code: string; readonly message: string } | undefined;
  /** The account(s) the event goes to when there is no caller: the role's. */
  readonly roleAccount?: string | undefined;
}

const KB = 1024;
const ASSUME_ROLE_FAMILY: ReadonlySet<string> = new Set(['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML']);
const READ_ONLY_STS: ReadonlySet<string> = new Set(['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'GetCallerIdentity', 'GetAccessKeyInfo', 'DecodeAuthorizationMessage']);

/** Whether CloudTrail marks the call read-only: reads, and the AssumeRole family (IAM User Guide's table). */
export function isReadOnly(eventSource: string, eventName: string): boolean {
  if (eventSource === 'sts.amazonaws.com') return READ_ONLY_STS.has(eventName);
  return /^(Get|List|Simulate|Lookup)/.test(eventName);
}

/** Whether the event carries the call's answer: not for reads, except the AssumeRole family. */
export function keepsAnswer(eventSource: string, eventName: string): boolean {
  return !isReadOnly(eventSource, eventName) || ASSUME_ROLE_FAMILY.has(eventName);
}

export function auditRecords(call: AuditedCall, newId: () => string): AuditEventRecord[] {
  const readOnly = isReadOnly(call.eventSource, call.eventName);
  const roleArn = typeof call.input?.['RoleArn'] === 'string' ? call.input['RoleArn'] : undefined;
  const roleAccount = call.roleAccount ?? (roleArn === undefined ? undefined : parseArn(roleArn)?.account);
  const home = call.caller?.accountId ?? roleAccount;
  if (home === undefined) return [];

  const crossAccount = call.caller !== undefined && call.error === undefined && ASSUME_ROLE_FAMILY.has(call.eventName) && roleAccount !== undefined && roleAccount !== home;
  const sharedEventId = crossAccount ? newId() : undefined;
  const identity = call.caller !== undefined ? userIdentity(call.caller) : (call.identity?.userIdentity ?? { type: 'Unknown' });
  const username = call.caller !== undefined ? lookupUsername(call.caller) : call.identity?.username;
  const accessKeyId = call.caller?.accessKeyId;
  const lookupResources = resourcesOf(call);
  const recordResources = roleArn !== undefined && ASSUME_ROLE_FAMILY.has(call.eventName) ? [{ accountId: roleAccount ?? '', type: 'AWS::IAM::Role', ARN: roleArn }] : undefined;
  const responseElements = call.error !== undefined || !keepsAnswer(call.eventSource, call.eventName) ? null : call.responseElements;

  const recipients: { account: string; identity: JsonObject }[] = [{ account: home, identity }];
  if (crossAccount && call.caller !== undefined && roleAccount !== undefined) {
    recipients.push({ account: roleAccount, identity: { type: 'AWSAccount', principalId: String(identity['principalId'] ?? ''), accountId: call.caller.accountId } });
  }
  const requestParameters = withinLimit(call.requestParameters);
  const answer = withinLimit(responseElements);
  return recipients.map(({ account, identity: shown }) => {
    const eventId = newId();
    const record = new JsonObjectWriter()
      .text('eventVersion', `"${EVENT_VERSION}"`)
      .text('userIdentity', identityText(shown))
      .value('eventTime', isoSeconds(call.time))
      .value('eventSource', call.eventSource)
      .value('eventName', call.eventName)
      .value('awsRegion', call.facts.region)
      .value('sourceIPAddress', call.facts.sourceIp)
      .value('userAgent', cut(call.facts.userAgent ?? '', KB));
    if (call.error !== undefined) record.value('errorCode', cut(call.error.code, KB)).value('errorMessage', cut(call.error.message, KB));
    record.text('requestParameters', requestParameters).text('responseElements', answer);
    if (call.additionalEventData !== undefined) record.value('additionalEventData', call.additionalEventData);
    record.value('requestID', call.requestId).value('eventID', eventId).value('readOnly', readOnly);
    if (recordResources !== undefined) record.value('resources', recordResources);
    record.text('eventType', '"AwsApiCall"').text('managementEvent', 'true').value('recipientAccountId', account);
    if (sharedEventId !== undefined) record.value('sharedEventID', sharedEventId);
    record.text('eventCategory', '"Management"');
    return {
      eventId,
      accountId: account,
      eventTime: call.time,
      eventName: call.eventName,
      eventSource: call.eventSource,
      readOnly,
      username,
      accessKeyId,
      resources: lookupResources,
      record: record.end(),
    };
  });
}

/** Identities are made once per caller (user-identity.ts), and so is their text. */
const identityTexts = new WeakMap<JsonObject, string>();

function identityText(identity: JsonObject): string {
  let text = identityTexts.get(identity);
  if (text === undefined) {
    text = JSON.stringify(identity);
    identityTexts.set(identity, text);
  }
  return text;
}

/** The resources LookupEvents lists for an event, and that ResourceName and ResourceType look up. */
const RESOURCE_MEMBERS: readonly (readonly [string, string])[] = [
  ['RoleArn', 'AWS::IAM::Role'],
  ['RoleName', 'AWS::IAM::Role'],
  ['UserName', 'AWS::IAM::User'],
  ['GroupName', 'AWS::IAM::Group'],
  ['PolicyArn', 'AWS::IAM::Policy'],
  ['InstanceProfileName', 'AWS::IAM::InstanceProfile'],
  ['OpenIDConnectProviderArn', 'AWS::IAM::OIDCProvider'],
  ['SerialNumber', 'AWS::IAM::MFADevice'],
  ['AccessKeyId', 'AWS::IAM::AccessKey'],
];

function resourcesOf(call: AuditedCall): AuditResource[] {
  const found: AuditResource[] = [];
  const input = call.input ?? {};
  for (const [member, type] of RESOURCE_MEMBERS) {
    const value = input[member];
    if (typeof value === 'string' && value !== '') found.push({ type, name: value });
  }
  const output = call.output;
  if (output !== undefined) {
    const credentials = output['Credentials'] as { AccessKeyId?: unknown } | undefined;
    if (typeof credentials?.AccessKeyId === 'string') found.push({ type: 'AWS::IAM::AccessKey', name: credentials.AccessKeyId });
    const assumed = output['AssumedRoleUser'] as { Arn?: unknown } | undefined;
    if (typeof assumed?.Arn === 'string') found.push({ type: 'AWS::STS::AssumedRole', name: assumed.Arn.slice(assumed.Arn.lastIndexOf('/') + 1) });
    const created = output['AccessKey'] as { AccessKeyId?: unknown } | undefined;
    if (typeof created?.AccessKeyId === 'string') found.push({ type: 'AWS::IAM::AccessKey', name: created.AccessKeyId });
  }
  return found;
}

/** The JSON text of requestParameters or responseElements: CloudTrail omits either over 100 KB rather than cut it. */
function withinLimit(value: JsonValue): string {
  if (value === null) return 'null';
  const text = JSON.stringify(value);
  return Buffer.byteLength(text) > 100 * KB ? 'null' : text;
}

function cut(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let out = text.slice(0, bytes);
  while (Buffer.byteLength(out) > bytes) out = out.slice(0, -1);
  return out;
}
