/**
 * Compiling a validated document into the form decisions run on: wildcard matchers
 * built, condition values parsed, principals in Sets, and statements indexed by the
 * actions they name, so that a request for `s3:GetObject` looks only at statements that
 * could apply to it. A compiled policy is immutable and holds no request state, so the
 * store can cache it per policy version and share it between requests.
 */
import { compileCondition, type CompiledCondition } from './condition.js';
import type { Effect, PolicyDocument, PolicyVersion } from './document.js';
import { compileGlob, globPartsOf, type Glob } from './glob.js';
import type { Span } from './json.js';
import { compilePrincipalSet, type PrincipalSet } from './principal.js';
import { parseTemplate, TemplateGlob } from './template.js';

/** The role a policy plays in a decision, which also names it in AWS's messages. */
export type PolicyType = 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp';

/** Which policy this is, for explanations: an ARN, or a name such as `role/R/inline`. */
export interface PolicySource {
  readonly id: string;
  readonly type: PolicyType;
}

export interface CompiledStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  /** Lower-cased action patterns; `notAction` inverts them. */
  readonly actions: readonly Glob[];
  readonly notAction: boolean;
  /** Resource patterns; undefined when the statement has none (trust policies). */
  readonly resources: readonly TemplateGlob[] | undefined;
  readonly notResource: boolean;
  readonly principal: PrincipalSet | undefined;
  readonly notPrincipal: PrincipalSet | undefined;
  /**
   * `"Principal": "*"` narrowed by an `aws:PrincipalArn` condition: AWS lets such a grant
   * stand even where a boundary or session policy is silent.
   */
  readonly wildcardByPrincipalArn: boolean;
  readonly conditions: readonly CompiledCondition[];
  readonly span: Span | undefined;
}

export interface CompiledPolicy {
  readonly source: PolicySource;
  readonly version: PolicyVersion;
  readonly statements: readonly CompiledStatement[];
  /** Statements that name an action exactly, by lower-cased action. */
  readonly byAction: ReadonlyMap<string, readonly CompiledStatement[]>;
  /** Statements with an action pattern inside one service, by lower-cased service prefix. */
  readonly byService: ReadonlyMap<string, readonly CompiledStatement[]>;
  /** Statements that may apply to any action: NotAction, `*`, wildcard service prefixes. */
  readonly anyAction: readonly CompiledStatement[];
}

export function compilePolicy(document: PolicyDocument, source: PolicySource): CompiledPolicy {
  const variables = document.version === '2012-10-17';
  const statements = document.statements.map((s): CompiledStatement => {
    const actionTexts = (s.action ?? s.notAction ?? []).map((a) => a.toLowerCase());
    const resourceTexts = s.resource ?? s.notResource;
    const conditions = s.conditions.map((c) => compileCondition(c.operator, c.key, c.values, variables));
    const principal = s.principal === undefined ? undefined : compilePrincipalSet(s.principal);
    return Object.freeze({
      index: s.index,
      sid: s.sid,
      effect: s.effect,
      actions: actionTexts.map((a) => compileGlob(globPartsOf(a), false)),
      notAction: s.notAction !== undefined,
      resources: resourceTexts?.map((r) => new TemplateGlob(parseTemplate(r, { wildcards: true, variables }), false)),
      notResource: s.notResource !== undefined,
      principal,
      notPrincipal: s.notPrincipal === undefined ? undefined : compilePrincipalSet(s.notPrincipal),
      wildcardByPrincipalArn:
        principal?.wildcard === true && conditions.some((c) => c.key === 'aws:principalarn' && !c.operator.base.negated),
      conditions,
      span: s.span,
    });
  });
  return Object.freeze({ source, version: document.version, statements, ...indexByAction(document, statements) });
}

function indexByAction(
  document: PolicyDocument,
  statements: readonly CompiledStatement[],
): Pick<CompiledPolicy, 'byAction' | 'byService' | 'anyAction'> {
  const byAction = new Map<string, CompiledStatement[]>();
  const byService = new Map<string, CompiledStatement[]>();
  const anyAction: CompiledStatement[] = [];
  const add = (map: Map<string, CompiledStatement[]>, key: string, s: CompiledStatement): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [s]);
    else if (list[list.length - 1] !== s) list.push(s);
  };
  for (const s of statements) {
    const doc = document.statements[s.index];
    const texts = (doc?.action ?? []).map((a) => a.toLowerCase());
    const general = doc?.notAction !== undefined || texts.some((a) => a === '*' || /[*?]/.test(a.slice(0, a.indexOf(':'))));
    if (general) {
      anyAction.push(s);
      continue;
    }
    // A statement reached through its service's list is not listed again by exact action.
    const patternServices = new Set(texts.filter((a) => /[*?]/.test(a)).map((a) => a.slice(0, a.indexOf(':'))));
    for (const service of patternServices) add(byService, service, s);
    for (const a of texts) if (!/[*?]/.test(a) && !patternServices.has(a.slice(0, a.indexOf(':')))) add(byAction, a, s);
  }
  return { byAction, byService, anyAction };
}
