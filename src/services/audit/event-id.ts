/**
 * Event ids as UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * They read as the GUIDs CloudTrail writes, and ordered by time they are appended at the
 * end of the store's indexes instead of landing on a random page each, which is what a
 * random UUID as a key costs on every commit of the audit trail.
 */
import type { Random } from '../../auth/deps.js';

export function timeOrderedId(now: number, random: Random): string {
  const bytes = random(16);
  let ms = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
