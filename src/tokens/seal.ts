/**
 * Sealed session tokens: the session, encrypted and authenticated with AES-256-GCM under
 * a key of the ring. The token's clear header (magic, format version, key id) is the
 * GCM associated data, so it cannot be altered without failing authentication either.
 *
 *   "RG" | version (1 byte) | key id length (1 byte) | key id | IV (12) | ciphertext | tag (16)
 *
 * encoded as base64url. Opening fails the same way, with the same error, for every
 * malformed, tampered, truncated or foreign token; only a token that authenticates can
 * be reported as expired.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { KeyRing, SealingKey } from './key-ring.js';
import { readSession, type Session } from './session.js';

const MAGIC = [0x52, 0x47];
const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Far above any real session (a 2 KB policy, 50 tags) and far below a header limit. */
export const MAX_TOKEN_CHARS = 16_384;

export type TokenFailure = 'invalid' | 'expired';

export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(readonly reason: TokenFailure) {
    // Deliberately no detail: why a token failed to open is not for the caller.
    super(reason === 'expired' ? 'The security token included in the request is expired' : 'The security token included in the request is invalid.');
  }
}

function header(keyId: string): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  return Buffer.concat([Buffer.from([...MAGIC, FORMAT_VERSION, id.length]), id]);
}

/** Seals a session under the ring's active key; `iv` must be 12 fresh random bytes. */
export function sealSession(session: Session, key: SealingKey, iv: Uint8Array): string {
  if (iv.length !== IV_BYTES) throw new Error('A token IV is 12 bytes');
  const aad = header(key.id);
  const cipher = createCipheriv('aes-256-gcm', key.material, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
  return Buffer.concat([aad, iv, body, cipher.getAuthTag()]).toString('base64url');
}

/**
 * Opens a token presented with `accessKeyId`. Throws TokenError('invalid') unless the
 * token authenticates under a key of the ring and belongs to that access key id, and
 * TokenError('expired') when it does but `now` is past its expiry.
 */
export function openSession(token: string, accessKeyId: string, ring: KeyRing, now: number): Session {
  const session = decrypt(token, ring);
  if (session === undefined || session.accessKeyId !== accessKeyId) throw new TokenError('invalid');
  if (now >= session.expiresAt) throw new TokenError('expired');
  return session;
}

/** The key id a token names in its clear header, so a node can fetch a key it lacks. */
export function tokenKeyId(token: string): string | undefined {
  if (token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]{8,}$/.test(token)) return undefined;
  const head = Buffer.from(token.slice(0, 64), 'base64url');
  if (head[0] !== MAGIC[0] || head[1] !== MAGIC[1] || head[2] !== FORMAT_VERSION) return undefined;
  const length = head[3] as number;
  if (head.length < 4 + length) return undefined;
  return head.subarray(4, 4 + length).toString('ascii');
}

function decrypt(token: string, ring: KeyRing): Session | undefined {
  if (token.length === 0 || token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length < 4 || bytes[0] !== MAGIC[0] || bytes[1] !== MAGIC[1] || bytes[2] !== FORMAT_VERSION) return undefined;
  const idLength = bytes[3] as number;
  const bodyStart = 4 + idLength + IV_BYTES;
  if (bytes.length < bodyStart + TAG_BYTES) return undefined;
  const key = ring.byId(bytes.subarray(4, 4 + idLength).toString('ascii'));
  if (key === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.material, bytes.subarray(4 + idLength, bodyStart), { authTagLength: TAG_BYTES });
    decipher.setAAD(bytes.subarray(0, 4 + idLength));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(bodyStart, bytes.length - TAG_BYTES)), decipher.final()]);
    return readSession(JSON.parse(plain.toString('utf8')));
  } catch {
    // Authentication failure or an unreadable payload: the same answer as any other.
    return undefined;
  }
}
