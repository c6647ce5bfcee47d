/**
 * Every input constraint of AWS's API models, enforced with AWS's ValidationError text —
 * a table made from the models themselves (read in place from ../shared/aws-reference,
 * never copied). For each operation rolegate serves and each constrained member of its
 * input (and of the structures its lists hold): a request valid in every other respect
 * (the samples of shape-samples.ts) is sent once with that member breaking each of its
 * constraints in turn — absent when required, one character short, one too long, off its
 * pattern, outside its enum, one below and above its range, one item too many — and the
 * answer must be `ValidationError` naming exactly the violations the model predicts for
 * that value, in AWS's words:
 *
 *   Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length …
 *
 * The expected texts are built here from the model and AWS's message format, not from
 * rolegate's own validation code.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../src/errors.js';
import {
  deserializeInput,
  IAM_OPERATIONS,
  iamService,
  type QueryOperation,
  type QueryService,
  readQueryParams,
  resolveOperation,
  STS_OPERATIONS,
  stsService,
} from '../../src/protocol/index.js';
import { queryBody } from './query-client.js';
import { INPUTS } from './shape-samples.js';

const REFERENCE = path.resolve(import.meta.dirname, '../../../shared/aws-reference');
const MODEL_FILES = { iam: path.join(REFERENCE, 'iam.service-2.json'), sts: path.join(REFERENCE, 'sts.service-2.json') } as const;
const HAVE_MODELS = existsSync(MODEL_FILES.iam) && existsSync(MODEL_FILES.sts);
if (!HAVE_MODELS) console.warn('skipped: the model-driven constraint table (the AWS API models are not at ../shared/aws-reference)');

interface ModelShape {
  readonly type: string;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly required?: readonly string[];
  readonly members?: Readonly<Record<string, { readonly shape: string }>>;
  readonly member?: { readonly shape: string };
}
interface Model {
  readonly operations: Readonly<Record<string, { readonly input?: { readonly shape: string } }>>;
  readonly shapes: Readonly<Record<string, ModelShape>>;
}

/** How each service words a violation: IAM no longer echoes the value nor lists enum values; STS does both. */
const STYLE = { iam: { echo: false }, sts: { echo: true } } as const;
type Service = keyof typeof STYLE;

/**
 * Members rolegate never echoes, whatever the service's style: credentials and MFA codes,
 * the members its shapes mark sensitive. (AWS's own answer for a bad token or code is not
 * on record; echoing one into an error, and so into client logs, is what rolegate will
 * not do.)
 */
const NOT_ECHOED: ReadonlySet<string> = new Set(['AssumeRoleWithWebIdentity.WebIdentityToken', 'AssumeRole.TokenCode', 'GetSessionToken.TokenCode']);

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/** One member of the request set to one bad value (or left out), and the violations the model predicts. */
interface Case {
  readonly label: string;
  /** Changes a valid input into the bad one. */
  readonly apply: (input: Record<string, unknown>) => void;
  readonly expected: readonly string[];
}

function violation(service: Service, at: string, shown: string | undefined, constraint: string): string {
  const value = STYLE[service].echo && shown !== undefined ? ` ${shown}` : '';
  return `Value${value} at '${at}' failed to satisfy constraint: ${constraint}`;
}

/** The violations the model predicts for a string value. */
function stringViolations(service: Service, at: string, shape: ModelShape, value: string): string[] {
  const out: string[] = [];
  const shown = `'${value}'`;
  const length = [...value].length;
  if (shape.enum !== undefined && !shape.enum.includes(value)) {
    out.push(violation(service, at, shown, service === 'sts' ? `Member must satisfy enum value set: [${shape.enum.join(', ')}]` : 'Member must satisfy enum value set'));
  }
  if (shape.pattern !== undefined && !new RegExp(`^(?:${shape.pattern})$`, 'u').test(value)) {
    out.push(violation(service, at, shown, `Member must satisfy regular expression pattern: ${shape.pattern}`));
  }
  if (shape.min !== undefined && length < shape.min) out.push(violation(service, at, shown, `Member must have length greater than or equal to ${shape.min}`));
  if (shape.max !== undefined && length > shape.max) out.push(violation(service, at, shown, `Member must have length less than or equal to ${shape.max}`));
  return out;
}

/** Bad values for a string shape: one short, one long, off the pattern, outside the enum. */
function badStrings(shape: ModelShape): string[] {
  const values: string[] = [];
  if (shape.min !== undefined && shape.min > 0) values.push('a'.repeat(shape.min - 1));
  if (shape.max !== undefined && shape.max < 200_000) values.push('a'.repeat(shape.max + 1));
  if (shape.pattern !== undefined) {
    // The first candidate the pattern refuses at a length the shape allows.
    const re = new RegExp(`^(?:${shape.pattern})$`, 'u');
    const fits = (v: string): boolean => [...v].length >= (shape.min ?? 0) && [...v].length <= (shape.max ?? Infinity);
    const off = ['bad value!', 'Ā'.repeat(Math.max(shape.min ?? 1, 1)), '!'.repeat(Math.max(shape.min ?? 1, 1)), 'a b'].find((v) => fits(v) && !re.test(v));
    if (off !== undefined) values.push(off);
  }
  if (shape.enum !== undefined) values.push('NotAModelledValue');
  return values;
}

/** The cases of one member, at `at` in the request, set through `set`. */
function memberCases(
  service: Service,
  model: Model,
  label: string,
  at: string,
  shapeName: string,
  set: (input: Record<string, unknown>, value: unknown) => void,
  sample: unknown,
): Case[] {
  const shape = model.shapes[shapeName]!;
  const cases: Case[] = [];
  if (shape.type === 'string') {
    for (const value of badStrings(shape)) {
      cases.push({ label: `${label} = ${JSON.stringify(value.length > 24 ? `${value.slice(0, 8)}…(${value.length})` : value)}`, apply: (i) => set(i, value), expected: stringViolations(service, at, shape, value) });
    }
  } else if (shape.type === 'integer') {
    for (const value of [shape.min === undefined ? undefined : shape.min - 1, shape.max === undefined ? undefined : shape.max + 1]) {
      if (value === undefined) continue;
      const constraint = value < (shape.min ?? -Infinity) ? `Member must have value greater than or equal to ${shape.min}` : `Member must have value less than or equal to ${shape.max}`;
      cases.push({ label: `${label} = ${value}`, apply: (i) => set(i, value), expected: [violation(service, at, `'${value}'`, constraint)] });
    }
  } else if (shape.type === 'list' && Array.isArray(sample) && sample.length > 0) {
    if (shape.max !== undefined) {
      const items = Array.from({ length: shape.max + 1 }, (_, n) => (typeof sample[0] === 'string' ? `k${n}` : sample[0]));
      const shown = typeof sample[0] === 'string' ? `'[${items.join(', ')}]'` : undefined;
      const expected = violation(service, at, shown, `Member must have length less than or equal to ${shape.max}`);
      // Objects in an echoed list print as Java would; only the rest of the text is checked then.
      cases.push({ label: `${label} with ${items.length} items`, apply: (i) => set(i, items), expected: [shown === undefined && STYLE[service].echo ? `~${expected}` : expected] });
    }
    const itemShape = model.shapes[shape.member!.shape]!;
    if (itemShape.type === 'structure') {
      for (const [name, ref] of Object.entries(itemShape.members ?? {})) {
        const first = sample[0] as Record<string, unknown>;
        cases.push(
          ...memberCases(service, model, `${label}[0].${name}`, `${at}.1.member.${lowerFirst(name)}`, ref.shape, (i, v) => {
            const list = [...((i[label.split('.').at(-1)!] as unknown[]) ?? sample)];
            list[0] = { ...first, [name]: v };
            set(i, list);
          }, first[name]),
        );
      }
    }
  }
  return cases;
}

function casesOf(service: Service, model: Model, operation: string, sample: Record<string, unknown>): Case[] {
  const input = model.shapes[model.operations[operation]!.input!.shape]!;
  const cases: Case[] = [];
  for (const [name, ref] of Object.entries(input.members ?? {})) {
    const at = lowerFirst(name);
    // A secret's value is worded as IAM words every value: left out (an absent one is still `null`).
    const style: Service = NOT_ECHOED.has(`${operation}.${name}`) ? 'iam' : service;
    if (input.required?.includes(name)) {
      cases.push({ label: `${name} absent`, apply: (i) => delete i[name], expected: [violation(service, at, 'null', 'Member must not be null')] });
    }
    cases.push(...memberCases(style, model, name, at, ref.shape, (i, v) => (i[name] = v), sample[name]));
  }
  return cases;
}

/** What rolegate answers for this request: the error's code and the violations of its message. */
function answer(service: QueryService, body: string): { code: string; violations: string[] } {
  const params = readQueryParams(body, '');
  try {
    deserializeInput(params, resolveOperation(params, service).input, { style: service.validationStyle });
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    const m = /^(\d+) validation errors? detected: (.*)$/s.exec(e.message);
    if (m === null) return { code: e.code, violations: [e.message] };
    const violations = m[2]!.split(/; (?=Value)/);
    expect(violations).toHaveLength(Number(m[1]));
    return { code: e.code, violations };
  }
  return { code: 'ok', violations: [] };
}

const SERVICES = [
  ['iam', IAM_OPERATIONS as Readonly<Record<string, QueryOperation>>, iamService],
  ['sts', STS_OPERATIONS as Readonly<Record<string, QueryOperation>>, stsService],
] as const;

describe.skipIf(!HAVE_MODELS)("every input constraint of AWS's models, with AWS's ValidationError text", () => {
  const models = HAVE_MODELS
    ? { iam: JSON.parse(readFileSync(MODEL_FILES.iam, 'utf8')) as Model, sts: JSON.parse(readFileSync(MODEL_FILES.sts, 'utf8')) as Model }
    : undefined;
  const samples = INPUTS as unknown as Readonly<Record<string, Record<string, unknown>>>;

  for (const [service, operations, protocol] of SERVICES) {
    for (const [name, operation] of Object.entries(operations)) {
      const sample = samples[name];
      if (sample === undefined || models === undefined) continue;
      it(`${service}:${name}`, () => {
        const valid = queryBody(name, protocol.version, operation.input, sample);
        expect(answer(protocol, valid)).toEqual({ code: 'ok', violations: [] });
        const cases = casesOf(service, models[service], name, sample);
        for (const c of cases) {
          const input = structuredClone(sample);
          c.apply(input);
          const got = answer(protocol, queryBody(name, protocol.version, operation.input, input));
          const loose = (text: string): string => text.replace(/^Value '.*' at/s, 'Value at');
          const want = c.expected.map((t) => (t.startsWith('~') ? loose(t.slice(1)) : t));
          const gotTexts = c.expected.some((t) => t.startsWith('~')) ? got.violations.map(loose) : got.violations;
          expect({ case: c.label, code: got.code, violations: [...gotTexts].sort() }).toEqual({ case: c.label, code: 'ValidationError', violations: [...want].sort() });
        }
      });
    }
  }

  it('covers a constraint of every kind the models use', () => {
    const kinds = new Set<string>();
    let total = 0;
    for (const [service, operations] of SERVICES) {
      for (const name of Object.keys(operations)) {
        const sample = samples[name];
        if (sample === undefined || models === undefined) continue;
        for (const c of casesOf(service, models[service], name, sample)) {
          total++;
          for (const text of c.expected) kinds.add(/constraint: Member must (\w+ \w+)/.exec(text)?.[1] ?? '?');
        }
      }
    }
    // 598 cases when this was written; fewer would mean the table lost members.
    expect(total).toBeGreaterThanOrEqual(598);
    expect([...kinds].sort()).toEqual(['have length', 'have value', 'not be', 'satisfy enum', 'satisfy regular']);
  });
});
