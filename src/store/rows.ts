/** Small helpers shared by the repositories: optional columns and JSON columns. */
import type { Tag } from './records.js';

export const optional = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);
export const nullable = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
export const readTags = (text: string): Tag[] => JSON.parse(text) as Tag[];
export const writeTags = (tags: readonly Tag[]): string => JSON.stringify(tags);
/** IAM names are unique without regard to case. */
export const nameKey = (name: string): string => name.toLowerCase();
