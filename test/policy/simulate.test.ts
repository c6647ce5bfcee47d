/**
 * Simulation: the decision `authorize` gives, plus the statements IAM's simulator lists
 * (every Deny for an explicit deny, every Allow of the types that allowed, none for an
 * implicit deny), the condition keys missing from the context, and the boundary's own
 * answer.
 */
import { describe, expect, it } from 'vitest';
import {
  authorize,
  compilePolicy,
  parsePolicy,
  RequestContext,
  requestPrincipal,
  simulate,
  type CompiledPolicy,
  type ContextInput,
  type PolicyType,
} from '../../src/policy/index.js';

const ACCOUNT = '111122223333';
const alice = requestPrincipal({ type: 'User', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, uniqueId: 'AIDAALICE0000000000001' });

const policy = (id: string, type: PolicyType, statements: object[], grammar: 'identity' | 'resource' = 'identity'): CompiledPolicy =>
  compilePolicy(parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), grammar), { id, type });

const request = (action: string, resource = '*', context: ContextInput = {}) => ({
  principal: alice,
  action,
  resource,
  context: new RequestContext(context),
});

const allowS3 = policy('read', 'identity', [
  { Sid: 'Get', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
  { Sid: 'All', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' },
  { Sid: 'Put', Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
]);

describe('simulate', () => {
  it('lists every Allow statement that applies, in document order, for an allowed request.', () => {
    const sim = simulate(request('s3:GetObject', 'arn:aws:s3:::b/k'), { identity: [allowS3] });
    expect(sim.decision.effect).toBe('Allow');
    expect(sim.statements.map((m) => m.statement.sid)).toEqual(['Get', 'All']);
    expect(sim.statements.map((m) => m.policy.id)).toEqual(['read', 'read']);
  });

  it('lists only the Deny statements for an explicit deny, even when Allows apply too.', () => {
    const deny = policy('guard', 'identity', [
      { Sid: 'No', Effect: 'Deny', Action: 's3:Get*', Resource: '*' },
      { Sid: 'NoEither', Effect: 'Deny', Action: '*', Resource: 'arn:aws:s3:::b/*' },
    ]);
    const sim = simulate(request('s3:GetObject', 'arn:aws:s3:::b/k'), { identity: [allowS3, deny] });
    expect(sim.decision.effect).toBe('ExplicitDeny');
    expect(sim.statements.map((m) => m.statement.sid)).toEqual(['No', 'NoEither']);
  });

  it('lists nothing for an implicit deny.', () => {
    const sim = simulate(request('iam:ListUsers'), { identity: [allowS3] });
    expect(sim.decision.effect).toBe('ImplicitDeny');
    expect(sim.statements).toEqual([]);
  });

  it('gives the decision authorize gives, whatever the policies.', () => {
    const boundary = policy('b', 'boundary', [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }]);
    for (const action of ['s3:GetObject', 's3:PutObject', 'iam:ListUsers']) {
      const r = request(action, 'arn:aws:s3:::b/k');
      expect(simulate(r, { identity: [allowS3], boundary }).decision).toEqual(authorize(r, { identity: [allowS3], boundary }));
    }
  });

  it('lists the boundary’s Allows beside the identity Allows and says whether the boundary alone allows.', () => {
    const boundary = policy('b', 'boundary', [{ Sid: 'Cap', Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
    const allowed = simulate(request('s3:PutObject'), { identity: [allowS3], boundary });
    expect(allowed.statements.map((m) => [m.policy.type, m.statement.sid])).toEqual([['identity', 'Put'], ['boundary', 'Cap']]);
    expect(allowed.allowedByBoundary).toBe(true);
    const outside = simulate(request('iam:ListUsers'), { identity: [policy('admin', 'identity', [{ Effect: 'Allow', Action: '*', Resource: '*' }])], boundary });
    expect(outside.decision).toMatchObject({ effect: 'ImplicitDeny', deniedBy: 'boundary' });
    expect(outside.allowedByBoundary).toBe(false);
    expect(simulate(request('s3:PutObject'), { identity: [allowS3] }).allowedByBoundary).toBeUndefined();
  });

  it('names the condition keys a reaching statement reads that the context lacks, once each, as the policy spells them.', () => {
    const conditional = policy('c', 'identity', [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
      { Effect: 'Deny', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'AWS:SourceIP': '1.2.3.4', 's3:prefix': 'x' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } },
      { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x' } } },
    ]);
    const sim = simulate(request('s3:GetObject', 'arn:aws:s3:::b/k', { 'aws:multifactorauthpresent': 'true' }), { identity: [conditional] });
    // Other resources' and actions' keys are not asked for; a key given in any letter case is not missing.
    expect(sim.missingContextKeys).toEqual(['aws:SourceIp', 's3:prefix']);
    expect(sim.decision.effect).toBe('ImplicitDeny');
  });

  it('points at each statement where IAM’s simulator does, from the policy text.', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}';
    const p = compilePolicy(parsePolicy(text, 'identity'), { id: 'PolicyInputList.1', type: 'identity' });
    const sim = simulate(request('s3:GetObject'), { identity: [p] });
    expect(sim.statements.map((m) => [m.statement.span?.lead, m.statement.span?.end])).toEqual([
      [{ line: 1, column: 38 }, { line: 1, column: 87 }],
      [{ line: 1, column: 87 }, { line: 1, column: 140 }],
    ]);
  });

  it('lists a resource policy’s statements before the identity policies’.', () => {
    const bucket = policy('ResourcePolicy', 'resource', [{ Sid: 'R', Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 's3:GetObject', Resource: '*' }], 'resource');
    const sim = simulate(request('s3:GetObject'), { identity: [allowS3], resource: bucket });
    expect(sim.decision.effect).toBe('Allow');
    expect(sim.statements[0]?.policy.id).toBe('ResourcePolicy');
  });
});
