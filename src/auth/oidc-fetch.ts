/**
 * Fetching an OpenID Connect issuer's documents (its discovery document and its JWKS)
 * over https, trusting the server the way the provider says: either a certificate
 * chain whose top certificate has one of the provider's thumbprints (SHA-1 of its DER,
 * as IAM defines the thumbprint), or a chain a configured CA bundle verifies. Either
 * way the leaf must name the host and every link must be signed by the next. Bounded
 * in time and bytes; the body is not read before the server is trusted.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { request, type RequestOptions } from 'node:https';
import { isIP } from 'node:net';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';

export interface FetchTrust {
  /** Lower- or upper-case hex SHA-1 thumbprints of the top certificate. */
  readonly thumbprints: readonly string[];
  /** PEM CA certificates to verify the chain with, besides the thumbprints. */
  readonly caBundle: string | undefined;
}

/** Why a fetch failed, without anything the server sent. */
export class OidcFetchError extends Error {
  override readonly name = 'OidcFetchError';
  constructor(readonly reason: 'untrusted' | 'unreachable' | 'bad-response') {
    super(`identity provider fetch failed: ${reason}`);
  }
}

/** For the whole exchange, not only between packets: a server dripping bytes is cut off too. */
const TIMEOUT_MS = 5000;
const MAX_BYTES = 256 * 1024;

/** GETs `url` (https only) and parses the JSON body, or throws OidcFetchError. */
export function fetchJson(url: string, trust: FetchTrust, now: number): Promise<unknown> {
  const target = new URL(url);
  if (target.protocol !== 'https:') return Promise.reject(new OidcFetchError('untrusted'));
  const options: RequestOptions = {
    method: 'GET',
    headers: { accept: 'application/json' },
    timeout: TIMEOUT_MS,
    agent: false,
    // Trust is decided below, from the chain the server presented; Node's own check
    // cannot express a thumbprint pin.
    rejectUnauthorized: false,
    ...(trust.caBundle === undefined ? {} : { ca: trust.caBundle }),
  };
  return new Promise((resolve, reject) => {
    const req = request(target, options, (res) => {
      const socket = res.socket as TLSSocket;
      if (!trusted(socket, target.hostname, trust, now)) {
        res.destroy();
        reject(new OidcFetchError('untrusted'));
        return;
      }
      if (res.statusCode !== 200) {
        res.destroy();
        reject(new OidcFetchError('bad-response'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BYTES) {
          res.destroy();
          reject(new OidcFetchError('bad-response'));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
        } catch {
          reject(new OidcFetchError('bad-response'));
        }
      });
      res.on('error', () => reject(new OidcFetchError('unreachable')));
    });
    const deadline = setTimeout(() => {
      req.destroy();
      reject(new OidcFetchError('unreachable'));
    }, TIMEOUT_MS);
    req.on('close', () => clearTimeout(deadline));
    req.on('timeout', () => req.destroy(new OidcFetchError('unreachable')));
    req.on('error', (e) => reject(e instanceof OidcFetchError ? e : new OidcFetchError('unreachable')));
    req.end();
  });
}

function trusted(socket: TLSSocket, host: string, trust: FetchTrust, now: number): boolean {
  const chain = peerChain(socket);
  const leaf = chain[0];
  if (leaf === undefined || !namesHost(leaf, host)) return false;
  // A configured CA bundle: Node verified the chain against it (and only it).
  if (trust.caBundle !== undefined && socket.authorized) return true;
  if (!linked(chain, now)) return false;
  const top = chain[chain.length - 1] as X509Certificate;
  const thumbprint = createHash('sha1').update(top.raw).digest('hex');
  return trust.thumbprints.some((t) => t.toLowerCase() === thumbprint);
}

/** The presented chain, leaf first, up to the last certificate (self-issued or not). */
function peerChain(socket: TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert !== undefined && cert.raw !== undefined && !seen.has(cert.fingerprint256) && chain.length < 10) {
    seen.add(cert.fingerprint256);
    chain.push(new X509Certificate(cert.raw));
    cert = cert.issuerCertificate;
  }
  return chain;
}

function namesHost(leaf: X509Certificate, host: string): boolean {
  return isIP(host) !== 0 ? leaf.checkIP(host) !== undefined : leaf.checkHost(host) !== undefined;
}

/** Every certificate is in its validity period and signed by the next one (the top by itself when self-issued). */
function linked(chain: readonly X509Certificate[], now: number): boolean {
  for (let i = 0; i < chain.length; i++) {
    const cert = chain[i] as X509Certificate;
    if (now < Date.parse(cert.validFrom) || now > Date.parse(cert.validTo)) return false;
    const issuer = chain[i + 1] ?? (cert.checkIssued(cert) ? cert : undefined);
    // The top of a chain that is not self-issued is the pinned certificate: nothing to check it with.
    if (issuer === undefined) continue;
    if (!cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) return false;
  }
  return true;
}
