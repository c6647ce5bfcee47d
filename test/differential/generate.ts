/**
 * The case generator: one seeded (policy set, request) pair per case.
 *
 * The request is drawn first (principal, action, resource, context); the policies are
 * then drawn with a bias towards the request's own literals (its action, its resource,
 * its context values), so that statements apply about half the time and Allow, explicit
 * and implicit deny are all common. Every literal comes from the small pools below, so a
 * condition value and a request value meet often.
 *
 * Inputs that hit a known iam-simulate caveat are drawn rarely, on purpose (see the
 * `RARE_*` rates): often enough that each classifier in explained.ts is exercised, rarely
 * enough that the comparison stays about real behaviour.
 */
import { Rng } from './prng.js';

export type ConditionBlock = Record<string, Record<string, string | string[]>>;

export interface StatementJson {
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | { AWS: string | string[] };
  NotPrincipal?: { AWS: string | string[] };
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: ConditionBlock;
}

export interface PolicyJson {
  Version: '2012-10-17';
  Statement: StatementJson[];
}

export interface CasePrincipal {
  readonly kind: 'user' | 'session';
  readonly arn: string;
  readonly accountId: string;
  /** AIDA... for a user; the role's AROA... for a session. */
  readonly uniqueId: string;
  readonly roleArn?: string | undefined;
}

export type CaseContext = Record<string, string | string[]>;

export interface DiffCase {
  readonly id: string;
  principal: CasePrincipal;
  action: string;
  resource: string;
  resourceAccount: string;
  /** sts:AssumeRole: the resource policy is the role's trust policy and must allow. */
  trust: boolean;
  context: CaseContext;
  identity: PolicyJson[];
  boundary?: PolicyJson | undefined;
  session?: PolicyJson | undefined;
  resourcePolicy?: PolicyJson | undefined;
  scp?: PolicyJson[][] | undefined;
  rcp?: PolicyJson[][] | undefined;
}

// Rates of inputs that hit a known iam-simulate caveat (see explained.ts).
// Each is a per-draw rate; a case draws a dozen or so patterns and conditions.
const RARE_IPV4_SLASH_ZERO = 0.005;
const RARE_PRODUCT_VARIABLE = 0.01;
const RARE_PRODUCT_WILDCARD = 0.003;
const RARE_MIXED_DATE = 0.02;
const RARE_SEGMENT_CASE = 0.003;

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
const THIRD_ACCOUNT = '777788889999';
const REGION = 'us-east-1';

type Kind = 'object' | 'bucket' | 'queue' | 'table' | 'role' | 'none';

const ACTIONS: readonly { readonly name: string; readonly kind: Kind }[] = [
  { name: 's3:GetObject', kind: 'object' },
  { name: 's3:PutObject', kind: 'object' },
  { name: 's3:DeleteObject', kind: 'object' },
  { name: 's3:ListBucket', kind: 'bucket' },
  { name: 'sqs:SendMessage', kind: 'queue' },
  { name: 'sqs:ReceiveMessage', kind: 'queue' },
  { name: 'dynamodb:GetItem', kind: 'table' },
  { name: 'dynamodb:PutItem', kind: 'table' },
  { name: 'dynamodb:Query', kind: 'table' },
  { name: 'iam:GetRole', kind: 'role' },
  { name: 'iam:TagRole', kind: 'role' },
  { name: 'sts:AssumeRole', kind: 'role' },
  { name: 'ec2:DescribeInstances', kind: 'none' },
  { name: 's3:ListAllMyBuckets', kind: 'none' },
];

const USERS = ['alice', 'bob'] as const;
const TEAMS = ['red', 'blue'] as const;
const BUCKETS = ['data-bkt', 'logs-bkt'];
const KEYS = ['alice/notes.txt', 'bob/notes.txt', 'red/plan.doc', 'blue/plan.doc', 'shared/readme', 'shared/a.json'];
const QUEUES = ['jobs', 'red-jobs', 'blue-jobs'];
const TABLES = ['Orders', 'alice', 'red'];
const ROLES = ['dev', 'ops', 'red'];
const SESSIONS = [
  { role: 'dev', roleId: 'AROAEXAMPLEDEVROLE01', session: 'sess1' },
  { role: 'ops', roleId: 'AROAEXAMPLEOPSROLE01', session: 'alice' },
];

const IPV4 = ['10.1.2.3', '10.200.0.1', '192.168.1.77', '203.0.113.7', '172.20.1.1', '8.8.8.8'];
const IPV6 = ['2001:db8:1::5', '2001:db8:ffff::1', 'fd12::1', '2600::1'];
const CIDRS = ['10.0.0.0/8', '10.1.0.0/16', '192.168.1.0/24', '203.0.113.7/32', '172.16.0.0/12', '2001:db8::/32', '2001:db8:1::/48', 'fd00::/8', '::/0'];
const ISO_POLICY = ['2024-01-01T00:00:00Z', '2025-06-15T12:00:00+02:00', '2030-01-01', '2025-06-15T10:00:00.500Z'];
const ISO_REQUEST = ['2025-06-15T10:00:00Z', '2023-05-01T00:00:00Z', '2031-01-01T00:00:00Z', '2025-06-15T10:00:00.500Z'];
const EPOCH_POLICY = ['1700000000', '1750000000', '1900000000'];
const EPOCH_REQUEST = ['1750000000', '1600000000', '1800000000'];
const MFA_AGE_POLICY = ['300', '3600', '0', '86400.5'];
const MFA_AGE_REQUEST = ['10', '300', '5000', '100000'];
const TAG_KEYS = ['env', 'team', 'owner', 'costcenter', 'Env'];
const ENVS = ['prod', 'dev', 'Prod'];

// ---------------------------------------------------------------------------------------
// The request

function principalOf(rng: Rng): { principal: CasePrincipal; context: CaseContext } {
  const context: CaseContext = { 'aws:PrincipalAccount': ACCOUNT };
  if (rng.chance(0.5)) {
    const name = rng.pick(USERS);
    const uniqueId = name === 'alice' ? 'AIDAEXAMPLEALICE0001' : 'AIDAEXAMPLEBOB000001';
    const arn = `arn:aws:iam::${ACCOUNT}:user/${name}`;
    Object.assign(context, { 'aws:username': name, 'aws:userid': uniqueId, 'aws:PrincipalArn': arn, 'aws:PrincipalType': 'User' });
    return { principal: { kind: 'user', arn, accountId: ACCOUNT, uniqueId }, context };
  }
  const s = rng.pick(SESSIONS);
  const roleArn = `arn:aws:iam::${ACCOUNT}:role/${s.role}`;
  const arn = `arn:aws:sts::${ACCOUNT}:assumed-role/${s.role}/${s.session}`;
  Object.assign(context, { 'aws:userid': `${s.roleId}:${s.session}`, 'aws:PrincipalArn': roleArn, 'aws:PrincipalType': 'AssumedRole' });
  return { principal: { kind: 'session', arn, accountId: ACCOUNT, uniqueId: s.roleId, roleArn }, context };
}

function resourceOf(rng: Rng, kind: Kind, account: string): string {
  switch (kind) {
    case 'object':
      return `arn:aws:s3:::${rng.pick(BUCKETS)}/${rng.pick(KEYS)}`;
    case 'bucket':
      return `arn:aws:s3:::${rng.pick(BUCKETS)}`;
    case 'queue':
      return `arn:aws:sqs:${REGION}:${account}:${rng.pick(QUEUES)}`;
    case 'table':
      return `arn:aws:dynamodb:${REGION}:${account}:table/${rng.pick(TABLES)}`;
    case 'role':
      return `arn:aws:iam::${account}:role/${rng.pick(ROLES)}`;
    case 'none':
      return '*';
  }
}

function requestContext(rng: Rng, base: CaseContext): CaseContext {
  const context = { ...base };
  const maybe = (p: number, key: string, value: () => string | string[]): void => {
    if (rng.chance(p)) context[key] = value();
  };
  maybe(0.6, 'aws:PrincipalTag/team', () => rng.pick(TEAMS));
  maybe(0.3, 'aws:PrincipalTag/dept', () => rng.pick(['eng', 'ops']));
  maybe(0.7, 'aws:SourceIp', () => (rng.chance(0.75) ? rng.pick(IPV4) : rng.pick(IPV6)));
  maybe(0.6, 'aws:SecureTransport', () => rng.pick(['true', 'false']));
  maybe(0.6, 'aws:CurrentTime', () => rng.pick(ISO_REQUEST));
  maybe(0.6, 'aws:EpochTime', () => rng.pick(EPOCH_REQUEST));
  maybe(0.5, 'aws:MultiFactorAuthAge', () => rng.pick(MFA_AGE_REQUEST));
  maybe(0.5, 'aws:MultiFactorAuthPresent', () => rng.pick(['true', 'false']));
  maybe(0.5, 'aws:TagKeys', () => rng.some(TAG_KEYS, 3));
  maybe(0.5, 'aws:RequestTag/env', () => rng.pick(ENVS));
  maybe(0.3, 'aws:RequestTag/owner', () => rng.pick([...USERS, 'carol']));
  maybe(0.4, 'aws:RequestedRegion', () => rng.pick(['us-east-1', 'eu-west-1']));
  return context;
}

// ---------------------------------------------------------------------------------------
// Policy elements

function actionCase(rng: Rng, action: string): string {
  const r = rng.next();
  if (r < 0.7) return action;
  if (r < 0.85) return action.toLowerCase();
  const [service, name] = action.split(':') as [string, string];
  return `${service.toUpperCase()}:${name.toUpperCase()}`;
}

function actionPattern(rng: Rng, focus: string, noStar: boolean): string {
  const action = rng.chance(0.65) ? focus : rng.pick(ACTIONS).name;
  const [service, name] = action.split(':') as [string, string];
  const r = rng.next();
  if (r < 0.4) return actionCase(rng, action);
  if (r < 0.55) return `${service}:*`;
  if (r < 0.7) return `${service}:${name.slice(0, rng.int(1, name.length - 1))}*`;
  if (r < 0.8) return `${service}:*${name.slice(rng.int(1, name.length - 1))}`;
  if (r < 0.9) {
    const at = rng.int(0, name.length - 1);
    return actionCase(rng, `${service}:${name.slice(0, at)}?${name.slice(at + 1)}`);
  }
  return noStar ? `${service}:*` : '*';
}

/** The product prefix of a resource id (`table/`, `role/`), as iam-simulate reads it. */
function productOf(arn: string): { head: string; product: string; id: string } {
  const parts = arn.split(':');
  const head = parts.slice(0, 5).join(':') + ':';
  const rest = parts.slice(5).join(':');
  if (parts[2] === 's3') return { head, product: '', id: rest };
  const slash = rest.indexOf('/');
  return slash < 0 ? { head, product: '', id: rest } : { head, product: rest.slice(0, slash + 1), id: rest.slice(slash + 1) };
}

function variableResource(rng: Rng, kind: Kind, account: string): string | undefined {
  const team = rng.pick(["${aws:PrincipalTag/team}", "${aws:PrincipalTag/team, 'shared'}", '${aws:username}', "${aws:username, 'alice'}"]);
  switch (kind) {
    case 'object':
      return `arn:aws:s3:::${rng.pick(BUCKETS)}/${team}/*`;
    case 'bucket':
      return undefined;
    case 'queue':
      // The variable stands in the product prefix iam-simulate reads literally (caveat 2).
      return rng.chance(RARE_PRODUCT_VARIABLE / 0.1) ? `arn:aws:sqs:${REGION}:${account}:${team}-jobs` : undefined;
    case 'table':
      return `arn:aws:dynamodb:${REGION}:${account}:table/${team}`;
    case 'role':
      return `arn:aws:iam::${account}:role/${team}`;
    case 'none':
      return undefined;
  }
}

function resourcePattern(rng: Rng, focus: { resource: string; kind: Kind; account: string }): string {
  let kind = focus.kind;
  let arn = focus.resource;
  if (!rng.chance(0.65) || kind === 'none') {
    kind = rng.pick(ACTIONS).kind;
    arn = resourceOf(rng, kind, rng.chance(0.8) ? focus.account : THIRD_ACCOUNT);
  }
  if (kind === 'none' || rng.chance(0.08)) return '*';
  const { head, product, id } = productOf(arn);
  const r = rng.next();
  if (r < 0.1) {
    const templated = variableResource(rng, kind, focus.account);
    if (templated !== undefined) return templated;
  }
  if (r < 0.35) return arn;
  if (r < 0.5) return `${head}${product}${id.slice(0, rng.int(0, id.length - 1))}*`;
  if (r < 0.6) {
    const at = rng.int(0, id.length - 1);
    return `${head}${product}${id.slice(0, at)}?${id.slice(at + 1)}`;
  }
  if (r < 0.7) {
    const parts = arn.split(':');
    if (parts[3] !== '') parts[3] = '*';
    if (parts[4] !== '' && rng.chance(0.5)) parts[4] = '*';
    return parts.join(':');
  }
  if (r < 0.75 && product !== '' && rng.chance(RARE_PRODUCT_WILDCARD / 0.05)) {
    // A wildcard inside the product prefix (caveat 2).
    return `${head}${product.slice(0, product.length - 2)}*/${id}`;
  }
  if (r < 0.78 && rng.chance(RARE_SEGMENT_CASE / 0.03)) {
    // Upper-case service or region: iam-simulate compares these segments ignoring case (caveat 14).
    const parts = arn.split(':');
    if (parts[3] !== '') parts[3] = (parts[3] as string).toUpperCase();
    else parts[2] = (parts[2] as string).toUpperCase();
    return parts.join(':');
  }
  if (kind === 'object') return rng.pick([`arn:aws:s3:::${arn.split(':')[5]?.split('/')[0]}/*`, 'arn:aws:s3:::*', `${head}*/notes.txt`]);
  return `${head}${product}*`;
}

type ConditionGen = (rng: Rng, ctx: CaseContext) => [operator: string, key: string, values: string[]];

const fromContextOr = (rng: Rng, ctx: CaseContext, key: string, pool: readonly string[]): string => {
  const v = ctx[key];
  return typeof v === 'string' && rng.chance(0.5) ? v : rng.pick(pool);
};

const ifExists = (rng: Rng, op: string): string => (rng.chance(0.2) ? `${op}IfExists` : op);

const CONDITIONS: readonly ConditionGen[] = [
  (rng, ctx) => {
    const op = ifExists(rng, rng.pick(['IpAddress', 'NotIpAddress']));
    const values = rng.some(CIDRS, 2);
    if (rng.chance(RARE_IPV4_SLASH_ZERO / 0.07)) values.push('0.0.0.0/0');
    const ip = ctx['aws:SourceIp'];
    if (typeof ip === 'string' && rng.chance(0.3) && !ip.includes(':')) values.push(`${ip}/32`);
    return [op, 'aws:SourceIp', values];
  },
  (rng, ctx) => {
    const op = rng.pick(['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike']);
    const pool = op.includes('Like') ? ['red', 'r*', 'b?ue', 'blue', '*'] : ['red', 'blue', 'RED'];
    const set = rng.chance(0.2) ? `${rng.pick(['ForAnyValue', 'ForAllValues'])}:` : '';
    return [`${set}${ifExists(rng, op)}`, 'aws:PrincipalTag/team', [fromContextOr(rng, ctx, 'aws:PrincipalTag/team', pool)]];
  },
  (rng) => {
    const op = rng.pick(['StringEquals', 'StringNotEquals', 'StringLike']);
    const key = rng.pick(['aws:RequestTag/owner', 'aws:RequestTag/env', 'aws:PrincipalTag/dept']);
    const value = rng.pick(['${aws:username}', '${aws:PrincipalTag/team}', "${aws:PrincipalTag/team, 'prod'}", 'prod', 'alice']);
    return [ifExists(rng, op), key, [value]];
  },
  (rng, ctx) => {
    const op = rng.pick(['ArnLike', 'ArnEquals', 'ArnNotLike', 'ArnNotEquals', 'StringLike']);
    const pool = [
      `arn:aws:iam::${ACCOUNT}:user/*`,
      `arn:aws:iam::${ACCOUNT}:role/dev`,
      'arn:aws:iam::*:role/d?v',
      `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
      `arn:aws:iam::${OTHER_ACCOUNT}:role/*`,
    ];
    return [ifExists(rng, op), 'aws:PrincipalArn', [fromContextOr(rng, ctx, 'aws:PrincipalArn', pool)]];
  },
  (rng) => [rng.pick(['StringEquals', 'StringNotEquals']), 'aws:PrincipalAccount', [rng.pick([ACCOUNT, OTHER_ACCOUNT])]],
  (rng) => [rng.pick(['StringLike', 'StringNotLike']), 'aws:userid', [rng.pick(['AIDA*', 'AROA*:sess*', '*:alice'])]],
  (rng) => [rng.pick(['StringEquals', 'StringNotEquals']), 'aws:PrincipalType', [rng.pick(['User', 'AssumedRole'])]],
  (rng) => {
    const op = ifExists(rng, rng.pick(['NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals', 'NumericEquals', 'NumericNotEquals']));
    return [op, 'aws:MultiFactorAuthAge', rng.some(MFA_AGE_POLICY, 2)];
  },
  (rng) => [ifExists(rng, 'Bool'), rng.pick(['aws:MultiFactorAuthPresent', 'aws:SecureTransport']), [rng.pick(['true', 'false'])]],
  (rng) => {
    const op = ifExists(rng, rng.pick(['DateLessThan', 'DateGreaterThan', 'DateLessThanEquals', 'DateGreaterThanEquals', 'DateEquals', 'DateNotEquals']));
    if (rng.chance(0.5)) {
      // ISO request time against ISO policy values, or rarely epoch ones (caveat 9).
      return [op, 'aws:CurrentTime', [rng.chance(RARE_MIXED_DATE) ? rng.pick(EPOCH_POLICY) : rng.pick(ISO_POLICY)]];
    }
    return [op, 'aws:EpochTime', [rng.chance(RARE_MIXED_DATE) ? rng.pick(ISO_POLICY) : rng.pick(EPOCH_POLICY)]];
  },
  (rng) => [rng.pick(['NumericLessThan', 'NumericGreaterThanEquals']), 'aws:EpochTime', [rng.pick(EPOCH_POLICY)]],
  (rng) => {
    const r = rng.next();
    const op = r < 0.45 ? 'ForAllValues:' : r < 0.9 ? 'ForAnyValue:' : '';
    const base = rng.pick(['StringEquals', 'StringLike', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotLike']);
    const pool = base.includes('Like') ? ['env', 'team', 'cost*', 'o?ner'] : ['env', 'team', 'owner', 'ENV'];
    return [`${op}${ifExists(rng, base)}`, 'aws:TagKeys', rng.some(pool, 3)];
  },
  (rng) => [rng.pick(['StringEquals', 'StringEqualsIgnoreCase', 'StringNotEquals']), 'aws:RequestTag/env', rng.some(ENVS, 2)],
  (rng) => [
    'Null',
    rng.pick(['aws:PrincipalTag/team', 'aws:SourceIp', 'aws:TagKeys', 'aws:MultiFactorAuthAge', 'aws:username', 'aws:RequestTag/env']),
    [rng.pick(['true', 'false'])],
  ],
  (rng) => [rng.pick(['StringEquals', 'StringNotEquals']), 'aws:RequestedRegion', [rng.pick(['us-east-1', 'eu-west-1'])]],
];

function conditionBlock(rng: Rng, ctx: CaseContext): ConditionBlock | undefined {
  if (!rng.chance(0.5)) return undefined;
  const block: ConditionBlock = {};
  const count = rng.chance(0.7) ? 1 : 2;
  for (let i = 0; i < count; i++) {
    const [op, key, values] = rng.pick(CONDITIONS)(rng, ctx);
    const entry = (block[op] ??= {});
    if (entry[key] !== undefined) continue;
    entry[key] = values.length === 1 && rng.chance(0.5) ? (values[0] as string) : values;
  }
  return block;
}

const one = (values: string[]): string | string[] => (values.length === 1 ? (values[0] as string) : values);

interface Focus {
  action: string;
  resource: string;
  kind: Kind;
  account: string;
  context: CaseContext;
}

interface StatementOptions {
  allowRate: number;
  principals?: ((rng: Rng) => NonNullable<StatementJson['Principal']>) | undefined;
  /** Resource policies (not trust policies): Deny statements sometimes use NotPrincipal. */
  notPrincipal?: boolean;
  noResource?: boolean;
  noStar?: boolean;
}

function statementOf(rng: Rng, focus: Focus, options: StatementOptions): StatementJson {
  const s: StatementJson = { Effect: rng.chance(options.allowRate) ? 'Allow' : 'Deny' };
  if (options.principals !== undefined) {
    const named = options.principals(rng);
    if (options.notPrincipal === true && s.Effect === 'Deny' && named !== '*' && named.AWS !== '*' && rng.chance(0.3)) s.NotPrincipal = named;
    else s.Principal = named;
  }
  const actions = one(Array.from({ length: rng.int(1, 2) }, () => actionPattern(rng, focus.action, options.noStar === true)));
  if (rng.chance(0.12) && options.noStar !== true) s.NotAction = actions;
  else s.Action = actions;
  if (options.noResource !== true) {
    const resources = one(Array.from({ length: rng.int(1, 2) }, () => resourcePattern(rng, focus)));
    if (rng.chance(0.12)) s.NotResource = resources;
    else s.Resource = resources;
  }
  const condition = conditionBlock(rng, focus.context);
  if (condition !== undefined) s.Condition = condition;
  return s;
}

function policyOf(rng: Rng, focus: Focus, options: StatementOptions, maxStatements: number): PolicyJson {
  return { Version: '2012-10-17', Statement: Array.from({ length: rng.int(1, maxStatements) }, () => statementOf(rng, focus, options)) };
}

function resourcePrincipal(principal: CasePrincipal): (rng: Rng) => NonNullable<StatementJson['Principal']> {
  return (rng) => {
    const names = [
      ACCOUNT,
      `arn:aws:iam::${ACCOUNT}:root`,
      `arn:aws:iam::${ACCOUNT}:user/alice`,
      `arn:aws:iam::${ACCOUNT}:user/bob`,
      `arn:aws:iam::${ACCOUNT}:role/dev`,
      `arn:aws:iam::${ACCOUNT}:role/ops`,
      `arn:aws:sts::${ACCOUNT}:assumed-role/dev/sess1`,
      `arn:aws:sts::${ACCOUNT}:assumed-role/ops/other`,
      OTHER_ACCOUNT,
      `arn:aws:iam::${THIRD_ACCOUNT}:root`,
      principal.arn,
    ];
    const r = rng.next();
    if (r < 0.12) return '*';
    if (r < 0.18) return { AWS: '*' };
    return { AWS: one(rng.some(names, 2)) };
  };
}

// ---------------------------------------------------------------------------------------
// A case

export function generateCase(seed: number, index: number): DiffCase {
  const rng = Rng.forCase(seed, index);
  const { principal, context: principalContext } = principalOf(rng);
  const { name: action, kind } = rng.pick(ACTIONS);
  const trust = action === 'sts:AssumeRole';
  const resourceAccount = rng.chance(0.25) ? OTHER_ACCOUNT : ACCOUNT;
  const resource = resourceOf(rng, kind, resourceAccount);
  const context = requestContext(rng, principalContext);
  const focus: Focus = { action, resource, kind, account: resourceAccount, context };

  const identity = Array.from({ length: rng.int(1, 3) }, () => policyOf(rng, focus, { allowRate: 0.85 }, 3));
  const c: DiffCase = { id: `${seed}:${index}`, principal, action, resource, resourceAccount, trust, context, identity };
  if (rng.chance(0.3)) c.boundary = policyOf(rng, focus, { allowRate: 0.85 }, 2);
  if (principal.kind === 'session' && rng.chance(0.4)) c.session = policyOf(rng, focus, { allowRate: 0.85 }, 2);
  if (trust || (kind !== 'none' && rng.chance(0.5))) {
    c.resourcePolicy = policyOf(rng, focus, { allowRate: 0.85, principals: resourcePrincipal(principal), noResource: trust, notPrincipal: !trust }, 3);
  }
  if (rng.chance(0.12)) {
    const allowAll: PolicyJson = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    const level = [rng.chance(0.7) ? allowAll : policyOf(rng, focus, { allowRate: 0.9 }, 2)];
    if (rng.chance(0.5)) level.push(policyOf(rng, focus, { allowRate: 0.2 }, 2));
    c.scp = [level];
  }
  if (rng.chance(0.1)) {
    c.rcp = [[policyOf(rng, focus, { allowRate: 0, principals: () => '*', noStar: true }, 2)]];
  }
  return c;
}
