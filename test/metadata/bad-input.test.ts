/**
 * The metadata endpoints under arbitrary requests (fast-check): any method, path, query
 * and headers, over real HTTP. Neither ever answers 5xx, neither ever hands out the
 * credentials to a request without what it must carry (an IMDSv2 token; the container's
 * authorization token), and both keep answering properly afterwards.
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerHandler } from '../../src/metadata/container.js';
import { CredentialFeed, type RoleCredentials } from '../../src/metadata/credential-feed.js';
import { listen, type MetadataListener } from '../../src/metadata/http.js';
import { imdsHandler } from '../../src/metadata/imds.js';
import { ImdsTokens } from '../../src/metadata/imds-token.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const CREDENTIALS: RoleCredentials = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE00',
  secretAccessKey: SECRET,
  sessionToken: 'session-token-example',
  expiresAt: Date.now() + 6 * 3600_000,
  roleArn: 'arn:aws:iam::000000000000:role/app',
  roleName: 'app',
};
const AUTHORIZATION = randomBytes(32).toString('base64url');
const CONTAINER_PATH = '/v2/credentials/0123456789abcdef';

/** A raw request: node:http sends what fetch would refuse (odd methods, duplicate headers). */
function send(url: string, method: string, path: string, headers: [string, string][]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // Raw header lists get no Host header added, and HTTP/1.1 refuses a request without one.
    const flat: string[] = [['host', new URL(url).host], ...headers].flat();
    const req = request(`${url}${path}`, { method, headers: flat }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const token = fc.oneof(fc.string(), fc.base64String(), fc.constant(''));
const header = fc.oneof(
  fc.tuple(fc.constantFrom('x-aws-ec2-metadata-token', 'X-aws-ec2-metadata-token', 'authorization', 'Authorization'), token),
  fc.tuple(fc.constantFrom('x-aws-ec2-metadata-token-ttl-seconds', 'x-forwarded-for'), fc.oneof(fc.integer({ min: -5, max: 30_000 }).map(String), fc.string())),
  fc.tuple(fc.stringMatching(/^x-[a-z-]{1,20}$/), fc.string()),
);
// Header values must be sendable: printable ASCII without CR/LF.
const printable = (pairs: [string, string][]): [string, string][] => pairs.map(([k, v]) => [k, v.replace(/[^\x20-\x7e]/g, '')]);
const path = fc.oneof(
  fc.constantFrom('/latest/api/token', '/latest/meta-data/iam/security-credentials/app', '/latest/meta-data/iam/info', CONTAINER_PATH, '/', '//', '/latest/../latest/meta-data/'),
  fc.webPath(),
  fc.stringMatching(/^\/[A-Za-z0-9%./_~-]{0,80}$/),
).map((p) => (p.startsWith('/') ? p : `/${p}`));
const method = fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH');

describe('metadata endpoints under arbitrary requests', () => {
  let imds: MetadataListener;
  let container: MetadataListener;
  const faults: unknown[] = [];

  beforeAll(async () => {
    const feed = new CredentialFeed(() => Promise.resolve(CREDENTIALS), Date.now, (e) => faults.push(e));
    const instance = { instanceId: 'i-0123456789abcdef0', accountId: '000000000000', region: 'us-east-1', launchedAt: Date.now() };
    imds = await listen(imdsHandler({ instance, feed, tokens: new ImdsTokens(randomBytes(32)), allowV1: false, now: Date.now }), (e) => faults.push(e));
    container = await listen(containerHandler({ path: CONTAINER_PATH, authorizationToken: AUTHORIZATION, feed }), (e) => faults.push(e));
  });
  afterAll(async () => {
    await imds?.close();
    await container?.close();
  });

  /** 300 arbitrary requests to `target`: none may fail the server or show the secret; the statuses seen. */
  async function fuzz(target: MetadataListener): Promise<Set<number>> {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(method, path, fc.array(header, { maxLength: 5 }), async (m, p, headers) => {
        const r = await send(target.url, m, p, printable(headers));
        statuses.add(r.status);
        expect(r.status).toBeLessThan(500);
        expect(r.body).not.toContain(SECRET);
      }),
      { numRuns: 300 },
    );
    expect(faults).toEqual([]);
    return statuses;
  }

  it('IMDS: no 5xx, and no credentials without a token it issued', async () => {
    // The requests reached the handler: its own refusals, not the HTTP parser's 400 alone.
    expect([...(await fuzz(imds))]).toEqual(expect.arrayContaining([401, 405]));
  });

  it('container: no 5xx, and no credentials without the authorization token', async () => {
    // Random paths seldom hit the one served path; its refusal is checked on its own below.
    expect([...(await fuzz(container))]).toEqual(expect.arrayContaining([404]));
    expect((await send(container.url, 'GET', CONTAINER_PATH, [])).status).toBe(401);
    expect((await send(container.url, 'GET', CONTAINER_PATH, [['authorization', `${AUTHORIZATION}x`]])).status).toBe(403);
    // And it still serves the one request that carries the token.
    const ok = await send(container.url, 'GET', CONTAINER_PATH, [['authorization', AUTHORIZATION]]);
    expect(ok.status, ok.body).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ SecretAccessKey: SECRET });
  });
});
