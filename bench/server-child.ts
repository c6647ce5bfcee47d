/**
 * The servers of bench/server.ts, each in a process of its own (forked with an IPC
 * channel; see server.ts for why not in-process):
 *
 *   rolegate  serve() from src/cli/serve.ts, as `rolegate serve` runs it: a temp data dir,
 *             root keys and master key from the environment the parent passes, logs off.
 *   ceiling   a minimal node:http server: drains the request body, then answers 200 with
 *             one fixed XML body (sent by the parent) and the same response headers as
 *             rolegate, the request id fixed. No parsing, no signature, no work.
 *
 * Each sends { url } once listening, and closes and exits on 'stop' (so that
 * --cpu-prof, when the parent asks for it, writes its profile).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { serve } from '../src/cli/serve.js';

export type ChildMessage = { readonly url: string };
export type ParentMessage = { readonly stop: true };

const send = (message: ChildMessage): void => {
  process.send?.(message);
};

async function rolegate(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rolegate-bench-'));
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const running = await serve({ host: '127.0.0.1', port: 0, data: dataDir, logLevel: 'silent' }, process.env, quiet);
  send({ url: running.url });
  return async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

async function ceiling(body: string): Promise<() => Promise<void>> {
  const length = Buffer.byteLength(body);
  const headers = { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID(), 'content-length': length };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, headers).end(body));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  send({ url: `http://127.0.0.1:${port}` });
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

const kind = process.argv[2];
const stop = kind === 'rolegate' ? await rolegate() : kind === 'ceiling' ? await ceiling(Buffer.from(process.argv[3] ?? '', 'base64').toString('utf8')) : undefined;
if (stop === undefined) throw new Error(`server-child: unknown server ${kind ?? '(none)'}`);
process.on('message', (message: ParentMessage) => {
  if (message.stop) void stop().then(() => process.exit(0));
});
// The parent went away without saying stop.
process.on('disconnect', () => process.exit(0));
