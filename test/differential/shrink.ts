/**
 * Greedy shrinking of a failing case: drop whole policies, statements, condition
 * entries, list items and context keys one at a time, keeping each cut while the case
 * still fails the same way. What is left is the reproduction printed for a human.
 */
import type { DiffCase, PolicyJson, StatementJson } from './generate.js';

type Still = (c: DiffCase) => Promise<boolean>;

const clone = (c: DiffCase): DiffCase => structuredClone(c);

/** Every one-step smaller variant of a case. */
function* smaller(c: DiffCase): Generator<DiffCase> {
  for (let i = 0; i < c.identity.length; i++) {
    const d = clone(c);
    d.identity.splice(i, 1);
    yield d;
  }
  for (const field of ['boundary', 'session', 'scp', 'rcp'] as const) {
    if (c[field] !== undefined) {
      const d = clone(c);
      delete d[field];
      yield d;
    }
  }
  if (c.resourcePolicy !== undefined && !c.trust) {
    const d = clone(c);
    delete d.resourcePolicy;
    yield d;
  }
  const policies = (d: DiffCase): PolicyJson[] =>
    [...d.identity, d.boundary, d.session, d.resourcePolicy, ...(d.scp ?? []).flat(), ...(d.rcp ?? []).flat()].filter(
      (p): p is PolicyJson => p !== undefined,
    );
  const count = policies(c).length;
  for (let p = 0; p < count; p++) {
    const statements = (policies(c)[p] as PolicyJson).Statement;
    for (let s = 0; s < statements.length; s++) {
      if (statements.length > 1) {
        const d = clone(c);
        (policies(d)[p] as PolicyJson).Statement.splice(s, 1);
        yield d;
      }
      yield* smallerStatement(c, (d) => (policies(d)[p] as PolicyJson).Statement[s] as StatementJson);
    }
  }
  for (const key of Object.keys(c.context)) {
    const d = clone(c);
    delete d.context[key];
    yield d;
    const value = c.context[key];
    if (Array.isArray(value) && value.length > 1) {
      for (let i = 0; i < value.length; i++) {
        const e = clone(c);
        (e.context[key] as string[]).splice(i, 1);
        yield e;
      }
    }
  }
}

function* smallerStatement(c: DiffCase, at: (d: DiffCase) => StatementJson): Generator<DiffCase> {
  const s = at(c);
  for (const field of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
    const value = s[field];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const d = clone(c);
        const list = at(d)[field] as string[];
        list.splice(i, 1);
        if (list.length === 1) at(d)[field] = list[0] as string;
        yield d;
      }
    }
  }
  const principal = s.Principal;
  if (typeof principal === 'object' && Array.isArray(principal.AWS)) {
    for (let i = 0; i < principal.AWS.length; i++) {
      const d = clone(c);
      const aws = (at(d).Principal as { AWS: string[] }).AWS;
      aws.splice(i, 1);
      if (aws.length === 1) (at(d).Principal as { AWS: string }).AWS = aws[0] as string;
      yield d;
    }
  }
  if (s.Condition !== undefined) {
    const d = clone(c);
    delete at(d).Condition;
    yield d;
    for (const [op, block] of Object.entries(s.Condition)) {
      for (const [key, values] of Object.entries(block)) {
        if (Object.keys(s.Condition).length > 1 || Object.keys(block).length > 1) {
          const e = clone(c);
          const cond = at(e).Condition as NonNullable<StatementJson['Condition']>;
          delete (cond[op] as Record<string, unknown>)[key];
          if (Object.keys(cond[op] as object).length === 0) delete cond[op];
          yield e;
        }
        if (Array.isArray(values) && values.length > 1) {
          for (let i = 0; i < values.length; i++) {
            const f = clone(c);
            ((at(f).Condition as NonNullable<StatementJson['Condition']>)[op] as Record<string, string[]>)[key]?.splice(i, 1);
            yield f;
          }
        }
      }
    }
  }
}

export async function shrink(c: DiffCase, still: Still, budget = 400): Promise<DiffCase> {
  let current = c;
  let tries = 0;
  let progress = true;
  while (progress && tries < budget) {
    progress = false;
    for (const candidate of smaller(current)) {
      if (++tries > budget) break;
      if (await still(candidate)) {
        current = candidate;
        progress = true;
        break;
      }
    }
  }
  return current;
}

/** The reproduction: the shrunk case as JSON, policies and request. */
export function reproduction(c: DiffCase): string {
  return JSON.stringify(c, null, 2);
}
