/**
 * rolegate as processes, for the suites that start it the way a user does: `rolegate
 * serve` spawned from the real bin and awaited until it prints where it serves, one-shot
 * commands run to their end, SDK clients for a URL, and the clean-up of all of it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient, type AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import { childServerEnv, CHILD_SECRETS_ENV, newServerFiles, recordMasterKeyFile, recordPrintedSecrets } from '../audit/collector.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(REPO, 'bin/rolegate.js');
export const DEFAULT_ACCOUNT = '000000000000';
export type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const running = new Set<ChildProcess>();
const scratch: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** The environment of a command: PATH and a temp HOME, plus what the test gives. */
export function commandEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: tempDir('rolegate-home-'), ...extra };
}

export interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stdout: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns a server and waits for its "rolegate serving on URL" line. During a test run the
 * server also writes its audit file in the run directory and collects its secrets for the
 * audit secret scan (test/audit/collector.ts), and the root credentials it prints on first
 * start are collected from its output.
 */
export async function spawnServer(command: string, args: string[], env: NodeJS.ProcessEnv, options: { group?: boolean } = {}): Promise<Served> {
  const audited = { ...env, ...childServerEnv('child', env) };
  const secretsFile = audited[CHILD_SECRETS_ENV];
  const child = spawn(command, args, { cwd: REPO, env: audited, stdio: ['ignore', 'pipe', 'pipe'], detached: options.group === true });
  running.add(child);
  const exit = once(child, 'exit').then(([code, signal]) => {
    running.delete(child);
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
    if (secretsFile !== undefined) recordPrintedSecrets(secretsFile, stdout);
  });
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
  const data = args[args.indexOf('--data') + 1];
  if (secretsFile !== undefined && audited['ROLEGATE_MASTER_KEY'] === undefined && args.includes('--data') && data !== undefined) recordMasterKeyFile(secretsFile, resolve(REPO, data));
  return { child, url, stdout: () => stdout, exit };
}

/** Waits until `ready()` holds (output arrives in pieces after the listening line). */
export async function waitFor(ready: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !ready(); waited += 20) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const rolegateServe = (data: string, env: NodeJS.ProcessEnv): Promise<Served> =>
  spawnServer(process.execPath, [BIN, 'serve', '--port', '0', '--data', data, '--log-level', 'warn'], env);

/** Runs a one-shot `rolegate` command to its end. */
export async function rolegate(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  // `account create` prints the new account's root secret key: a secret of the run.
  const files = newServerFiles('command');
  if (files !== undefined) recordPrintedSecrets(files.secretsFile, stdout);
  return { code, stdout, stderr };
}

export const iamAt = (url: string, credentials: Creds): IAMClient => new IAMClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
export const stsAt = (url: string, credentials: Creds): STSClient => new STSClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
export const sessionOf = (out: AssumeRoleCommandOutput): Creds => ({
  accessKeyId: out.Credentials!.AccessKeyId!,
  secretAccessKey: out.Credentials!.SecretAccessKey!,
  sessionToken: out.Credentials!.SessionToken!,
});
export const policy = (statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** Kills every server still running and removes every temp directory: a suite's afterAll. */
export function cleanUpProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}

