/**
 * A rolegate server really started for a suite: `serve()` on an ephemeral port with a
 * temp data directory, root credentials and master key from the environment, as a
 * scripted set-up would give them. Clients reach it over HTTP like any AWS endpoint.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Clock } from '../../src/auth/deps.js';
import { serve, type RunningServer, type ServeOptions } from '../../src/cli/serve.js';
import { newServerFiles, recordEnvSecrets, recordMasterKeyFile, recordPrintedSecrets, unwatchServer, watchServer } from '../audit/collector.js';

export interface Started {
  readonly url: string;
  readonly dataDir: string;
  readonly root: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** What the server printed on the terminal, and its log when a log level was asked for. */
  readonly output: () => string;
  close(): Promise<void>;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function randomRootKey(): { accessKeyId: string; secretAccessKey: string } {
  const id = `AKIA${Array.from(randomBytes(16), (b) => BASE32[b & 31]).join('')}`;
  return { accessKeyId: id, secretAccessKey: randomBytes(30).toString('base64') };
}

/** A clock a test moves by hand: real time plus an offset. */
export class MovableClock implements Clock {
  offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
}

/** `logLevel` other than silent sends the server's log to `output()` as well. */
export async function startRolegate(
  extraEnv: NodeJS.ProcessEnv = {},
  options: { readonly clock?: Clock; readonly logLevel?: string; readonly rateLimit?: number; readonly rateBurst?: number } = {},
): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rolegate-server-'));
  const root = randomRootKey();
  let printed = '';
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      printed += chunk.toString('utf8');
      done();
    },
  });
  const env = {
    ROLEGATE_ROOT_ACCESS_KEY_ID: root.accessKeyId,
    ROLEGATE_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey,
    ROLEGATE_MASTER_KEY: randomBytes(32).toString('hex'),
    ...extraEnv,
  };
  const running: RunningServer = await auditedServe(
    { host: '127.0.0.1', port: 0, data: dataDir, logLevel: options.logLevel ?? 'silent', clock: options.clock, logStream: out, rateLimit: options.rateLimit, rateBurst: options.rateBurst },
    env,
    out,
  );
  return {
    url: running.url,
    dataDir,
    root,
    output: () => printed,
    close: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `serve()` in this process, as the audit secret scan wants it during a test run: its
 * events also go to an audit file in the run directory, and the secrets it issues and
 * receives (and its root secret key and master key) to a secrets file beside it
 * (test/audit/collector.ts). Outside a run, or when the caller chose an audit file, it is
 * plain `serve()`.
 */
export async function auditedServe(options: ServeOptions, env: NodeJS.ProcessEnv, out: NodeJS.WritableStream): Promise<RunningServer> {
  const files = options.auditFile === undefined && env['ROLEGATE_AUDIT_FILE'] === undefined ? newServerFiles('in-process') : undefined;
  if (files === undefined) return serve(options, env, out);
  recordEnvSecrets(files.secretsFile, env);
  // First-start root credentials are printed when the key was not given in the environment.
  const tee = new Writable({
    write(chunk: Buffer, _encoding, done) {
      recordPrintedSecrets(files.secretsFile, chunk.toString('utf8'));
      out.write(chunk, done);
    },
  });
  const running = await serve({ ...options, auditFile: files.auditFile }, env, tee);
  if (env['ROLEGATE_MASTER_KEY'] === undefined) recordMasterKeyFile(files.secretsFile, options.data);
  // Nothing reaches the server before its URL is returned, so watching from here misses no request.
  const port = Number(new URL(running.url).port);
  watchServer(port, files.secretsFile);
  return {
    url: running.url,
    close: async () => {
      unwatchServer(port);
      await running.close();
    },
  };
}

/** One exchange seen by a recording proxy. */
export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly requestBody: string;
  readonly status: number;
  readonly responseBody: string;
}

export interface RecordingProxy {
  readonly url: string;
  readonly exchanges: Exchange[];
  close(): Promise<void>;
}

/**
 * A plain HTTP proxy in front of `target` that keeps every request and response body.
 * It forwards the Host header unchanged, so SigV4 signatures made for the proxy's
 * address still verify at the server.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const to = new URL(target);
  const exchanges: Exchange[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const upstream = httpRequest(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          const back: Buffer[] = [];
          up.on('data', (c: Buffer) => back.push(c));
          up.on('end', () => {
            const body = Buffer.concat(back);
            exchanges.push({
              method: req.method ?? '',
              path: req.url ?? '',
              requestBody: requestBody.toString('utf8'),
              status: up.statusCode ?? 0,
              responseBody: body.toString('utf8'),
            });
            res.writeHead(up.statusCode ?? 502, up.headers).end(body);
          });
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(requestBody);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The `<Code>` of an AWS Query error envelope, or undefined. */
export function errorCode(xml: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
}

/** A TCP port free at the time of asking (for commands that want a fixed `--port`). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** What an AWS SDK call that must fail threw: the error's name, message, HTTP status and attempts. */
export async function sdkFailure(call: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined; attempts: number | undefined }> {
  try {
    await call;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number; attempts?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode, attempts: err.$metadata?.attempts };
  }
  throw new Error('expected the call to fail');
}
