/**
 * A simulation's ContextEntries → the engine's request context. Each entry names a key,
 * its values and their ContextKeyType; a single-valued type takes exactly one value, a
 * `…List` type makes a multi-valued key, and every value must read as its type (a
 * number, `true`/`false`, an IP address, base64, a date) — the readers the condition
 * operators use, so the simulation compares what a real request would carry.
 */
import { CONTEXT_KEY_TYPES, type ContextKeyType, type ContextValue } from '../../policy/index.js';
import { invalidContextEntry } from './errors.js';

export interface ContextEntry {
  readonly ContextKeyName?: string | undefined;
  readonly ContextKeyValues?: readonly string[] | undefined;
  readonly ContextKeyType?: string | undefined;
}

export function contextFromEntries(entries: readonly ContextEntry[]): [string, ContextValue][] {
  return entries.map((entry) => {
    const name = entry.ContextKeyName;
    if (name === undefined) throw invalidContextEntry('A context entry must name its key.');
    const type = entry.ContextKeyType;
    if (type === undefined) throw invalidContextEntry(`Context key ${name} must have a ContextKeyType.`);
    const row = CONTEXT_KEY_TYPES[type as ContextKeyType];
    const values = entry.ContextKeyValues ?? [];
    if (!row.list && values.length !== 1) throw invalidContextEntry(`Context key ${name} of type ${type} must have exactly one value.`);
    const bad = values.find((v) => !row.reads(v));
    if (bad !== undefined) throw invalidContextEntry(`Invalid value ${bad} for context key ${name} of type ${type}.`);
    return [name, row.list ? [...values] : (values[0] as string)];
  });
}
