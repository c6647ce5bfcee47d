/**
 * The evaluation corpus: every file under test/fixtures/policy/evaluation holds one
 * fixture or a list of them, each a set of policies taken from (or built on) an AWS
 * User Guide page and the decisions AWS documents for requests against them. The
 * runner asserts the decision, the policy type that denied, and the statements that
 * decided. Unknown fields are errors so that a typo never turns a check off.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  authorize,
  RequestContext,
  requestPrincipal,
  type CompiledPolicy,
  type ContextValue,
  type Decision,
  type PolicySet,
  type PrincipalInit,
  type PrincipalType,
} from '../../src/policy/index.js';
import { compile, fields, FixtureError, fixtureFiles, isObject, list, optStr, policyText, source, str, type Json } from './support.js';

const FOLDER = fileURLToPath(new URL('../fixtures/policy/evaluation/', import.meta.url));

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['Account', 'User', 'AssumedRole', 'FederatedUser', 'Service', 'WebIdentity', 'SAML', 'Anonymous'];
const EFFECTS = ['Allow', 'ExplicitDeny', 'ImplicitDeny'] as const;
const DENIED_BY = ['identity', 'resource', 'boundary', 'session', 'scp', 'rcp'] as const;

interface Case {
  readonly name: string;
  readonly principal: PrincipalInit;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string | undefined;
  readonly context: Record<string, ContextValue>;
  readonly expect: { effect: Decision['effect']; deniedBy?: string | undefined; statements?: string[] | undefined };
  readonly skip: string | undefined;
}

interface Fixture {
  readonly description: string;
  readonly source: string;
  readonly policies: PolicySet;
  readonly cases: readonly Case[];
}

function readPolicy(value: Json | undefined, where: string, grammar: 'identity' | 'resource' | 'trust' | 'scp' | 'rcp', type: CompiledPolicy['source']['type']): CompiledPolicy {
  const p = fields(value, where, ['id', 'document']);
  const id = str(p['id'], `${where}.id`);
  try {
    return compile(policyText(p['document'], `${where}.document`), grammar, id, type);
  } catch (e) {
    throw new FixtureError(`${where} (${id}): the policy does not parse as ${grammar}: ${(e as Error).message}`);
  }
}

function readPolicies(value: Json | undefined, where: string): PolicySet {
  const p = fields(value, where, [], ['identity', 'resource', 'resourceMustAllow', 'boundary', 'session', 'scp', 'rcp']);
  const mustAllow = p['resourceMustAllow'];
  if (mustAllow !== undefined && typeof mustAllow !== 'boolean') throw new FixtureError(`${where}.resourceMustAllow: expected a boolean`);
  const levels = (key: 'scp' | 'rcp'): CompiledPolicy[][] | undefined =>
    p[key] === undefined
      ? undefined
      : list(p[key], `${where}.${key}`).map((level, i) =>
          list(level, `${where}.${key}[${i}]`).map((q, j) => readPolicy(q, `${where}.${key}[${i}][${j}]`, key, key)),
        );
  return {
    identity: p['identity'] === undefined ? undefined : list(p['identity'], `${where}.identity`).map((q, i) => readPolicy(q, `${where}.identity[${i}]`, 'identity', 'identity')),
    // A resource policy that must allow on its own is a role trust policy here.
    resource: p['resource'] === undefined ? undefined : readPolicy(p['resource'], `${where}.resource`, mustAllow === true ? 'trust' : 'resource', 'resource'),
    resourceMustAllow: mustAllow,
    boundary: p['boundary'] === undefined ? undefined : readPolicy(p['boundary'], `${where}.boundary`, 'identity', 'boundary'),
    session: p['session'] === undefined ? undefined : list(p['session'], `${where}.session`).map((q, i) => readPolicy(q, `${where}.session[${i}]`, 'identity', 'session')),
    scp: levels('scp'),
    rcp: levels('rcp'),
  };
}

function readPrincipal(value: Json | undefined, where: string): PrincipalInit {
  const p = fields(value, where, ['type', 'arn'], ['accountId', 'uniqueId', 'roleArn']);
  const type = str(p['type'], `${where}.type`);
  const known = PRINCIPAL_TYPES.find((t) => t === type);
  if (known === undefined) throw new FixtureError(`${where}.type: unknown principal type ${type}`);
  return {
    type: known,
    arn: str(p['arn'], `${where}.arn`),
    accountId: optStr(p['accountId'], `${where}.accountId`),
    uniqueId: optStr(p['uniqueId'], `${where}.uniqueId`),
    roleArn: optStr(p['roleArn'], `${where}.roleArn`),
  };
}

function readContext(value: Json | undefined, where: string): Record<string, ContextValue> {
  if (value === undefined) return {};
  if (!isObject(value)) throw new FixtureError(`${where}: expected an object`);
  const out: Record<string, ContextValue> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = typeof v === 'string' ? v : list(v, `${where}.${key}`).map((x, i) => str(x, `${where}.${key}[${i}]`));
  }
  return out;
}

function readCase(value: Json | undefined, where: string): Case {
  const c = fields(value, where, ['name', 'principal', 'action', 'resource', 'expect'], ['resourceAccount', 'context', 'skip']);
  const e = fields(c['expect'], `${where}.expect`, ['effect'], ['deniedBy', 'statements']);
  const effect = EFFECTS.find((x) => x === e['effect']);
  if (effect === undefined) throw new FixtureError(`${where}.expect.effect: one of ${EFFECTS.join(', ')}`);
  const deniedBy = optStr(e['deniedBy'], `${where}.expect.deniedBy`);
  if (deniedBy !== undefined && !DENIED_BY.some((d) => d === deniedBy)) throw new FixtureError(`${where}.expect.deniedBy: one of ${DENIED_BY.join(', ')}`);
  if (deniedBy !== undefined && effect === 'Allow') throw new FixtureError(`${where}.expect: an Allow has no deniedBy`);
  const skip = optStr(c['skip'], `${where}.skip`);
  if (skip !== undefined && !/^ENGINE-BUG: .{10,}/.test(skip)) throw new FixtureError(`${where}.skip: a skip carries a reason starting "ENGINE-BUG: "`);
  const name = str(c['name'], `${where}.name`);
  if (!/^\S.*\.$/.test(name)) throw new FixtureError(`${where}.name: a case name is a sentence ending in a period: ${name}`);
  return {
    name,
    principal: readPrincipal(c['principal'], `${where}.principal`),
    action: str(c['action'], `${where}.action`),
    resource: str(c['resource'], `${where}.resource`),
    resourceAccount: optStr(c['resourceAccount'], `${where}.resourceAccount`),
    context: readContext(c['context'], `${where}.context`),
    expect: {
      effect,
      deniedBy,
      statements: e['statements'] === undefined ? undefined : list(e['statements'], `${where}.expect.statements`).map((s, i) => str(s, `${where}.expect.statements[${i}]`)),
    },
    skip,
  };
}

export function readFixtures(file: string, value: Json): Fixture[] {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) throw new FixtureError(`${file}: no fixtures`);
  return items.map((item, i) => {
    const where = `${file}[${i}]`;
    const f = fields(item, where, ['description', 'source', 'policies', 'cases']);
    const cases = list(f['cases'], `${where}.cases`).map((c, j) => readCase(c, `${where}.cases[${j}]`));
    if (cases.length === 0) throw new FixtureError(`${where}.cases: a fixture has at least one case`);
    return { description: str(f['description'], `${where}.description`), source: source(f['source'], where), policies: readPolicies(f['policies'], `${where}.policies`), cases };
  });
}

/** `policyId#Sid`, or `policyId#index` for a statement without a Sid. */
function label(decision: Decision): string[] {
  return decision.statements.map((m) => `${m.policy.id}#${m.statement.sid === undefined || m.statement.sid === '' ? m.statement.index : m.statement.sid}`);
}

const files = fixtureFiles(FOLDER);

describe('the evaluation fixture corpus', () => {
  it('has a file for every topic the engine must get right.', () => {
    expect(files.map((f) => f.file)).toEqual(
      expect.arrayContaining([
        'single-account.json',
        'cross-account.json',
        'permissions-boundaries.json',
        'session-policies.json',
        'organizations.json',
        'trust-policies.json',
        'not-elements.json',
        'condition-operators.json',
        'policy-variables.json',
      ]),
    );
  });

  it('rejects a fixture with an unknown field, naming the field.', () => {
    const bad = { description: 'd', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/x.html', policies: {}, cases: [], extra: 1 };
    expect(() => readFixtures('bad.json', bad)).toThrow(/unknown field "extra"/);
    const badCase = {
      description: 'd',
      source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/x.html',
      policies: {},
      cases: [{ name: 'A case.', principal: { type: 'User', arn: 'a' }, action: 'a:b', resource: '*', expect: { effect: 'Allow', effct: 'x' } }],
    };
    expect(() => readFixtures('bad.json', badCase)).toThrow(/unknown field "effct"/);
  });

  it('rejects a fixture without an AWS documentation source.', () => {
    const bad = {
      description: 'd',
      source: 'https://example.com/',
      policies: {},
      cases: [{ name: 'A case.', principal: { type: 'User', arn: 'a' }, action: 'a:b', resource: '*', expect: { effect: 'Allow' } }],
    };
    expect(() => readFixtures('bad.json', bad)).toThrow(/docs\.aws\.amazon\.com/);
  });
});

for (const { file, value } of files) {
  for (const fixture of readFixtures(file, value)) {
    describe(`${file}: ${fixture.description}`, () => {
      for (const c of fixture.cases) {
        const test = c.skip === undefined ? it : it.skip;
        test(c.skip === undefined ? c.name : `${c.name} [${c.skip}]`, () => {
          const decision = authorize(
            {
              principal: requestPrincipal(c.principal),
              action: c.action,
              resource: c.resource,
              resourceAccount: c.resourceAccount,
              context: new RequestContext(c.context),
            },
            fixture.policies,
          );
          expect({ effect: decision.effect, source: fixture.source }).toEqual({ effect: c.expect.effect, source: fixture.source });
          if (c.expect.deniedBy !== undefined) expect(decision.deniedBy).toBe(c.expect.deniedBy);
          if (c.expect.statements !== undefined) expect([...label(decision)].sort()).toEqual([...c.expect.statements].sort());
        });
      }
    });
  }
}
