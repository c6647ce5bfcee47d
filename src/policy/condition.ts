/**
 * Conditions: compiling one `"Operator": {"key": values}` entry and deciding it for a
 * request. Values of one key are ORed, keys and operators are ANDed by the caller.
 *
 * The rules for a key the request does not have, from the AWS condition operator page:
 * the condition is false, except that a negated operator (`StringNotEquals`,
 * `NotIpAddress`, ...) is true, `...IfExists` is true, `ForAllValues` is true (it holds
 * vacuously) and `Null` tests exactly that absence. An empty list counts as absent.
 */
import type { RequestContext } from './context.js';
import type { GlobPart } from './glob.js';
import { blockContains, parseIpAddress, parseIpBlock, type IpAddress, type IpBlock } from './ip.js';
import { lowerName } from './names.js';
import type { Comparison, ConditionOperator } from './operators.js';
import { hasVariables, parseTemplate, resolveParts, textOf, TemplateGlob, type TemplatePart } from './template.js';
import { parseBinary, parseBool, parseDate, parseNumber } from './values.js';

/** Whether a request value matches at least one of the policy values (before negation). */
interface Tester {
  test(requestValue: string, context: RequestContext): boolean;
}

export interface CompiledCondition {
  readonly operator: ConditionOperator;
  /** The key as written in the policy. */
  readonly keyText: string;
  /** The key lower-cased: condition key names are case-insensitive. */
  readonly key: string;
  readonly values: readonly string[];
  readonly tester: Tester;
  /** For `Null`: true when the policy asks for the key to be absent. */
  readonly nullMeansAbsent: boolean;
}

export class ConditionValueError extends Error {}

// Slots of RequestContext.reading, one per reader, so typed readings are memoized per request.
const SLOT_NUMBER = 0;
const SLOT_DATE = 1;
const SLOT_IP = 2;
const SLOT_BINARY = 3;

export function compileCondition(
  operator: ConditionOperator,
  keyText: string,
  values: readonly string[],
  variables: boolean,
): CompiledCondition {
  const base = operator.base;
  let nullMeansAbsent = false;
  let tester: Tester;
  if (base.kind === 'null') {
    const flags = values.map((v) => parseBool(v));
    if (flags.some((f) => f === undefined)) throw new ConditionValueError(`Null takes true or false, not ${values.join(', ')}`);
    // Several values for Null are ORed like any other; mixing true and false always holds.
    nullMeansAbsent = flags.includes(true);
    tester = flags.includes(true) && flags.includes(false) ? ALWAYS : NEVER;
  } else {
    tester = compileTester(base.kind, base.comparison, values, variables && base.variables);
  }
  return { operator, keyText, key: lowerName(keyText), values, tester, nullMeansAbsent };
}

const ALWAYS: Tester = { test: () => true };
const NEVER: Tester = { test: () => false };

function compileTester(kind: string, comparison: Comparison, values: readonly string[], variables: boolean): Tester {
  switch (kind) {
    case 'string':
      return comparison === 'like' ? likeTester(values, variables) : equalsTester(values, variables, comparison === 'equalsIgnoreCase');
    case 'arn':
      return arnTester(values, variables);
    case 'numeric':
      return orderedTester(comparison, values.map((v) => must(parseNumber(v), 'a number', v)), SLOT_NUMBER, parseNumber);
    case 'date':
      return orderedTester(comparison, values.map((v) => must(parseDate(v), 'a date', v)), SLOT_DATE, parseDate);
    case 'bool': {
      const wanted = values.map((v) => must(parseBool(v), 'true or false', v));
      return { test: (r) => { const b = parseBool(r); return b !== undefined && wanted.includes(b); } };
    }
    case 'binary': {
      const wanted = new Set(values.map((v) => must(parseBinary(v), 'base64', v)));
      return { test: (r, ctx) => { const b = ctx.reading(SLOT_BINARY, r, parseBinary); return b !== undefined && wanted.has(b); } };
    }
    case 'ip': {
      const blocks = values.map((v) => must(parseIpBlock(v), 'an IP address or CIDR block', v));
      return ipTester(blocks);
    }
    default:
      throw new ConditionValueError(`No tester for ${kind}`);
  }
}

function must<T>(value: T | undefined, what: string, text: string): T {
  if (value === undefined) throw new ConditionValueError(`${JSON.stringify(text)} is not ${what}`);
  return value;
}

function equalsTester(values: readonly string[], variables: boolean, ignoreCase: boolean): Tester {
  const fold = ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s;
  const fixed = new Set<string>();
  const templated: TemplatePart[][] = [];
  for (const value of values) {
    const parts = parseTemplate(value, { wildcards: false, variables });
    if (hasVariables(parts)) templated.push(parts);
    else fixed.add(fold(textOf(parts as never)));
  }
  if (templated.length === 0) return { test: (r) => fixed.has(fold(r)) };
  return {
    test(r, ctx) {
      const folded = fold(r);
      if (fixed.has(folded)) return true;
      for (const parts of templated) {
        const resolved = resolveParts(parts, ctx);
        if (resolved !== undefined && fold(textOf(resolved)) === folded) return true;
      }
      return false;
    },
  };
}

function likeTester(values: readonly string[], variables: boolean): Tester {
  const globs = values.map((v) => new TemplateGlob(parseTemplate(v, { wildcards: true, variables }), false));
  return { test: (r, ctx) => globs.some((g) => g.matches(r, ctx) === true) };
}

/** ARN comparison: the six colon-separated parts are matched one by one. */
function arnTester(values: readonly string[], variables: boolean): Tester {
  const patterns = values.map((v) => parseTemplate(v, { wildcards: true, variables }));
  const statics = patterns.map((p) => (hasVariables(p) ? undefined : splitArnPattern(p as never)));
  return {
    test(r, ctx) {
      const request = splitArn(r);
      for (let i = 0; i < patterns.length; i++) {
        let parts = statics[i];
        if (parts === undefined) {
          const resolved = resolveParts(patterns[i] as TemplatePart[], ctx);
          if (resolved === undefined) continue;
          parts = splitArnPattern(resolved);
        }
        if (parts.length === 1) {
          if ((parts[0] as TemplateGlob).matches(r, ctx) === true) return true;
        } else if (request !== undefined && parts.every((glob, j) => glob.matches(request[j] as string, ctx) === true)) {
          return true;
        }
      }
      return false;
    },
  };
}

/** The six parts of an ARN (the last may hold colons), or undefined if it has fewer. */
export function splitArn(text: string): string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', from);
    if (colon < 0) return undefined;
    parts.push(text.slice(from, colon));
    from = colon + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * Splits a pattern at its first five colons into one glob per ARN part. A pattern of
 * fewer than six parts (such as `*`) is kept whole and matched against the whole ARN.
 */
function splitArnPattern(parts: readonly GlobPart[]): TemplateGlob[] {
  const segments: GlobPart[][] = [[]];
  for (const part of parts) {
    if (part.kind !== 'text' || segments.length === 6) {
      (segments[segments.length - 1] as GlobPart[]).push(part);
      continue;
    }
    let rest = part.text;
    let colon = rest.indexOf(':');
    while (colon >= 0 && segments.length < 6) {
      if (colon > 0) (segments[segments.length - 1] as GlobPart[]).push({ kind: 'text', text: rest.slice(0, colon) });
      segments.push([]);
      rest = rest.slice(colon + 1);
      colon = rest.indexOf(':');
    }
    if (rest !== '') (segments[segments.length - 1] as GlobPart[]).push({ kind: 'text', text: rest });
  }
  const whole = segments.length < 6 ? [parts] : segments;
  return whole.map((segment) => new TemplateGlob(segment, false));
}

function orderedTester(
  comparison: Comparison,
  wanted: readonly number[],
  slot: number,
  read: (raw: string) => number | undefined,
): Tester {
  const holds = ORDER[comparison];
  return {
    test(r, ctx) {
      const value = ctx.reading(slot, r, read);
      if (value === undefined) return false;
      for (const w of wanted) if (holds(value, w)) return true;
      return false;
    },
  };
}

const ORDER: Readonly<Record<Comparison, (request: number, policy: number) => boolean>> = {
  equals: (a, b) => a === b,
  equalsIgnoreCase: (a, b) => a === b,
  like: (a, b) => a === b,
  lessThan: (a, b) => a < b,
  lessThanEquals: (a, b) => a <= b,
  greaterThan: (a, b) => a > b,
  greaterThanEquals: (a, b) => a >= b,
};

function ipTester(blocks: readonly IpBlock[]): Tester {
  return {
    test(r, ctx) {
      const address: IpAddress | undefined = ctx.reading(SLOT_IP, r, parseIpAddress);
      if (address === undefined) return false;
      for (const block of blocks) if (blockContains(block, address)) return true;
      return false;
    },
  };
}

/** Decides one condition entry for the request. */
export function conditionHolds(condition: CompiledCondition, context: RequestContext): boolean {
  const { operator, tester } = condition;
  const value = context.get(condition.key);
  const absent = value === undefined || (typeof value !== 'string' && value.length === 0);
  if (operator.base.kind === 'null') return condition.nullMeansAbsent === absent || tester.test('', context);
  if (absent) {
    if (operator.ifExists || operator.qualifier === 'ForAllValues') return true;
    if (operator.qualifier === 'ForAnyValue') return false;
    return operator.base.negated;
  }
  const negated = operator.base.negated;
  if (typeof value === 'string') return tester.test(value, context) !== negated;
  if (operator.qualifier === 'ForAllValues') {
    for (const v of value) if (tester.test(v, context) === negated) return false;
    return true;
  }
  if (operator.qualifier === 'ForAnyValue') {
    for (const v of value) if (tester.test(v, context) !== negated) return true;
    return false;
  }
  // A multi-valued key needs a set qualifier; without one the condition never holds,
  // negated or not (AWS, re:Inforce 2025, as iam-simulate documents it).
  return false;
}
