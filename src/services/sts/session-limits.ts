/**
 * STS's rules for what a new session may carry: its duration, session tags and
 * transitive tag keys (and what chaining inherits), and the packed size of session
 * policies and tags. Texts are AWS's, from recorded responses where marked "seen".
 */
import { deflateRawSync } from 'node:zlib';
import { AwsError } from '../../errors.js';
import type { Session, SessionTag } from '../../tokens/index.js';

export const DEFAULT_DURATION_SECONDS = 3600;
export const CHAINED_MAX_SECONDS = 3600;

export function sessionDuration(requested: number | undefined, roleMax: number, chained: boolean): number {
  const seconds = requested ?? DEFAULT_DURATION_SECONDS;
  if (chained && seconds > CHAINED_MAX_SECONDS) {
    // seen (public AWS output)
    throw new AwsError('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  if (seconds > roleMax) {
    // seen (public AWS output)
    throw new AwsError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  return seconds;
}

export interface SessionTags {
  readonly tags: SessionTag[];
  readonly transitiveTagKeys: string[];
}

/**
 * The new session's tags: the caller session's transitive tags, which cannot be
 * overridden, plus the requested ones; and the transitive keys, which must name
 * requested tags.
 */
export function sessionTags(
  requested: readonly { readonly Key: string; readonly Value: string }[],
  transitive: readonly string[],
  parent: Session | undefined,
): SessionTags {
  const seen = new Set<string>();
  for (const t of requested) {
    const key = t.Key.toLowerCase();
    // seen
    if (seen.has(key)) throw new AwsError('InvalidParameterValue', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(key);
  }
  for (const k of transitive) {
    // seen
    if (!seen.has(k.toLowerCase())) throw new AwsError('InvalidParameterValue', 'The specified transitive tag key must be included in the requested tags.');
  }
  const inheritedKeys = new Set((parent?.transitiveTagKeys ?? []).map((k) => k.toLowerCase()));
  for (const t of requested) {
    if (inheritedKeys.has(t.Key.toLowerCase())) {
      // seen
      throw new AwsError('InvalidParameterValue', "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.");
    }
  }
  const inherited = (parent?.tags ?? []).filter((t) => inheritedKeys.has(t.key.toLowerCase()));
  return {
    tags: [...inherited, ...requested.map((t) => ({ key: t.Key, value: t.Value }))],
    transitiveTagKeys: [...(parent?.transitiveTagKeys ?? []), ...transitive],
  };
}

/**
 * AWS packs session policies and tags into a compressed binary with a fixed budget and
 * reports the use as a percentage; the exact format is not published. rolegate packs
 * the same content with raw deflate against a 1,024-byte budget, which gives the same
 * order of figures (a 2,048-character policy uses well under it; fifty long tags do not).
 */
const PACKED_BUDGET_BYTES = 1024;

export function packedPolicySize(policy: string | undefined, policyArns: readonly string[], tags: readonly SessionTag[]): number {
  if (policy === undefined && policyArns.length === 0 && tags.length === 0) return 0;
  const text = [policy ?? '', ...policyArns, ...tags.flatMap((t) => [t.key, t.value])].join('\n');
  return Math.ceil((100 * deflateRawSync(Buffer.from(text, 'utf8')).length) / PACKED_BUDGET_BYTES);
}

export function checkPackedSize(percent: number, withTags: boolean): void {
  if (percent <= 100) return;
  throw new AwsError(
    'PackedPolicyTooLarge',
    withTags ? `Packed size of session tags consumes ${percent}% of allotted space.` : `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
  );
}
