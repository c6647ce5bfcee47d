import { createCipheriv, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destroyable, KeyRing, MAX_TOKEN_LIFETIME_MS, openSession, rotate, sealSession, TokenError, type SealingKey, type Session } from '../../src/tokens/index.js';

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const key = (id: string, createdAt = T0): SealingKey => ({ id, material: randomBytes(32), createdAt });

const session: Session = {
  kind: 'AssumedRole',
  accessKeyId: 'ASIAEXAMPLE234567ABC',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  accountId: '111122223333',
  arn: 'arn:aws:sts::111122223333:assumed-role/dev/alice',
  roleArn: 'arn:aws:iam::111122223333:role/dev',
  principalId: 'AROAEXAMPLEROLEID0001',
  sessionName: 'alice',
  sourceArn: 'arn:aws:iam::111122223333:user/alice',
  issuedAt: T0,
  expiresAt: T0 + 3_600_000,
  tags: [{ key: 'team', value: 'blue' }],
  chainDepth: 0,
};

function rejection(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof TokenError) return e.reason;
    throw e;
  }
  return undefined;
}

describe('sealed session tokens', () => {
  const active = key('0a1b2c3d');
  const ring = new KeyRing([active]);
  const token = sealSession(session, active, randomBytes(12));

  it('open to the same session with the right access key id before expiry', () => {
    expect(openSession(token, session.accessKeyId, ring, T0 + 1000)).toEqual(session);
  });

  it('are refused as expired at the expiry instant and after', () => {
    expect(rejection(() => openSession(token, session.accessKeyId, ring, session.expiresAt))).toBe('expired');
    expect(rejection(() => openSession(token, session.accessKeyId, ring, session.expiresAt - 1))).toBeUndefined();
  });

  it('are refused as invalid when presented with another access key id', () => {
    expect(rejection(() => openSession(token, 'ASIAOTHER23456789ABC', ring, T0))).toBe('invalid');
  });

  it('are refused as invalid under a ring that does not hold their key', () => {
    const other = new KeyRing([key('0a1b2c3d')]); // same id, different material
    expect(rejection(() => openSession(token, session.accessKeyId, other, T0))).toBe('invalid');
    expect(rejection(() => openSession(token, session.accessKeyId, new KeyRing([key('99999999')]), T0))).toBe('invalid');
  });

  it('are refused as invalid after any single-character change, truncation or extension', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...alphabet), (at, c) => {
        fc.pre(token[at] !== c);
        const mutated = token.slice(0, at) + c + token.slice(at + 1);
        // base64url's last character can carry unused low bits; a change there may decode to the same bytes.
        const sameBytes = Buffer.from(mutated, 'base64url').equals(Buffer.from(token, 'base64url'));
        expect(rejection(() => openSession(mutated, session.accessKeyId, ring, T0))).toBe(sameBytes ? undefined : 'invalid');
      }),
      { seed: 20261128, numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.nat(token.length - 1), (cut) => {
        expect(rejection(() => openSession(token.slice(0, cut), session.accessKeyId, ring, T0))).toBe('invalid');
      }),
      { seed: 7, numRuns: 300 },
    );
    expect(rejection(() => openSession(`${token}AA`, session.accessKeyId, ring, T0))).toBe('invalid');
  });

  it('are refused as invalid, never crash, for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        expect(rejection(() => openSession(junk, session.accessKeyId, ring, T0))).toBe('invalid');
      }),
      { seed: 11, numRuns: 2000 },
    );
    expect(rejection(() => openSession('A'.repeat(20_000), session.accessKeyId, ring, T0))).toBe('invalid');
  });

  it('refuse a payload that authenticates but is not exactly a session', () => {
    // Seal by hand what a foreign or future build might write: an extra field.
    const forged = (payload: unknown): string => {
      const aad = Buffer.from([0x52, 0x47, 1, 8, ...Buffer.from(active.id, 'ascii')]);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', active.material, iv);
      cipher.setAAD(aad);
      const body = Buffer.concat([cipher.update(JSON.stringify(payload)), cipher.final()]);
      return Buffer.concat([aad, iv, body, cipher.getAuthTag()]).toString('base64url');
    };
    expect(rejection(() => openSession(forged(session), session.accessKeyId, ring, T0))).toBeUndefined();
    expect(rejection(() => openSession(forged({ ...session, admin: true }), session.accessKeyId, ring, T0))).toBe('invalid');
    expect(rejection(() => openSession(forged({ ...session, chainDepth: -1 }), session.accessKeyId, ring, T0))).toBe('invalid');
    expect(rejection(() => openSession(forged({ ...session, expiresAt: T0 - 1 }), session.accessKeyId, ring, T0))).toBe('invalid');
  });

  it('say nothing of the secret or the session in their errors', () => {
    for (const attempt of [() => openSession(token, 'ASIAOTHER23456789ABC', ring, T0), () => openSession(token, session.accessKeyId, ring, session.expiresAt)]) {
      try {
        attempt();
      } catch (e) {
        const text = `${String(e)} ${JSON.stringify(e)}`;
        expect(text).not.toContain(session.secretAccessKey);
        expect(text).not.toContain('alice');
      }
    }
  });
});

describe('key rotation', () => {
  it('keeps tokens of the retired key opening, and seals new ones under the new key', () => {
    const first = key('11111111');
    const before = sealSession(session, first, randomBytes(12));
    const keys = rotate([first], key('22222222', T0 + 60_000), T0 + 60_000);
    const ring = new KeyRing(keys);
    expect(ring.active.id).toBe('22222222');
    expect(openSession(before, session.accessKeyId, ring, T0 + 120_000)).toEqual(session);
    const after = sealSession(session, ring.active, randomBytes(12));
    expect(Buffer.from(after, 'base64url').subarray(4, 12).toString('ascii')).toBe('22222222');
  });

  it('lets a retired key be destroyed only once every token it could have sealed has expired', () => {
    const keys = rotate([key('11111111')], key('22222222'), T0);
    expect(destroyable(keys, T0 + MAX_TOKEN_LIFETIME_MS).map((k) => k.id)).toEqual([]);
    expect(destroyable(keys, T0 + MAX_TOKEN_LIFETIME_MS + 1).map((k) => k.id)).toEqual(['11111111']);
  });

  it('refuses a ring without exactly one active key', () => {
    expect(() => new KeyRing([])).toThrow();
    expect(() => new KeyRing([key('11111111'), key('22222222')])).toThrow();
  });
});
