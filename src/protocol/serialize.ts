/**
 * An operation's result → the XML body IAM and STS send:
 *
 *   <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
 *     <AssumeRoleResult>…</AssumeRoleResult>
 *     <ResponseMetadata><RequestId>…</RequestId></ResponseMetadata>
 *   </AssumeRoleResponse>
 *
 * An operation with no output shape (IAM's DeleteRole, TagRole, …) has no `<…Result>`
 * element at all, only the metadata, as in AWS's DeleteRole sample response. Lists are
 * `<member>` elements (or repeated elements when flattened), maps `<entry><key/><value/>`.
 * No XML declaration and no whitespace between elements, as AWS sends it. A string shape
 * marked `urlEncoded` (IAM's policy documents) is percent-encoded before it is escaped.
 */
import { Buffer } from 'node:buffer';
import { AwsError } from '../errors.js';
import { structureMembers, type ListShape, type MapShape, type MemberRef, type Shape, type StructureShape } from './schema.js';
import { formatTimestamp } from './timestamp.js';
import { XmlWriter } from './xml.js';

export interface ResponseEnvelope {
  /** The operation name, e.g. `AssumeRole`. */
  readonly action: string;
  /** The service's XML namespace, e.g. `https://sts.amazonaws.com/doc/2011-06-15/`. */
  readonly xmlNamespace: string;
  readonly requestId: string;
}

/**
 * Writes a successful response.
 *
 * @example
 *   serializeResponse({ action: 'GetCallerIdentity', xmlNamespace: NS, requestId },
 *                     GetCallerIdentityOutput, { Account: '123456789012', Arn, UserId })
 */
export function serializeResponse(
  envelope: ResponseEnvelope,
  output: StructureShape | undefined,
  result: unknown,
): string {
  const w = new XmlWriter();
  w.open(`${envelope.action}Response`, [['xmlns', envelope.xmlNamespace]]);
  if (output !== undefined) {
    w.open(`${envelope.action}Result`);
    writeMembers(w, output, result);
    w.close();
  }
  w.open('ResponseMetadata').leaf('RequestId', envelope.requestId).close();
  w.close();
  return w.toString();
}

function writeMembers(w: XmlWriter, shape: StructureShape, value: unknown): void {
  if (typeof value !== 'object' || value === null) throw badResult();
  const record = value as Record<string, unknown>;
  for (const { name, wireName, ref } of structureMembers(shape)) {
    const v = Object.hasOwn(record, name) ? record[name] : undefined;
    if (v === undefined || v === null) continue;
    writeMember(w, wireName, ref, v);
  }
}

function writeMember(w: XmlWriter, name: string, ref: MemberRef, value: unknown): void {
  const shape = ref.shape;
  if (shape.kind === 'list') {
    writeList(w, name, shape, ref.flattened === true, value);
  } else if (shape.kind === 'map') {
    writeMap(w, name, shape, ref.flattened === true, value);
  } else {
    writeValue(w, name, shape, value);
  }
}

function writeValue(w: XmlWriter, name: string, shape: Shape, value: unknown): void {
  switch (shape.kind) {
    case 'structure':
      w.open(name);
      writeMembers(w, shape, value);
      w.close();
      return;
    case 'list':
    case 'map':
      // A list or map nested directly in a list or map (no member between): wrapped.
      writeMember(w, name, { shape }, value);
      return;
    default:
      w.leaf(name, scalarText(shape, value));
  }
}

function writeList(w: XmlWriter, name: string, shape: ListShape, flattened: boolean, value: unknown): void {
  if (!Array.isArray(value)) throw badResult();
  if (flattened) {
    for (const item of value) writeValue(w, name, shape.member.shape, item);
    return;
  }
  const memberName = shape.member.locationName ?? 'member';
  w.open(name);
  for (const item of value) writeValue(w, memberName, shape.member.shape, item);
  w.close();
}

function writeMap(w: XmlWriter, name: string, shape: MapShape, flattened: boolean, value: unknown): void {
  const entries = mapEntries(value);
  const keyName = shape.key.locationName ?? 'key';
  const valueName = shape.value.locationName ?? 'value';
  if (!flattened) w.open(name);
  for (const [k, v] of entries) {
    w.open(flattened ? name : 'entry');
    w.leaf(keyName, k);
    writeValue(w, valueName, shape.value.shape, v);
    w.close();
  }
  if (!flattened) w.close();
}

/** A map result may be a `Map` or a plain record; either way only own string keys. */
function mapEntries(value: unknown): [string, unknown][] {
  if (value instanceof Map) {
    const out: [string, unknown][] = [];
    for (const [k, v] of value as Map<unknown, unknown>) {
      if (typeof k !== 'string') throw badResult();
      out.push([k, v]);
    }
    return out;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badResult();
  return Object.entries(value as Record<string, unknown>);
}

function scalarText(shape: Exclude<Shape, StructureShape | ListShape | MapShape>, value: unknown): string {
  switch (shape.kind) {
    case 'string':
      if (typeof value !== 'string') throw badResult();
      return shape.urlEncoded === true ? encodeRfc3986(value) : value;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw badResult();
      return String(value);
    case 'float':
      if (typeof value !== 'number') throw badResult();
      return formatFloat(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw badResult();
      return value ? 'true' : 'false';
    case 'timestamp':
      if (!(value instanceof Date)) throw badResult();
      return formatTimestamp(value, shape.format, shape.fractionalSeconds);
    case 'blob':
      if (!(value instanceof Uint8Array)) throw badResult();
      return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * IAM's encoding of policy documents: every octet of the UTF-8 text but RFC 3986's
 * unreserved characters as `%XX` — `*` too (`%2A`, as real IAM responses show), which
 * `encodeURIComponent` alone would leave. A lone surrogate, which has no UTF-8 form and
 * would make `encodeURIComponent` throw, becomes U+FFFD, as in the XML writer.
 */
function encodeRfc3986(s: string): string {
  return encodeURIComponent(s.replace(LONE_SURROGATE, '\ufffd')).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function formatFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  return String(n);
}

/** A result that does not fit its shape is our bug; the client sees InternalFailure. */
function badResult(): AwsError {
  return new AwsError(
    'InternalFailure',
    'The request processing has failed because of an unknown error, exception or failure.',
    { fault: 'Receiver' },
  );
}
