/**
 * Properties of the whole engine on generated policies (fast-check, fixed seeds):
 * every valid policy a grammar allows parses, compiles and evaluates without throwing;
 * every invalid text is refused only with MalformedPolicyDocument; and the invariants
 * of research/security.md section 3.2, which restate the IAM evaluation logic:
 *   I1 with no applicable Allow the answer is a deny;
 *   I2 adding a Deny never turns a deny into Allow, adding an Allow never turns an
 *      explicit deny into Allow;
 *   I3 boundaries and session policies only remove permissions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../src/errors.js';
import {
  authorize,
  compilePolicy,
  parsePolicy,
  RequestContext,
  requestPrincipal,
  type AuthorizationRequest,
  type CompiledPolicy,
  type PolicyGrammar,
  type PolicySet,
  type PolicyType,
  type PrincipalInit,
} from '../../src/policy/index.js';

const RUNS = { seed: 20_261_128, numRuns: 400 } as const;

// ---- request vocabulary -----------------------------------------------------------

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const PRINCIPALS: readonly PrincipalInit[] = [
  { type: 'User', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, uniqueId: 'AIDAALICEEXAMPLE0001' },
  { type: 'AssumedRole', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/app/s1`, accountId: ACCOUNT, uniqueId: 'AROAAPPEXAMPLE000001', roleArn: `arn:aws:iam::${ACCOUNT}:role/app` },
  { type: 'FederatedUser', arn: `arn:aws:sts::${ACCOUNT}:federated-user/bob`, accountId: ACCOUNT },
  { type: 'Account', arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT },
  { type: 'User', arn: `arn:aws:iam::${OTHER}:user/carol`, accountId: OTHER },
  { type: 'Service', arn: 'ec2.amazonaws.com' },
  { type: 'Anonymous', arn: 'anonymous' },
];
const ACTIONS = ['s3:GetObject', 's3:PutObject', 'iam:CreateUser', 'sts:AssumeRole', 'ec2:RunInstances'];
const RESOURCES = ['arn:aws:s3:::b/k', 'arn:aws:s3:::b/alice/x', 'arn:aws:iam::111122223333:user/alice', 'arn:aws:iam::111122223333:role/app', '*'];
const CONTEXT_VALUES: Readonly<Record<string, readonly (string | string[])[]>> = {
  'aws:username': ['alice', 'bob'],
  'aws:SourceIp': ['203.0.113.7', '198.51.100.1', '2001:db8::1'],
  'aws:CurrentTime': ['2020-05-15T12:00:00Z', '2030-01-01T00:00:00Z'],
  'aws:SecureTransport': ['true', 'false'],
  'aws:PrincipalTag/team': ['red', 'blue'],
  'aws:TagKeys': [[], ['env'], ['env', 'owner']],
  'aws:PrincipalArn': ['arn:aws:iam::111122223333:role/app', 'arn:aws:iam::111122223333:user/alice'],
};

const requestArb: fc.Arbitrary<AuthorizationRequest> = fc
  .record({
    principal: fc.constantFrom(...PRINCIPALS),
    action: fc.constantFrom(...ACTIONS),
    resource: fc.constantFrom(...RESOURCES),
    resourceAccount: fc.option(fc.constantFrom(ACCOUNT, OTHER), { nil: undefined }),
    context: fc.dictionary(fc.constantFrom(...Object.keys(CONTEXT_VALUES)), fc.constant(null)).chain((keys) =>
      fc.tuple(...Object.keys(keys).map((k) => fc.constantFrom(...(CONTEXT_VALUES[k] ?? [])).map((v) => [k, v] as const))),
    ),
  })
  .map((r) => ({
    principal: requestPrincipal(r.principal),
    action: r.action,
    resource: r.resource,
    resourceAccount: r.resourceAccount,
    context: new RequestContext(r.context),
  }));

// ---- a grammar of valid policies --------------------------------------------------

const actionPattern = fc.constantFrom(...ACTIONS, 's3:*', '*', 's3:Get*', 'iam:*User', 'S3:getobject', 'ec2:?unInstances');
const resourcePattern = fc.constantFrom(...RESOURCES, 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/${aws:username}/*', 'arn:aws:s3:::*', 'arn:aws:iam::*:user/*', 'arn:aws:s3:::b/${aws:PrincipalTag/team, \'none\'}');
const conditionBlock = fc.constantFrom<Record<string, Record<string, unknown>>>(
  { StringEquals: { 'aws:username': ['alice', '${aws:PrincipalTag/team}'] } },
  { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } },
  { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } },
  { StringEqualsIgnoreCase: { 'aws:username': 'ALICE' } },
  { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } },
  { NotIpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
  { DateLessThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } },
  { DateGreaterThanEquals: { 'aws:CurrentTime': '1577836800' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { BoolIfExists: { 'aws:SecureTransport': false } },
  { NumericLessThan: { 's3:max-keys': 10 } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'owner'] } },
  { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'own*' } },
  { Null: { 'aws:PrincipalTag/team': 'false' } },
  { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:*' } },
  { ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice' } },
  { StringLikeIfExists: { 'ec2:InstanceType': 't2.*' } },
);
const principalElement = fc.constantFrom<unknown>(
  '*',
  { AWS: '*' },
  { AWS: ACCOUNT },
  { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
  { AWS: [`arn:aws:iam::${ACCOUNT}:role/app`, `arn:aws:sts::${ACCOUNT}:assumed-role/app/s1`] },
  { AWS: `arn:aws:sts::${ACCOUNT}:federated-user/bob` },
  { AWS: `arn:aws:iam::${OTHER}:user/carol` },
  { Service: 'ec2.amazonaws.com' },
);

const oneOrMany = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> => fc.oneof(arb, fc.array(arb, { minLength: 1, maxLength: 3 }));

function statementArb(grammar: PolicyGrammar, effect?: 'Allow' | 'Deny'): fc.Arbitrary<Record<string, unknown>> {
  const named = grammar === 'resource' || grammar === 'rcp';
  return fc
    .record({
      effect: effect === undefined ? fc.constantFrom('Allow', 'Deny') : fc.constant(effect),
      notAction: fc.boolean(),
      actions: oneOrMany(actionPattern),
      notResource: fc.boolean(),
      resources: oneOrMany(resourcePattern),
      conditions: fc.array(conditionBlock, { maxLength: 2 }),
      principal: principalElement,
      notPrincipal: fc.boolean(),
    })
    .map((s) => {
      const out: Record<string, unknown> = { Effect: s.effect };
      out[s.notAction ? 'NotAction' : 'Action'] = s.actions;
      out[s.notResource ? 'NotResource' : 'Resource'] = s.resources;
      if (named) {
        // NotPrincipal only with Deny, and never "*" (it would exclude everyone).
        if (s.effect === 'Deny' && s.notPrincipal && s.principal !== '*') out['NotPrincipal'] = s.principal;
        else out['Principal'] = s.principal;
      }
      const condition: Record<string, Record<string, unknown>> = {};
      for (const block of s.conditions) for (const [op, keys] of Object.entries(block)) condition[op] = { ...condition[op], ...keys };
      if (Object.keys(condition).length > 0) out['Condition'] = condition;
      return out;
    });
}

function policyArb(grammar: PolicyGrammar, effect?: 'Allow' | 'Deny'): fc.Arbitrary<string> {
  return fc
    .record({
      version: fc.constantFrom('2012-10-17', '2012-10-17', '2008-10-17', undefined),
      statements: fc.array(statementArb(grammar, effect), { minLength: 1, maxLength: 4 }),
      sids: fc.boolean(),
      single: fc.boolean(),
    })
    .map(({ version, statements, sids, single }) => {
      const list = sids ? statements.map((s, i) => ({ Sid: `S${i}`, ...s })) : statements;
      const doc: Record<string, unknown> = { Statement: single && list.length === 1 ? list[0] : list };
      if (version !== undefined) doc['Version'] = version;
      return JSON.stringify(doc);
    });
}

/** The text each generated policy came from, so a statement can be added to it later. */
const sourceText = new WeakMap<CompiledPolicy, string>();
let ids = 0;
function compiled(text: string, grammar: PolicyGrammar, type: PolicyType): CompiledPolicy {
  const policy = compilePolicy(parsePolicy(text, grammar), { id: `p${ids++}`, type });
  sourceText.set(policy, text);
  return policy;
}

const identityArb = (effect?: 'Allow' | 'Deny') => policyArb('identity', effect).map((t) => compiled(t, 'identity', 'identity'));

const policySetArb: fc.Arbitrary<PolicySet> = fc.record(
  {
    identity: fc.array(identityArb(), { maxLength: 2 }),
    resource: policyArb('resource').map((t) => compiled(t, 'resource', 'resource')),
    resourceMustAllow: fc.boolean(),
    boundary: policyArb('identity').map((t) => compiled(t, 'identity', 'boundary')),
    session: fc.array(policyArb('identity').map((t) => compiled(t, 'identity', 'session')), { minLength: 1, maxLength: 2 }),
    scp: fc.array(fc.array(policyArb('scp').map((t) => compiled(t, 'scp', 'scp')), { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
    rcp: fc.array(fc.array(policyArb('rcp').map((t) => compiled(t, 'rcp', 'rcp')), { minLength: 1, maxLength: 2 }), { maxLength: 1 }),
  },
  { requiredKeys: [] },
);

// ---- validity ---------------------------------------------------------------------

/** Parsing either succeeds or fails with IAM's MalformedPolicyDocument, nothing else. */
function parsesOrRefuses(text: string, grammar: PolicyGrammar): boolean {
  try {
    const doc = parsePolicy(text, grammar);
    // Whatever parses must also compile.
    compilePolicy(doc, { id: 'x', type: 'identity' });
    return true;
  } catch (e) {
    if (e instanceof AwsError && e.code === 'MalformedPolicyDocument' && e.status === 400) return true;
    throw e;
  }
}

const GRAMMARS: readonly PolicyGrammar[] = ['identity', 'resource', 'trust', 'scp', 'rcp'];

describe('generated policies', () => {
  it('parses, compiles and evaluates every valid policy of each grammar without throwing.', () => {
    for (const grammar of ['identity', 'resource', 'scp', 'rcp'] as const) {
      fc.assert(
        fc.property(policyArb(grammar), requestArb, (text, request) => {
          const policy = compiled(text, grammar, grammar === 'identity' ? 'identity' : grammar === 'resource' ? 'resource' : grammar);
          const set: PolicySet =
            grammar === 'identity' ? { identity: [policy] } : grammar === 'resource' ? { resource: policy } : grammar === 'scp' ? { scp: [[policy]] } : { rcp: [[policy]] };
          const decision = authorize(request, set);
          return ['Allow', 'ExplicitDeny', 'ImplicitDeny'].includes(decision.effect);
        }),
        RUNS,
      );
    }
  });

  it('evaluates every generated set of policies of all types without throwing.', () => {
    fc.assert(fc.property(policySetArb, requestArb, (set, request) => typeof authorize(request, set).effect === 'string'), RUNS);
  });

  it('refuses random JSON only with MalformedPolicyDocument.', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 5 }), fc.constantFrom(...GRAMMARS), parsesOrRefuses), { ...RUNS, numRuns: 2_000 });
  });

  it('refuses random text only with MalformedPolicyDocument.', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.constantFrom(...GRAMMARS), parsesOrRefuses), { ...RUNS, numRuns: 2_000 });
  });

  it('refuses mutated valid policies only with MalformedPolicyDocument.', () => {
    const mutation = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 6 }),
      insert: fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '*', '?', '$', '${', '\\', 'x', '0', ' ', '__proto__', 'Null', 'IfExists'), maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...GRAMMARS).chain((g) => fc.tuple(fc.constant(g), policyArb(g === 'trust' ? 'resource' : g))), mutation, ([grammar, text], m) => {
        const at = m.at % (text.length + 1);
        return parsesOrRefuses(text.slice(0, at) + m.insert + text.slice(at + m.cut), grammar);
      }),
      { ...RUNS, numRuns: 3_000 },
    );
  });

  it('refuses a valid policy with one value replaced by random JSON only with MalformedPolicyDocument.', () => {
    fc.assert(
      fc.property(policyArb('resource'), fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.constantFrom(...GRAMMARS), (text, junk, pick, grammar) => {
        const doc = JSON.parse(text) as Record<string, unknown>;
        const holders: Record<string, unknown>[] = [];
        const walk = (v: unknown): void => {
          if (typeof v !== 'object' || v === null) return;
          if (!Array.isArray(v)) holders.push(v as Record<string, unknown>);
          for (const child of Object.values(v)) walk(child);
        };
        walk(doc);
        const holder = holders[pick % holders.length];
        if (holder !== undefined) {
          const keys = Object.keys(holder);
          const key = keys[pick % Math.max(1, keys.length)];
          if (key !== undefined) holder[key] = junk;
        }
        return parsesOrRefuses(JSON.stringify(doc), grammar);
      }),
      { ...RUNS, numRuns: 2_000 },
    );
  });
});

// ---- invariants -------------------------------------------------------------------

const isDeny = (effect: string): boolean => effect !== 'Allow';

describe('evaluation invariants', () => {
  it('I1: with no policies at all, every request but the root user\'s in its own account is implicitly denied.', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        const rootAtHome = request.principal.type === 'Account' && (request.resourceAccount === undefined || request.resourceAccount === ACCOUNT);
        return authorize(request, {}).effect === (rootAtHome ? 'Allow' : 'ImplicitDeny');
      }),
      RUNS,
    );
  });

  it('I1: with only Deny statements, no request is allowed.', () => {
    fc.assert(
      fc.property(fc.array(identityArb('Deny'), { minLength: 1, maxLength: 3 }), requestArb, (identity, request) => {
        // The root user of its own account needs no identity policy; leave it out here.
        fc.pre(request.principal.type !== 'Account');
        return isDeny(authorize(request, { identity }).effect);
      }),
      RUNS,
    );
  });

  it('I2: adding a Deny statement never turns a deny into Allow.', () => {
    const where = fc.constantFrom('identity', 'resource', 'boundary', 'session', 'scp', 'rcp');
    fc.assert(
      fc.property(policySetArb, requestArb, where, policyArb('resource', 'Deny'), policyArb('identity', 'Deny'), (set, request, place, resDeny, idDeny) => {
        const before = authorize(request, set).effect;
        const after = authorize(request, withAdded(set, place, resDeny, idDeny)).effect;
        return !(isDeny(before) && after === 'Allow');
      }),
      { ...RUNS, numRuns: 2_000 },
    );
  });

  it('I2: adding an Allow statement never turns an explicit deny into Allow.', () => {
    const where = fc.constantFrom('identity', 'resource', 'boundary', 'session', 'scp', 'rcp');
    fc.assert(
      fc.property(policySetArb, requestArb, where, policyArb('resource', 'Allow'), policyArb('identity', 'Allow'), (set, request, place, resAllow, idAllow) => {
        const before = authorize(request, set).effect;
        fc.pre(before === 'ExplicitDeny');
        return authorize(request, withAdded(set, place, resAllow, idAllow)).effect === 'ExplicitDeny';
      }),
      { ...RUNS, numRuns: 1_000 },
    );
  });

  it('I3: adding a permissions boundary never turns a deny into Allow.', () => {
    fc.assert(
      fc.property(policySetArb, requestArb, policyArb('identity'), (set, request, boundaryText) => {
        const without: PolicySet = { ...set, boundary: undefined };
        const before = authorize(request, without).effect;
        const after = authorize(request, { ...without, boundary: compiled(boundaryText, 'identity', 'boundary') }).effect;
        return !(isDeny(before) && after === 'Allow');
      }),
      { ...RUNS, numRuns: 2_000 },
    );
  });

  it('I3: adding session policies to a role session never turns a deny into Allow.', () => {
    // A federated user's session is the documented exception: without a session policy
    // it has no permissions at all (STS GetFederationToken), so a first session policy
    // can only be compared with another set of session policies.
    fc.assert(
      fc.property(policySetArb, requestArb, fc.array(policyArb('identity'), { minLength: 1, maxLength: 2 }), (set, request, texts) => {
        fc.pre(request.principal.type !== 'FederatedUser');
        const without: PolicySet = { ...set, session: undefined };
        const before = authorize(request, without).effect;
        const after = authorize(request, { ...without, session: texts.map((t) => compiled(t, 'identity', 'session')) }).effect;
        return !(isDeny(before) && after === 'Allow');
      }),
      { ...RUNS, numRuns: 2_000 },
    );
  });

  it('I3: adding a Deny-only session policy never turns a federated user\'s deny into Allow.', () => {
    fc.assert(
      fc.property(policySetArb, requestArb, policyArb('identity', 'Deny'), (set, request, text) => {
        fc.pre(request.principal.type === 'FederatedUser' && set.session !== undefined);
        const before = authorize(request, set).effect;
        const after = authorize(request, { ...set, session: [...(set.session ?? []), compiled(text, 'identity', 'session')] }).effect;
        return !(isDeny(before) && after === 'Allow');
      }),
      { ...RUNS, numRuns: 300 },
    );
  });
});

/** The policy set with one more policy of the given kind, from the generated texts. */
function withAdded(set: PolicySet, place: string, resourceText: string, identityText: string): PolicySet {
  switch (place) {
    case 'identity':
      return { ...set, identity: [...(set.identity ?? []), compiled(identityText, 'identity', 'identity')] };
    case 'boundary':
      // A boundary is one policy: the statement goes into it (adding a boundary where
      // there was none is I3's business).
      return set.boundary === undefined ? set : { ...set, boundary: merge(set.boundary, identityText, 'boundary') };
    case 'session':
      return { ...set, session: [...(set.session ?? []), compiled(identityText, 'identity', 'session')] };
    case 'scp': {
      const levels = set.scp ?? [];
      if (levels.length === 0) return set;
      return { ...set, scp: levels.map((level, i) => (i === 0 ? [...level, compiled(identityText, 'scp', 'scp')] : level)) };
    }
    case 'rcp': {
      const levels = set.rcp ?? [];
      if (levels.length === 0) return set;
      return { ...set, rcp: levels.map((level, i) => (i === 0 ? [...level, compiled(resourceText, 'rcp', 'rcp')] : level)) };
    }
    default:
      return set.resource === undefined
        ? { ...set, resource: compiled(resourceText, 'resource', 'resource') }
        : { ...set, resource: merge(set.resource, resourceText, 'resource') };
  }
}

/** One policy holding the statements of both, so "adding a statement" to a single-policy slot is exact. */
function merge(policy: CompiledPolicy, extraText: string, type: PolicyType): CompiledPolicy {
  const grammar: PolicyGrammar = type === 'resource' ? 'resource' : 'identity';
  const original = JSON.parse(sourceText.get(policy) ?? '{}') as { Version?: string; Statement: unknown };
  const extra = JSON.parse(extraText) as { Statement: unknown };
  const list = (s: unknown): unknown[] => (Array.isArray(s) ? s : [s]);
  const strip = (s: unknown): unknown => {
    if (typeof s !== 'object' || s === null) return s;
    const { Sid: _sid, ...rest } = s as Record<string, unknown>;
    return rest;
  };
  const doc: Record<string, unknown> = { Statement: [...list(original.Statement), ...list(extra.Statement)].map(strip) };
  // The merged policy keeps the original's version, so its statements mean what they meant.
  if (original.Version !== undefined) doc['Version'] = original.Version;
  return compiled(JSON.stringify(doc), grammar, type);
}

it('keeps the fixed seed so that a failure can be replayed.', () => {
  expect(RUNS.seed).toBe(20_261_128);
});
