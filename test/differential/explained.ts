/**
 * The known, documented differences between rolegate and iam-simulate. A disagreement
 * is explained only by one of these classifiers; everything else fails the suite.
 *
 * Most classifiers prove themselves by replay: they rewrite the case so that standard
 * AWS semantics produce what iam-simulate's departure produces (a `0.0.0.0/0` block
 * becomes the `/32` that iam-simulate really compares, say), run rolegate again, and
 * explain the disagreement only if rolegate then gives iam-simulate's answer. A rewrite
 * that changes nothing explains nothing. The two classifiers about how a resource-policy
 * grant combines with boundaries and session policies also read iam-simulate's own
 * analysis, so they fire only when iam-simulate took the path the caveat describes.
 *
 * Each classifier names its source (a caveat number of
 * /work/shared/research/iam-simulate-caveats.md, or an AWS page) and says in one
 * sentence which side the AWS documentation supports.
 */
import { runRolegate, type OracleAnswer } from './engines.js';
import type { CaseContext, ConditionBlock, DiffCase, PolicyJson, StatementJson } from './generate.js';
import type { Decision } from '../../src/policy/index.js';

export interface Disagreement {
  readonly case: DiffCase;
  readonly rolegate: Decision;
  readonly oracle: OracleAnswer;
}

export interface Classifier {
  readonly name: string;
  /** Caveat number or AWS documentation page. */
  readonly source: string;
  /** Which side the AWS documentation supports, in one sentence. */
  readonly verdict: string;
  /** A copy of the case rewritten to iam-simulate's reading; undefined when nothing changes. */
  readonly rewrite: (c: DiffCase) => DiffCase | undefined;
  /** Extra evidence from iam-simulate's analysis that it took this path. */
  readonly evidence?: (d: Disagreement) => boolean;
}

// ---------------------------------------------------------------------------------------
// Helpers over the case's policies

function policiesOf(c: DiffCase): PolicyJson[] {
  return [...c.identity, c.boundary, c.session, c.resourcePolicy, ...(c.scp ?? []).flat(), ...(c.rcp ?? []).flat()].filter(
    (p): p is PolicyJson => p !== undefined,
  );
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

/** Applies `edit` to a copy of the case; undefined if it changed nothing. */
function edited(c: DiffCase, edit: (copy: DiffCase) => void): DiffCase | undefined {
  const copy = structuredClone(c);
  edit(copy);
  return JSON.stringify(copy) === JSON.stringify(c) ? undefined : copy;
}

function mapResources(c: DiffCase, map: (pattern: string, notResource: boolean) => string): DiffCase | undefined {
  return edited(c, (copy) => {
    for (const p of policiesOf(copy)) {
      for (const s of p.Statement) {
        if (s.Resource !== undefined) s.Resource = mapList(s.Resource, (r) => map(r, false));
        if (s.NotResource !== undefined) s.NotResource = mapList(s.NotResource, (r) => map(r, true));
      }
    }
  });
}

type Entry = [operator: string, key: string, values: string[]];

function mapConditions(c: DiffCase, map: (op: string, key: string, values: string[], context: CaseContext) => Entry | undefined): DiffCase | undefined {
  return edited(c, (copy) => {
    for (const p of policiesOf(copy)) {
      for (const s of p.Statement) {
        if (s.Condition === undefined) continue;
        const next: ConditionBlock = {};
        for (const [op, block] of Object.entries(s.Condition)) {
          for (const [key, values] of Object.entries(block)) {
            const [nextOp, nextKey, nextValues] = map(op, key, list(values), copy.context) ?? [op, key, list(values)];
            (next[nextOp] ??= {})[nextKey] = nextValues;
          }
        }
        s.Condition = next;
      }
    }
  });
}

const mapList = (v: string | string[], f: (s: string) => string): string | string[] => (typeof v === 'string' ? f(v) : v.map(f));

/** A condition entry that never holds: its key is in no request. */
const NEVER_KEY = 'rolegate:NeverPresent';
const NEVER: Entry = ['StringEquals', NEVER_KEY, ['never']];

const VARIABLE = /\$\{([^}]*)\}/g;

/** True when a policy value holds a variable the request cannot resolve (absent key, no default). */
function unresolvable(value: string, context: CaseContext): boolean {
  for (const m of value.matchAll(VARIABLE)) {
    const body = m[1] as string;
    if (body === '*' || body === '?' || body === '$') continue;
    if (body.includes(',')) continue;
    const present = Object.entries(context).some(([k, v]) => k.toLowerCase() === body.trim().toLowerCase() && typeof v === 'string');
    if (!present) return true;
  }
  return false;
}

const hasKey = (context: CaseContext, key: string): boolean => Object.keys(context).some((k) => k.toLowerCase() === key.toLowerCase());

const baseOf = (op: string): string => op.slice(op.indexOf(':') + 1).replace(/IfExists$/i, '');

/** The product prefix iam-simulate reads literally: resource text up to the first `/` or `:`. */
function productPrefix(pattern: string): string | undefined {
  const parts = pattern.split(':');
  if (parts.length < 6) return undefined;
  if (parts[2] === 's3' && parts[3] === '' && parts[4] === '') return undefined;
  const rest = parts.slice(5).join(':');
  const cut = [rest.indexOf('/'), rest.indexOf(':')].filter((i) => i >= 0);
  return cut.length === 0 ? undefined : rest.slice(0, Math.min(...cut) + 1);
}

function allowAllBoundary(boundary: PolicyJson): PolicyJson {
  return {
    Version: '2012-10-17',
    Statement: [...boundary.Statement.filter((s) => s.Effect === 'Deny'), { Effect: 'Allow', Action: '*', Resource: '*' }],
  };
}

function names(s: StatementJson): string[] {
  const p = s.Principal;
  if (p === undefined) return [];
  return p === '*' ? ['*'] : list(p.AWS);
}

function hasPrincipalArnCondition(s: StatementJson): boolean {
  return Object.entries(s.Condition ?? {}).some(
    ([op, block]) => !/not/i.test(baseOf(op)) && Object.keys(block).some((k) => k.toLowerCase() === 'aws:principalarn'),
  );
}

// ---------------------------------------------------------------------------------------
// The classifiers

export const CLASSIFIERS: readonly Classifier[] = [
  {
    name: 'ipv4-slash-zero',
    source: 'caveat 1',
    verdict: 'AWS documents CIDR blocks, and /0 contains every IPv4 address, so rolegate is right; iam-simulate compares the whole address.',
    rewrite: (c) =>
      mapConditions(c, (op, key, values) => {
        if (!/ipaddress/i.test(op) || !values.some((v) => /^[0-9.]+\/0$/.test(v))) return undefined;
        return [op, key, values.map((v) => v.replace(/\/0$/, '/32'))];
      }),
  },
  {
    name: 'resource-product-literal',
    source: 'caveat 2; IAM User Guide, "IAM JSON policy elements: Resource" (wildcards and variables in the resource part)',
    verdict: 'AWS globs the whole resource part and substitutes variables anywhere in it, so rolegate is right; iam-simulate reads the text before the first / or : literally.',
    rewrite: (c) =>
      mapResources(c, (pattern) => {
        const product = productPrefix(pattern);
        return product !== undefined && /[*?]|\$\{/.test(product) ? 'arn:aws:none:::never-matches' : pattern;
      }),
  },
  {
    name: 'forany-ifexists-missing-key',
    source: 'caveat 3; IAM User Guide, condition operators, "...IfExists condition operators"',
    verdict: 'AWS says IfExists makes a condition on a missing key true, so rolegate is right (doc-derived; no page shows it under ForAnyValue).',
    rewrite: (c) =>
      mapConditions(c, (op, key, values, context) =>
        /^foranyvalue:.*ifexists$/i.test(op) && !hasKey(context, key) ? [op.replace(/IfExists$/i, ''), key, values] : undefined,
      ),
  },
  {
    name: 'negated-operator-missing-variable',
    source: 'caveat 4; IAM User Guide, policy variables, "Policy variables with no value"',
    verdict: 'AWS says StringNotEquals/StringNotLike match against the null value of a missing variable, so rolegate is right; iam-simulate makes the negated condition false.',
    rewrite: (c) =>
      mapConditions(c, (op, key, values, context) => {
        const base = baseOf(op);
        if (!/^(string|arn)not/i.test(base) || !hasKey(context, key)) return undefined;
        return values.some((v) => unresolvable(v, context)) ? NEVER : undefined;
      }),
  },
  {
    name: 'notresource-missing-variable',
    source: 'caveat 5; IAM User Guide, policy variables, "Policy variables with no value"',
    verdict: 'AWS says an entry whose variable has no value matches no resource, so NotResource applies and rolegate is right; iam-simulate drops the statement.',
    rewrite: (c) =>
      edited(c, (copy) => {
        for (const p of policiesOf(copy)) {
          for (const s of p.Statement) {
            if (s.NotResource !== undefined && list(s.NotResource).some((r) => unresolvable(r, copy.context))) {
              s.Condition = { ...(s.Condition ?? {}), StringEquals: { ...(s.Condition?.['StringEquals'] ?? {}), [NEVER_KEY]: 'never' } };
            }
          }
        }
      }),
  },
  {
    name: 'mixed-date-formats',
    source: 'caveat 9; IAM User Guide, condition operators, "Date condition operators"',
    verdict: 'AWS accepts epoch seconds or ISO 8601 on either side and compares instants, so rolegate is right; iam-simulate compares seconds with milliseconds.',
    rewrite: (c) =>
      mapConditions(c, (op, key, values, context) => {
        const request = context[Object.keys(context).find((k) => k.toLowerCase() === key.toLowerCase()) ?? ''];
        if (!/^date/i.test(baseOf(op)) || typeof request !== 'string') return undefined;
        const epoch = (v: string): boolean => /^-?[0-9]+$/.test(v);
        const out = values.map((v) => {
          if (epoch(v) && !epoch(request)) return new Date(Number(v)).toISOString(); // seconds read as milliseconds
          if (!epoch(v) && epoch(request)) return String(Date.parse(v)); // milliseconds read as seconds
          return v;
        });
        return out.some((v, i) => v !== values[i]) ? [op, key, out] : undefined;
      }),
  },
  {
    name: 'arn-segment-case',
    source: 'caveat 14; IAM User Guide, "IAM JSON policy elements: Resource" and ARN condition operators (case-sensitive)',
    verdict: 'AWS matches ARNs case-sensitively, so rolegate is right; iam-simulate ignores case in the partition, service, region and account.',
    rewrite: (c) =>
      mapResources(c, (pattern) => {
        const parts = pattern.split(':');
        if (parts.length < 6) return pattern;
        return [...parts.slice(0, 5).map((p) => p.toLowerCase()), ...parts.slice(5)].join(':');
      }),
  },
  {
    name: 'notprincipal-names-every-level',
    source: 'IAM User Guide, "AWS JSON policy elements: NotPrincipal" (NotPrincipal with Deny)',
    verdict: 'AWS says a Deny with NotPrincipal still denies a principal unless the user (or session, role) and its account are all listed, so rolegate is right; iam-simulate exempts the principal when any one of them is listed.',
    rewrite: (c) => {
      const p = c.principal;
      const levels = [p.arn, p.roleArn, p.uniqueId, `arn:aws:iam::${p.accountId}:root`, p.accountId].filter((n): n is string => n !== undefined);
      return edited(c, (copy) => {
        for (const s of copy.resourcePolicy?.Statement ?? []) {
          if (s.NotPrincipal !== undefined && list(s.NotPrincipal.AWS).some((n) => levels.includes(n))) {
            s.NotPrincipal = { AWS: [...new Set([...list(s.NotPrincipal.AWS), ...levels])] };
          }
        }
      });
    },
  },
  {
    name: 'wildcard-principal-bypasses-boundary',
    source: 'caveat 15; IAM User Guide, "Policy evaluation logic" (identity-based and resource-based policies, permissions boundaries)',
    verdict: 'AWS documents the boundary bypass only for a grant that names the user (or session) ARN, not for Principal "*", so rolegate keeps the boundary; the docs are silent on "*" itself.',
    rewrite: (c) =>
      c.boundary === undefined || !(c.resourcePolicy?.Statement ?? []).some((s) => s.Effect === 'Allow' && names(s).includes('*'))
        ? undefined
        : edited(c, (copy) => {
            copy.boundary = allowAllBoundary(copy.boundary as PolicyJson);
          }),
    evidence: (d) => d.oracle.boundary === 'ImplicitlyDenied' && d.oracle.resourceAllowMatches.includes('Match') && d.rolegate.deniedBy === 'boundary',
  },
  {
    name: 'session-grant-ignores-session-policy',
    source: 'IAM User Guide, "Policy evaluation logic" (role session principal; aws:PrincipalArn with Principal "*") and "Session policies"',
    verdict: 'AWS says a same-account grant to the session ARN, or to "*" narrowed by aws:PrincipalArn, is not limited by the session policy, so rolegate is right; iam-simulate always applies the session policy first.',
    rewrite: (c) => {
      const p = c.principal;
      if (p.kind !== 'session' || c.session === undefined || c.resourcePolicy === undefined) return undefined;
      const direct = (s: StatementJson): boolean => s.Effect === 'Allow' && (names(s).includes(p.arn) || (names(s).includes('*') && hasPrincipalArnCondition(s)));
      if (!c.resourcePolicy.Statement.some(direct)) return undefined;
      return edited(c, (copy) => {
        // Emulate iam-simulate: the grant passes the boundary, then the session policy decides.
        for (const s of (copy.resourcePolicy as PolicyJson).Statement) if (direct(s)) s.Principal = { AWS: p.roleArn as string };
        if (copy.boundary !== undefined) copy.boundary = allowAllBoundary(copy.boundary);
      });
    },
    evidence: (d) => d.oracle.session === 'ImplicitlyDenied' && d.rolegate.effect === 'Allow' && d.oracle.resourceAllowMatches.includes('Match'),
  },
];

/** Does rolegate, on the rewritten case, give iam-simulate's answer? */
function replays(rewritten: DiffCase | undefined, d: Disagreement): boolean {
  return rewritten !== undefined && runRolegate(rewritten).effect === d.oracle.effect;
}

/** The case with the named classifiers' rewrites applied in table order, each one's evidence
 * read against rolegate's answer on the case as rewritten so far. */
function rewriteAll(d: Disagreement, names: ReadonlySet<string>): { rewritten: DiffCase; used: string[] } {
  let current = d.case;
  const used: string[] = [];
  for (const k of CLASSIFIERS) {
    if (!names.has(k.name)) continue;
    const now: Disagreement = { ...d, case: current, rolegate: runRolegate(current) };
    if (k.evidence !== undefined && !k.evidence(now)) continue;
    const next = k.rewrite(current);
    if (next !== undefined) {
      current = next;
      used.push(k.name);
    }
  }
  return { rewritten: current, used };
}

/**
 * The name of the classifier that explains a disagreement, or the `+`-joined names of
 * the fewest classifiers whose rewrites together explain it; undefined when none does.
 */
export function classify(d: Disagreement): string | undefined {
  const applicable = CLASSIFIERS.filter((k) => k.evidence === undefined || k.evidence(d));
  for (const k of applicable) if (replays(k.rewrite(d.case), d)) return k.name;
  // Several caveats in one case: all rewrites together, then drop those not needed.
  let { rewritten, used } = rewriteAll(d, new Set(CLASSIFIERS.map((k) => k.name)));
  if (used.length < 2 || !replays(rewritten, d)) return undefined;
  for (const name of [...used]) {
    const fewer = rewriteAll(d, new Set(used.filter((n) => n !== name)));
    if (fewer.used.length > 0 && replays(fewer.rewritten, d)) ({ rewritten, used } = fewer);
  }
  return used.join('+');
}
