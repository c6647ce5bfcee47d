/**
 * Helpers shared by the policy tests: reading fixture files strictly (an unknown or
 * misspelled field is an error, never silently ignored) and turning policy JSON into
 * compiled policies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePolicy, parsePolicy, type CompiledPolicy, type PolicyGrammar, type PolicyType } from '../../src/policy/index.js';

export class FixtureError extends Error {
  override readonly name = 'FixtureError';
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The JSON files of a fixture folder, by name, in a stable order. */
export function fixtureFiles(folder: string): { file: string; value: Json }[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(folder, file), 'utf8');
      try {
        return { file, value: JSON.parse(text) as Json };
      } catch (e) {
        throw new FixtureError(`${file}: not JSON: ${(e as Error).message}`);
      }
    });
}

export function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fails when `value` is not an object, lacks a required field or has one not listed. */
export function fields(
  value: Json | undefined,
  where: string,
  required: readonly string[],
  optional: readonly string[] = [],
): { [key: string]: Json } {
  if (!isObject(value)) throw new FixtureError(`${where}: expected an object`);
  const known = new Set([...required, ...optional]);
  for (const key of Object.keys(value)) {
    if (!known.has(key)) throw new FixtureError(`${where}: unknown field "${key}" (known: ${[...known].join(', ')})`);
  }
  for (const key of required) {
    if (!(key in value)) throw new FixtureError(`${where}: missing field "${key}"`);
  }
  return value;
}

export function str(value: Json | undefined, where: string): string {
  if (typeof value !== 'string') throw new FixtureError(`${where}: expected a string`);
  return value;
}

export function optStr(value: Json | undefined, where: string): string | undefined {
  return value === undefined ? undefined : str(value, where);
}

export function list(value: Json | undefined, where: string): Json[] {
  if (!Array.isArray(value)) throw new FixtureError(`${where}: expected a list`);
  return value;
}

const AWS_PAGE = /^https:\/\/docs\.aws\.amazon\.com\/[A-Za-z0-9_./#-]+$/;

/** Every fixture names the AWS page it comes from. */
export function source(value: Json | undefined, where: string): string {
  const url = str(value, `${where}.source`);
  if (!AWS_PAGE.test(url)) throw new FixtureError(`${where}.source: expected a docs.aws.amazon.com URL, got ${url}`);
  return url;
}

/** A policy given as JSON (stringified) or as raw text (kept byte for byte). */
export function policyText(document: Json | undefined, where: string): string {
  if (typeof document === 'string') return document;
  if (!isObject(document)) throw new FixtureError(`${where}: a policy document is an object or a string`);
  return JSON.stringify(document);
}

export function compile(text: string, grammar: PolicyGrammar, id: string, type: PolicyType): CompiledPolicy {
  return compilePolicy(parsePolicy(text, grammar), { id, type });
}

/** A compact policy for unit tests. */
export function policyOf(statements: readonly object[], grammar: PolicyGrammar = 'identity', type: PolicyType = 'identity', id = 'p'): CompiledPolicy {
  return compile(JSON.stringify({ Version: '2012-10-17', Statement: statements }), grammar, id, type);
}
