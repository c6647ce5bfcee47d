/**
 * Tags on IAM users, roles and policies: at most 50 per entity, keys unique without
 * regard to case (a new value for an existing key replaces it), and the condition keys
 * a tagging request is authorized with.
 */
import type { ContextValue } from '../../policy/index.js';
import type { Tag } from '../../store/index.js';
import { duplicateTagKeys, tagQuota } from './errors.js';

export const MAX_TAGS = 50;

/** Refuses a request naming the same key twice (ignoring case). */
export function checkRequestTags(tags: readonly Tag[]): void {
  const seen = new Set<string>();
  for (const t of tags) {
    const key = t.Key.toLowerCase();
    if (seen.has(key)) throw duplicateTagKeys();
    seen.add(key);
  }
}

/** `current` with `added` set over it, held to the per-entity quota. */
export function mergeTags(current: readonly Tag[], added: readonly Tag[], kind: 'User' | 'Role' | 'Policy' | 'OpenIDConnectProvider'): Tag[] {
  checkRequestTags(added);
  const byKey = new Map<string, Tag>();
  for (const t of current) byKey.set(t.Key.toLowerCase(), t);
  for (const t of added) byKey.set(t.Key.toLowerCase(), { Key: t.Key, Value: t.Value });
  if (byKey.size > MAX_TAGS) throw tagQuota(kind, MAX_TAGS);
  return [...byKey.values()];
}

export function removeTags(current: readonly Tag[], keys: readonly string[]): Tag[] {
  const drop = new Set(keys.map((k) => k.toLowerCase()));
  return current.filter((t) => !drop.has(t.Key.toLowerCase()));
}

/** aws:RequestTag/… and aws:TagKeys for an operation that sets tags. */
export function tagContext(tags: readonly Tag[] | undefined): [string, ContextValue][] {
  if (tags === undefined || tags.length === 0) return [];
  return [...tags.map((t): [string, ContextValue] => [`aws:RequestTag/${t.Key}`, t.Value]), ['aws:TagKeys', tags.map((t) => t.Key)]];
}

/** aws:TagKeys for an operation that removes tags. */
export function tagKeysContext(keys: readonly string[]): [string, ContextValue][] {
  return keys.length === 0 ? [] : [['aws:TagKeys', [...keys]]];
}

/** A tag list as a response carries it: absent when empty. */
export const tagsOrAbsent = (tags: readonly Tag[]): readonly Tag[] | undefined => (tags.length > 0 ? tags : undefined);
