/**
 * Query parameters + an input shape → the typed input a handler receives, or one
 * `AwsError`. Reading is shape-directed: only names the shape can produce are read, and
 * every parameter under a modelled member must be consumed — a list with a gap
 * (`member.1`, `member.3`), an index like `member.01` or `member.1000000000`, or a field a
 * structure does not have is refused instead of silently dropped.
 *
 * Parameters whose first name segment is not a member at all are ignored by default,
 * as AWS's Query services do (SDKs add members before servers learn them); a caller may
 * ask for `unknownParameters: 'reject'`.
 */
import { Buffer } from 'node:buffer';
import { AwsError } from '../errors.js';
import type { QueryParams } from './form.js';
import { structureMembers, type Infer, type ListShape, type MapShape, type MemberRef, type Shape, type StructureShape } from './schema.js';
import { parseTimestamp } from './timestamp.js';
import { pathSegment, validationError, type ShownValue, type ValidationStyle, type Violation } from './validation.js';

export interface DeserializeOptions {
  readonly style: ValidationStyle;
  /** What to do with a parameter that names no member; AWS ignores them. */
  readonly unknownParameters?: 'ignore' | 'reject';
}

/**
 * Names that belong to the envelope or to presigned-URL authentication, never to an
 * operation's input.
 */
export const RESERVED_PARAMETERS: ReadonlySet<string> = new Set([
  'Action',
  'Version',
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
]);

const NOT_STANDARD = 'The AWS query string is malformed or does not adhere to AWS standards.';

/**
 * Reads an operation's input.
 *
 * @example
 *   deserializeInput(readQueryParams('Action=AssumeRole&RoleSessionName=s1&RoleArn=…', ''),
 *                    AssumeRoleInput, { style: STS_VALIDATION_STYLE })
 */
export function deserializeInput<S extends StructureShape>(
  params: QueryParams,
  shape: S | undefined,
  options: DeserializeOptions,
): Infer<S> {
  const reader = new Reader(params);
  const input = shape === undefined ? {} : reader.readStructure(shape, '', '');
  const members = shape === undefined ? [] : structureMembers(shape);
  for (const name of params.keys()) {
    if (reader.consumed.has(name) || RESERVED_PARAMETERS.has(name)) continue;
    const dot = name.indexOf('.');
    const top = dot === -1 ? name : name.slice(0, dot);
    if (members.some((m) => m.wireName === top) || options.unknownParameters === 'reject') {
      throw new AwsError('InvalidQueryParameter', NOT_STANDARD);
    }
  }
  if (reader.violations.length > 0) throw validationError(reader.violations, options.style);
  return input as Infer<S>;
}

/** Marks a member that was present but failed to parse, so it is not also "null". */
const INVALID: unique symbol = Symbol('invalid');
type Read = unknown;

class Reader {
  readonly consumed = new Set<string>();
  readonly violations: Violation[] = [];
  /** Every dotted prefix of every name: `Tags`, `Tags.member`, `Tags.member.1`, … */
  private readonly prefixes = new Set<string>();

  constructor(private readonly params: QueryParams) {
    for (const name of params.keys()) {
      for (let i = name.indexOf('.'); i !== -1; i = name.indexOf('.', i + 1)) this.prefixes.add(name.slice(0, i));
      this.prefixes.add(name);
    }
  }

  readStructure(shape: StructureShape, prefix: string, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const { name, wireName: wire, ref } of structureMembers(shape)) {
      const key = prefix === '' ? wire : `${prefix}.${wire}`;
      const memberPath = path === '' ? pathSegment(name) : `${path}.${pathSegment(name)}`;
      const value = this.readMember(ref, key, memberPath);
      if (value === undefined) {
        if (shape.required.includes(name)) this.violate(memberPath, { kind: 'null' }, { kind: 'notNull' });
      } else if (value !== INVALID) {
        out[name] = value;
      }
    }
    return out;
  }

  private readMember(ref: MemberRef, key: string, path: string): Read {
    const shape = ref.shape;
    switch (shape.kind) {
      case 'structure':
        return this.prefixes.has(key) ? this.readStructure(shape, key, path) : undefined;
      case 'list':
        return this.readList(shape, ref.flattened === true, key, path);
      case 'map':
        return this.readMap(shape, ref.flattened === true, key, path);
      default: {
        const raw = this.params.get(key);
        if (raw === undefined) return undefined;
        this.consumed.add(key);
        return this.readScalar(shape, raw, path);
      }
    }
  }

  private readList(shape: ListShape, flattened: boolean, key: string, path: string): Read {
    const base = flattened ? key : `${key}.${shape.member.locationName ?? 'member'}`;
    const items: unknown[] = [];
    let present = this.takeEmptyMarker(key);
    let valid = true;
    // Stops at the first missing index; anything beyond it stays unconsumed and is refused.
    for (let i = 1; this.prefixes.has(`${base}.${i}`); i++) {
      present = true;
      const item = this.readMember(shape.member, `${base}.${i}`, `${path}.${i}.member`);
      if (item === undefined) this.violate(`${path}.${i}.member`, { kind: 'null' }, { kind: 'notNull' });
      if (item === undefined || item === INVALID) valid = false;
      else items.push(item);
    }
    if (!present) return undefined;
    this.checkCount(items.length, shape, path, () => showList(items));
    return valid ? items : INVALID;
  }

  private readMap(shape: MapShape, flattened: boolean, key: string, path: string): Read {
    const base = flattened ? key : `${key}.entry`;
    const keyName = shape.key.locationName ?? 'key';
    const valueName = shape.value.locationName ?? 'value';
    const entries = new Map<string, unknown>();
    let present = this.takeEmptyMarker(key);
    let valid = true;
    for (let i = 1; this.prefixes.has(`${base}.${i}`); i++) {
      present = true;
      const entryPath = `${path}.${i}.entry`;
      const k = this.readMember(shape.key, `${base}.${i}.${keyName}`, `${entryPath}.key`);
      const v = this.readMember(shape.value, `${base}.${i}.${valueName}`, `${entryPath}.value`);
      if (k === undefined) this.violate(`${entryPath}.key`, { kind: 'null' }, { kind: 'notNull' });
      if (v === undefined) this.violate(`${entryPath}.value`, { kind: 'null' }, { kind: 'notNull' });
      if (typeof k !== 'string' || v === undefined || v === INVALID) {
        valid = false;
        continue;
      }
      // Two entries with one key would make the result depend on order: refuse.
      if (entries.has(k)) throw new AwsError('InvalidQueryParameter', NOT_STANDARD);
      entries.set(k, v);
    }
    if (!present) return undefined;
    this.checkCount(entries.size, shape, path, () => ({ kind: 'none' }));
    return valid ? entries : INVALID;
  }

  /** `ListArg=` (empty value) is how the protocol sends an empty list or map. */
  private takeEmptyMarker(key: string): boolean {
    const raw = this.params.get(key);
    if (raw !== '') return false;
    this.consumed.add(key);
    return true;
  }

  private checkCount(count: number, shape: ListShape | MapShape, path: string, show: () => ShownValue): void {
    if (shape.min !== undefined && count < shape.min) this.violate(path, show(), { kind: 'minLength', limit: shape.min });
    if (shape.max !== undefined && count > shape.max) this.violate(path, show(), { kind: 'maxLength', limit: shape.max });
  }

  private readScalar(shape: Exclude<Shape, StructureShape | ListShape | MapShape>, raw: string, path: string): Read {
    const shown: ShownValue = shape.kind === 'string' && shape.sensitive === true ? { kind: 'none' } : { kind: 'text', text: raw };
    switch (shape.kind) {
      case 'string': {
        const before = this.violations.length;
        if (shape.pattern !== undefined && !shape.pattern.regex.test(raw)) {
          this.violate(path, shown, { kind: 'pattern', pattern: shape.pattern.text });
        }
        const length = codePointLength(raw);
        if (shape.min !== undefined && length < shape.min) this.violate(path, shown, { kind: 'minLength', limit: shape.min });
        if (shape.max !== undefined && length > shape.max) this.violate(path, shown, { kind: 'maxLength', limit: shape.max });
        if (shape.enum !== undefined && !shape.enum.includes(raw)) {
          this.violate(path, shown, { kind: 'enum', values: shape.enum });
        }
        return this.violations.length === before ? raw : INVALID;
      }
      case 'integer':
      case 'long': {
        const n = parseInteger(raw, shape.kind);
        if (n === undefined) return this.invalid(path, shown, shape.kind === 'integer' ? 'an integer' : 'a long integer');
        const before = this.violations.length;
        if (shape.min !== undefined && n < shape.min) this.violate(path, shown, { kind: 'minValue', limit: shape.min });
        if (shape.max !== undefined && n > shape.max) this.violate(path, shown, { kind: 'maxValue', limit: shape.max });
        return this.violations.length === before ? n : INVALID;
      }
      case 'float': {
        const n = parseFloatStrict(raw);
        return n === undefined ? this.invalid(path, shown, 'a number') : n;
      }
      case 'boolean':
        // Strictly `true`/`false`: Java's parseBoolean would read any typo as false.
        if (raw === 'true') return true;
        if (raw === 'false') return false;
        return this.invalid(path, shown, 'a boolean');
      case 'timestamp': {
        const d = parseTimestamp(raw, shape.format);
        return d === undefined ? this.invalid(path, shown, 'a timestamp') : d;
      }
      case 'blob':
        if (!BASE64.test(raw) || raw.length % 4 !== 0) return this.invalid(path, shown, 'base64-encoded binary data');
        return new Uint8Array(Buffer.from(raw, 'base64'));
    }
  }

  private invalid(path: string, value: ShownValue, expected: string): typeof INVALID {
    this.violate(path, value, { kind: 'type', expected });
    return INVALID;
  }

  private violate(path: string, value: ShownValue, constraint: Violation['constraint']): void {
    this.violations.push({ path, value, constraint });
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const INTEGER = /^-?[0-9]{1,20}$/;
const FLOAT = /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?$/;

/** Decimal digits only: no `+`, spaces, fractions, exponents or hex (security.md §4B). */
function parseInteger(raw: string, kind: 'integer' | 'long'): number | undefined {
  if (!INTEGER.test(raw)) return undefined;
  const n = Number(raw);
  if (kind === 'integer') return n >= -2147483648 && n <= 2147483647 ? n : undefined;
  return Number.isSafeInteger(n) ? n : undefined;
}

function parseFloatStrict(raw: string): number | undefined {
  if (raw === 'NaN') return Number.NaN;
  if (raw === 'Infinity') return Number.POSITIVE_INFINITY;
  if (raw === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (!FLOAT.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/** Lengths count characters (code points), as AWS's Smithy `@length` does. */
function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** A list of scalars prints as Java prints one, `[a, b]`; anything deeper is not shown. */
function showList(items: readonly unknown[]): ShownValue {
  const parts: string[] = [];
  for (const item of items) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') parts.push(String(item));
    else return { kind: 'none' };
  }
  return { kind: 'text', text: `[${parts.join(', ')}]` };
}
