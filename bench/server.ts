/**
 * Server throughput: signed STS calls against a started rolegate, with a minimal
 * node:http server answering a fixed XML body as the ceiling, in one run. See
 * bench/README.md.
 *
 *   npm run bench:server
 *   npm run bench:server -- --cpu-prof                   # profile the rolegate process (./prof)
 *   npm run bench:server -- --cpu-prof --only=AssumeRole # one operation per profile
 *   npm run bench:server -- --perf-map                  # JIT symbols for Linux perf (perf record -g -p <pid>)
 *   npm run bench:server -- --connections=50            # more clients at once (default 10)
 *
 * Both servers run as child processes (bench/server-child.ts), one process each, and the
 * load generator (autocannon, keep-alive, programmatic API) runs here, in this process.
 * In-process would put the server and the load generator on one event loop, so one core
 * would do both halves of every request (and the ceiling would be measured the same
 * distorted way) while the machine's second core sat idle; with a child, the server has
 * a core to itself, as a deployed rolegate would, and --cpu-prof sees only the server.
 *
 * The requests are the AWS SDK's, byte for byte in shape (the headers the SDK for
 * JavaScript v3 sends on an STS POST, captured from it), signed with rolegate's sign()
 * before the run: SigV4 has no nonce, so a signed request may be replayed within the
 * 15-minute clock window, and the whole run takes about a minute.
 *
 *   GetCallerIdentity  signed with temporary credentials (ASIA… + session token) that
 *                      AssumeRole issued to the seeded user
 *   AssumeRole         signed with the seeded user's long-term keys (AKIA…)
 *
 * Before anything is timed, every request of both pools is sent once to rolegate and
 * must answer 200 with the expected caller or credentials; during the runs every
 * response is counted, and any non-2xx or socket error fails the run.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { sign, type HttpRequest, type SigningCredentials } from '../src/sigv4/index.js';
import type { ChildMessage } from './server-child.js';
import { Rng } from './rng.js';

// ---------------------------------------------------------------------------------------
// Parameters

const SEED = 0x5e12_2024;
const POOL = 64; // distinct signed requests per operation, cycled by every connection
const WARMUP_S = 2; // per target, before the rounds
const ROUNDS = 3; // alternating ceiling / GetCallerIdentity / AssumeRole
const ROUND_S = 4; // per target per round: 12 s each in all
const REGION = 'us-east-1';
const ACCOUNT = '000000000000'; // rolegate's default account
const SDK_VERSION = '3.1176.0';

const args = process.argv.slice(2);
const CPU_PROF = args.includes('--cpu-prof');
const PERF_MAP = args.includes('--perf-map');
const ONLY = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
if (ONLY !== undefined && ONLY !== 'GetCallerIdentity' && ONLY !== 'AssumeRole') throw new Error('--only=GetCallerIdentity or --only=AssumeRole');
/**
 * Keep-alive connections, one request in flight on each: 10 by default, the figure every
 * earlier run used. More clients at once make the audit trail's group commits larger
 * (one disk flush for more calls), which --connections=N shows.
 */
const CONNECTIONS = Number(args.find((a) => a.startsWith('--connections='))?.slice('--connections='.length) ?? 10);
if (!Number.isInteger(CONNECTIONS) || CONNECTIONS < 1 || CONNECTIONS > 1000) throw new Error('--connections=N, 1 to 1000');

// ---------------------------------------------------------------------------------------
// Seeded randomness (mulberry32), for keys and request ids


const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// ---------------------------------------------------------------------------------------
// Child processes

interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  readonly pid: number;
}

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

function startChild(args: readonly string[], env: NodeJS.ProcessEnv, profile: boolean): Promise<Child> {
  const execArgv = ['--import', 'tsx'];
  if (profile) execArgv.push('--cpu-prof', '--cpu-prof-dir=prof');
  if (PERF_MAP) execArgv.push('--perf-basic-prof');
  const child = fork(CHILD, [...args], { execArgv, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: ChildMessage) => resolve({ process: child, url: m.url, pid: child.pid as number }));
    child.once('exit', (code) => reject(new Error(`server child ${args[0]} exited with ${code} before listening`)));
  });
}

function stopChild(child: Child): Promise<void> {
  return new Promise((resolve) => {
    if (child.process.exitCode !== null) return resolve();
    child.process.once('exit', () => resolve());
    child.process.send({ stop: true });
  });
}

/** User + system CPU seconds a process has used so far (Linux; NaN elsewhere). */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return Number.NaN;
  }
}

// ---------------------------------------------------------------------------------------
// Signed requests, shaped as the AWS SDK for JavaScript v3 sends them

interface SignedRequest {
  readonly method: 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function signedStsPost(rng: Rng, host: string, body: string, credentials: SigningCredentials, now: number): SignedRequest {
  const bytes = Buffer.from(body, 'utf8');
  const unsigned: HttpRequest = {
    method: 'POST',
    path: '/',
    query: '',
    headers: [
      ['content-type', 'application/x-www-form-urlencoded'],
      // Spelled as autocannon spells it, so that its own Content-Length replaces this one (same value).
      ['Content-Length', String(bytes.length)],
      ['x-amz-user-agent', `aws-sdk-js/${SDK_VERSION}`],
      ['user-agent', `aws-sdk-js/${SDK_VERSION} ua/2.1 os/linux lang/js md/nodejs#20 api/sts#${SDK_VERSION} m/N,E,e`],
      ['Host', host],
      ['amz-sdk-invocation-id', rng.uuid()],
      ['amz-sdk-request', 'attempt=1; max=3'],
    ],
    body: bytes,
  };
  // Signs every header but user-agent, adds x-amz-date, x-amz-security-token and
  // x-amz-content-sha256 (as the SDK does for STS): the SDK's SignedHeaders exactly.
  const signed = sign(unsigned, credentials, { now, region: REGION, service: 'sts', contentSha256Header: true });
  return { method: 'POST', path: '/', headers: Object.fromEntries(signed.headers), body };
}

const form = (params: Record<string, string>): string =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

/** One request over a keep-alive agent; the status and body. */
function send(url: string, req: SignedRequest, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(url, { method: req.method, path: req.path, headers: req.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

// ---------------------------------------------------------------------------------------
// Load runs

interface Run {
  readonly ok: number; // 2xx responses
  readonly bad: number; // non-2xx responses
  readonly errors: number; // socket errors and timeouts
  readonly seconds: number;
  readonly latenciesMs: Float64Array;
  readonly serverCpu: number; // fraction of one core
  readonly loadgenCpu: number; // fraction of one core
}

async function load(url: string, requests: readonly SignedRequest[], seconds: number, serverPid: number): Promise<Run> {
  let latencies = new Float64Array(1 << 16);
  let n = 0;
  let ok = 0;
  let bad = 0;
  const serverBefore = processCpuSeconds(serverPid);
  const loadgenBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        pipelining: 1,
        duration: seconds,
        requests: requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, body: r.body })),
      },
      (error, result) => (error === null || error === undefined ? resolve(result) : reject(error)),
    );
    // autocannon's own histogram has 1 ms resolution; keep every response time instead.
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) ok++;
      else bad++;
      if (n === latencies.length) {
        const grown = new Float64Array(n * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[n++] = responseTime;
    });
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const loadgen = process.cpuUsage(loadgenBefore);
  return {
    ok,
    bad,
    errors: result.errors + result.timeouts,
    seconds: result.duration,
    latenciesMs: latencies.subarray(0, n),
    serverCpu: (processCpuSeconds(serverPid) - serverBefore) / elapsed,
    loadgenCpu: (loadgen.user + loadgen.system) / 1e6 / elapsed,
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const load1 = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

// ---------------------------------------------------------------------------------------
// Main

interface Target {
  readonly name: string;
  readonly child: () => Child;
  readonly requests: readonly SignedRequest[];
  readonly runs: Run[];
}

async function main(): Promise<void> {
  const rng = new Rng(SEED);
  const loadBefore = load1();
  const root = { accessKeyId: `AKIA${Array.from(rng.bytes(16), (b) => BASE32[b & 31]).join('')}`, secretAccessKey: rng.bytes(30).toString('base64') };
  const rolegate = await startChild(
    ['rolegate'],
    { ROLEGATE_ROOT_ACCESS_KEY_ID: root.accessKeyId, ROLEGATE_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey, ROLEGATE_MASTER_KEY: rng.bytes(32).toString('hex') },
    CPU_PROF,
  );
  let ceiling: Child | undefined;
  try {
    // Seed through the SDK: a user with keys and a policy allowing it to assume the role,
    // a role that trusts the user with a permissions policy of its own.
    const host = new URL(rolegate.url).host;
    const iam = new IAMClient({ endpoint: rolegate.url, region: REGION, credentials: root });
    const user = await iam.send(new CreateUserCommand({ UserName: 'bench-user' }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'bench-user' }));
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: user.User?.Arn }, Action: 'sts:AssumeRole' }] };
    const role = await iam.send(new CreateRoleCommand({ RoleName: 'bench-role', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    const roleArn = role.Role?.Arn as string;
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'bench-user',
        PolicyName: 'assume-bench-role',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }] }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'bench-role',
        PolicyName: 'read',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRoles'], Resource: '*' }] }),
      }),
    );
    const userKeys: SigningCredentials = { accessKeyId: key.AccessKey?.AccessKeyId as string, secretAccessKey: key.AccessKey?.SecretAccessKey as string };
    const assumed = await new STSClient({ endpoint: rolegate.url, region: REGION, credentials: userKeys }).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'bench-session' }),
    );
    const sessionKeys: SigningCredentials = {
      accessKeyId: assumed.Credentials?.AccessKeyId as string,
      secretAccessKey: assumed.Credentials?.SecretAccessKey as string,
      sessionToken: assumed.Credentials?.SessionToken as string,
    };
    iam.destroy();

    // Pre-signed pools.
    const now = Date.now();
    const gciBody = form({ Action: 'GetCallerIdentity', Version: '2011-06-15' });
    const gci = Array.from({ length: POOL }, () => signedStsPost(rng, host, gciBody, sessionKeys, now));
    const ar = Array.from({ length: POOL }, (_, i) =>
      signedStsPost(rng, host, form({ Action: 'AssumeRole', Version: '2011-06-15', RoleArn: roleArn, RoleSessionName: `bench-${i}` }), userKeys, now),
    );

    // Every request must succeed before anything is timed.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sessionArn = `arn:aws:sts::${ACCOUNT}:assumed-role/bench-role/bench-session`;
    let gciResponse = '';
    for (const [i, req] of gci.entries()) {
      const res = await send(rolegate.url, req, agent);
      if (res.status !== 200 || !res.body.includes(`<Arn>${sessionArn}</Arn>`)) throw new Error(`GetCallerIdentity #${i} answered ${res.status}: ${res.body}`);
      gciResponse = res.body;
    }
    let arBytes = 0;
    for (const [i, req] of ar.entries()) {
      const res = await send(rolegate.url, req, agent);
      if (res.status !== 200 || !/<AccessKeyId>ASIA[A-Z0-9]{16}<\/AccessKeyId>/.test(res.body) || !res.body.includes(`assumed-role/bench-role/bench-${i}</Arn>`)) {
        throw new Error(`AssumeRole #${i} answered ${res.status}: ${res.body}`);
      }
      arBytes = Buffer.byteLength(res.body);
    }
    agent.destroy();

    // The ceiling answers rolegate's own GetCallerIdentity response, byte for byte.
    ceiling = await startChild(['ceiling', Buffer.from(gciResponse, 'utf8').toString('base64')], {}, false);
    const ceilingChild = ceiling;
    const probe = new Agent({ keepAlive: false });
    const check = await send(ceiling.url, gci[0] as SignedRequest, probe);
    if (check.status !== 200 || check.body !== gciResponse) throw new Error(`ceiling answered ${check.status}`);

    const targets: Target[] = [{ name: 'ceiling', child: () => ceilingChild, requests: gci, runs: [] }];
    if (ONLY !== 'AssumeRole') targets.push({ name: 'GetCallerIdentity', child: () => rolegate, requests: gci, runs: [] });
    if (ONLY !== 'GetCallerIdentity') targets.push({ name: 'AssumeRole', child: () => rolegate, requests: ar, runs: [] });

    // Warm up (JIT, sockets), then alternate rounds.
    for (const t of targets) await load(t.child().url, t.requests, WARMUP_S, t.child().pid);
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of targets) t.runs.push(await load(t.child().url, t.requests, ROUND_S, t.child().pid));
    }
    const loadAfter = load1();

    // Report.
    const rate = (r: Run): number => r.ok / r.seconds;
    const rates = new Map(targets.map((t) => [t.name, median(t.runs.map(rate))]));
    const c = rates.get('ceiling') as number;
    const lines = [
      `server bench: rolegate (1 process, child, tsx) and a node:http ceiling (1 process, child) on ${host.split(':')[0]}; autocannon in the parent`,
      `  ${CONNECTIONS} keep-alive connections, ${POOL} pre-signed requests per operation, SDK headers; every request answered 200 before timing`,
      `  GetCallerIdentity: temporary credentials (ASIA + session token, ${sessionKeys.sessionToken?.length} chars), response ${Buffer.byteLength(gciResponse)} B; AssumeRole: long-term keys, response ~${arBytes} B`,
      `  ceiling: fixed ${Buffer.byteLength(gciResponse)} B XML body, driven with the GetCallerIdentity requests`,
      `  ${WARMUP_S} s warm-up per target, then ${ROUNDS} rounds x ${ROUND_S} s per target, alternating; load average ${loadBefore} before, ${loadAfter} after`,
      `  ${'target'.padEnd(18)} ${'req/s'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)} ${'spread'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'server'.padStart(7)} ${'loadgen'.padStart(7)} ${'non2xx'.padStart(6)} ${'vs ceil'.padStart(7)} ${'req/cpu-s'.padStart(9)}`,
    ];
    let failures = 0;
    for (const t of targets) {
      const rs = t.runs.map(rate);
      const m = median(rs);
      const lo = Math.min(...rs);
      const hi = Math.max(...rs);
      const all = new Float64Array(t.runs.reduce((s, r) => s + r.latenciesMs.length, 0));
      let at = 0;
      for (const r of t.runs) {
        all.set(r.latenciesMs, at);
        at += r.latenciesMs.length;
      }
      all.sort();
      const bad = t.runs.reduce((s, r) => s + r.bad + r.errors, 0);
      failures += bad;
      const cpu = (f: (r: Run) => number): string => `${(median(t.runs.map(f)) * 100).toFixed(0)}%`;
      lines.push(
        `  ${t.name.padEnd(18)} ${m.toFixed(0).padStart(8)} ${lo.toFixed(0).padStart(8)} ${hi.toFixed(0).padStart(8)} ${(((hi - lo) / m) * 100).toFixed(1).padStart(6)}% ${percentile(all, 50).toFixed(2).padStart(7)} ${percentile(all, 99).toFixed(2).padStart(7)} ${cpu((r) => r.serverCpu).padStart(7)} ${cpu((r) => r.loadgenCpu).padStart(7)} ${String(bad).padStart(6)} ${`${((m / c) * 100).toFixed(0)}%`.padStart(7)} ${median(t.runs.map((r) => rate(r) / r.serverCpu)).toFixed(0).padStart(9)}`,
      );
    }
    const verdict = (name: string, target: number): string => {
      const r = rates.get(name);
      return r === undefined ? `${name} not run` : `${name} ${((r / c) * 100).toFixed(0)}% of ceiling (target >= ${target}%): ${r / c >= target / 100 ? 'met' : 'MISSED'}`;
    };
    lines.push(`  ${verdict('GetCallerIdentity', 50)}; ${verdict('AssumeRole', 30)}`);
    lines.push(`  server/loadgen: CPU used by the server process and by this process, in cores; req/cpu-s: requests per CPU-second of the server process`);
    lines.push(`  (a server under ~95% means it was not the limit: the load generator, or other work on the machine; then compare req/cpu-s)`);
    console.log(lines.join('\n'));
    if (failures > 0) {
      console.error(`server bench: ${failures} non-2xx responses or socket errors during the timed runs`);
      process.exitCode = 1;
      return;
    }
    const fmt = (name: string): string => {
      const r = rates.get(name);
      return r === undefined ? '-' : r.toFixed(0);
    };
    console.log(`server: GetCallerIdentity ${fmt('GetCallerIdentity')} req/s, AssumeRole ${fmt('AssumeRole')} req/s, ceiling ${fmt('ceiling')} req/s`);
  } finally {
    await stopChild(rolegate);
    if (ceiling !== undefined) await stopChild(ceiling);
  }
}

await main();
