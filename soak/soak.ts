/**
 * The soak: nodes of rolegate started as a user starts them (`rolegate serve` processes on
 * one PostgreSQL database, or one node on SQLite), driven for a while by a mix of what
 * they serve — AssumeRole allowed and denied, GetCallerIdentity on temporary
 * credentials, IAM reads allowed and denied, IAM writes — through the AWS SDK, spread
 * over the nodes. Every answer is checked against the decision the set-up makes
 * certain (who may do what never changes during the run), so a wrong allow or a wrong
 * deny is counted, as is every 5xx and every socket error. Resident memory of each node
 * is read after a warm-up and at the end.
 *
 *   npm run soak                      # 10 minutes, 3 nodes on PostgreSQL (ROLEGATE_TEST_PG or the local one)
 *   npm run soak -- --seconds=60 --nodes=1 --sqlite
 *
 * test/soak.test.ts runs the 60-second version in CI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, DeleteUserCommand, GetRoleCommand, IAMClient, ListUsersCommand, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

export interface SoakOptions {
  readonly seconds: number;
  readonly nodes: number;
  /** A postgres:// URL of an empty database; undefined: one node on SQLite. */
  readonly storeUrl: string | undefined;
  /** Requests in flight at once, over all nodes. */
  readonly concurrency: number;
  readonly warmupSeconds: number;
  /** More environment for a node's process, given its environment (the test run adds an audit file per node). */
  readonly nodeEnv?: ((env: NodeJS.ProcessEnv) => NodeJS.ProcessEnv) | undefined;
}

export interface SoakReport {
  readonly seconds: number;
  readonly requests: number;
  readonly perSecond: number;
  readonly byKind: Readonly<Record<string, number>>;
  /** 5xx responses (every attempt, retried or not), and requests that ended without an answer. */
  readonly serverErrors: number;
  readonly wrongDecisions: number;
  /** Writes whose retry met the work of an earlier attempt (EntityAlreadyExists, NoSuchEntity after 2+ attempts). */
  readonly retriedWrites: number;
  /** Attempts that got no HTTP answer, by error, which the SDK retried. */
  readonly connectionFailures: Readonly<Record<string, number>>;
  /** Up to ten examples of what went wrong. */
  readonly problems: readonly string[];
  /**
   * Per node: resident set size in MiB after the warm-up, at each tenth of the run, and at
   * the end; `secondHalfMiB` is the growth over the second half, which is what stays flat
   * once the caches are full.
   */
  readonly rss: readonly { readonly startMiB: number; readonly endMiB: number; readonly samplesMiB: readonly number[]; readonly secondHalfMiB: number }[];
}

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * What a write answers when the SDK sent it again after an attempt whose answer was lost
 * on the way (the first attempt did the work): not a decision of the server's.
 */
const RETRY_ECHOES: ReadonlySet<string> = new Set(['EntityAlreadyExistsException', 'NoSuchEntityException']);

const BIN = fileURLToPath(new URL('../bin/rolegate.js', import.meta.url));
const ACCOUNT = '000000000000';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
const doc = (statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

interface Node {
  readonly child: ChildProcess;
  readonly url: string;
}

async function startNode(env: NodeJS.ProcessEnv, args: string[]): Promise<Node> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--log-level', 'error', ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /rolegate serving on (http:\/\/\S+)/.exec(out);
      if (m !== null) resolve(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`a node exited (${code}) before serving:\n${out}`)));
  });
  child.stdout?.resume();
  return { child, url };
}

function rssMiB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/** One node's samples, first to last, → its RSS figures. */
function rssOf(samplesMiB: number[]): SoakReport['rss'][number] {
  const startMiB = samplesMiB[0] as number;
  const endMiB = samplesMiB[samplesMiB.length - 1] as number;
  const half = samplesMiB[Math.floor((samplesMiB.length - 1) / 2)] as number;
  return { startMiB, endMiB, samplesMiB, secondHalfMiB: Math.round((endMiB - half) * 10) / 10 };
}

/** Every response with a 5xx status the nodes sent, attempts the SDK retried included. */
let serverErrorResponses = 0;
/** Attempts that got no HTTP answer at all (a connection reset, a timeout), by message: the SDK retries them. */
const connectionFailures = new Map<string, number>();

/**
 * One SDK client per node and identity, kept: making a client per request would measure
 * the SDK's set-up, not the server. Bounded, as sessions come and go. The clients retry
 * as SDKs do by default (a keep-alive connection the server closes just as a request goes
 * out is retried, not reported); a middleware inside the retry loop counts each 5xx.
 */
const clients = new Map<string, IAMClient | STSClient>();
const inFlight = new WeakMap<IAMClient | STSClient, number>();
const retired = new Set<IAMClient | STSClient>();
const statusOf = (value: unknown): number => {
  const v = value as { response?: { statusCode?: number }; $response?: { statusCode?: number }; $metadata?: { httpStatusCode?: number } } | undefined;
  return v?.response?.statusCode ?? v?.$response?.statusCode ?? v?.$metadata?.httpStatusCode ?? 0;
};
function counted<C extends IAMClient | STSClient>(client: C): C {
  (client.middlewareStack as IAMClient['middlewareStack']).add(
    (next) => async (args) => {
      try {
        const out = await next(args);
        if (statusOf(out) >= 500) serverErrorResponses++;
        return out;
      } catch (e) {
        const status = statusOf(e);
        if (status >= 500) serverErrorResponses++;
        if (status === 0) {
          const message = `${(e as Error).name}: ${(e as Error).message}`;
          connectionFailures.set(message, (connectionFailures.get(message) ?? 0) + 1);
        }
        throw e;
      }
    },
    { step: 'deserialize', name: 'countServerErrors' },
  );
  // Calls in flight, retries included: a client is destroyed only when it has none.
  (client.middlewareStack as IAMClient['middlewareStack']).add(
    (next) => async (args) => {
      inFlight.set(client, (inFlight.get(client) ?? 0) + 1);
      try {
        return await next(args);
      } finally {
        const left = (inFlight.get(client) ?? 1) - 1;
        inFlight.set(client, left);
        if (left === 0 && retired.delete(client)) client.destroy();
      }
    },
    { step: 'initialize', name: 'countInFlight' },
  );
  return client;
}
/**
 * Clients by kind, node and key, the oldest dropped 4,096 at a time. A dropped client is
 * destroyed once its calls in flight are done: destroying it under a call would end that
 * call's socket ("socket hang up"), an error of the soak's own making, not the server's.
 */
function cached<C extends IAMClient | STSClient>(kind: string, url: string, credentials: Creds, make: () => C): C {
  const key = `${kind}|${url}|${credentials.accessKeyId}`;
  let client = clients.get(key) as C | undefined;
  if (client === undefined) {
    if (clients.size >= 4096) {
      for (const c of clients.values()) {
        if ((inFlight.get(c) ?? 0) === 0) c.destroy();
        else retired.add(c);
      }
      clients.clear();
    }
    client = counted(make());
    clients.set(key, client);
  }
  return client;
}
const iamAt = (url: string, credentials: Creds) => cached('iam', url, credentials, () => new IAMClient({ endpoint: url, region: 'us-east-1', credentials }));
const stsAt = (url: string, credentials: Creds) => cached('sts', url, credentials, () => new STSClient({ endpoint: url, region: 'us-east-1', credentials }));

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rolegate-soak-'));
  const root: Creds = { accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`, secretAccessKey: randomBytes(30).toString('base64') };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: dataDir,
    ROLEGATE_MASTER_KEY: randomBytes(32).toString('hex'),
    ROLEGATE_ROOT_ACCESS_KEY_ID: root.accessKeyId,
    ROLEGATE_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey,
    ...(options.storeUrl === undefined ? {} : { ROLEGATE_STORE_URL: options.storeUrl }),
  };
  const nodes: Node[] = [];
  try {
    const count = options.storeUrl === undefined ? 1 : options.nodes;
    for (let i = 0; i < count; i++) nodes.push(await startNode({ ...env, ...options.nodeEnv?.(env) }, ['--data', join(dataDir, `node${i}`)]));
    const urls = nodes.map((n) => n.url);

    // Who may do what: fixed for the whole run, so every answer has one right decision.
    const admin = iamAt(urls[0] as string, root);
    const keyOf = async (name: string, policy: string | undefined): Promise<Creds> => {
      await admin.send(new CreateUserCommand({ UserName: name }));
      if (policy !== undefined) await admin.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
      const k = (await admin.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
      return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
    };
    const allowed = await keyOf('allowed', doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE }]));
    const denied = await keyOf('denied', undefined);
    await admin.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: doc([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }]) }));
    await admin.send(new PutRolePolicyCommand({ RoleName: 'app', PolicyName: 'read-self', PolicyDocument: doc([{ Effect: 'Allow', Action: 'iam:GetRole', Resource: ROLE }]) }));

    // The checks: each request kind with the one answer it must get.
    const sessions: Creds[] = [];
    const fresh = async (url: string): Promise<Creds> => {
      const c = (await stsAt(url, allowed).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'soak' }))).Credentials!;
      return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
    };
    for (const url of urls) sessions.push(await fresh(url));
    let churn = 0;
    type Outcome = 'ok' | string;
    const kinds: readonly { name: string; expect: Outcome; run: (url: string) => Promise<unknown> }[] = [
      { name: 'AssumeRole allowed', expect: 'ok', run: async (url) => sessions.push(await fresh(url)) },
      { name: 'AssumeRole denied', expect: 'AccessDenied', run: (url) => stsAt(url, denied).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'soak' })) },
      { name: 'GetCallerIdentity (session)', expect: 'ok', run: (url) => stsAt(url, sessions[Math.floor(Math.random() * sessions.length)] as Creds).send(new GetCallerIdentityCommand({})) },
      { name: 'GetRole (session, allowed)', expect: 'ok', run: (url) => iamAt(url, sessions[Math.floor(Math.random() * sessions.length)] as Creds).send(new GetRoleCommand({ RoleName: 'app' })) },
      { name: 'ListUsers (session, denied)', expect: 'AccessDenied', run: (url) => iamAt(url, sessions[Math.floor(Math.random() * sessions.length)] as Creds).send(new ListUsersCommand({})) },
      {
        name: 'CreateUser + DeleteUser (root)',
        expect: 'ok',
        run: async (url) => {
          const name = `churn-${process.pid}-${churn++}`;
          await iamAt(url, root).send(new CreateUserCommand({ UserName: name }));
          await iamAt(url, root).send(new DeleteUserCommand({ UserName: name }));
        },
      },
    ];

    const byKind: Record<string, number> = {};
    const problems: string[] = [];
    let requests = 0;
    let serverErrors = 0;
    let retriedWrites = 0;
    let wrongDecisions = 0;
    let measuring = false;
    const drive = async (until: number, worker: number): Promise<void> => {
      for (let i = 0; Date.now() < until; i++) {
        const kind = kinds[(worker + i) % kinds.length] as (typeof kinds)[number];
        const url = urls[(worker + i) % urls.length] as string;
        let detail = '';
        let attempts = 1;
        const outcome = await kind.run(url).then(
          () => 'ok',
          (e: { name?: string; message?: string; $metadata?: { httpStatusCode?: number; attempts?: number } }) => {
            detail = e.message ?? '';
            attempts = e.$metadata?.attempts ?? 1;
            return (e.$metadata?.httpStatusCode ?? 0) >= 500 ? `5xx ${e.name ?? ''}` : (e.name ?? String(e));
          },
        );
        // Bounded: the session pool keeps the last few dozen (and so the clients made for them).
        if (sessions.length > 64) sessions.splice(0, sessions.length - 32);
        if (!measuring) continue;
        requests++;
        byKind[kind.name] = (byKind[kind.name] ?? 0) + 1;
        // A 5xx is counted by the middleware, at every attempt; here, what failed for good
        // without a decision (a socket error the retries did not get past).
        let problem = false;
        if (outcome.startsWith('5xx')) problem = true;
        else if (outcome === 'TimeoutError' || outcome === 'Error') (serverErrors++, (problem = true));
        else if (attempts > 1 && RETRY_ECHOES.has(outcome)) retriedWrites++;
        else if (outcome !== kind.expect) (wrongDecisions++, (problem = true));
        if (problem && problems.length < 10) problems.push(`${kind.name} at ${url}: ${outcome} ${detail}`);
      }
    };

    await Promise.all(Array.from({ length: options.concurrency }, (_, w) => drive(Date.now() + options.warmupSeconds * 1000, w)));
    const samples: number[][] = [nodes.map((n) => rssMiB(n.child.pid))];
    const sampling = setInterval(() => samples.push(nodes.map((n) => rssMiB(n.child.pid))), (options.seconds * 1000) / 10);
    measuring = true;
    const started = Date.now();
    const serverErrorsBefore = serverErrorResponses;
    connectionFailures.clear();
    await Promise.all(Array.from({ length: options.concurrency }, (_, w) => drive(started + options.seconds * 1000, w)));
    const elapsed = (Date.now() - started) / 1000;
    clearInterval(sampling);
    samples.push(nodes.map((n) => rssMiB(n.child.pid)));
    return {
      seconds: Math.round(elapsed),
      requests,
      perSecond: Math.round(requests / elapsed),
      byKind,
      serverErrors: serverErrors + (serverErrorResponses - serverErrorsBefore),
      wrongDecisions,
      retriedWrites,
      connectionFailures: Object.fromEntries(connectionFailures),
      problems,
      rss: nodes.map((_, i) => rssOf(samples.map((sample) => sample[i] as number))),
    };
  } finally {
    for (const n of nodes) {
      n.child.kill('SIGTERM');
      if (n.child.exitCode === null) await once(n.child, 'exit');
    }
    for (const c of clients.values()) c.destroy();
    clients.clear();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatReport(r: SoakReport, nodes: number, store: string): string {
  const rss = r.rss.map((m, i) => `node ${i + 1} ${m.samplesMiB.join('→')} MiB (second half ${m.secondHalfMiB >= 0 ? '+' : ''}${m.secondHalfMiB})`).join('\n    ');
  const kinds = Object.entries(r.byKind)
    .map(([k, n]) => `  ${k}: ${n}`)
    .join('\n');
  return [
    `soak: ${r.requests} requests in ${r.seconds} s (${r.perSecond}/s) on ${nodes} node(s), ${store}`,
    kinds,
    `  5xx or socket errors: ${r.serverErrors}; wrong decisions: ${r.wrongDecisions}`,
    `  attempts without an answer, retried by the SDK: ${JSON.stringify(r.connectionFailures)}; writes whose retry met an earlier attempt's work: ${r.retriedWrites}`,
    `  resident memory after warm-up, at each tenth of the run, at the end:\n    ${rss}`,
    ...r.problems.map((p) => `  problem: ${p}`),
  ].join('\n');
}
