/**
 * Reads a policy text into a validated document, with IAM's rules for its grammar:
 * identity policies (also boundaries and session policies) name no principal and need
 * resources; resource policies need a principal; a role's trust policy needs a
 * principal, takes no NotPrincipal and no Resource. Every failure is IAM's
 * MalformedPolicyDocument; nothing invalid is ever half-accepted.
 */
import { malformedPolicy } from '../errors.js';
import type { ConditionEntry, Effect, PolicyDocument, PolicyGrammar, PolicyVersion, StatementDocument } from './document.js';
import { isJsonObject, JsonNumber, JsonSyntaxError, parseJson, type JsonObject, type JsonValue, type Span } from './json.js';
import { POLICY_MESSAGES as M } from './messages.js';
import { parseOperator } from './operators.js';
import type { PrincipalSpec } from './principal.js';
import { parseTemplate, TemplateError } from './template.js';
import { compileCondition, ConditionValueError } from './condition.js';

const TOP_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set([
  'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition',
]);
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
const VENDOR = /^[a-zA-Z0-9*?-]+$/;
const SID = /^[0-9A-Za-z]*$/;
const ARN_PATTERN = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:/;
const AWS_PRINCIPAL =
  /^(?:\*|[0-9]{12}|arn:aws:iam::[0-9]{12}:(?:root|user\/.+|role\/.+)|arn:aws:sts::[0-9]{12}:(?:assumed-role\/[^/]+\/.+|federated-user\/.+)|A[A-Z]{2}A[A-Z0-9]{8,})$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;

export function parsePolicy(text: string, grammar: PolicyGrammar): PolicyDocument {
  let value: JsonValue;
  let spans: WeakMap<object, Span>;
  try {
    ({ value, spans } = parseJson(text));
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw malformedPolicy(e.message.startsWith('Duplicate key') ? M.syntax : M.invalidJson);
    throw e;
  }
  if (!isJsonObject(value)) throw malformedPolicy(M.syntax);
  for (const key of Object.keys(value)) if (!TOP_KEYS.has(key)) throw malformedPolicy(M.syntax);

  const versionValue = value['Version'];
  if (versionValue !== undefined && versionValue !== '2012-10-17' && versionValue !== '2008-10-17') throw malformedPolicy(M.syntax);
  const version: PolicyVersion = versionValue ?? '2008-10-17';
  const id = value['Id'];
  if (id !== undefined && typeof id !== 'string') throw malformedPolicy(M.syntax);

  const raw = value['Statement'];
  const list = Array.isArray(raw) ? (raw as readonly JsonValue[]) : raw === undefined ? [] : [raw];
  if (list.length === 0) throw malformedPolicy(M.syntax);
  const statements = list.map((s, index) => {
    if (!isJsonObject(s)) throw malformedPolicy(M.syntax);
    return readStatement(s, index, grammar, version, spans.get(s));
  });

  const sids = new Set<string>();
  for (const s of statements) {
    if (s.sid === undefined || s.sid === '') continue;
    if (sids.has(s.sid)) throw malformedPolicy(M.duplicateSid);
    sids.add(s.sid);
  }
  return { text, grammar, version, id, statements };
}

function readStatement(
  s: JsonObject,
  index: number,
  grammar: PolicyGrammar,
  version: PolicyVersion,
  span: Span | undefined,
): StatementDocument {
  for (const key of Object.keys(s)) if (!STATEMENT_KEYS.has(key)) throw malformedPolicy(M.syntax);

  const sid = s['Sid'];
  if (sid !== undefined && typeof sid !== 'string') throw malformedPolicy(M.syntax);
  if (sid !== undefined && grammar !== 'resource' && !SID.test(sid)) throw malformedPolicy(M.sidFormat);

  const effect = readEffect(s['Effect']);
  const [principal, notPrincipal] = readPrincipals(s, grammar, effect);
  const [action, notAction] = pair(s, 'Action', 'NotAction');
  if (action === undefined && notAction === undefined) throw malformedPolicy(M.noActions);
  for (const a of action ?? notAction ?? []) checkAction(a);

  const [resource, notResource] = pair(s, 'Resource', 'NotResource');
  if (grammar === 'trust') {
    if (resource !== undefined) throw malformedPolicy(M.prohibitedField('Resource'));
    if (notResource !== undefined) throw malformedPolicy(M.prohibitedField('NotResource'));
  } else if (resource === undefined && notResource === undefined && grammar !== 'resource' && grammar !== 'rcp') {
    throw malformedPolicy(M.noResources);
  }
  for (const r of resource ?? notResource ?? []) checkResource(r, version);

  const conditions = readConditions(s['Condition'], version);
  return { index, sid, effect, principal, notPrincipal, action, notAction, resource, notResource, conditions, span };
}

function readEffect(value: JsonValue | undefined): Effect {
  if (value === 'Allow' || value === 'Deny') return value;
  if (typeof value === 'string' && /^(allow|deny)$/i.test(value)) throw malformedPolicy(M.legacy);
  throw malformedPolicy(M.syntax);
}

/** A string or a non-empty list of strings; undefined when the element is absent. */
function stringList(value: JsonValue | undefined, emptyMessage: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) throw malformedPolicy(M.syntax);
  if (value.length === 0) throw malformedPolicy(emptyMessage);
  return (value as readonly JsonValue[]).map((v) => {
    if (typeof v !== 'string') throw malformedPolicy(M.syntax);
    return v;
  });
}

function pair(s: JsonObject, name: 'Action' | 'Resource', notName: 'NotAction' | 'NotResource'): [string[] | undefined, string[] | undefined] {
  const empty = name === 'Action' ? M.noActions : M.noResources;
  const positive = stringList(s[name], empty);
  const negative = stringList(s[notName], empty);
  if (positive !== undefined && negative !== undefined) throw malformedPolicy(M.syntax);
  return [positive, negative];
}

function checkAction(action: string): void {
  if (action === '*') return;
  const parts = action.split(':');
  if (parts.length === 1) throw malformedPolicy(M.noVendor);
  if (parts.length > 2) throw malformedPolicy(M.twoColons);
  const vendor = parts[0] as string;
  if (!VENDOR.test(vendor)) throw malformedPolicy(M.vendor(vendor));
  if (parts[1] === '') throw malformedPolicy(M.syntax);
}

function checkResource(resource: string, version: PolicyVersion): void {
  if (resource !== '*' && !ARN_PATTERN.test(resource)) throw malformedPolicy(M.legacy);
  template(resource, version);
}

function template(text: string, version: PolicyVersion): void {
  try {
    parseTemplate(text, { wildcards: true, variables: version === '2012-10-17' });
  } catch (e) {
    if (e instanceof TemplateError) throw malformedPolicy(M.syntax);
    throw e;
  }
}

function readPrincipals(
  s: JsonObject,
  grammar: PolicyGrammar,
  effect: Effect,
): [PrincipalSpec | undefined, PrincipalSpec | undefined] {
  const rawPrincipal = s['Principal'];
  const rawNot = s['NotPrincipal'];
  const named = grammar === 'resource' || grammar === 'trust' || grammar === 'rcp';
  if (!named) {
    if (rawPrincipal !== undefined || rawNot !== undefined) throw malformedPolicy(M.principalInIdentity);
    return [undefined, undefined];
  }
  if (rawPrincipal !== undefined && rawNot !== undefined) throw malformedPolicy(M.syntax);
  if (rawNot !== undefined) {
    // NotPrincipal is for Deny statements of resource policies only; trust policies refuse it.
    if (grammar === 'trust' || effect !== 'Deny') throw malformedPolicy(M.syntax);
    return [undefined, readPrincipal(rawNot)];
  }
  if (rawPrincipal === undefined) throw malformedPolicy(M.noPrincipal);
  return [readPrincipal(rawPrincipal), undefined];
}

function readPrincipal(value: JsonValue): PrincipalSpec {
  if (value === '*') return { wildcard: true };
  if (!isJsonObject(value)) throw malformedPolicy(M.syntax);
  const keys = Object.keys(value);
  if (keys.length === 0) throw malformedPolicy(M.noPrincipal);
  const spec: { -readonly [K in keyof PrincipalSpec]: PrincipalSpec[K] } = { wildcard: false };
  for (const key of keys) {
    const type = PRINCIPAL_TYPES.find((t) => t === key);
    if (type === undefined) throw malformedPolicy(M.syntax);
    const names = stringList(value[key], M.noPrincipal) as string[];
    for (const name of names) checkPrincipalName(type, name);
    spec[type] = names;
  }
  return spec;
}

function checkPrincipalName(type: (typeof PRINCIPAL_TYPES)[number], name: string): void {
  const valid =
    type === 'AWS' ? AWS_PRINCIPAL.test(name) && (name === '*' || !/[*?]/.test(name))
    : type === 'Service' ? SERVICE_PRINCIPAL.test(name)
    : name.length > 0 && !/[*?]/.test(name);
  if (!valid) throw malformedPolicy(M.invalidPrincipal(type, name));
}

function readConditions(value: JsonValue | undefined, version: PolicyVersion): ConditionEntry[] {
  if (value === undefined) return [];
  if (!isJsonObject(value)) throw malformedPolicy(M.syntax);
  const entries: ConditionEntry[] = [];
  for (const [operatorText, block] of Object.entries(value)) {
    const operator = parseOperator(operatorText);
    if (operator === undefined || !isJsonObject(block)) throw malformedPolicy(M.syntax);
    const keys = Object.keys(block);
    if (keys.length === 0) throw malformedPolicy(M.syntax);
    const lower = new Set<string>();
    for (const key of keys) {
      if (!key.includes(':')) throw malformedPolicy(M.noVendor);
      if (lower.has(key.toLowerCase())) throw malformedPolicy(M.syntax);
      lower.add(key.toLowerCase());
      const values = conditionValues(block[key]);
      try {
        // Compiling here checks each value against its operator's type (a date, a CIDR...).
        compileCondition(operator, key, values, version === '2012-10-17');
      } catch (e) {
        if (e instanceof ConditionValueError || e instanceof TemplateError) throw malformedPolicy(M.syntax);
        throw e;
      }
      entries.push({ operator, key, values });
    }
  }
  return entries;
}

/** Condition values are strings, numbers or booleans, alone or in a non-empty list. */
function conditionValues(value: JsonValue | undefined): string[] {
  const scalar = (v: JsonValue | undefined): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (v instanceof JsonNumber) return v.text;
    throw malformedPolicy(M.syntax);
  };
  if (!Array.isArray(value)) return [scalar(value as JsonValue | undefined)];
  if (value.length === 0) throw malformedPolicy(M.syntax);
  return (value as readonly JsonValue[]).map(scalar);
}
