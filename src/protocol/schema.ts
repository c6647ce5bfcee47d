/**
 * A small language for the shapes of Query inputs and outputs, written by hand in
 * TypeScript for each operation rolegate serves. It says what the wire carries (member
 * names, list and map encodings) and what AWS checks (lengths, patterns, enums, ranges),
 * and its types infer the plain object a handler receives.
 *
 * Member names are the model's (`RoleArn`, `Tags`); `locationName` renames a member on
 * the wire, `flattened` drops the `.member.` / `.entry.` level of a list or map.
 *
 * @example
 *   const Tag = structure({ Key: string({ min: 1, max: 128 }), Value: string({ max: 256 }) },
 *                         { required: ['Key', 'Value'] });
 *   const Input = structure({ RoleArn: string({ min: 20, max: 2048 }), Tags: list(Tag, { max: 50 }) },
 *                           { required: ['RoleArn'] });
 *   type Input = Infer<typeof Input>; // { RoleArn: string; Tags?: { Key: string; Value: string }[] }
 */

export interface StringShape {
  readonly kind: 'string';
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: Pattern;
  readonly enum?: readonly string[];
  /**
   * Output only: the value goes on the wire percent-encoded (RFC 3986), as IAM sends
   * policy documents (`%7B%22Version%22…`); SDKs such as botocore decode it once. The
   * deserializer ignores it: requests carry policy documents as plain text.
   */
  readonly urlEncoded?: boolean;
  /**
   * A secret (a web identity token, an MFA code, a secret key): validation messages never
   * echo it, whatever the service's style, and the audit trail never records it.
   */
  readonly sensitive?: boolean;
}

/** A pattern as AWS prints it in messages, and the anchored RegExp that checks it. */
export interface Pattern {
  readonly text: string;
  readonly regex: RegExp;
}

export interface IntegerShape {
  readonly kind: 'integer' | 'long';
  readonly min?: number;
  readonly max?: number;
}

export interface FloatShape {
  readonly kind: 'float';
}

export interface BooleanShape {
  readonly kind: 'boolean';
}

export type TimestampFormat = 'iso8601' | 'unixTimestamp' | 'rfc822';

export interface TimestampShape {
  readonly kind: 'timestamp';
  readonly format: TimestampFormat;
  /** Print milliseconds; IAM and STS print whole seconds (`2019-11-09T20:05:25Z`). */
  readonly fractionalSeconds: boolean;
}

export interface BlobShape {
  readonly kind: 'blob';
  readonly sensitive?: boolean;
}

export interface ListShape<E extends Shape = Shape> {
  readonly kind: 'list';
  readonly member: MemberRef<E>;
  readonly min?: number;
  readonly max?: number;
}

export interface MapShape<V extends Shape = Shape> {
  readonly kind: 'map';
  readonly key: MemberRef<StringShape>;
  readonly value: MemberRef<V>;
  readonly min?: number;
  readonly max?: number;
}

export type Members = Readonly<Record<string, MemberRef>>;

export interface StructureShape<M extends Members = Members, R extends string = string> {
  readonly kind: 'structure';
  readonly members: M;
  readonly required: readonly R[];
}

export type Shape =
  | StringShape
  | IntegerShape
  | FloatShape
  | BooleanShape
  | TimestampShape
  | BlobShape
  | ListShape
  | MapShape
  | StructureShape;

/** A use of a shape as a member, list element or map key/value, with its wire options. */
export interface MemberRef<S extends Shape = Shape> {
  readonly shape: S;
  readonly locationName?: string;
  readonly flattened?: boolean;
}

/** The plain value a shape stands for. */
export type Infer<S> = S extends StringShape
  ? string
  : S extends IntegerShape | FloatShape
    ? number
    : S extends BooleanShape
      ? boolean
      : S extends TimestampShape
        ? Date
        : S extends BlobShape
          ? Uint8Array
          : S extends ListShape<infer E>
            ? Infer<E>[]
            : S extends MapShape<infer V>
              ? Map<string, Infer<V>>
              : S extends StructureShape<infer M, infer R>
                ? InferStructure<M, R>
                : never;

type InferStructure<M extends Members, R extends string> = Simplify<
  { -readonly [K in keyof M & R]: Infer<M[K]['shape']> } & { -readonly [K in Exclude<keyof M, R>]?: Infer<M[K]['shape']> }
>;

/** Flattens an intersection into one object type, so editors and tests see plain shapes. */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

type MemberInput = Shape | MemberRef;
type AsRef<T> = T extends MemberRef ? T : T extends Shape ? MemberRef<T> : never;

function asRef(input: MemberInput): MemberRef {
  return 'shape' in input ? input : { shape: input };
}

/** A member with wire options: `member(list(Tag), { flattened: true, locationName: 'Tag' })`. */
export function member<S extends Shape>(
  shape: S,
  options: { locationName?: string; flattened?: boolean } = {},
): MemberRef<S> {
  return { shape, ...options };
}

export function string(
  options: { min?: number; max?: number; pattern?: RegExp; patternText?: string; enum?: readonly string[]; urlEncoded?: boolean; sensitive?: boolean } = {},
): StringShape {
  const { pattern, patternText, ...rest } = options;
  if (pattern === undefined) return { kind: 'string', ...rest };
  return { kind: 'string', ...rest, pattern: compilePattern(pattern, patternText) };
}

/**
 * AWS patterns match the whole value (Java's `matches()`), so ours are written as AWS
 * prints them and anchored once here, when the schema is built — not per request.
 * `patternText` overrides the printed form where a JS literal must escape (e.g. `\/`).
 */
function compilePattern(pattern: RegExp, text: string | undefined): Pattern {
  const flags = pattern.flags.replace(/[gy]/g, '');
  return { text: text ?? pattern.source, regex: new RegExp(`^(?:${pattern.source})$`, flags) };
}

export function integer(options: { min?: number; max?: number } = {}): IntegerShape {
  return { kind: 'integer', ...options };
}

export function long(options: { min?: number; max?: number } = {}): IntegerShape {
  return { kind: 'long', ...options };
}

export function float(): FloatShape {
  return { kind: 'float' };
}

export function boolean(): BooleanShape {
  return { kind: 'boolean' };
}

export function timestamp(
  options: { format?: TimestampFormat; fractionalSeconds?: boolean } = {},
): TimestampShape {
  return { kind: 'timestamp', format: options.format ?? 'iso8601', fractionalSeconds: options.fractionalSeconds ?? false };
}

export function blob(options: { sensitive?: boolean } = {}): BlobShape {
  return { kind: 'blob', ...options };
}

/** A list; on the wire `Name.member.N` (1-based), or `Name.N` when the member is flattened. */
export function list<E extends MemberInput>(
  element: E,
  options: { min?: number; max?: number } = {},
): ListShape<AsRef<E>['shape']> {
  return { kind: 'list', member: asRef(element) as MemberRef<AsRef<E>['shape']>, ...options };
}

/** A map; on the wire `Name.entry.N.key` / `Name.entry.N.value` (names overridable). */
export function map<V extends MemberInput>(
  value: V,
  options: { key?: StringShape | MemberRef<StringShape>; min?: number; max?: number } = {},
): MapShape<AsRef<V>['shape']> {
  const { key, ...rest } = options;
  const keyRef: MemberRef<StringShape> = key === undefined ? { shape: string() } : 'shape' in key ? key : { shape: key };
  return { kind: 'map', key: keyRef, value: asRef(value) as MemberRef<AsRef<V>['shape']>, ...rest };
}

/** A structure; members in wire order, `required` naming the members AWS checks for null. */
export function structure<M extends Readonly<Record<string, MemberInput>>, R extends keyof M & string = never>(
  members: M,
  options: { required?: readonly R[] } = {},
): StructureShape<{ readonly [K in keyof M]: AsRef<M[K]> }, R> {
  const refs: Record<string, MemberRef> = Object.create(null) as Record<string, MemberRef>;
  for (const [name, input] of Object.entries(members)) refs[name] = asRef(input);
  checkRequired(refs, options.required ?? []);
  return {
    kind: 'structure',
    members: refs as { readonly [K in keyof M]: AsRef<M[K]> },
    required: options.required ?? [],
  };
}

/**
 * A structure that refers to itself (directly or through others). Its members are read
 * on first use; its inferred type is the loose `Record<string, unknown>`.
 */
export function recursiveStructure(
  members: () => Readonly<Record<string, MemberInput>>,
  options: { required?: readonly string[] } = {},
): StructureShape {
  let cached: Members | undefined;
  const required = options.required ?? [];
  return {
    kind: 'structure',
    required,
    get members(): Members {
      if (cached === undefined) {
        const refs: Record<string, MemberRef> = Object.create(null) as Record<string, MemberRef>;
        for (const [name, input] of Object.entries(members())) refs[name] = asRef(input);
        checkRequired(refs, required);
        cached = refs;
      }
      return cached;
    },
  };
}

function checkRequired(refs: Record<string, MemberRef>, required: readonly string[]): void {
  for (const name of required) {
    if (!(name in refs)) throw new TypeError(`required member ${name} is not a member`);
  }
}

/** One member of a structure, as the decoder, the encoder and the audit view walk them. */
export interface StructureMember {
  readonly name: string;
  /** The name the member has on the wire (its locationName, else its name). */
  readonly wireName: string;
  readonly ref: MemberRef;
}

const memberLists = new WeakMap<StructureShape, readonly StructureMember[]>();

/**
 * A structure's members in wire order, made once per shape: every request reads and
 * answers through them, and a list made per call was an allocation per structure walked.
 */
export function structureMembers(shape: StructureShape): readonly StructureMember[] {
  let members = memberLists.get(shape);
  if (members === undefined) {
    members = Object.entries(shape.members).map(([name, ref]) => ({ name, wireName: ref.locationName ?? name, ref }));
    memberLists.set(shape, members);
  }
  return members;
}
