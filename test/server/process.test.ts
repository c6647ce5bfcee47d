/**
 * The `rolegate` command as an operator runs it: `serve` in its own process (directly
 * and through `npm start`), first-start credentials and key files, `account create` and
 * cross-account AssumeRole, `keys rotate` under a running server, SIGTERM, and a kill -9
 * in the middle of a stream of IAM writes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  IAMClient,
  ListUserTagsCommand,
  paginateListRoles,
  paginateListUsers,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, type AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/cli/serve.js';
import { tokenKeyId } from '../../src/tokens/index.js';
import { freePort, randomRootKey } from './harness.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(REPO, 'bin/rolegate.js');
const DEFAULT_ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const running = new Set<ChildProcess>();
const scratch: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** The environment of a command: PATH and a temp HOME, plus what the test gives. */
function commandEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: tempDir('rolegate-home-'), ...extra };
}

interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stdout: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns a server and waits for its "rolegate serving on URL" line. */
async function spawnServer(command: string, args: string[], env: NodeJS.ProcessEnv, options: { group?: boolean } = {}): Promise<Served> {
  const child = spawn(command, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.group === true });
  running.add(child);
  const exit = once(child, 'exit').then(([code, signal]) => {
    running.delete(child);
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "serving on" line in 30 s:\n${stdout}\n${stderr}`)), 30_000);
    const check = (): void => {
      const m = /rolegate serving on (http:\/\/\S+)/.exec(stdout);
      if (m !== null) {
        clearTimeout(timer);
        resolvePromise(m[1] as string);
      }
    };
    child.stdout?.on('data', check);
    void exit.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${stdout}\n${stderr}`));
    });
  });
  return { child, url, stdout: () => stdout, exit };
}

/** Waits until `ready()` holds (output arrives in pieces after the listening line). */
async function waitFor(ready: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !ready(); waited += 20) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const rolegateServe = (data: string, env: NodeJS.ProcessEnv): Promise<Served> =>
  spawnServer(process.execPath, [BIN, 'serve', '--port', '0', '--data', data, '--log-level', 'warn'], env);

/** Runs a one-shot `rolegate` command to its end. */
async function rolegate(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

const iamAt = (url: string, credentials: Creds): IAMClient => new IAMClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
const stsAt = (url: string, credentials: Creds): STSClient => new STSClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
const sessionOf = (out: AssumeRoleCommandOutput): Creds => ({
  accessKeyId: out.Credentials!.AccessKeyId!,
  secretAccessKey: out.Credentials!.SecretAccessKey!,
  sessionToken: out.Credentials!.SessionToken!,
});
const policy = (statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('rolegate serve, account create and keys rotate as processes', () => {
  let data: string;
  let server: Served;
  let root: Creds;
  let accountB: { id: string; root: Creds };

  beforeAll(async () => {
    data = tempDir('rolegate-data-');
    // No ROLEGATE_* variables: a first start that makes its own key and root user.
    server = await rolegateServe(data, commandEnv());
  });

  it('prints the root credentials on first start and keeps them and the master key in 0600 files', async () => {
    await waitFor(() => /aws_secret_access_key = [A-Za-z0-9/+]{40}\n/.test(server.stdout()), 'the first-start credentials');
    const id = /aws_access_key_id = (AKIA[A-Z0-9]{16})/.exec(server.stdout())?.[1];
    const secret = /aws_secret_access_key = ([A-Za-z0-9/+]{40})/.exec(server.stdout())?.[1];
    expect(id).toBeDefined();
    expect(secret).toBeDefined();
    root = { accessKeyId: id!, secretAccessKey: secret! };
    const saved = readFileSync(join(data, 'root-credentials'), 'utf8');
    expect(saved).toContain(`aws_access_key_id = ${id!}`);
    expect(saved).toContain(`aws_secret_access_key = ${secret!}`);
    expect(statSync(join(data, 'root-credentials')).mode & 0o777).toBe(0o600);
    expect(statSync(join(data, 'master.key')).mode & 0o777).toBe(0o600);
  });

  it('answers GET /healthz with 200 once it listens', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('accepts the printed root credentials as the root user of the default account', async () => {
    const me = await stsAt(server.url, root).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: DEFAULT_ACCOUNT, Arn: `arn:aws:iam::${DEFAULT_ACCOUNT}:root` });
  });

  it('creates a second account with `account create` and prints root credentials that work at once', async () => {
    const created = await rolegate(['account', 'create', '--data', data], commandEnv());
    expect(created.code).toBe(0);
    const id = /^account (\d{12})$/m.exec(created.stdout)?.[1];
    const key = /^aws_access_key_id = (AKIA[A-Z0-9]{16})$/m.exec(created.stdout)?.[1];
    const secret = /^aws_secret_access_key = ([A-Za-z0-9/+]{40})$/m.exec(created.stdout)?.[1];
    expect([id, key, secret].every((v) => v !== undefined)).toBe(true);
    expect(id).not.toBe(DEFAULT_ACCOUNT);
    accountB = { id: id!, root: { accessKeyId: key!, secretAccessKey: secret! } };
    const me = await stsAt(server.url, accountB.root).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: accountB.id, Arn: `arn:aws:iam::${accountB.id}:root` });
  });

  describe('across accounts', () => {
    let carol: Creds;
    let dave: Creds;
    let crossArn: string;

    beforeAll(async () => {
      const b = iamAt(server.url, accountB.root);
      const trust = policy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEFAULT_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }]);
      crossArn = (await b.send(new CreateRoleCommand({ RoleName: 'cross', AssumeRolePolicyDocument: trust }))).Role!.Arn!;
      const a = iamAt(server.url, root);
      for (const name of ['carol', 'dave']) await a.send(new CreateUserCommand({ UserName: name }));
      await a.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'cross', PolicyDocument: policy([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: crossArn }]) }));
      const keyOf = async (name: string): Promise<Creds> => {
        const k = (await a.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
        return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
      };
      carol = await keyOf('carol');
      dave = await keyOf('dave');
    });

    it("lets a user of account A assume a role of account B that trusts A's root, when A's policy allows it", async () => {
      const out = await stsAt(server.url, carol).send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'carol' }));
      expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${accountB.id}:assumed-role/cross/carol`);
      const me = await stsAt(server.url, sessionOf(out)).send(new GetCallerIdentityCommand({}));
      expect(me).toMatchObject({ Account: accountB.id, Arn: `arn:aws:sts::${accountB.id}:assumed-role/cross/carol` });
    });

    it("takes session policies of the role's account or AWS's, and answers another account's as one that does not exist", async () => {
      const readOnly = policy([{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }]);
      const inA = (await iamAt(server.url, root).send(new CreatePolicyCommand({ PolicyName: 'limit-a', PolicyDocument: readOnly }))).Policy!.Arn!;
      const inB = (await iamAt(server.url, accountB.root).send(new CreatePolicyCommand({ PolicyName: 'limit-b', PolicyDocument: readOnly }))).Policy!.Arn!;
      const sts = stsAt(server.url, carol);
      const withPolicy = (arn: string) => sts.send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'limited', PolicyArns: [{ arn }] }));
      await expect(withPolicy(inB)).resolves.toMatchObject({ PackedPolicySize: expect.any(Number) });
      await expect(withPolicy('arn:aws:iam::aws:policy/IAMReadOnlyAccess')).resolves.toMatchObject({ PackedPolicySize: expect.any(Number) });
      // The caller's own account's policy exists, but not in the role's account: AWS's text for a missing one.
      const error = await withPolicy(inA).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'MalformedPolicyDocumentException', message: `Policy ${inA} does not exist or is not attachable.` });
    });

    it("refuses the cross-account AssumeRole to a user of A whose own policies do not allow it", async () => {
      const error = await stsAt(server.url, dave).send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'dave' })).catch((e: unknown) => e);
      expect(error).toMatchObject({ Code: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    });

    it('keeps tokens issued before `keys rotate` working, and issues working tokens after it', async () => {
      const sts = stsAt(server.url, carol);
      const before = sessionOf(await sts.send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'before' })));
      const rotated = await rolegate(['keys', 'rotate', '--data', data], commandEnv());
      expect(rotated.code).toBe(0);
      const fresh = /^active sealing key: (\S+)$/m.exec(rotated.stdout)?.[1];
      expect(fresh).toBeDefined();
      expect(tokenKeyId(before.sessionToken!)).not.toBe(fresh);
      await expect(stsAt(server.url, before).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: expect.stringContaining('/cross/before') });
      const after = sessionOf(await sts.send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'after' })));
      // The running server seals with the new key from the next issue on, without a restart.
      expect(tokenKeyId(after.sessionToken!)).toBe(fresh);
      await expect(stsAt(server.url, after).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: expect.stringContaining('/cross/after') });

      // A second node started after the rotation seals with the new key; the running
      // server has never loaded that key and must fetch it to open the token.
      const sink = new Writable({ write: (_c, _e, done) => done() });
      const second = await serve({ host: '127.0.0.1', port: 0, data, logLevel: 'silent' }, {}, sink);
      try {
        const sealedByNew = sessionOf(await stsAt(second.url, carol).send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'second-node' })));
        expect(tokenKeyId(sealedByNew.sessionToken!)).toBe(fresh);
        // The running server reloads the ring for an unknown key id at most once a second.
        await new Promise((r) => setTimeout(r, 1100));
        await expect(stsAt(server.url, sealedByNew).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
          Arn: `arn:aws:sts::${accountB.id}:assumed-role/cross/second-node`,
        });
      } finally {
        await second.close();
      }
    });
  });

  it('exits with code 0 on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exit).toEqual({ code: 0, signal: null });
  });
});

describe('npm start with the root key from the environment', () => {
  it('serves on the given --port, uses ROLEGATE_ROOT_ACCESS_KEY_ID and its secret, and never prints the secret', async () => {
    const data = tempDir('rolegate-npm-');
    const port = await freePort();
    const key = randomRootKey();
    const env = commandEnv({ ROLEGATE_ROOT_ACCESS_KEY_ID: key.accessKeyId, ROLEGATE_ROOT_SECRET_ACCESS_KEY: key.secretAccessKey });
    // npm runs the script through a shell: a process group, so the whole group can be stopped.
    const npm = await spawnServer('npm', ['start', '--silent', '--', '--port', String(port), '--data', data, '--log-level', 'warn'], env, { group: true });
    try {
      expect(npm.url).toBe(`http://127.0.0.1:${port}`);
      await waitFor(() => npm.stdout().includes('[profile myaccount-dev]'), 'the first-start text');
      const me = await stsAt(npm.url, key).send(new GetCallerIdentityCommand({}));
      expect(me).toMatchObject({ Account: DEFAULT_ACCOUNT, Arn: `arn:aws:iam::${DEFAULT_ACCOUNT}:root` });
      expect(npm.stdout()).toContain(key.accessKeyId);
      expect(npm.stdout()).not.toContain(key.secretAccessKey);
      expect(existsSync(join(data, 'root-credentials'))).toBe(false);
    } finally {
      process.kill(-npm.child.pid!, 'SIGTERM');
      await npm.exit;
    }
  });
});

describe('durability across kill -9', () => {
  it('keeps every acknowledged CreateUser and CreateRole, and no user or role is half written', async () => {
    const data = tempDir('rolegate-durable-');
    const root = randomRootKey();
    const env = commandEnv({
      ROLEGATE_ROOT_ACCESS_KEY_ID: root.accessKeyId,
      ROLEGATE_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey,
      ROLEGATE_MASTER_KEY: 'ab'.repeat(32),
    });
    const trustOf = (n: number): string => policy([{ Sid: `t${n}`, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEFAULT_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }]);
    const tags = (n: number) => [
      { Key: 'n', Value: String(n) },
      { Key: 'team', Value: 'durable' },
    ];

    const first = await rolegateServe(data, env);
    const iam = iamAt(first.url, root);
    const ackedUsers = new Set<string>();
    const ackedRoles = new Set<string>();
    let next = 0;
    let stop = false;
    const writer = async (): Promise<void> => {
      while (!stop) {
        const n = next++;
        try {
          if (n % 2 === 0) {
            await iam.send(new CreateUserCommand({ UserName: `u${n}`, Tags: tags(n) }));
            ackedUsers.add(`u${n}`);
          } else {
            await iam.send(new CreateRoleCommand({ RoleName: `r${n}`, AssumeRolePolicyDocument: trustOf(n), Tags: tags(n) }));
            ackedRoles.add(`r${n}`);
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    let writing = 4;
    const writers = [writer(), writer(), writer(), writer()].map((w) => w.finally(() => writing--));
    while (ackedUsers.size + ackedRoles.size < 120 && writing > 0) await new Promise((r) => setTimeout(r, 10));
    expect(writing, 'every writer was still writing when the server was killed').toBe(4);
    first.child.kill('SIGKILL');
    expect((await first.exit).signal).toBe('SIGKILL');
    stop = true;
    await Promise.all(writers);

    const second = await rolegateServe(data, env);
    try {
      const after = iamAt(second.url, root);
      const users: string[] = [];
      for await (const page of paginateListUsers({ client: after }, {})) users.push(...(page.Users ?? []).map((u) => u.UserName!));
      const roles: string[] = [];
      for await (const page of paginateListRoles({ client: after }, {})) roles.push(...(page.Roles ?? []).map((r) => r.RoleName!));
      expect(users).toEqual(expect.arrayContaining([...ackedUsers]));
      expect(roles).toEqual(expect.arrayContaining([...ackedRoles]));
      for (const name of users) {
        const n = Number(name.slice(1));
        const listed = await after.send(new ListUserTagsCommand({ UserName: name }));
        expect(listed.Tags, name).toEqual(tags(n));
      }
      for (const name of roles) {
        const n = Number(name.slice(1));
        const role = (await after.send(new GetRoleCommand({ RoleName: name }))).Role!;
        expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)), name).toEqual(JSON.parse(trustOf(n)));
        expect(role.Tags, name).toEqual(tags(n));
      }
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exit).toEqual({ code: 0, signal: null });
    }
  });
});
