/**
 * The HTTP listener: one port for every service, plus `/healthz` and `/metrics`. Bodies
 * are limited before they are read; every API response carries its request id; the
 * access log names the caller and the outcome, never a secret.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { parseArn } from '../arn/index.js';
import { AwsError } from '../errors.js';
import { serializeError } from '../protocol/index.js';
import type { HttpRequest } from '../sigv4/index.js';
import { handleApi, type ApiDeps, type ApiResponse } from './api.js';
import type { ServerMetrics } from './metrics.js';

/** Large enough for a 131,072-character policy form-encoded, and no more. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerDeps {
  readonly api: ApiDeps;
  readonly logger: Logger;
  readonly metrics: ServerMetrics;
}

/**
 * How long an idle keep-alive connection stays open. Longer than the idle timeout of the
 * load balancers in front (60 s by default on AWS's; AWS's Elastic Load Balancing guide
 * asks targets for a longer one), so the balancer or client closes an idle connection, not
 * rolegate: a server that closes first races a request already on its way, which the
 * client sees as a reset connection and a balancer answers with a 502.
 */
export const DEFAULT_KEEP_ALIVE_SECONDS = 65;
/** The longest keep-alive timeout taken: a day (AWS's balancers idle at most 4,000 s). */
export const MAX_KEEP_ALIVE_SECONDS = 86_400;

export function createRolegateServer(deps: ServerDeps, keepAliveSeconds = DEFAULT_KEEP_ALIVE_SECONDS): Server {
  const server = createServer((req, res) => {
    route(req, res, deps).catch((error: unknown) => {
      deps.logger.error({ err: error }, 'request failed outside the API pipeline');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => refuseUnparsed(error, socket, deps));
  // Slow clients must not hold sockets forever: a request's headers within 10 s of its
  // first byte, the whole request within 30 s (both counted per request, not from when
  // an idle keep-alive connection last spoke).
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = keepAliveSeconds * 1000;
  return server;
}

/**
 * What Node's HTTP parser refuses before a request exists. Headers over its 16 KiB limit
 * get an AWS error envelope with a request id, like every other refusal (the code is S3's;
 * IAM's and STS's answer is not on record); anything else gets Node's own bare answer.
 */
function refuseUnparsed(error: NodeJS.ErrnoException, socket: Duplex, deps: ServerDeps): void {
  if (!socket.writable || (socket as Duplex & { bytesWritten?: number }).bytesWritten !== 0) {
    socket.destroy();
    return;
  }
  let answer = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n' : 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const requestId = randomUUID();
    const namespace = deps.api.table.get('sts')?.protocol.xmlNamespace ?? '';
    const wire = serializeError(new AwsError('RequestHeaderSectionTooLarge', 'Your request header section exceeds the maximum allowed size.'), { xmlNamespace: namespace, requestId });
    const head = `content-type: text/xml\r\nx-amzn-requestid: ${requestId}\r\ncontent-length: ${Buffer.byteLength(wire.body)}\r\nconnection: close`;
    answer = `HTTP/1.1 ${wire.status} Request Header Fields Too Large\r\n${head}\r\n\r\n${wire.body}`;
  }
  socket.end(answer, () => socket.destroy());
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (req.method === 'GET' && path === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    return;
  }
  if (req.method === 'GET' && path === '/metrics') {
    res.writeHead(200, { 'content-type': deps.metrics.registry.contentType }).end(await deps.metrics.registry.metrics());
    return;
  }
  await api(req, res, path, q < 0 ? '' : url.slice(q + 1), deps);
}

async function api(req: IncomingMessage, res: ServerResponse, path: string, query: string, deps: ServerDeps): Promise<void> {
  const started = process.hrtime.bigint();
  const requestId = randomUUID();
  const { result, bodyLeftUnread } = await answer(req, path, query, requestId, deps);
  // The rest of a body left unread must not be taken for the next request.
  if (bodyLeftUnread) res.setHeader('connection', 'close');
  send(res, result.status, result.contentType, result.body, requestId);

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const outcome = result.errorCode ?? 'ok';
  deps.metrics.record(result.service, result.action, outcome, seconds);
  // The store out of reach is the one failure answered ServiceUnavailable with a cause.
  if (result.errorCode === 'ServiceUnavailable' && result.fault !== undefined) deps.metrics.storeErrors.inc();
  const entry = {
    requestId,
    service: result.service,
    action: result.action,
    outcome,
    status: result.status,
    error: result.errorCode,
    account: result.callerArn === undefined ? undefined : parseArn(result.callerArn)?.account,
    accessKeyId: result.accessKeyId,
    caller: result.callerArn,
    ms: Math.round(seconds * 1e4) / 10,
  };
  if (result.fault !== undefined) deps.logger.error({ ...entry, err: result.fault }, 'internal failure');
  else deps.logger.info(entry, 'request');
}

/**
 * The API's answer. A request the pipeline never sees (a path other than `/`, a body over
 * the limit) is refused here, and counted and logged like every other answer.
 */
async function answer(req: IncomingMessage, path: string, query: string, requestId: string, deps: ServerDeps): Promise<{ result: ApiResponse; bodyLeftUnread: boolean }> {
  // IAM and STS are Query services whose path is `/`; nothing else is served.
  if (path !== '/' || (req.method !== 'POST' && req.method !== 'GET')) {
    req.resume();
    return { result: refusal(new AwsError('InvalidAction', `Could not find operation for ${req.method ?? ''} ${path}`), requestId, deps), bodyLeftUnread: false };
  }
  const body = await readBody(req, declaredLength(req.rawHeaders), MAX_BODY_BYTES);
  if (body === undefined) {
    return { result: refusal(new AwsError('RequestEntityTooLarge', `Request body is larger than ${MAX_BODY_BYTES} bytes`), requestId, deps), bodyLeftUnread: true };
  }
  const http: HttpRequest = { method: req.method, path, query, headers: headerPairs(req.rawHeaders), body };
  return { result: await handleApi(http, { sourceIp: peerAddress(req), secure: false }, requestId, deps.api), bodyLeftUnread: false };
}

function refusal(error: AwsError, requestId: string, deps: ServerDeps): ApiResponse {
  const wire = serializeError(error, { xmlNamespace: deps.api.table.get('sts')?.protocol.xmlNamespace ?? '', requestId });
  return { status: wire.status, body: wire.body, contentType: 'text/xml', service: 'unknown', action: 'unknown', accessKeyId: undefined, callerArn: undefined, errorCode: error.code };
}

function send(res: ServerResponse, status: number, contentType: string, body: string, requestId: string): void {
  res.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(body) }).end(body);
}

/**
 * The Content-Length the client declared, 0 when none. Read from the raw headers: asking
 * `req.headers` builds an object of every header, for one of them.
 */
function declaredLength(raw: readonly string[]): number {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length === 14 && name.toLowerCase() === 'content-length') return Number(raw[i + 1]);
  }
  return 0;
}

/** The body, or undefined when it is larger than `limit` (reading stops there). */
function readBody(req: IncomingMessage, declared: number, limit: number): Promise<Uint8Array | undefined> {
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The header pairs as sent. Node reads header bytes as Latin-1; a value with bytes above
 * 0x7F is read again as UTF-8, the text a client signs (SigV4 hashes the bytes sent), and
 * bytes that are not UTF-8 become U+FFFD, so a signature over those bytes does not match.
 */
function headerPairs(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const value = raw[i + 1] as string;
    pairs.push([raw[i] as string, NON_ASCII.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value]);
  }
  return pairs;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** The peer's address, with IPv4 addresses seen through an IPv6 socket written as IPv4. */
function peerAddress(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
