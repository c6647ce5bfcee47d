/**
 * `rolegate creds` and `rolegate exec` run as a user runs them, as child processes of the
 * real bin, against a started rolegate behind a recording proxy that counts the STS
 * calls: a two-level source_profile chain from static keys with endpoint_url, the
 * credential_process JSON used by the SDK, the AWS CLI's cache (0600 files in a 0700
 * directory, named by botocore's key, reused without an STS call, read by the AWS CLI
 * itself), external_id, duration_seconds, MFA with --token-code and on a terminal, credential_source
 * Environment, a metadata source where there is none, exec's environment and exit status, and
 * Debian's boto3 reading the JSON through credential_process.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, findAwsCli, findBoto3, run, type Run } from '../clients/tools.js';
import { MovableClock, startRecordingProxy, startRolegate, type RecordingProxy, type Started } from '../server/harness.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(REPO, 'bin/rolegate.js');
const ACCOUNT = '000000000000';
const awsCli = findAwsCli();
const arn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
const SERIAL = arn('mfa', 'alice-phone');

interface ProcessJson {
  Version: number;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken?: string;
  Expiration?: string;
}

const trusting = (principal: string, condition?: object) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole', ...(condition === undefined ? {} : { Condition: condition }) }] });

/** botocore's cache key, written out by hand: sha1 of Python's json.dumps(args, sort_keys=True). */
const botocoreKey = (json: string) => createHash('sha1').update(json).digest('hex');

describe('rolegate creds and exec on a laptop', () => {
  const clock = new MovableClock();
  let server: Started;
  let proxy: RecordingProxy;
  let home: string;
  let alice: { accessKeyId: string; secretAccessKey: string };
  let seed = '';
  const totp = (steps = 0) => new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(seed) }).generate({ timestamp: clock.now() + steps * 30_000 });
  const assumeRoleCalls = () => proxy.exchanges.filter((e) => e.requestBody.includes('Action=AssumeRole&')).length;
  const cacheDir = () => join(home, '.aws', 'cli', 'cache');

  const env = (extra: Record<string, string> = {}) => cleanEnv(home, process.execPath, extra);
  const rolegate = (args: string[], extra: Record<string, string> = {}): Promise<Run> => run(process.execPath, [BIN, ...args], env(extra));
  const creds = async (args: string[], extra: Record<string, string> = {}): Promise<ProcessJson> => {
    const r = await rolegate(['creds', ...args], extra);
    if (r.code !== 0) throw new Error(`rolegate creds ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    const printed = JSON.parse(r.stdout) as ProcessJson;
    // stderr may carry the SDK's notices, never a secret.
    expect(r.stderr).not.toContain(printed.SecretAccessKey);
    if (printed.SessionToken !== undefined) expect(r.stderr).not.toContain(printed.SessionToken);
    return printed;
  };
  const identity = async (c: ProcessJson) =>
    (
      await new STSClient({
        endpoint: server.url,
        region: 'us-east-1',
        credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken === undefined ? {} : { sessionToken: c.SessionToken }) },
      }).send(new GetCallerIdentityCommand({}))
    ).Arn;

  beforeAll(async () => {
    server = await startRolegate({}, { clock });
    proxy = await startRecordingProxy(server.url);
    home = mkdtempSync(join(tmpdir(), 'rolegate-laptop-'));
    const iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const roles: [string, string][] = [
      ['base', trusting(arn('user', 'alice'))],
      ['dev', trusting(arn('role', 'base'))],
      ['partner', trusting(arn('user', 'alice'), { StringEquals: { 'sts:ExternalId': 'shared-secret-id' } })],
      ['needs-mfa', trusting(arn('user', 'alice'), { Bool: { 'aws:MultiFactorAuthPresent': 'true' } })],
    ];
    for (const [RoleName, AssumeRolePolicyDocument] of roles) await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument, MaxSessionDuration: 7200 }));
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-phone' }))).VirtualMFADevice!;
    seed = Buffer.from(device.Base32StringSeed!).toString('ascii');
    await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: SERIAL, AuthenticationCode1: totp(-1), AuthenticationCode2: totp() }));

    writeFileSync(join(home, 'aws-credentials'), `[alice]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = ${alice.secretAccessKey}\n`);
    writeFileSync(
      join(home, 'aws-config'),
      [
        '[profile base]',
        `role_arn = ${arn('role', 'base')}`,
        'source_profile = alice',
        `endpoint_url = ${proxy.url}`,
        '[profile dev]',
        `role_arn = ${arn('role', 'dev')}`,
        'source_profile = base',
        'role_session_name = laptop',
        'region = eu-west-1',
        `endpoint_url = ${proxy.url}`,
        '[profile partner]',
        `role_arn = ${arn('role', 'partner')}`,
        'source_profile = alice',
        'external_id = shared-secret-id',
        'duration_seconds = 7200',
        'services = local',
        '[services local]',
        'sts =',
        `  endpoint_url = ${proxy.url}`,
        '[profile mfa]',
        `role_arn = ${arn('role', 'needs-mfa')}`,
        'source_profile = alice',
        `mfa_serial = ${SERIAL}`,
        `endpoint_url = ${proxy.url}`,
        '[profile mfa-tty]',
        `role_arn = ${arn('role', 'needs-mfa')}`,
        'source_profile = alice',
        'role_session_name = at-a-terminal',
        `mfa_serial = ${SERIAL}`,
        `endpoint_url = ${proxy.url}`,
        '[profile from-env]',
        `role_arn = ${arn('role', 'base')}`,
        'credential_source = Environment',
        `endpoint_url = ${proxy.url}`,
        '[profile on-ec2]',
        `role_arn = ${arn('role', 'base')}`,
        'credential_source = Ec2InstanceMetadata',
        // Its own session name: the cache entry of from-env (same role) must not answer for it.
        'role_session_name = on-ec2',
        `endpoint_url = ${proxy.url}`,
        '[profile legacy]',
        `credential_process = ${process.execPath} ${BIN} creds --profile dev`,
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
    if (home !== undefined) rmSync(home, { recursive: true, force: true });
  });

  it('prints Version 1 JSON for a two-level chain that the SDK then acts as the role with', async () => {
    const before = assumeRoleCalls();
    const c = await creds(['--profile', 'dev']);
    expect(c).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/), SessionToken: expect.any(String) });
    expect(Date.parse(c.Expiration!) - Date.now()).toBeGreaterThan(50 * 60_000);
    expect(await identity(c)).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/dev/laptop`);
    // alice -> base, base -> dev: two AssumeRole calls through the profile's endpoint_url.
    expect(assumeRoleCalls() - before).toBe(2);
  });

  it('keeps each role in the AWS CLI cache, 0600 files in a 0700 directory named by botocore\'s key', () => {
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    const devKey = botocoreKey(`{"RoleArn": "${arn('role', 'dev')}", "RoleSessionName": "laptop"}`);
    // base has no role_session_name: the generated name is not part of the key.
    const baseKey = botocoreKey(`{"RoleArn": "${arn('role', 'base')}"}`);
    expect(readdirSync(cacheDir()).sort()).toEqual([`${devKey}.json`, `${baseKey}.json`].sort());
    for (const file of readdirSync(cacheDir())) expect(statSync(join(cacheDir(), file)).mode & 0o777).toBe(0o600);
    const cached = JSON.parse(readFileSync(join(cacheDir(), `${devKey}.json`), 'utf8'));
    expect(cached.Credentials).toMatchObject({ AccessKeyId: expect.stringMatching(/^ASIA/), Expiration: expect.any(String) });
    expect(cached.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/dev/laptop`);
  });

  it('reuses the cached credentials without calling STS, also when the profile comes from AWS_PROFILE', async () => {
    const first = await creds(['--profile', 'dev']);
    const before = assumeRoleCalls();
    const again = await creds([], { AWS_PROFILE: 'dev' });
    expect(again).toEqual(first);
    expect(assumeRoleCalls()).toBe(before);
  });

  it.skipIf(awsCli === undefined)(`shares the cache with the AWS CLI${awsCli === undefined ? ' (skipped: no aws; .ci/run installs Debian\'s awscli)' : ` (${awsCli.version.split(' ')[0]})`}`, async () => {
    await creds(['--profile', 'dev']);
    const before = proxy.exchanges.length;
    const exe = awsCli?.path ?? 'aws';
    // The CLI finds the role in the cache rolegate wrote: its only request is the call itself.
    const r = await run(exe, ['--endpoint-url', proxy.url, '--output', 'json', 'sts', 'get-caller-identity', '--profile', 'dev'], cleanEnv(home, exe));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/dev/laptop`);
    const calls = proxy.exchanges.slice(before);
    expect(calls.map((e) => /Action=(\w+)/.exec(e.requestBody)?.[1])).toEqual(['GetCallerIdentity']);
  });

  it('sends external_id and duration_seconds, to the sts endpoint of the profile\'s services section', async () => {
    const before = assumeRoleCalls();
    const c = await creds(['--profile', 'partner']);
    expect(assumeRoleCalls() - before).toBe(1);
    const body = proxy.exchanges.at(-1)!.requestBody;
    expect(body).toContain('ExternalId=shared-secret-id');
    expect(body).toContain('DurationSeconds=7200');
    expect(Date.parse(c.Expiration!) - Date.now()).toBeGreaterThan(110 * 60_000);
    expect(await identity(c)).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/partner/rolegate-\\d+$`));
  });

  it('asks for an MFA code: refused without one when there is no terminal, accepted with --token-code', async () => {
    const refused = await rolegate(['creds', '--profile', 'mfa']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`rolegate: role needs an MFA code from ${SERIAL}: give --token-code (stdin is not a terminal to ask on)\n`);
    // The codes that enabled the device are used up: move to a fresh step.
    clock.offsetMs += 60_000;
    const c = await creds(['--profile', 'mfa', '--token-code', totp()]);
    expect(await identity(c)).toMatch(/assumed-role\/needs-mfa\//);
    const body = proxy.exchanges.at(-1)!.requestBody;
    expect(body).toContain(`SerialNumber=${encodeURIComponent(SERIAL)}`);
    // Cached now: no code is needed until shortly before it expires.
    expect(await creds(['--profile', 'mfa'])).toEqual(c);
  });

  it.skipIf(!existsSync('/usr/bin/script'))('asks for the MFA code on a terminal (util-linux script gives it one)', async () => {
    clock.offsetMs += 60_000;
    const command = [process.execPath, BIN, 'creds', '--profile', 'mfa-tty'].map((a) => `'${a}'`).join(' ');
    const r = await run('/usr/bin/script', ['-qec', command, '/dev/null'], env(), `${totp()}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Enter MFA code for ${SERIAL}: `);
    const printed = JSON.parse(/\{"Version".*\}/.exec(r.stdout)![0]) as ProcessJson;
    expect(await identity(printed)).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/needs-mfa/at-a-terminal`);
  });

  it('assumes a role with the keys of the environment for credential_source Environment', async () => {
    const c = await creds(['--profile', 'from-env'], { AWS_ACCESS_KEY_ID: alice.accessKeyId, AWS_SECRET_ACCESS_KEY: alice.secretAccessKey });
    expect(await identity(c)).toMatch(/assumed-role\/base\//);
  });

  it('says so when credential_source Ec2InstanceMetadata has no metadata service to ask (run.test.ts has one)', async () => {
    const r = await rolegate(['creds', '--profile', 'on-ec2']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'rolegate: credential_source Ec2InstanceMetadata: the instance metadata service is disabled by AWS_EC2_METADATA_DISABLED\n' });
    const missing = await rolegate(['creds', '--profile', 'nobody']);
    expect(missing.stderr).toBe('rolegate: no profile nobody in the config or credentials file\n');
  });

  it('prints static keys of a profile as they are, without an endpoint', async () => {
    expect(await creds(['--profile', 'alice'])).toEqual({ Version: 1, AccessKeyId: alice.accessKeyId, SecretAccessKey: alice.secretAccessKey });
  });

  it('runs a command with the credentials in its environment in place of the profile, passing its exit status', async () => {
    const cached = await creds(['--profile', 'dev']);
    const show = 'const e = process.env; console.log(JSON.stringify([e.AWS_ACCESS_KEY_ID, e.AWS_SECRET_ACCESS_KEY, e.AWS_SESSION_TOKEN, e.AWS_CREDENTIAL_EXPIRATION, e.AWS_REGION, e.AWS_ENDPOINT_URL, e.AWS_PROFILE ?? null]))';
    const r = await rolegate(['exec', '--profile', 'dev', '--', process.execPath, '-e', show], { AWS_PROFILE: 'base' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([cached.AccessKeyId, cached.SecretAccessKey, cached.SessionToken, cached.Expiration, 'eu-west-1', proxy.url, null]);
    const failing = await rolegate(['exec', '--profile', 'dev', '--', process.execPath, '-e', 'process.exit(3)']);
    expect(failing.code).toBe(3);
  });

  it('passes a SIGTERM sent to rolegate exec on to the command, and ends with the command', async () => {
    // The command says it is ready, then ends with 7 when it gets SIGTERM.
    const script = "process.on('SIGTERM', () => process.exit(7)); console.log('ready'); setInterval(() => undefined, 1000)";
    const child = spawn(process.execPath, [BIN, 'exec', '--profile', 'alice', '--', process.execPath, '-e', script], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((ready) => child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready()));
    const ended = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await ended).toBe(7);
  });
});

const python = findBoto3();
const boto3Title = python === undefined ? 'boto3 through credential_process (skipped: no python3 with boto3; .ci/run installs Debian\'s python3-boto3)' : `boto3 ${python.version} through credential_process = rolegate creds`;
if (python === undefined) console.warn(`skipped: ${boto3Title}`);

describe.skipIf(python === undefined)(boto3Title, () => {
  let server: Started;
  let home: string;

  beforeAll(async () => {
    server = await startRolegate();
    home = mkdtempSync(join(tmpdir(), 'rolegate-boto3-process-'));
    const iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    await iam.send(new CreateRoleCommand({ RoleName: 'base', AssumeRolePolicyDocument: trusting(arn('user', 'alice')) }));
    await iam.send(new CreateRoleCommand({ RoleName: 'dev', AssumeRolePolicyDocument: trusting(arn('role', 'base')) }));
    writeFileSync(join(home, 'aws-credentials'), `[alice]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`);
    writeFileSync(
      join(home, 'aws-config'),
      `[profile base]\nrole_arn = ${arn('role', 'base')}\nsource_profile = alice\n` +
        `[profile dev]\nrole_arn = ${arn('role', 'dev')}\nsource_profile = base\nrole_session_name = old-boto3\nendpoint_url = ${server.url}\n` +
        `[profile legacy]\ncredential_process = ${process.execPath} ${BIN} creds --profile dev\n`,
    );
  });
  afterAll(async () => {
    await server?.close();
    if (home !== undefined) rmSync(home, { recursive: true, force: true });
  });

  it('acts as the role at the end of the chain, with credentials rolegate creds resolved', async () => {
    const exe = python?.path ?? 'python3';
    const script = join(dirname(fileURLToPath(import.meta.url)), 'boto3_credential_process.py');
    const r = await run(exe, [script], cleanEnv(home, exe), JSON.stringify({ url: server.url, profile: 'legacy' }));
    if (r.code !== 0) throw new Error(`boto3_credential_process.py exited ${r.code}:\n${r.stderr}`);
    const seen = JSON.parse(r.stdout) as { Arn: string; AccessKeyId: string };
    expect(seen.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/dev/old-boto3`);
    expect(seen.AccessKeyId).toMatch(/^ASIA/);
  });
});
