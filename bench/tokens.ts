/**
 * Session-token opening cost: openSession (src/tokens) of a typical sealed token, against
 * one bare AES-256-GCM decrypt of a buffer of the same size with node:crypto, in one
 * process. Every request signed with temporary credentials opens its token, so this is
 * on the server's hot path; the bare decrypt is the floor any sealed-token design pays.
 * See bench/README.md.
 *
 *   npm run bench:tokens
 *
 * The token is what AssumeRole mints for a plain session (no session policy or tags):
 * the session's JSON (~440 bytes) sealed under the ring's active key, ~670 characters of
 * base64url. 64 of them (different sessions, IVs and key ids' keys) are cycled.
 *
 * Two more rows break openSession down (they are not in the last line): the steps before
 * the decrypt (format checks, base64url decode, key lookup) and after it (JSON.parse and
 * readSession's field checks).
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { accessKeyId, KeyRing, openSession, readSession, sealSession, secretAccessKey, type Session } from '../src/tokens/index.js';
import { loadAverage, measure, median, perSecond, tableHeader, tableRow } from './micro.js';
import { Rng } from './rng.js';

const SEED = 0x70c3_2024;
const POOL = 64;
const TIMING = { rounds: 5, roundNs: 1_000_000_000n, warmupNs: 1_000_000_000n } as const;
const ACCOUNT = '000000000000';


interface Sealed {
  readonly token: string;
  readonly accessKeyId: string;
  /** The same-size inputs of the bare decrypt: AAD, IV, ciphertext, tag. */
  readonly bare: { readonly aad: Buffer; readonly iv: Buffer; readonly ciphertext: Buffer; readonly tag: Buffer };
}

function main(): Promise<void> {
  const loadBefore = loadAverage();
  const r = new Rng(SEED);
  const now = Date.UTC(2025, 5, 1, 12, 0, 0);
  const key = { id: Buffer.from(r.bytes(4)).toString('hex'), material: r.bytes(32), createdAt: now };
  const ring = new KeyRing([key]);
  const material = Buffer.from(key.material);

  const pool: Sealed[] = [];
  for (let i = 0; i < POOL; i++) {
    const session: Session = {
      kind: 'AssumedRole',
      accessKeyId: accessKeyId('ASIA', ACCOUNT, r.bytes(5)),
      secretAccessKey: secretAccessKey(r.bytes(30)),
      accountId: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/bench-role/bench-${i}`,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/bench-role`,
      principalId: 'AROAAAAAAAAAQ5JZ3DSWE',
      sessionName: `bench-${i}`,
      sourceArn: `arn:aws:iam::${ACCOUNT}:user/bench-user`,
      issuedAt: now - i * 1000,
      expiresAt: now + 3_600_000,
      chainDepth: 0,
    };
    const token = sealSession(session, key, r.bytes(12));
    // The token's layout: "RG" | version | id length | id | IV (12) | ciphertext | tag (16).
    const bytes = Buffer.from(token, 'base64url');
    const headerBytes = 4 + key.id.length;
    const ciphertextBytes = bytes.length - headerBytes - 12 - 16;
    // A buffer of the same size, encrypted with the same key, AAD size and tag size.
    const aad = Buffer.from(r.bytes(headerBytes));
    const iv = Buffer.from(r.bytes(12));
    const cipher = createCipheriv('aes-256-gcm', material, iv);
    cipher.setAAD(aad);
    const ciphertext = Buffer.concat([cipher.update(Buffer.from(r.bytes(ciphertextBytes))), cipher.final()]);
    pool.push({ token, accessKeyId: session.accessKeyId, bare: { aad, iv, ciphertext, tag: cipher.getAuthTag() } });
  }
  const sample = pool[0] as Sealed;
  const plainBytes = sample.bare.ciphertext.length;

  // Every token opens, and to its own session.
  for (const [i, s] of pool.entries()) {
    if (openSession(s.token, s.accessKeyId, ring, now).sessionName !== `bench-${i}`) throw new Error(`token #${i} opened to the wrong session`);
  }

  // Timed regions.
  //   open: openSession(token, accessKeyId, ring, now), as credential resolution calls it.
  //   bare: createDecipheriv + setAAD + setAuthTag + update + final on a same-size buffer.
  let o = 0;
  const openBatch = (count: number): number => {
    let sum = 0;
    for (let n = 0; n < count; n++) {
      const s = pool[o] as Sealed;
      sum += openSession(s.token, s.accessKeyId, ring, now).chainDepth + 1;
      if (++o === POOL) o = 0;
    }
    return sum;
  };
  let b = 0;
  const bareBatch = (count: number): number => {
    let sum = 0;
    for (let n = 0; n < count; n++) {
      const { aad, iv, ciphertext, tag } = (pool[b] as Sealed).bare;
      const decipher = createDecipheriv('aes-256-gcm', material, iv, { authTagLength: 16 });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      sum += decipher.update(ciphertext).length;
      decipher.final();
      if (++b === POOL) b = 0;
    }
    return sum;
  };
  // Breakdown rows: openSession's steps around the decrypt, as seal.ts does them.
  let d = 0;
  const decodeBatch = (count: number): number => {
    let sum = 0;
    for (let n = 0; n < count; n++) {
      const token = (pool[d] as Sealed).token;
      if (/^[A-Za-z0-9_-]+$/.test(token)) {
        const bytes = Buffer.from(token, 'base64url');
        sum += ring.byId(bytes.subarray(4, 4 + (bytes[3] as number)).toString('ascii')) !== undefined ? 1 : 0;
      }
      if (++d === POOL) d = 0;
    }
    return sum;
  };
  const plains = pool.map((s) => Buffer.from(JSON.stringify(openSession(s.token, s.accessKeyId, ring, now)), 'utf8'));
  let p = 0;
  const readBatch = (count: number): number => {
    let sum = 0;
    for (let n = 0; n < count; n++) {
      sum += readSession(JSON.parse((plains[p] as Buffer).toString('utf8')))?.chainDepth === 0 ? 1 : 0;
      if (++p === POOL) p = 0;
    }
    return sum;
  };

  return measure(
    [
      { name: 'openSession', batch: openBatch, size: 256 },
      { name: 'bare aes-gcm', batch: bareBatch, size: 256 },
      { name: ' decode+lookup', batch: decodeBatch, size: 256 },
      { name: ' parse+read', batch: readBatch, size: 256 },
    ],
    TIMING,
  ).then(([ours = [], theirs = [], decode = [], read = []]) => {
    const w = 15;
    console.log(
      [
        `tokens bench: ${POOL} sealed AssumeRole sessions (no policy, no tags): token ${sample.token.length} chars, plaintext ${plainBytes} B; bare decrypt of ${plainBytes} B with the same key, AAD and tag sizes`,
        `  every token opens to its own session`,
        `  ${TIMING.rounds} rounds x ${Number(TIMING.roundNs) / 1e9} s per contender, alternating; load average ${loadBefore} before, ${loadAverage()} after; ns/op:`,
        tableHeader(w),
        tableRow('openSession', ours, w),
        tableRow('bare aes-gcm', theirs, w),
        `  of which, in openSession (informational, timed alone):`,
        tableRow(' decode+lookup', decode, w),
        tableRow(' parse+read', read, w),
      ].join('\n'),
    );
    const oursNs = median(ours);
    const theirsNs = median(theirs);
    console.log(`tokens: open ${perSecond(oursNs)} ops/s, bare aes-gcm ${perSecond(theirsNs)} ops/s, ratio ${(theirsNs / oursNs).toFixed(2)}`);
  });
}

await main();
