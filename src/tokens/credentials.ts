/**
 * Minting credentials from random bytes the caller supplies: access key ids in AWS's
 * shape (`AKIA`/`ASIA` and 16 characters of the base32 alphabet AWS uses) and 40-character
 * secrets.
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export type AccessKeyPrefix = 'AKIA' | 'ASIA';

/**
 * An access key id: the prefix, then 16 base32 characters holding the 12-digit account id
 * (40 bits) and 40 random bits. Like AWS's own ids, the account can be read back from
 * the id alone (STS GetAccessKeyInfo); the secret, not the id, carries the entropy.
 */
export function accessKeyId(prefix: AccessKeyPrefix, accountId: string, random: Uint8Array): string {
  if (!/^[0-9]{12}$/.test(accountId)) throw new Error('An account id is 12 digits');
  if (random.length < 5) throw new Error('An access key id needs 5 random bytes');
  let out: string = prefix;
  // 80 bits = account (40) then random (40), written 5 bits at a time.
  let high = Number(accountId);
  let low = 0;
  for (let i = 0; i < 5; i++) low = low * 256 + (random[i] as number);
  for (let i = 7; i >= 0; i--) out += BASE32[Math.floor(high / 32 ** i) % 32];
  for (let i = 7; i >= 0; i--) out += BASE32[Math.floor(low / 32 ** i) % 32];
  return out;
}

/** The account id an access key id was minted for, or undefined if it is not one of ours. */
export function accountOfAccessKeyId(id: string): string | undefined {
  if (!/^(AKIA|ASIA)[A-Z2-7]{16}$/.test(id)) return undefined;
  let account = 0;
  for (let i = 4; i < 12; i++) account = account * 32 + BASE32.indexOf(id[i] as string);
  return account < 1e12 ? String(account).padStart(12, '0') : undefined;
}

/** `random` must hold at least 30 bytes: 40 base64 characters, as AWS secrets are. */
export function secretAccessKey(random: Uint8Array): string {
  if (random.length < 30) throw new Error('A secret access key needs 30 random bytes');
  return Buffer.from(random.subarray(0, 30)).toString('base64');
}
