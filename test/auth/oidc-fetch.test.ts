/**
 * fetchJson's bound in time is for the whole exchange: an issuer that answers at once
 * but then sends its body a byte a second (never idle long enough for a socket timeout)
 * is cut off after the deadline, not read for as long as it likes.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchJson, OidcFetchError } from '../../src/auth/oidc-fetch.js';

describe('fetching an issuer document', () => {
  let server: Server;
  let url: string;
  let thumbprint: string;
  const timers = new Set<NodeJS.Timeout>();

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    thumbprint = createHash('sha1').update(new X509Certificate(pems.cert).raw).digest('hex');
    server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      if (req.url === '/quick') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"keys":[');
      const drip = setInterval(() => res.write(' '), 1000);
      timers.add(drip);
      res.on('close', () => clearInterval(drip));
    });
    server.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const t of timers) clearInterval(t);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reads a trusted document', async () => {
    expect(await fetchJson(`${url}/quick`, { thumbprints: [thumbprint], caBundle: undefined }, Date.now())).toEqual({ keys: [] });
  });

  it('gives up on a body still dripping after the deadline', async () => {
    const started = Date.now();
    const failure = await fetchJson(`${url}/slow`, { thumbprints: [thumbprint], caBundle: undefined }, Date.now()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OidcFetchError);
    expect((failure as OidcFetchError).reason).toBe('unreachable');
    // The 5-second bound, not a socket's idle timeout (never reached: a byte a second).
    expect(Date.now() - started).toBeLessThan(9000);
  }, 20_000);
});
