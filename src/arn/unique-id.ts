/**
 * IAM unique ids: a four-letter prefix that names the kind of entity and 17 more
 * characters, 21 in all, as AWS issues them (`AIDA…` users, `AROA…` roles, …).
 */

export const UNIQUE_ID_PREFIX = {
  user: 'AIDA',
  role: 'AROA',
  group: 'AGPA',
  policy: 'ANPA',
  instanceProfile: 'AIPA',
  /** IAM's "context-specific credential": a service-specific credential's id. */
  serviceSpecificCredential: 'ACCA',
} as const;

export type UniqueIdKind = keyof typeof UNIQUE_ID_PREFIX;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `random` must hold at least 17 bytes; each gives one character. */
export function uniqueId(kind: UniqueIdKind, random: Uint8Array): string {
  if (random.length < 17) throw new Error('A unique id needs 17 random bytes');
  let out: string = UNIQUE_ID_PREFIX[kind];
  for (let i = 0; i < 17; i++) out += ALPHABET[(random[i] as number) & 31];
  return out;
}

export function uniqueIdKind(id: string): UniqueIdKind | undefined {
  if (!/^[A-Z0-9]{21}$/.test(id)) return undefined;
  const prefix = id.slice(0, 4);
  for (const [kind, p] of Object.entries(UNIQUE_ID_PREFIX)) if (p === prefix) return kind as UniqueIdKind;
  return undefined;
}
