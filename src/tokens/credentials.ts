/**
 * Minting credentials from random bytes the caller supplies: access key ids in AWS's
 * shape (`AKIA`/`ASIA` and 16 characters of the base32 alphabet AWS uses) and 40-character
 * secrets.
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export type AccessKeyPrefix = 'AKIA' | 'ASIA';

/** `random` must hold at least 10 bytes (80 bits, the 16 characters after the prefix). */
export function accessKeyId(prefix: AccessKeyPrefix, random: Uint8Array): string {
  if (random.length < 10) throw new Error('An access key id needs 10 random bytes');
  let out = prefix;
  let bits = 0;
  let value = 0;
  for (let i = 0; i < 10; i++) {
    value = (value << 8) | (random[i] as number);
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** `random` must hold at least 30 bytes: 40 base64 characters, as AWS secrets are. */
export function secretAccessKey(random: Uint8Array): string {
  if (random.length < 30) throw new Error('A secret access key needs 30 random bytes');
  return Buffer.from(random.subarray(0, 30)).toString('base64');
}
