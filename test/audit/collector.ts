/**
 * The secrets side of the audit secret scan (issue 7: no secret in any event, proved over
 * the whole test run). Every rolegate server a test starts gets an audit file in the run
 * directory that the vitest globalSetup made (ROLEGATE_TEST_AUDIT_DIR), and every secret
 * that server issued or received is written to a secrets file beside it, as JSON lines
 * `{kind, value}` in a 0600 file. The globalSetup's teardown then looks for each secret in
 * each event (secret-scan.ts).
 *
 * Secrets are taken off the wire, not from rolegate's code: Node's diagnostics channel
 * `http.server.request.start` (Node ≥ 18.7; its message carries request, response, socket
 * and server) is published just before the server's 'request' handler runs, so the bytes
 * of the request and of the answer can be observed for the servers being watched without
 * a change to src/. The request is observed by wrapping its `emit` for 'data' rather than
 * by adding a 'data' listener: a listener would switch the stream to flowing mode, and a
 * handler that reads the body after an `await` would lose the chunks that flowed before.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { subscribe } from 'node:diagnostics_channel';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The run directory of the current `vitest run`; unset outside one (no collection then). */
export const AUDIT_DIR_ENV = 'ROLEGATE_TEST_AUDIT_DIR';
/** Where a child server (child-preload.mjs) appends the secrets it sees. */
export const CHILD_SECRETS_ENV = 'ROLEGATE_TEST_SECRETS_FILE';

export const AUDIT_SUFFIX = '.audit.jsonl';
export const SECRETS_SUFFIX = '.secrets.jsonl';

export interface Secret {
  readonly kind: string;
  readonly value: string;
}

/** Response members that carry a secret (Query XML; JSON for good measure). */
const RESPONSE_SECRETS = ['SecretAccessKey', 'SessionToken', 'ServicePassword', 'Base32StringSeed', 'QRCodePNG'] as const;
/** Request parameters that carry a secret: MFA codes, a web identity token (a JWT), passwords. */
const REQUEST_SECRETS = ['TokenCode', 'AuthenticationCode1', 'AuthenticationCode2', 'WebIdentityToken', 'Password', 'NewPassword', 'OldPassword'] as const;

export function auditRunDir(): string | undefined {
  const dir = process.env[AUDIT_DIR_ENV];
  return dir === undefined || dir === '' ? undefined : dir;
}

export interface ServerFiles {
  readonly auditFile: string;
  readonly secretsFile: string;
}

let sequence = 0;

/** A fresh pair of file names for one server in the run directory, or undefined outside a run. */
export function newServerFiles(tag: string): ServerFiles | undefined {
  const dir = auditRunDir();
  if (dir === undefined) return undefined;
  const base = join(dir, `${tag}-${process.pid}-${Date.now()}-${++sequence}`);
  return { auditFile: `${base}${AUDIT_SUFFIX}`, secretsFile: `${base}${SECRETS_SUFFIX}` };
}

/**
 * The environment that gives a spawned `rolegate serve` an audit file in the run
 * directory and loads child-preload.mjs into it, which collects what that server issues
 * and receives. Empty outside a run, or when the caller already chose an audit file.
 */
export function childServerEnv(tag: string, env: NodeJS.ProcessEnv): Record<string, string> {
  if (env['ROLEGATE_AUDIT_FILE'] !== undefined) return {};
  const files = newServerFiles(tag);
  if (files === undefined) return {};
  recordEnvSecrets(files.secretsFile, env);
  const preload = pathToFileURL(join(import.meta.dirname, 'child-preload.mjs')).href;
  return {
    ROLEGATE_AUDIT_FILE: files.auditFile,
    [CHILD_SECRETS_ENV]: files.secretsFile,
    NODE_OPTIONS: `${env['NODE_OPTIONS'] ?? ''} --import=${preload}`.trim(),
  };
}

/** The root secret key and the master key a server was given in its environment. */
export function recordEnvSecrets(file: string, env: NodeJS.ProcessEnv): void {
  const root = env['ROLEGATE_ROOT_SECRET_ACCESS_KEY'];
  const master = env['ROLEGATE_MASTER_KEY'];
  if (root !== undefined && root !== '') recordSecret(file, { kind: 'RootSecretAccessKey', value: root });
  if (master !== undefined && master !== '') recordSecret(file, { kind: 'MasterKey', value: master });
}

/** The master key a server made for itself in its data directory (no ROLEGATE_MASTER_KEY given). */
export function recordMasterKeyFile(file: string, dataDir: string): void {
  const keyFile = join(dataDir, 'master.key');
  if (existsSync(keyFile)) recordSecret(file, { kind: 'MasterKey', value: readFileSync(keyFile, 'utf8').trim() });
}

/** Root credentials a command printed (`serve` on first start, `account create`); only whole lines count. */
export function recordPrintedSecrets(file: string, text: string): void {
  for (const m of text.matchAll(/aws_secret_access_key = (\S+)\r?\n/g)) recordSecret(file, { kind: 'RootSecretAccessKey', value: m[1] as string });
}

/** Lines recently written per file: a session token sent on every request is written once, in bounded memory. */
const recent = new Map<string, Set<string>>();

export function recordSecret(file: string, secret: Secret): void {
  const line = JSON.stringify(secret);
  let seen = recent.get(file);
  if (seen === undefined) recent.set(file, (seen = new Set()));
  if (seen.has(line)) return;
  if (seen.size >= 1024) seen.clear();
  seen.add(line);
  appendFileSync(file, `${line}\n`, { mode: 0o600 });
}

/** What one exchange with a server carried that must never reach an event. */
export function secretsOfExchange(exchange: { readonly url: string; readonly headers: IncomingMessage['headers']; readonly requestBody: string; readonly responseBody: string }): Secret[] {
  const found: Secret[] = [];
  const q = exchange.url.indexOf('?');
  const params = [new URLSearchParams(q < 0 ? '' : exchange.url.slice(q + 1)), new URLSearchParams(exchange.requestBody)];
  for (const p of params) {
    for (const name of REQUEST_SECRETS) for (const value of p.getAll(name)) found.push({ kind: name, value });
    for (const value of p.getAll('X-Amz-Security-Token')) found.push({ kind: 'SessionToken', value });
  }
  const token = exchange.headers['x-amz-security-token'];
  for (const value of typeof token === 'string' ? [token] : (token ?? [])) found.push({ kind: 'SessionToken', value });
  for (const name of RESPONSE_SECRETS) {
    for (const m of exchange.responseBody.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))) found.push({ kind: name, value: xmlText(m[1] as string) });
    for (const m of exchange.responseBody.matchAll(new RegExp(`"${name}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*")`, 'g'))) found.push({ kind: name, value: JSON.parse(m[1] as string) as string });
  }
  return found.filter((s) => s.value !== '');
}

const xmlText = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&' : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

/**
 * One subscriber per process, whatever number of times vitest evaluates this module in a
 * worker: the ports being watched live on globalThis, beside the flag that says the
 * channel is subscribed. `every` is the child servers' mode: each server of the process.
 */
interface Watch {
  readonly ports: Map<number, string>;
  every: string | undefined;
}
const WATCH = Symbol.for('rolegate.test.audit-collector');

function watch(): Watch {
  const holder = globalThis as { [WATCH]?: Watch };
  let state = holder[WATCH];
  if (state === undefined) {
    const created: Watch = { ports: new Map(), every: undefined };
    state = holder[WATCH] = created;
    subscribe('http.server.request.start', (message) => observe(created, message as { request: IncomingMessage; response: ServerResponse; server: Server }));
  }
  return state;
}

/** Collects the secrets of the in-process server listening on `port` until `unwatchServer`. */
export function watchServer(port: number, secretsFile: string): void {
  watch().ports.set(port, secretsFile);
}

export function unwatchServer(port: number): void {
  watch().ports.delete(port);
}

/** Collects the secrets of every server of this process (a spawned `rolegate serve`). */
export function watchEveryServer(secretsFile: string): void {
  watch().every = secretsFile;
}

function observe(state: Watch, { request, response, server }: { request: IncomingMessage; response: ServerResponse; server: Server }): void {
  const address = server.address() as AddressInfo | string | null;
  const port = typeof address === 'object' && address !== null ? address.port : undefined;
  const file = state.every ?? (port === undefined ? undefined : state.ports.get(port));
  if (file === undefined) return;
  const received: Buffer[] = [];
  const sent: Buffer[] = [];
  const emit = request.emit;
  request.emit = function (this: IncomingMessage, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'data') received.push(toBuffer(args[0]));
    return emit.call(this, event, ...args);
  } as IncomingMessage['emit'];
  const write = response.write;
  const end = response.end;
  response.write = function (this: ServerResponse, ...args: unknown[]): boolean {
    sent.push(toBuffer(args[0]));
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as ServerResponse['write'];
  response.end = function (this: ServerResponse, ...args: unknown[]): ServerResponse {
    if (typeof args[0] !== 'function') sent.push(toBuffer(args[0]));
    const result = (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    const secrets = secretsOfExchange({
      url: request.url ?? '',
      headers: request.headers,
      requestBody: Buffer.concat(received).toString('utf8'),
      responseBody: Buffer.concat(sent).toString('utf8'),
    });
    for (const secret of secrets) recordSecret(file, secret);
    return result;
  } as ServerResponse['end'];
}

function toBuffer(chunk: unknown): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.alloc(0);
}
