/**
 * ContextEntries → request context: each ContextKeyType reads its values as the condition
 * operators of its family do, a single type takes one value, a list type makes a
 * multi-valued key, and a value that does not read as its type is InvalidInput.
 */
import { describe, expect, it } from 'vitest';
import { contextFromEntries } from '../../../src/services/iam/context-entries.js';

const good: readonly [string, string][] = [
  ['string', 'any text'],
  ['numeric', '-1.5'],
  ['boolean', 'TRUE'],
  ['ip', '2001:db8::1'],
  ['binary', 'AAEC'],
  ['date', '2024-05-01T10:00:00Z'],
];
const bad: readonly [string, string][] = [
  ['numeric', 'ten'],
  ['boolean', 'yes'],
  ['ip', '10.0.0.256'],
  ['binary', 'not base64!'],
  ['date', 'tomorrow'],
];

describe('context entries', () => {
  it.each(good)('reads a %s value (%s), alone and in its list type', (type, value) => {
    expect(contextFromEntries([{ ContextKeyName: 'test:Key', ContextKeyValues: [value], ContextKeyType: type }])).toEqual([['test:Key', value]]);
    expect(contextFromEntries([{ ContextKeyName: 'test:Key', ContextKeyValues: [value, value], ContextKeyType: `${type}List` }])).toEqual([['test:Key', [value, value]]]);
  });

  it.each(bad)('refuses a %s value that does not read as one (%s), in the list type too', (type, value) => {
    for (const t of [type, `${type}List`]) {
      expect(() => contextFromEntries([{ ContextKeyName: 'test:Key', ContextKeyValues: [value], ContextKeyType: t }])).toThrow(
        expect.objectContaining({ code: 'InvalidInput' }),
      );
    }
  });

  it('takes exactly one value for a single-valued type, and any number for a list type', () => {
    expect(() => contextFromEntries([{ ContextKeyName: 'test:Key', ContextKeyValues: ['a', 'b'], ContextKeyType: 'string' }])).toThrow(/exactly one value/);
    expect(() => contextFromEntries([{ ContextKeyName: 'test:Key', ContextKeyType: 'string' }])).toThrow(/exactly one value/);
    expect(contextFromEntries([{ ContextKeyName: 'test:Key', ContextKeyType: 'stringList' }])).toEqual([['test:Key', []]]);
  });

  it('needs a key name and a type', () => {
    expect(() => contextFromEntries([{ ContextKeyValues: ['a'], ContextKeyType: 'string' }])).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
    expect(() => contextFromEntries([{ ContextKeyName: 'test:Key', ContextKeyValues: ['a'] }])).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
  });
});
