/**
 * An OpenID Connect issuer for the tests: https on 127.0.0.1 with a self-signed
 * certificate made here (no network), serving its discovery document and its JWKS, and
 * signing ID tokens with its keys. Keys can be rotated, as real issuers do.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { generate } from 'selfsigned';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

export interface OidcIssuer {
  /** `https://127.0.0.1:PORT`, the token's `iss`. */
  readonly url: string;
  /** `127.0.0.1:PORT`, the URL as IAM keeps it and condition keys name it. */
  readonly host: string;
  /** SHA-1 of the certificate, hex: the provider's thumbprint. */
  readonly thumbprint: string;
  readonly certPem: string;
  /** How many times the JWKS was fetched. */
  jwksFetches(): number;
  /** Signs a token with the current key (or `kid`/`key` given), `iat` and `exp` from `nowMs`. */
  token(claims: JWTPayload, nowMs: number, options?: { kid?: string; key?: CryptoKey; lifetimeSeconds?: number }): Promise<string>;
  /** Adds a new key to the JWKS and makes it the current one; returns its kid. */
  rotate(): Promise<string>;
  close(): Promise<void>;
}

async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export async function startOidcIssuer(): Promise<OidcIssuer> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const keys: SigningKey[] = [await newKey('key-1')];
  let fetches = 0;
  let url = '';
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: url, jwks_uri: `${url}/jwks` }));
    } else if (req.url === '/jwks') {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
    } else {
      res.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  url = `https://127.0.0.1:${port}`;
  const der = new X509Certificate(pems.cert).raw;
  return {
    url,
    host: `127.0.0.1:${port}`,
    thumbprint: createHash('sha1').update(der).digest('hex'),
    certPem: pems.cert,
    jwksFetches: () => fetches,
    async token(claims, nowMs, options = {}) {
      const current = keys[keys.length - 1] as SigningKey;
      const now = Math.floor(nowMs / 1000);
      return new SignJWT({ iss: url, iat: now, exp: now + (options.lifetimeSeconds ?? 600), ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? current.kid, typ: 'JWT' })
        .sign(options.key ?? current.privateKey);
    },
    async rotate() {
      const key = await newKey(`key-${keys.length + 1}`);
      keys.push(key);
      return key.kid;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
