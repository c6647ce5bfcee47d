import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accessKeyId, accountOfAccessKeyId, secretAccessKey, unwrap, wrap } from '../../src/tokens/index.js';

describe('minted credentials', () => {
  it('have AWS access key id shapes: the prefix and 16 base32 characters', () => {
    for (let i = 0; i < 200; i++) {
      expect(accessKeyId('ASIA', '111122223333', randomBytes(5))).toMatch(/^ASIA[A-Z2-7]{16}$/);
      expect(accessKeyId('AKIA', '000000000000', randomBytes(5))).toMatch(/^AKIA[A-Z2-7]{16}$/);
    }
  });

  it('carry their account, which reads back from the id alone', () => {
    for (const account of ['000000000000', '111122223333', '999999999999', '123456789012']) {
      expect(accountOfAccessKeyId(accessKeyId('ASIA', account, randomBytes(5)))).toBe(account);
    }
    expect(accountOfAccessKeyId('not-a-key')).toBeUndefined();
  });

  it('spend all 40 random bits: distinct bytes give distinct ids', () => {
    const zero = new Uint8Array(5);
    const one = new Uint8Array(5);
    one[4] = 1;
    expect(accessKeyId('AKIA', '000000000000', zero)).toBe('AKIAAAAAAAAAAAAAAAAA');
    expect(accessKeyId('AKIA', '000000000000', one)).toBe('AKIAAAAAAAAAAAAAAAAB');
  });

  it('have 40-character base64 secrets', () => {
    expect(secretAccessKey(randomBytes(30))).toMatch(/^[A-Za-z0-9+/]{40}$/);
  });
});

describe('wrapping key material under the master key', () => {
  const master = randomBytes(32);
  const secret = Buffer.from('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');

  it('unwraps what it wrapped, for the same purpose only', () => {
    const wrapped = wrap(master, secret, 'access-key:AKIAEXAMPLE', randomBytes(12));
    expect(Buffer.from(unwrap(master, wrapped, 'access-key:AKIAEXAMPLE')).equals(secret)).toBe(true);
    expect(() => unwrap(master, wrapped, 'access-key:AKIAOTHER')).toThrow();
    expect(() => unwrap(randomBytes(32), wrapped, 'access-key:AKIAEXAMPLE')).toThrow();
  });

  it('never shows the secret in the wrapped text', () => {
    const wrapped = wrap(master, secret, 'x', randomBytes(12));
    expect(wrapped).not.toContain(secret.toString('base64'));
    expect(Buffer.from(wrapped, 'base64').includes(secret)).toBe(false);
  });
});
