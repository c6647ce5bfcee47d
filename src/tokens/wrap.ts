/**
 * Key material at rest: sealing keys and long-term secrets are stored encrypted under
 * the master key (AES-256-GCM), bound to what they belong to through the associated
 * data, so a wrapped value moved to another row does not unwrap.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** `purpose` names the owner, e.g. `sealing-key:3f9a01bc` or `access-key:AKIA…`. */
export function wrap(masterKey: Uint8Array, plain: Uint8Array, purpose: string, iv: Uint8Array): string {
  if (iv.length !== IV_BYTES) throw new Error('A wrapping IV is 12 bytes');
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/** Throws if the value was not wrapped by this master key for this purpose. */
export function unwrap(masterKey: Uint8Array, wrapped: string, purpose: string): Uint8Array {
  const bytes = Buffer.from(wrapped, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('Wrapped value too short');
  const decipher = createDecipheriv('aes-256-gcm', masterKey, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(purpose, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]));
}
