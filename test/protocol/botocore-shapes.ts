/**
 * Test code: translates the botocore-style shapes of the protocol test suites (read in
 * place from ../shared/aws-reference) into our schema DSL, and converts their JSON
 * `params`/`result` values to and from the runtime values our code uses.
 */
import {
  blob,
  boolean,
  float,
  integer,
  list,
  long,
  map,
  recursiveStructure,
  string,
  timestamp,
  type MemberRef,
  type Shape,
  type StructureShape,
  type TimestampFormat,
} from '../../src/protocol/index.js';

export interface BotoRef {
  readonly shape: string;
  readonly locationName?: string;
  readonly flattened?: boolean;
}

export interface BotoShape {
  readonly type: string;
  readonly members?: Readonly<Record<string, BotoRef>>;
  readonly required?: readonly string[];
  readonly member?: BotoRef;
  readonly key?: BotoRef;
  readonly value?: BotoRef;
  readonly enum?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly flattened?: boolean;
  readonly timestampFormat?: string;
}

export type BotoShapes = Readonly<Record<string, BotoShape>>;

export function toDsl(shapes: BotoShapes, name: string, cache = new Map<string, Shape>()): Shape {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const s = shapes[name];
  if (s === undefined) throw new Error(`no shape ${name}`);
  const ref = (r: BotoRef): MemberRef => {
    const target = shapes[r.shape];
    const flattened = r.flattened === true || target?.flattened === true;
    return {
      shape: toDsl(shapes, r.shape, cache),
      ...(r.locationName !== undefined ? { locationName: r.locationName } : {}),
      ...(flattened ? { flattened: true } : {}),
    };
  };
  let out: Shape;
  switch (s.type) {
    case 'structure': {
      // Every structure is built lazily, so recursive suites (RecursiveXmlShapes) work.
      out = recursiveStructure(
        () => Object.fromEntries(Object.entries(s.members ?? {}).map(([n, r]) => [n, ref(r)])),
        { required: s.required ?? [] },
      );
      break;
    }
    case 'string':
      out = string({ ...(s.enum !== undefined ? { enum: s.enum } : {}) });
      break;
    case 'integer':
      out = integer();
      break;
    case 'long':
      out = long();
      break;
    case 'float':
    case 'double':
      out = float();
      break;
    case 'boolean':
      out = boolean();
      break;
    case 'blob':
      out = blob();
      break;
    case 'timestamp':
      // Fractions are printed so `946845296.123` survives; whole seconds read the same.
      out = timestamp({ format: (s.timestampFormat ?? 'iso8601') as TimestampFormat, fractionalSeconds: true });
      break;
    case 'list':
      if (s.member === undefined) throw new Error('list without member');
      out = list(ref(s.member));
      break;
    case 'map':
      if (s.key === undefined || s.value === undefined) throw new Error('map without key/value');
      out = map(ref(s.value), { key: ref(s.key) as MemberRef<ReturnType<typeof string>> });
      break;
    default:
      throw new Error(`shape type ${s.type} not handled`);
  }
  cache.set(name, out);
  return out;
}

export function toDslStructure(shapes: BotoShapes, name: string): StructureShape {
  const s = toDsl(shapes, name);
  if (s.kind !== 'structure') throw new Error(`${name} is not a structure`);
  return s;
}

/** Our runtime value → the suites' JSON form (epoch seconds, decoded blobs, 'NaN'). */
export function toJsonForm(value: unknown, shape: Shape): unknown {
  if (value === undefined) return undefined;
  switch (shape.kind) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [n, r] of Object.entries(shape.members)) {
        const v = (value as Record<string, unknown>)[n];
        if (v !== undefined) out[n] = toJsonForm(v, r.shape);
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((v) => toJsonForm(v, shape.member.shape));
    case 'map': {
      const entries = value instanceof Map ? [...(value as Map<string, unknown>)] : Object.entries(value as object);
      return Object.fromEntries(entries.map(([k, v]) => [k, toJsonForm(v, shape.value.shape)]));
    }
    case 'timestamp':
      return (value as Date).getTime() / 1000;
    case 'blob':
      return new TextDecoder().decode(value as Uint8Array);
    case 'float': {
      const n = value as number;
      if (Number.isNaN(n)) return 'NaN';
      if (n === Infinity) return 'Infinity';
      if (n === -Infinity) return '-Infinity';
      return n;
    }
    default:
      return value;
  }
}

/** The suites' JSON form → our runtime value, for feeding the serializer. */
export function fromJsonForm(value: unknown, shape: Shape): unknown {
  if (value === undefined || value === null) return undefined;
  switch (shape.kind) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [n, r] of Object.entries(shape.members)) {
        const v = (value as Record<string, unknown>)[n];
        if (v !== undefined) out[n] = fromJsonForm(v, r.shape);
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((v) => fromJsonForm(v, shape.member.shape));
    case 'map':
      return new Map(Object.entries(value as object).map(([k, v]) => [k, fromJsonForm(v, shape.value.shape)]));
    case 'timestamp':
      return new Date(Math.round((value as number) * 1000));
    case 'blob':
      return new TextEncoder().encode(value as string);
    case 'float':
      return typeof value === 'string' ? Number(value) : value;
    default:
      return value;
  }
}
