export { accessKeyId, accountOfAccessKeyId, secretAccessKey } from './credentials.js';
export type { AccessKeyPrefix } from './credentials.js';
export { destroyable, KEY_BYTES, KeyRing, MAX_TOKEN_LIFETIME_MS, rotate } from './key-ring.js';
export type { SealingKey } from './key-ring.js';
export { MAX_TOKEN_CHARS, openSession, sealSession, TokenError, tokenKeyId } from './seal.js';
export type { TokenFailure } from './seal.js';
export { readSession } from './session.js';
export type { Session, SessionKind, SessionTag } from './session.js';
export { unwrap, wrap } from './wrap.js';
