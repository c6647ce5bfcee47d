/**
 * The policy engine: IAM policy text -> validated document -> compiled policy ->
 * decision. Pure: no clock, no I/O, no globals; time and request facts arrive in the
 * request context.
 *
 * @example
 * const policy = compilePolicy(parsePolicy(text, 'identity'), { id: 'inline', type: 'identity' });
 * const decision = authorize(
 *   { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: new RequestContext({ 'aws:SourceIp': '10.0.0.1' }) },
 *   { identity: [policy] },
 * );
 */
export { authorize } from './authorize.js';
export type { AuthorizationRequest, Decision, DecisionEffect, PolicySet } from './authorize.js';
export { compilePolicy } from './compile.js';
export type { CompiledPolicy, CompiledStatement, MatchedStatement, PolicySource, PolicyType } from './compile.js';
export { RequestContext } from './context.js';
export { CONTEXT_KEY_TYPES } from './context-types.js';
export type { ContextKeyType } from './context-types.js';
export type { ContextInput, ContextValue } from './context.js';
export type { PolicyDocument, PolicyGrammar, PolicyVersion, StatementDocument } from './document.js';
export type { Position, Span } from './json.js';
export { accessDeniedMessage } from './explain.js';
export type { DeniedRequest, ExplainOptions } from './explain.js';
export { requestPrincipal, rootArn } from './principal.js';
export type { PrincipalInit, PrincipalType, RequestPrincipal } from './principal.js';
export { POLICY_SIZE_QUOTA, policySize } from './size.js';
export type { PolicyUse } from './size.js';
export { parsePolicy } from './validate.js';
export { simulate } from './simulate.js';
export type { Simulation } from './simulate.js';
