/**
 * Compiling a validated document into the form decisions run on: wildcard matchers
 * built, condition values parsed, principals in Sets, and statements indexed by the
 * actions they name, so that a request for `s3:GetObject` looks only at statements that
 * could apply to it. A compiled policy holds no request state and never changes what it
 * answers (its only inner state is a bounded memo of that index per action, and the last
 * action asked for), so the store can cache it per policy version and share it between
 * requests.
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

/** A statement together with the policy it belongs to: how decisions name their reasons. */
export interface MatchedStatement {
  readonly policy: PolicySource;
  readonly statement: CompiledStatement;
}

export interface CompiledStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  /** Lower-cased action patterns; `notAction` inverts them. */
  readonly actions: readonly Glob[];
  readonly notAction: boolean;
  /** Resource patterns; undefined when any resource matches (no Resource element, or `*`). */
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
  /** This statement as a decision reports it, made once here rather than per decision. */
  readonly matched: MatchedStatement;
}

/** The statements of a policy whose Action or NotAction matches one action, by effect. */
export interface ActionStatements {
  readonly deny: readonly CompiledStatement[];
  readonly allow: readonly CompiledStatement[];
}

export interface CompiledPolicy {
  readonly source: PolicySource;
  readonly version: PolicyVersion;
  readonly statements: readonly CompiledStatement[];
  /** Some statement has a Principal element (resource and trust policies). */
  readonly namesPrincipals: boolean;
  /**
   * The statements whose Action or NotAction matches a lower-cased action, Denies and
   * Allows apart, each in the order a scan visits them: exact names first, then patterns
   * within the service, then the rest. Remembered per action (bounded), so a decision
   * never matches actions.
   */
  statementsFor(action: string): ActionStatements;
}

/** The action index of a policy, and its per-action memo. */
class ActionIndex {
  static readonly #MEMO_MAX = 512;
  readonly #byAction: ReadonlyMap<string, readonly CompiledStatement[]>;
  readonly #byService: ReadonlyMap<string, readonly CompiledStatement[]>;
  readonly #anyAction: readonly CompiledStatement[];
  readonly #memo = new Map<string, ActionStatements>();
  // The last action asked for: a decision asks each policy twice (Denies, then Allows)
  // and a server's next request is often the same action, so one comparison (the names
  // are lowerName's shared strings) usually answers without hashing.
  #lastAction: string | undefined;
  #lastFound: ActionStatements | undefined;

  constructor(index: Indexed) {
    this.#byAction = index.byAction;
    this.#byService = index.byService;
    this.#anyAction = index.anyAction;
  }

  statementsFor(action: string): ActionStatements {
    if (action === this.#lastAction) return this.#lastFound as ActionStatements;
    const found = this.#memo.get(action) ?? this.#find(action);
    this.#lastAction = action;
    this.#lastFound = found;
    return found;
  }

  #find(action: string): ActionStatements {
    const colon = action.indexOf(':');
    const service = colon < 0 ? action : action.slice(0, colon);
    const found = [
      ...(this.#byAction.get(action) ?? []),
      ...(this.#byService.get(service) ?? []).filter((s) => actionMatches(s, action)),
      ...this.#anyAction.filter((s) => actionMatches(s, action)),
    ];
    const split: ActionStatements = Object.freeze({
      deny: found.filter((s) => s.effect === 'Deny'),
      allow: found.filter((s) => s.effect === 'Allow'),
    });
    if (this.#memo.size < ActionIndex.#MEMO_MAX) this.#memo.set(action, split);
    return split;
  }
}

function actionMatches(s: CompiledStatement, action: string): boolean {
  let any = false;
  for (const glob of s.actions) {
    if (glob.matches(action)) {
      any = true;
      break;
    }
  }
  return any !== s.notAction;
}

interface Indexed {
  readonly byAction: ReadonlyMap<string, readonly CompiledStatement[]>;
  readonly byService: ReadonlyMap<string, readonly CompiledStatement[]>;
  readonly anyAction: readonly CompiledStatement[];
}

export function compilePolicy(document: PolicyDocument, source: PolicySource): CompiledPolicy {
  const variables = document.version === '2012-10-17';
  const statements = document.statements.map((s): CompiledStatement => {
    const actionTexts = (s.action ?? s.notAction ?? []).map((a) => a.toLowerCase());
    const resourceTexts = s.resource ?? s.notResource;
    const conditions = s.conditions.map((c) => compileCondition(c.operator, c.key, c.values, variables));
    const principal = s.principal === undefined ? undefined : compilePrincipalSet(s.principal);
    // `"Resource": "*"` (alone or in a list) matches every resource: no test at all.
    const resources =
      s.resource?.includes('*') === true
        ? undefined
        : resourceTexts?.map((r) => new TemplateGlob(parseTemplate(r, { wildcards: true, variables }), false));
    const statement: { -readonly [K in keyof CompiledStatement]: CompiledStatement[K] } = {
      index: s.index,
      sid: s.sid,
      effect: s.effect,
      actions: actionTexts.map((a) => compileGlob(globPartsOf(a), false)),
      notAction: s.notAction !== undefined,
      resources,
      notResource: s.notResource !== undefined,
      principal,
      notPrincipal: s.notPrincipal === undefined ? undefined : compilePrincipalSet(s.notPrincipal),
      wildcardByPrincipalArn:
        principal?.wildcard === true && conditions.some((c) => c.key === 'aws:principalarn' && !c.operator.base.negated),
      conditions,
      span: s.span,
      matched: undefined as unknown as MatchedStatement,
    };
    statement.matched = Object.freeze({ policy: source, statement });
    return Object.freeze(statement);
  });
  const index = new ActionIndex(indexByAction(document, statements));
  return Object.freeze({
    source,
    version: document.version,
    statements,
    namesPrincipals: statements.some((s) => s.principal !== undefined),
    statementsFor: (action: string) => index.statementsFor(action),
  });
}

function indexByAction(
  document: PolicyDocument,
  statements: readonly CompiledStatement[],
): Indexed {
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
