/**
 * SigV4 verification cost: rolegate's parseSignedRequest + verifySignature on a typical
 * signed STS POST, against the AWS SDK's own signer (@smithy/signature-v4, the one
 * @aws-sdk/client-sts uses) signing the same request, in one process. A verifier must
 * recompute the signature the client computed, so the cost of signing is the natural
 * baseline. See bench/README.md.
 *
 *   npm run bench:sigv4
 *
 * The request is GetCallerIdentity as the SDK for JavaScript v3 sends it with temporary
 * credentials: its headers (amz-sdk-invocation-id, amz-sdk-request, content-length,
 * content-type, host, x-amz-content-sha256, x-amz-date, x-amz-security-token,
 * x-amz-user-agent signed; user-agent not) and a real sealed session token (~670
 * characters). 64 of them, differing in invocation id, are cycled.
 *
 * Before timing, smithy signs each request, rolegate must accept smithy's signature, and
 * rolegate's own sign() must produce the same Authorization header.
 */
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest as SmithyRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { parseSignedRequest, sign, SigningKeyCache, verifySignature, type HttpRequest } from '../src/sigv4/index.js';
import { accessKeyId, KeyRing, sealSession, secretAccessKey, type Session } from '../src/tokens/index.js';
import { loadAverage, measure, median, perSecond, tableHeader, tableRow } from './micro.js';
import { Rng } from './rng.js';

const SEED = 0x5191_2024;
const POOL = 64;
const TIMING = { rounds: 5, roundNs: 1_000_000_000n, warmupNs: 1_000_000_000n } as const;
const HOST = '127.0.0.1:4555';
const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const SDK_VERSION = '3.1176.0';
const SERVICES = ['sts', 'iam']; // what rolegate's server passes: the services it serves


/** Temporary credentials as AssumeRole issues them: the session sealed into its token. */
function temporaryCredentials(r: Rng, now: number): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
  const session: Session = {
    kind: 'AssumedRole',
    accessKeyId: accessKeyId('ASIA', ACCOUNT, r.bytes(5)),
    secretAccessKey: secretAccessKey(r.bytes(30)),
    accountId: ACCOUNT,
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/bench-role/bench-session`,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/bench-role`,
    principalId: 'AROAAAAAAAAAQ5JZ3DSWE',
    sessionName: 'bench-session',
    sourceArn: `arn:aws:iam::${ACCOUNT}:user/bench-user`,
    issuedAt: now,
    expiresAt: now + 3_600_000,
    chainDepth: 0,
  };
  const key = { id: Buffer.from(r.bytes(4)).toString('hex'), material: r.bytes(32), createdAt: now };
  new KeyRing([key]); // checks the key's shape
  return { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: sealSession(session, key, r.bytes(12)) };
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  const r = new Rng(SEED);
  const now = Date.UTC(2025, 5, 1, 12, 0, 0);
  const credentials = temporaryCredentials(r, now);
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const signer = new SignatureV4({ credentials, region: REGION, service: 'sts', sha256: Sha256, uriEscapePath: true });
  const signingDate = new Date(now);

  // The SDK's request before signing (what smithy signs), and after (what rolegate verifies).
  const unsigned: SmithyRequest[] = [];
  const received: HttpRequest[] = [];
  for (let i = 0; i < POOL; i++) {
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      'x-amz-user-agent': `aws-sdk-js/${SDK_VERSION}`,
      'user-agent': `aws-sdk-js/${SDK_VERSION} ua/2.1 os/linux lang/js md/nodejs#20 api/sts#${SDK_VERSION} m/N,E,e`,
      host: HOST,
      'amz-sdk-invocation-id': r.uuid(),
      'amz-sdk-request': 'attempt=1; max=3',
    };
    const request = new SmithyRequest({ method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port: 4555, path: '/', headers, body });
    const signed = (await signer.sign(request, { signingDate })) as SmithyRequest;
    unsigned.push(request);
    received.push({ method: 'POST', path: '/', query: '', headers: Object.entries(signed.headers), body: Buffer.from(body, 'utf8') });
  }

  // Parity: rolegate accepts smithy's signature, and signs the same bytes the same way.
  const cache = new SigningKeyCache();
  const verifyNow = now + 1000;
  const signedHeaders = new Set<string>();
  for (const [i, http] of received.entries()) {
    const parsed = parseSignedRequest(http, { now: verifyNow, services: SERVICES, allowPresigned: true });
    verifySignature(parsed, http, credentials.secretAccessKey, cache);
    parsed.signedHeaders.forEach((h) => signedHeaders.add(h));
    const withoutAuth = http.headers.filter(([n]) => !['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'].includes(n));
    const ours = sign({ ...http, headers: withoutAuth }, credentials, { now, region: REGION, service: 'sts', contentSha256Header: true });
    const theirs = http.headers.find(([n]) => n === 'authorization')?.[1];
    const mine = ours.headers.find(([n]) => n === 'Authorization')?.[1];
    if (mine !== theirs) throw new Error(`request #${i}: rolegate signs ${mine}\n  smithy signs ${theirs}`);
  }

  // Timed regions.
  //   verify: parseSignedRequest (envelope, scope, clock, header and payload checks) +
  //           verifySignature (canonical request from the bytes, string to sign, signing
  //           key from the cache, HMAC, constant-time compare), as the server calls them.
  //   smithy: SignatureV4.sign(request) to the signed request (it clones the request, hashes
  //           the body, canonicalizes, takes the signing key from its cache, HMACs);
  //           awaited one by one, as the SDK awaits it.
  let v = 0;
  const verifyBatch = (count: number): number => {
    for (let n = 0; n < count; n++) {
      const http = received[v] as HttpRequest;
      verifySignature(parseSignedRequest(http, { now: verifyNow, services: SERVICES, allowPresigned: true }), http, credentials.secretAccessKey, cache);
      if (++v === POOL) v = 0;
    }
    return count;
  };
  let s = 0;
  const signBatch = async (count: number): Promise<number> => {
    let bytes = 0;
    for (let n = 0; n < count; n++) {
      const signed = (await signer.sign(unsigned[s] as SmithyRequest, { signingDate })) as SmithyRequest;
      bytes += signed.headers['authorization']?.length ?? 0;
      if (++s === POOL) s = 0;
    }
    return bytes;
  };
  const [ours = [], theirs = []] = await measure(
    [
      { name: 'rolegate verify', batch: verifyBatch, size: 256 },
      { name: 'smithy sign', batch: signBatch, size: 256 },
    ],
    TIMING,
  );

  const w = 16;
  console.log(
    [
      `sigv4 bench: ${POOL} SDK-shaped STS POSTs (GetCallerIdentity, temporary credentials, ${credentials.sessionToken.length}-char session token), ${signedHeaders.size} signed headers`,
      `  rolegate accepts every smithy signature and signs each request identically`,
      `  ${TIMING.rounds} rounds x ${Number(TIMING.roundNs) / 1e9} s per contender, alternating; load average ${loadBefore} before, ${loadAverage()} after; ns/op:`,
      tableHeader(w),
      tableRow('rolegate verify', ours, w),
      tableRow('smithy sign', theirs, w),
    ].join('\n'),
  );
  const oursNs = median(ours);
  const theirsNs = median(theirs);
  console.log(`sigv4: verify ${perSecond(oursNs)} ops/s, smithy sign ${perSecond(theirsNs)} ops/s, ratio ${(theirsNs / oursNs).toFixed(2)}`);
}

await main();
