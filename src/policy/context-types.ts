/**
 * The value types a simulation's context entries declare (IAM's ContextKeyTypeEnum), as
 * a table: each names the reader a condition of that family uses, so a value accepted
 * here is one the engine can compare, and a list type (`…List`) marks a multi-valued key.
 */
import { parseIpAddress } from './ip.js';
import { parseBinary, parseBool, parseDate, parseNumber } from './values.js';

export type ContextKeyType =
  | 'string' | 'stringList'
  | 'numeric' | 'numericList'
  | 'boolean' | 'booleanList'
  | 'ip' | 'ipList'
  | 'binary' | 'binaryList'
  | 'date' | 'dateList';

interface TypeRow {
  /** The type's values are a list (a multi-valued key). */
  readonly list: boolean;
  /** Whether a value reads as this type. */
  readonly reads: (value: string) => boolean;
}

const any = (): boolean => true;
const one = (reads: (value: string) => boolean): TypeRow => ({ list: false, reads });
const many = (reads: (value: string) => boolean): TypeRow => ({ list: true, reads });
const numeric = (v: string): boolean => parseNumber(v) !== undefined;
const bool = (v: string): boolean => parseBool(v) !== undefined;
const ip = (v: string): boolean => parseIpAddress(v) !== undefined;
const binary = (v: string): boolean => parseBinary(v) !== undefined;
const date = (v: string): boolean => parseDate(v) !== undefined;

export const CONTEXT_KEY_TYPES: Readonly<Record<ContextKeyType, TypeRow>> = {
  string: one(any),
  stringList: many(any),
  numeric: one(numeric),
  numericList: many(numeric),
  boolean: one(bool),
  booleanList: many(bool),
  ip: one(ip),
  ipList: many(ip),
  binary: one(binary),
  binaryList: many(binary),
  date: one(date),
  dateList: many(date),
};
