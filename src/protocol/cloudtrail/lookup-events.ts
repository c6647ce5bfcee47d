/**
 * LookupEvents on the wire (CloudTrail API reference and its model): the request read and
 * checked member by member, with CloudTrail's error codes; the answer written with
 * EventTime in epoch seconds, as the JSON protocol writes timestamps.
 */
import { AwsError } from '../../errors.js';

export const LOOKUP_ATTRIBUTE_KEYS = ['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId'] as const;
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

export interface LookupEventsInput {
  readonly lookupAttribute: { readonly key: LookupAttributeKey; readonly value: string } | undefined;
  /** Epoch milliseconds. */
  readonly startTime: number | undefined;
  readonly endTime: number | undefined;
  /** `insight` asks for Insights events only. */
  readonly insights: boolean;
  readonly maxResults: number;
  readonly nextToken: string | undefined;
}

export interface LookupEventsOutput {
  readonly events: readonly {
    readonly eventId: string;
    readonly eventName: string;
    readonly readOnly: boolean;
    readonly accessKeyId: string | undefined;
    readonly eventTime: number;
    readonly eventSource: string;
    readonly username: string | undefined;
    readonly resources: readonly { readonly type: string; readonly name: string }[];
    readonly record: string;
  }[];
  readonly nextToken: string | undefined;
}

const MAX_RESULTS = 50;
const MAX_VALUE_LENGTH = 2000;
const MAX_TOKEN_LENGTH = 1000;
const KNOWN_MEMBERS = new Set(['LookupAttributes', 'StartTime', 'EndTime', 'EventCategory', 'MaxResults', 'NextToken']);

export function readLookupEventsInput(body: Record<string, unknown>): LookupEventsInput {
  for (const name of Object.keys(body)) {
    if (!KNOWN_MEMBERS.has(name)) throw new AwsError('SerializationException', `Unknown member ${JSON.stringify(name.slice(0, 64))} in LookupEventsRequest.`);
  }
  const startTime = readTime(body['StartTime'], 'StartTime');
  const endTime = readTime(body['EndTime'], 'EndTime');
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw new AwsError('InvalidTimeRangeException', 'Start time must be equal to or earlier than end time.');
  }
  const category = body['EventCategory'];
  if (category !== undefined && category !== null && category !== 'insight') {
    throw new AwsError('InvalidEventCategoryException', 'EventCategory must be insight when it is given.');
  }
  return {
    lookupAttribute: readLookupAttributes(body['LookupAttributes']),
    startTime,
    endTime,
    insights: category === 'insight',
    maxResults: readMaxResults(body['MaxResults']),
    nextToken: readNextToken(body['NextToken']),
  };
}

function readLookupAttributes(value: unknown): LookupEventsInput['lookupAttribute'] {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new AwsError('SerializationException', 'LookupAttributes must be a list.');
  if (value.length === 0) return undefined;
  if (value.length > 1) throw new AwsError('InvalidLookupAttributesException', 'You can specify only one lookup attribute.');
  const attribute: unknown = value[0];
  if (typeof attribute !== 'object' || attribute === null || Array.isArray(attribute)) throw new AwsError('SerializationException', 'A lookup attribute must be a structure.');
  const { AttributeKey: key, AttributeValue: text } = attribute as Record<string, unknown>;
  if (typeof key !== 'string' || !(LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
    throw new AwsError('InvalidLookupAttributesException', `AttributeKey must be one of ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}.`);
  }
  if (typeof text !== 'string' || text.length < 1 || weightedLength(text) > MAX_VALUE_LENGTH) {
    throw new AwsError('InvalidLookupAttributesException', `AttributeValue must be 1 to ${MAX_VALUE_LENGTH} characters.`);
  }
  return { key: key as LookupAttributeKey, value: text };
}

/** CloudTrail counts `_`, space, `,` and newline twice against the 2,000-character limit. */
function weightedLength(text: string): number {
  let n = text.length;
  for (const c of text) if (c === '_' || c === ' ' || c === ',' || c === '\n') n++;
  return n;
}

/** A JSON-protocol timestamp: epoch seconds, fractional allowed; returned in milliseconds. */
function readTime(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new AwsError('SerializationException', `${name} must be a timestamp in epoch seconds.`);
  if (value < 0 || value > 253402300799) throw new AwsError('InvalidTimeRangeException', `${name} is outside the range of possible values.`);
  return Math.round(value * 1000);
}

function readMaxResults(value: unknown): number {
  if (value === undefined || value === null) return MAX_RESULTS;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new AwsError('SerializationException', 'MaxResults must be an integer.');
  if (value < 1 || value > MAX_RESULTS) throw new AwsError('InvalidMaxResultsException', `MaxResults must be between 1 and ${MAX_RESULTS}.`);
  return value;
}

function readNextToken(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new AwsError('SerializationException', 'NextToken must be a string.');
  if (value.length === 0 || value.length > MAX_TOKEN_LENGTH) throw new AwsError('InvalidNextTokenException', 'The NextToken is not valid.');
  return value;
}

export function writeLookupEventsOutput(output: LookupEventsOutput): string {
  return JSON.stringify({
    Events: output.events.map((e) => ({
      EventId: e.eventId,
      EventName: e.eventName,
      ReadOnly: String(e.readOnly),
      ...(e.accessKeyId === undefined ? {} : { AccessKeyId: e.accessKeyId }),
      EventTime: Math.floor(e.eventTime / 1000),
      EventSource: e.eventSource,
      ...(e.username === undefined ? {} : { Username: e.username }),
      Resources: e.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })),
      CloudTrailEvent: e.record,
    })),
    ...(output.nextToken === undefined ? {} : { NextToken: output.nextToken }),
  });
}
