/**
 * What the metadata endpoints share: a loopback listener for one handler, and the plain
 * answers the EC2 and ECS endpoints give (their JSON is pretty-printed text).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type MetadataHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface MetadataListener {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 only: these endpoints hand out credentials to whoever asks on the machine's loopback. */
export async function listen(handler: MetadataHandler, onError: (error: unknown) => void): Promise<MetadataListener> {
  const server: Server = createServer((req, res) => {
    // No metadata request has a body worth reading; drain it so the socket is reused.
    req.resume();
    handler(req, res).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body), ...headers }).end(body);
}


/** The request path without its query string. */
export function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}
