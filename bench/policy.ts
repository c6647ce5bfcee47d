/**
 * Policy-engine throughput: rolegate's authorize() against @cloud-copilot/iam-simulate
 * on the same requests, in one process. See bench/README.md.
 *
 *   npm run bench:policy
 *
 * The workload is the typical request of a rolegate server: a role session (an
 * assumed-role principal) carrying 3 identity policies of 10 statements each plus a
 * permissions boundary. Policies use wildcards in actions and resources, StringEquals on
 * aws:PrincipalTag/<key> and IpAddress on aws:SourceIp, over s3, dynamodb, sqs, sns, ec2,
 * lambda, logs and secretsmanager. Everything is generated from a fixed seed, so every
 * run evaluates the same policies and requests. Half the requests are allowed and half
 * implicitly denied (some by the identity policies, some by the boundary).
 *
 * Before anything is timed, every request is decided by both engines and the decisions
 * must agree; the run aborts on the first mismatch.
 *
 * iam-simulate is AGPL: it may be imported here (bench/) and in test/, never from src/.
 */
import { loadPolicy } from '@cloud-copilot/iam-policy';
// iam-simulate's package exports only its top-level API (runSimulation and friends),
// which re-reads every policy from JSON and validates the whole simulation on each call.
// Its lowest-level entry point is `authorize` in core_engine/CoreSimulatorEngine.js: it
// takes policies already loaded with iam-policy's loadPolicy() and an AwsRequest, and is
// what runUnsafeSimulation calls after loading the policies. The package's `exports` map
// does not expose that path, so it is imported by file. (iam-policy's Policy objects are
// lazy views of the JSON object: statements(), actions(), conditions() build fresh
// wrapper objects on each call, so per-request wrapping cannot be avoided; JSON parsing
// and loadPolicy() are done once, outside the timed region.)
import { authorize as simulateAuthorize, type PolicyWithName } from '../node_modules/@cloud-copilot/iam-simulate/dist/esm/core_engine/CoreSimulatorEngine.js';
import { DiscoveryContextKeyConstraints } from '../node_modules/@cloud-copilot/iam-simulate/dist/esm/context_keys/discoveryContextKeyConstraints.js';
import { AwsRequestImpl } from '../node_modules/@cloud-copilot/iam-simulate/dist/esm/request/request.js';
import { RequestContextImpl } from '../node_modules/@cloud-copilot/iam-simulate/dist/esm/requestContext.js';
import {
  authorize,
  compilePolicy,
  parsePolicy,
  RequestContext,
  requestPrincipal,
  type CompiledPolicy,
  type DecisionEffect,
  type PolicySet,
  type RequestPrincipal,
} from '../src/policy/index.js';
import { Rng } from './rng.js';

// ---------------------------------------------------------------------------------------
// Parameters

const SEED = 0x5eed_2024;
const REQUESTS = 1000; // distinct requests, cycled through by the timed loops
const IDENTITY_POLICIES = 3;
const STATEMENTS_PER_POLICY = 10;
const ROUNDS = 5; // alternating rolegate / iam-simulate rounds; the median round is reported
const ROUND_NS = 1_000_000_000n; // per engine per round: ~5 s each in all
const WARMUP_NS = 1_000_000_000n; // per engine
const ROLEGATE_BATCH = 256; // decisions between clock reads
const SIMULATE_BATCH = 16;

const ACCOUNT = '111122223333';
const ROLE_NAME = 'AppRole';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/service/${ROLE_NAME}`;
const ROLE_ID = 'AROAEXAMPLEAPPROLE01';

// ---------------------------------------------------------------------------------------
// The resource universe: names a team's services use, and policy patterns over them

const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2'] as const;
const TEAMS = ['payments', 'search', 'platform', 'data'] as const;
const ENVS = ['prod', 'staging', 'dev'] as const;
const PURPOSES = ['logs', 'assets', 'exports', 'uploads', 'reports'];
const PREFIXES = ['2024', '2025', 'incoming', 'archive'];
const ENTITIES = ['orders', 'users', 'sessions', 'events', 'invoices'];
const QUEUES = ['jobs', 'events', 'dlq', 'ingest'];
const TOPICS = ['alerts', 'changes', 'billing'];
const FUNCTIONS = ['resize', 'indexer', 'webhook', 'etl'];
const SECRETS = ['db', 'api-key', 'stripe', 'oauth'];

interface Facts {
  readonly team: string;
  readonly env: string;
  readonly region: string;
}

/** A group of actions on one resource type, with generators for concrete ARNs and patterns. */
interface Kind {
  readonly service: string;
  readonly actions: readonly string[];
  /** `service:*Suffix` patterns are safe here (they match no action of another kind). */
  readonly suffixWildcards: boolean;
  /** The actions authorize against the resource "*" (ec2:Describe*). */
  readonly wildcardOnly?: boolean;
  readonly concrete: (r: Rng, f: Facts) => string;
  readonly pattern: (r: Rng, f: Facts) => string;
}

const hex = (r: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(16)];
  return s;
};

const KINDS: readonly Kind[] = [
  {
    service: 's3',
    actions: ['GetObject', 'PutObject', 'DeleteObject', 'GetObjectTagging', 'PutObjectTagging', 'GetObjectVersion', 'AbortMultipartUpload'],
    suffixWildcards: false,
    concrete: (r, f) => `arn:aws:s3:::${f.team}-${r.pick(PURPOSES)}-${f.env}/${r.pick(PREFIXES)}/part-${r.int(10000)}.json`,
    pattern: (r, f) =>
      r.pick([
        `arn:aws:s3:::${f.team}-*/*`,
        `arn:aws:s3:::${f.team}-${r.pick(PURPOSES)}-${f.env}/*`,
        `arn:aws:s3:::*-${r.pick(PURPOSES)}-${f.env}/*`,
        `arn:aws:s3:::${f.team}-${r.pick(PURPOSES)}-*/${r.pick(PREFIXES)}/*`,
      ]),
  },
  {
    service: 's3',
    actions: ['ListBucket', 'GetBucketLocation', 'ListBucketVersions', 'GetBucketTagging'],
    suffixWildcards: false,
    concrete: (r, f) => `arn:aws:s3:::${f.team}-${r.pick(PURPOSES)}-${f.env}`,
    pattern: (r, f) => r.pick([`arn:aws:s3:::${f.team}-*`, `arn:aws:s3:::${f.team}-${r.pick(PURPOSES)}-${f.env}`, `arn:aws:s3:::*-${r.pick(PURPOSES)}-*`]),
  },
  {
    service: 'dynamodb',
    actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'DescribeTable', 'ConditionCheckItem'],
    suffixWildcards: true,
    concrete: (r, f) => `arn:aws:dynamodb:${f.region}:${ACCOUNT}:table/${f.team}-${r.pick(ENTITIES)}-${f.env}`,
    pattern: (r, f) =>
      r.pick([
        `arn:aws:dynamodb:*:${ACCOUNT}:table/${f.team}-*`,
        `arn:aws:dynamodb:${f.region}:${ACCOUNT}:table/${f.team}-${r.pick(ENTITIES)}-${f.env}`,
        `arn:aws:dynamodb:${f.region}:${ACCOUNT}:table/*-${f.env}`,
        `arn:aws:dynamodb:*:*:table/${f.team}-${r.pick(ENTITIES)}-*`,
      ]),
  },
  {
    service: 'sqs',
    actions: ['SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes', 'GetQueueUrl', 'ChangeMessageVisibility'],
    suffixWildcards: true,
    concrete: (r, f) => `arn:aws:sqs:${f.region}:${ACCOUNT}:${f.team}-${r.pick(QUEUES)}-${f.env}`,
    pattern: (r, f) => r.pick([`arn:aws:sqs:*:${ACCOUNT}:${f.team}-*`, `arn:aws:sqs:${f.region}:${ACCOUNT}:*-${r.pick(QUEUES)}-${f.env}`]),
  },
  {
    service: 'sns',
    actions: ['Publish', 'Subscribe', 'GetTopicAttributes', 'ListSubscriptionsByTopic'],
    suffixWildcards: false,
    concrete: (r, f) => `arn:aws:sns:${f.region}:${ACCOUNT}:${f.team}-${r.pick(TOPICS)}`,
    pattern: (r, f) => r.pick([`arn:aws:sns:*:${ACCOUNT}:${f.team}-*`, `arn:aws:sns:${f.region}:${ACCOUNT}:*-${r.pick(TOPICS)}`]),
  },
  {
    service: 'ec2',
    actions: ['StartInstances', 'StopInstances', 'RebootInstances', 'GetConsoleOutput'],
    suffixWildcards: false,
    concrete: (r, f) => `arn:aws:ec2:${f.region}:${ACCOUNT}:instance/i-0${hex(r, 16)}`,
    pattern: (r, f) => r.pick([`arn:aws:ec2:${f.region}:${ACCOUNT}:instance/*`, `arn:aws:ec2:*:${ACCOUNT}:instance/*`]),
  },
  {
    // Describe* actions authorize against the resource "*".
    service: 'ec2',
    actions: ['DescribeInstances', 'DescribeVolumes', 'DescribeSecurityGroups', 'DescribeSubnets', 'DescribeVpcs'],
    suffixWildcards: false,
    wildcardOnly: true,
    concrete: () => '*',
    pattern: () => '*',
  },
  {
    service: 'lambda',
    actions: ['InvokeFunction', 'GetFunction', 'GetFunctionConfiguration'],
    suffixWildcards: false,
    concrete: (r, f) => `arn:aws:lambda:${f.region}:${ACCOUNT}:function:${f.team}-${r.pick(FUNCTIONS)}-${f.env}`,
    pattern: (r, f) => r.pick([`arn:aws:lambda:*:${ACCOUNT}:function:${f.team}-*`, `arn:aws:lambda:${f.region}:${ACCOUNT}:function:*-${f.env}`]),
  },
  {
    service: 'logs',
    actions: ['CreateLogStream', 'PutLogEvents', 'GetLogEvents'],
    suffixWildcards: false,
    concrete: (r, f) => `arn:aws:logs:${f.region}:${ACCOUNT}:log-group:/app/${f.team}/${f.env}:log-stream:${r.pick(FUNCTIONS)}-${r.int(100)}`,
    pattern: (r, f) => r.pick([`arn:aws:logs:*:${ACCOUNT}:log-group:/app/${f.team}/*`, `arn:aws:logs:${f.region}:${ACCOUNT}:log-group:/app/*/${f.env}:*`]),
  },
  {
    service: 'secretsmanager',
    actions: ['GetSecretValue', 'DescribeSecret'],
    suffixWildcards: false,
    concrete: (r, f) => `arn:aws:secretsmanager:${f.region}:${ACCOUNT}:secret:${f.team}/${f.env}/${r.pick(SECRETS)}-${hex(r, 6)}`,
    pattern: (r, f) => r.pick([`arn:aws:secretsmanager:${f.region}:${ACCOUNT}:secret:${f.team}/${f.env}/*`, `arn:aws:secretsmanager:*:${ACCOUNT}:secret:${f.team}/*`]),
  },
];

/** Source IPs: CIDR blocks that policies name, each with a generator of addresses inside. */
const NETWORKS: readonly { readonly cidr: string; readonly inside: (r: Rng) => string }[] = [
  { cidr: '10.20.0.0/16', inside: (r) => `10.20.${r.int(256)}.${r.int(256)}` },
  { cidr: '10.30.0.0/16', inside: (r) => `10.30.${r.int(256)}.${r.int(256)}` },
  { cidr: '192.168.10.0/24', inside: (r) => `192.168.10.${r.int(256)}` },
  { cidr: '172.16.0.0/12', inside: (r) => `172.${16 + r.int(16)}.${r.int(256)}.${r.int(256)}` },
  { cidr: '203.0.113.0/24', inside: (r) => `203.0.113.${r.int(256)}` },
  { cidr: '198.51.100.0/25', inside: (r) => `198.51.100.${r.int(128)}` },
  { cidr: '2001:db8:1000::/40', inside: (r) => `2001:db8:10${hex(r, 2)}:${hex(r, 4)}::${hex(r, 3)}` },
];
/** Addresses outside every block above. */
const outsideIp = (r: Rng): string =>
  r.pick([
    () => `100.64.${r.int(256)}.${r.int(256)}`,
    () => `54.${200 + r.int(40)}.${r.int(256)}.${r.int(256)}`,
    () => `198.51.100.${128 + r.int(128)}`,
    () => `10.40.${r.int(256)}.${r.int(256)}`,
    () => `2001:db8:2${hex(r, 3)}::${hex(r, 4)}`,
  ])();

// ---------------------------------------------------------------------------------------
// Policies

interface StatementJson {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}
interface PolicyJson {
  Version: '2012-10-17';
  Statement: StatementJson[];
}

/** The words of a CamelCase action name: GetObjectTagging -> Get, Object, Tagging. */
const words = (action: string): string[] => action.match(/[A-Z][a-z]*/g) ?? [action];

function actionPatterns(r: Rng, kind: Kind): string[] {
  const out = new Set<string>();
  const count = 1 + r.int(3);
  for (let tries = 0; out.size < count && tries < 20; tries++) {
    const action = r.pick(kind.actions);
    const roll = r.next();
    if (roll < 0.5) {
      out.add(`${kind.service}:${action}`);
    } else if (roll < 0.8 || !kind.suffixWildcards) {
      out.add(`${kind.service}:${words(action)[0]}*`); // s3:Get*, sqs:Send*
    } else {
      out.add(`${kind.service}:*${words(action).at(-1)}`); // dynamodb:*Item
    }
  }
  return [...out];
}

function allowStatement(r: Rng, sid: string): StatementJson {
  const kind = r.pick(KINDS);
  const facts: Facts = { team: r.pick(TEAMS), env: r.pick(ENVS), region: r.pick(REGIONS) };
  const resources = new Set<string>();
  const resourceCount = 1 + r.int(kind.wildcardOnly === true ? 1 : 3);
  for (let tries = 0; resources.size < resourceCount && tries < 20; tries++) {
    resources.add(kind.pattern(r, r.chance(0.7) ? facts : { ...facts, team: r.pick(TEAMS), env: r.pick(ENVS) }));
  }
  const actions = actionPatterns(r, kind);
  const statement: StatementJson = {
    Sid: sid,
    Effect: 'Allow',
    Action: actions.length === 1 ? (actions[0] as string) : actions,
    Resource: resources.size === 1 ? ([...resources][0] as string) : [...resources],
  };
  const stringEquals: Record<string, string | string[]> = {};
  if (r.chance(0.6)) {
    const teams = r.chance(0.7) ? [facts.team] : r.some(TEAMS, 2);
    stringEquals['aws:PrincipalTag/team'] = teams.length === 1 ? (teams[0] as string) : teams;
  }
  if (r.chance(0.25)) stringEquals['aws:PrincipalTag/env'] = r.chance(0.7) ? facts.env : r.some(ENVS, 2);
  if (r.chance(0.1)) stringEquals['aws:RequestedRegion'] = r.some(REGIONS, 2);
  const condition: Record<string, Record<string, string | string[]>> = {};
  if (Object.keys(stringEquals).length > 0) condition['StringEquals'] = stringEquals;
  if (r.chance(0.5)) {
    const cidrs = r.some(NETWORKS, 1 + r.int(3)).map((n) => n.cidr);
    condition['IpAddress'] = { 'aws:SourceIp': cidrs.length === 1 ? (cidrs[0] as string) : cidrs };
  }
  if (Object.keys(condition).length > 0) statement.Condition = condition;
  return statement;
}

/** One Deny per identity policy, of the kinds real policies carry; none fires on the requests. */
const GUARDS: readonly StatementJson[] = [
  {
    Sid: 'RegionGuard',
    Effect: 'Deny',
    Action: '*',
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:RequestedRegion': [...REGIONS] } },
  },
  {
    Sid: 'NoDestructiveOps',
    Effect: 'Deny',
    Action: ['dynamodb:DeleteTable', 's3:DeleteBucket*', 'sqs:DeleteQueue', 'sns:DeleteTopic'],
    Resource: '*',
  },
  {
    Sid: 'OnlyPlatformTerminates',
    Effect: 'Deny',
    Action: ['ec2:TerminateInstances', 'ec2:ModifyInstanceAttribute'],
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'platform' } },
  },
];

function identityPolicy(r: Rng, n: number): PolicyJson {
  const statements: StatementJson[] = [];
  for (let i = 0; i < STATEMENTS_PER_POLICY - 1; i++) statements.push(allowStatement(r, `P${n}S${i}`));
  statements.splice(r.int(statements.length + 1), 0, GUARDS[n % GUARDS.length] as StatementJson);
  return { Version: '2012-10-17', Statement: statements };
}

/** The permissions boundary: what the role may ever do. secretsmanager reads and us-west-2 EC2 are outside it. */
const BOUNDARY: PolicyJson = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Storage', Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::*', 'arn:aws:s3:::*/*'] },
    { Sid: 'Data', Effect: 'Allow', Action: ['dynamodb:*', 'sqs:*', 'sns:*'], Resource: '*' },
    {
      Sid: 'Compute',
      Effect: 'Allow',
      Action: ['ec2:Describe*', 'ec2:StartInstances', 'ec2:StopInstances', 'ec2:RebootInstances'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
    },
    { Sid: 'Functions', Effect: 'Allow', Action: ['lambda:InvokeFunction', 'lambda:Get*', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
    { Sid: 'SecretsMetadata', Effect: 'Allow', Action: 'secretsmanager:DescribeSecret', Resource: '*' },
    { Sid: 'NoEscalation', Effect: 'Deny', Action: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
  ],
};

// ---------------------------------------------------------------------------------------
// Sessions and requests

interface Session {
  readonly name: string;
  readonly arn: string;
  readonly team: string;
  readonly env: string;
  readonly costCenter: string;
  /** rolegate's principal: derived once per session (a server caches it with the session). */
  readonly principal: RequestPrincipal;
}

interface BenchRequest {
  readonly session: Session;
  readonly action: string;
  readonly resource: string;
  /** The raw request facts a server has in hand; each engine builds its context from them per request. */
  readonly context: Readonly<Record<string, string>>;
  expected?: DecisionEffect;
}

function makeSessions(r: Rng): Session[] {
  const sessions: Session[] = [];
  for (let i = 0; i < 12; i++) {
    const name = `${r.pick(['worker', 'api', 'cron', 'etl'])}-${i}`;
    const arn = `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE_NAME}/${name}`;
    sessions.push({
      name,
      arn,
      team: TEAMS[i % TEAMS.length] as string,
      env: r.pick(ENVS),
      costCenter: `cc-${100 + r.int(900)}`,
      principal: requestPrincipal({ type: 'AssumedRole', arn, accountId: ACCOUNT, uniqueId: ROLE_ID, roleArn: ROLE_ARN }),
    });
  }
  return sessions;
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

const globMatches = (pattern: string, text: string): boolean =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(text);

/** Replaces each `*` of a resource pattern with plausible text, so the ARN matches it. */
function instantiate(r: Rng, pattern: string): string {
  return pattern.replace(/\*/g, () => r.pick(['x', 'prod', 'blue', `n${r.int(100)}`, `${r.pick(PREFIXES)}/f${r.int(100)}`]));
}

function candidate(r: Rng, statements: readonly StatementJson[], sessions: readonly Session[]): BenchRequest {
  const session = r.pick(sessions);
  const region = r.pick(REGIONS);
  const facts: Facts = { team: r.chance(0.6) ? session.team : r.pick(TEAMS), env: r.chance(0.6) ? session.env : r.pick(ENVS), region };
  let kind = r.pick(KINDS);
  let action = `${kind.service}:${r.pick(kind.actions)}`;
  let resource = kind.concrete(r, facts);
  let ip = r.chance(0.5) ? r.pick(NETWORKS).inside(r) : outsideIp(r);
  if (r.chance(0.8)) {
    // Aim at one statement, so that most requests are near hits and near misses.
    const s = r.pick(statements);
    const patterns = asList(s.Action);
    const fits = KINDS.flatMap((k) => k.actions.map((a) => ({ k, a: `${k.service}:${a}` }))).filter(({ a }) => patterns.some((p) => globMatches(p.toLowerCase(), a.toLowerCase())));
    if (fits.length > 0) {
      const fit = r.pick(fits);
      kind = fit.k;
      action = fit.a;
      resource = r.chance(0.6) ? instantiate(r, r.pick(asList(s.Resource))) : kind.concrete(r, facts);
      const cidrs = asList(s.Condition?.['IpAddress']?.['aws:SourceIp']);
      if (cidrs.length > 0 && r.chance(0.7)) ip = (NETWORKS.find((n) => n.cidr === r.pick(cidrs)) ?? r.pick(NETWORKS)).inside(r);
    }
  }
  if (kind.wildcardOnly === true) resource = '*';
  const time = Date.UTC(2025, 5, 1) + r.int(86_400_000);
  return {
    session,
    action,
    resource,
    context: {
      'aws:SourceIp': ip,
      'aws:PrincipalTag/team': session.team,
      'aws:PrincipalTag/env': session.env,
      'aws:PrincipalTag/cost-center': session.costCenter,
      'aws:PrincipalArn': ROLE_ARN,
      'aws:PrincipalAccount': ACCOUNT,
      'aws:PrincipalType': 'AssumedRole',
      'aws:userid': `${ROLE_ID}:${session.name}`,
      'aws:RequestedRegion': region,
      'aws:SecureTransport': 'true',
      'aws:CurrentTime': new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'aws:EpochTime': String(Math.floor(time / 1000)),
    },
  };
}

// ---------------------------------------------------------------------------------------
// The two engines, one request each

let rolegatePolicies: PolicySet;
let simulatePolicies: { identity: PolicyWithName[]; boundary: PolicyWithName[] };
const STRICT = { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) } as const;

/** rolegate, as a server calls it: the RequestContext is built from the request's facts, then authorize(). */
function decideRolegate(q: BenchRequest): DecisionEffect {
  return authorize(
    { principal: q.session.principal, action: q.action, resource: q.resource, context: new RequestContext(q.context) },
    rolegatePolicies,
  ).effect;
}

type SimulateResult = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied';

/** iam-simulate, likewise: its request context and AwsRequest are built per request, then authorize(). */
function decideSimulate(q: BenchRequest): SimulateResult {
  const request = new AwsRequestImpl(q.session.arn, { resource: q.resource, accountId: ACCOUNT }, q.action, new RequestContextImpl(q.context));
  return simulateAuthorize({
    request,
    sessionPolicy: undefined,
    identityPolicies: simulatePolicies.identity,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: undefined,
    permissionBoundaries: simulatePolicies.boundary,
    vpcEndpointPolicies: undefined,
    simulationParameters: STRICT,
  }).result as SimulateResult;
}

const SAME: Readonly<Record<DecisionEffect, SimulateResult>> = {
  Allow: 'Allowed',
  ImplicitDeny: 'ImplicitlyDenied',
  ExplicitDeny: 'ExplicitlyDenied',
};

// ---------------------------------------------------------------------------------------
// Timing
//
// Inside the timed region, per decision:
//   rolegate:     new RequestContext(facts) + authorize(request, policySet) -> effect
//   iam-simulate: new RequestContextImpl(facts) + new AwsRequestImpl(principal ARN, resource,
//                 action, context) + authorize({...}) -> result
// Outside it, for both: policy text parsing and compiling (compilePolicy / loadPolicy),
// and the per-request facts (a plain object of 12 context keys, the action and resource
// strings). rolegate's RequestPrincipal is built once per session, as a server keeps it
// with the session; iam-simulate takes the principal as an ARN string and builds its own
// principal object inside AwsRequestImpl, so that cost is inside its timed region.
// Between batches, one process.hrtime.bigint() read (~50 ns per 256 rolegate decisions,
// per 16 iam-simulate decisions).

let sink = 0;

/** `count` rolegate decisions from request `from` on; returns the next index. Timed region: RequestContext + authorize. */
function rolegateBatch(requests: readonly BenchRequest[], from: number, count: number): number {
  let i = from;
  let allowed = 0;
  for (let n = 0; n < count; n++) {
    if (decideRolegate(requests[i] as BenchRequest) === 'Allow') allowed++;
    if (++i === requests.length) i = 0;
  }
  sink += allowed;
  return i;
}

/** Likewise for iam-simulate. Timed region: RequestContextImpl + AwsRequestImpl + authorize. */
function simulateBatch(requests: readonly BenchRequest[], from: number, count: number): number {
  let i = from;
  let allowed = 0;
  for (let n = 0; n < count; n++) {
    if (decideSimulate(requests[i] as BenchRequest) === 'Allowed') allowed++;
    if (++i === requests.length) i = 0;
  }
  sink += allowed;
  return i;
}

type Batch = (requests: readonly BenchRequest[], from: number, count: number) => number;

/** Runs batches for `windowNs`; ns per decision. Only the clock reads between batches are outside the engine. */
function timeWindow(batch: Batch, size: number, requests: readonly BenchRequest[], windowNs: bigint): number {
  let index = 0;
  let decisions = 0;
  const start = process.hrtime.bigint();
  const end = start + windowNs;
  let now = start;
  while (now < end) {
    index = batch(requests, index, size);
    decisions += size;
    now = process.hrtime.bigint();
  }
  return Number(now - start) / decisions;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

// ---------------------------------------------------------------------------------------
// Main

function main(): void {
  const r = new Rng(SEED);
  const identityJson = Array.from({ length: IDENTITY_POLICIES }, (_, n) => identityPolicy(r, n));
  const texts = identityJson.map((p) => JSON.stringify(p, null, 2));
  const boundaryText = JSON.stringify(BOUNDARY, null, 2);

  // Both engines read the same policy texts, once.
  const identity: CompiledPolicy[] = texts.map((t, n) => compilePolicy(parsePolicy(t, 'identity'), { id: `arn:aws:iam::${ACCOUNT}:policy/app-${n}`, type: 'identity' }));
  const boundary = compilePolicy(parsePolicy(boundaryText, 'identity'), { id: `arn:aws:iam::${ACCOUNT}:policy/app-boundary`, type: 'boundary' });
  rolegatePolicies = { identity, boundary };
  simulatePolicies = {
    identity: texts.map((t, n) => loadPolicy(JSON.parse(t), { name: `app-${n}` })),
    boundary: [loadPolicy(JSON.parse(boundaryText), { name: 'app-boundary' })],
  };

  // Requests: candidates aimed at the policies, kept by rolegate's decision until there are
  // REQUESTS/2 allowed and REQUESTS/2 implicitly denied.
  const sessions = makeSessions(r);
  const allowStatements = identityJson.flatMap((p) => p.Statement.filter((s) => s.Effect === 'Allow'));
  const allowed: BenchRequest[] = [];
  const denied: BenchRequest[] = [];
  const denyReasons = new Map<string, number>();
  for (let tries = 0; allowed.length < REQUESTS / 2 || denied.length < REQUESTS / 2; tries++) {
    if (tries > REQUESTS * 200) throw new Error(`could not generate a 50/50 request set (${allowed.length} allowed, ${denied.length} denied)`);
    const q = candidate(r, allowStatements, sessions);
    const decision = authorize(
      { principal: q.session.principal, action: q.action, resource: q.resource, context: new RequestContext(q.context) },
      rolegatePolicies,
    );
    q.expected = decision.effect;
    if (decision.effect === 'Allow' && allowed.length < REQUESTS / 2) allowed.push(q);
    if (decision.effect === 'ImplicitDeny' && denied.length < REQUESTS / 2) {
      denied.push(q);
      denyReasons.set(decision.deniedBy ?? '?', (denyReasons.get(decision.deniedBy ?? '?') ?? 0) + 1);
    }
  }
  const requests = r.shuffle([...allowed, ...denied]);

  // Both engines must agree on every request, and the split must be about 50/50.
  let allowCount = 0;
  for (const [i, q] of requests.entries()) {
    const ours = decideRolegate(q);
    const theirs = decideSimulate(q);
    if (SAME[ours] !== theirs) {
      console.error(`policy bench: engines disagree on request #${i}: rolegate ${ours}, iam-simulate ${theirs}`);
      console.error(JSON.stringify({ principal: q.session.arn, action: q.action, resource: q.resource, context: q.context }, null, 2));
      process.exit(1);
    }
    if (ours === 'Allow') allowCount++;
  }
  const denyCount = requests.length - allowCount;
  if (Math.abs(allowCount / requests.length - 0.5) > 0.05) {
    console.error(`policy bench: allow/deny split is ${allowCount}/${denyCount}, not about 50/50`);
    process.exit(1);
  }

  // Warm up (JIT), then alternate rounds.
  timeWindow(rolegateBatch, ROLEGATE_BATCH, requests, WARMUP_NS);
  timeWindow(simulateBatch, SIMULATE_BATCH, requests, WARMUP_NS);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(timeWindow(rolegateBatch, ROLEGATE_BATCH, requests, ROUND_NS));
    theirs.push(timeWindow(simulateBatch, SIMULATE_BATCH, requests, ROUND_NS));
  }
  if (sink === 0) throw new Error('no decisions were made');

  const oursNs = median(ours);
  const theirsNs = median(theirs);
  const row = (name: string, xs: readonly number[]): string => {
    const m = median(xs);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    return `  ${name.padEnd(13)} ${m.toFixed(0).padStart(10)} ${lo.toFixed(0).padStart(10)} ${hi.toFixed(0).padStart(10)} ${(((hi - lo) / m) * 100).toFixed(1).padStart(7)}%`;
  };
  const reasons = [...denyReasons].map(([k, v]) => `${v} by ${k}`).join(', ');
  console.log(
    [
      `policy bench: ${requests.length} requests, ${IDENTITY_POLICIES} identity policies x ${STATEMENTS_PER_POLICY} statements + boundary (${BOUNDARY.Statement.length} statements), seed 0x${SEED.toString(16)}`,
      `  allow ${allowCount}, implicit deny ${denyCount} (${reasons}); both engines agree on all ${requests.length}`,
      `  ${ROUNDS} rounds x ${Number(ROUND_NS) / 1e9} s per engine, alternating; ns/decision:`,
      `  ${'engine'.padEnd(13)} ${'median'.padStart(10)} ${'min'.padStart(10)} ${'max'.padStart(10)} ${'spread'.padStart(8)}`,
      row('rolegate', ours),
      row('iam-simulate', theirs),
    ].join('\n'),
  );
  const perSecond = (ns: number): number => Math.round(1e9 / ns);
  console.log(`policy: rolegate ${perSecond(oursNs)} decisions/s, iam-simulate ${perSecond(theirsNs)} decisions/s, ratio ${(theirsNs / oursNs).toFixed(1)}`);
}

main();
