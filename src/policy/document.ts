/**
 * A validated policy document: the policy text read, checked against the grammar of its
 * kind, and reduced to the statements the engine needs. It is the middle stage of
 * text -> document -> compiled policy; the original text is kept because IAM returns
 * it as written.
 */
import type { Span } from './json.js';
import type { ConditionOperator } from './operators.js';
import type { PrincipalSpec } from './principal.js';

export type PolicyVersion = '2012-10-17' | '2008-10-17';

/**
 * The grammar a document must follow. Permissions boundaries and session policies are
 * identity policies; a role's trust policy is a resource policy with stricter rules.
 */
export type PolicyGrammar = 'identity' | 'resource' | 'trust' | 'scp' | 'rcp';

export type Effect = 'Allow' | 'Deny';

export interface ConditionEntry {
  readonly operator: ConditionOperator;
  readonly key: string;
  readonly values: readonly string[];
}

export interface StatementDocument {
  /** Position in the Statement list, from 0. */
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly principal: PrincipalSpec | undefined;
  readonly notPrincipal: PrincipalSpec | undefined;
  readonly action: readonly string[] | undefined;
  readonly notAction: readonly string[] | undefined;
  readonly resource: readonly string[] | undefined;
  readonly notResource: readonly string[] | undefined;
  readonly conditions: readonly ConditionEntry[];
  /** Where the statement stands in the text. */
  readonly span: Span | undefined;
}

export interface PolicyDocument {
  readonly text: string;
  readonly grammar: PolicyGrammar;
  /** The version in effect; a document without one is read as 2008-10-17, as AWS does. */
  readonly version: PolicyVersion;
  readonly id: string | undefined;
  readonly statements: readonly StatementDocument[];
}
