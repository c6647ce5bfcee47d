/**
 * What the audit trail shows of an operation's input and output, as CloudTrail writes
 * requestParameters and responseElements: member names with their first letter lower-
 * cased (`RoleArn` → `roleArn`), lists as arrays, maps as objects, blobs in base64. A
 * member whose shape is marked sensitive (secret keys, session tokens, MFA codes, web
 * identity tokens) never appears: in a request its value is replaced by CloudTrail's
 * marker, in a response the member is left out, so an event can carry an access key id
 * but never its secret.
 */
import { Buffer } from 'node:buffer';
import { structureMembers, type Shape, type StructureShape } from './schema.js';

export type AuditValue = string | number | boolean | null | readonly AuditValue[] | { readonly [key: string]: AuditValue };

/** CloudTrail's stand-in for a request parameter it does not record. */
export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

export interface AuditViewOptions {
  /** `request`: sensitive values become HIDDEN; `response`: sensitive members are dropped. */
  readonly side: 'request' | 'response';
  /** How a timestamp is written (CloudTrail's responseElements use their own date format). */
  readonly date: (value: Date) => string;
}

/** The view of a structure value, or null when the operation has none (no shape, no members set). */
export function auditView(shape: StructureShape | undefined, value: unknown, options: AuditViewOptions): AuditValue {
  if (shape === undefined || typeof value !== 'object' || value === null) return null;
  const view = structureView(shape, value as Record<string, unknown>, options);
  return Object.keys(view).length === 0 ? null : view;
}

interface ViewedMember {
  readonly name: string;
  /** The name as the view writes it (`RoleArn` → `roleArn`). */
  readonly viewName: string;
  readonly shape: Shape;
  readonly sensitive: boolean;
}

/**
 * Each structure's members as the view walks them, made once per shape: a call's view
 * then allocates nothing but its output (the shapes are few and live as long as the
 * process; a WeakMap lets a discarded one go).
 */
const viewedMembers = new WeakMap<StructureShape, readonly ViewedMember[]>();

function membersOf(shape: StructureShape): readonly ViewedMember[] {
  let members = viewedMembers.get(shape);
  if (members === undefined) {
    members = structureMembers(shape).map(({ name, ref }) => ({ name, viewName: lowerFirst(name), shape: ref.shape, sensitive: isSensitive(ref.shape) }));
    viewedMembers.set(shape, members);
  }
  return members;
}

function structureView(shape: StructureShape, value: Record<string, unknown>, options: AuditViewOptions): Record<string, AuditValue> {
  const out: Record<string, AuditValue> = {};
  for (const member of membersOf(shape)) {
    const element = Object.hasOwn(value, member.name) ? value[member.name] : undefined;
    if (element === undefined || element === null) continue;
    if (member.sensitive) {
      if (options.side === 'request') out[member.viewName] = HIDDEN;
      continue;
    }
    out[member.viewName] = valueView(member.shape, element, options);
  }
  return out;
}

function valueView(shape: Shape, value: unknown, options: AuditViewOptions): AuditValue {
  switch (shape.kind) {
    case 'structure':
      return typeof value === 'object' && value !== null ? structureView(shape, value as Record<string, unknown>, options) : null;
    case 'list':
      return Array.isArray(value) ? value.map((element: unknown) => (isSensitive(shape.member.shape) ? HIDDEN : valueView(shape.member.shape, element, options))) : null;
    case 'map': {
      if (!(value instanceof Map)) return null;
      const out: Record<string, AuditValue> = {};
      for (const [key, element] of value as Map<string, unknown>) out[String(key)] = valueView(shape.value.shape, element, options);
      return out;
    }
    case 'timestamp':
      return value instanceof Date ? options.date(value) : null;
    case 'blob':
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : null;
    case 'string':
      return typeof value === 'string' ? value : null;
    case 'integer':
    case 'long':
    case 'float':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
  }
}

function isSensitive(shape: Shape): boolean {
  return (shape.kind === 'string' || shape.kind === 'blob') && shape.sensitive === true;
}

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
