/**
 * The condition operators, as a table. Each base operator names the kind of value it
 * compares and how; the negated ones (`StringNotEquals`, `NotIpAddress`, ...) are their
 * positive twin with the answer inverted, so every family is written once. Whether
 * policy values may hold wildcards or policy variables is part of the row: AWS reads
 * variables only in string and ARN comparisons.
 */

export type ValueKind = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

export type Comparison =
  | 'equals'
  | 'equalsIgnoreCase'
  | 'like'
  | 'lessThan'
  | 'lessThanEquals'
  | 'greaterThan'
  | 'greaterThanEquals';

export interface OperatorDef {
  /** The operator's name as AWS spells it. */
  readonly name: string;
  readonly kind: ValueKind;
  readonly comparison: Comparison;
  /** The answer of `comparison` is inverted. */
  readonly negated: boolean;
  /** Policy values are `*`/`?` patterns. */
  readonly wildcards: boolean;
  /** Policy values may hold `${...}` variables (2012-10-17 policies). */
  readonly variables: boolean;
}

const row = (
  name: string,
  kind: ValueKind,
  comparison: Comparison,
  negated = false,
): OperatorDef => ({
  name,
  kind,
  comparison,
  negated,
  wildcards: comparison === 'like' || kind === 'arn',
  variables: kind === 'string' || kind === 'arn',
});

export const OPERATORS: readonly OperatorDef[] = [
  row('StringEquals', 'string', 'equals'),
  row('StringNotEquals', 'string', 'equals', true),
  row('StringEqualsIgnoreCase', 'string', 'equalsIgnoreCase'),
  row('StringNotEqualsIgnoreCase', 'string', 'equalsIgnoreCase', true),
  row('StringLike', 'string', 'like'),
  row('StringNotLike', 'string', 'like', true),
  row('NumericEquals', 'numeric', 'equals'),
  row('NumericNotEquals', 'numeric', 'equals', true),
  row('NumericLessThan', 'numeric', 'lessThan'),
  row('NumericLessThanEquals', 'numeric', 'lessThanEquals'),
  row('NumericGreaterThan', 'numeric', 'greaterThan'),
  row('NumericGreaterThanEquals', 'numeric', 'greaterThanEquals'),
  row('DateEquals', 'date', 'equals'),
  row('DateNotEquals', 'date', 'equals', true),
  row('DateLessThan', 'date', 'lessThan'),
  row('DateLessThanEquals', 'date', 'lessThanEquals'),
  row('DateGreaterThan', 'date', 'greaterThan'),
  row('DateGreaterThanEquals', 'date', 'greaterThanEquals'),
  row('Bool', 'bool', 'equals'),
  row('BinaryEquals', 'binary', 'equals'),
  row('IpAddress', 'ip', 'equals'),
  row('NotIpAddress', 'ip', 'equals', true),
  // ARN operators match each of the six ARN parts with wildcards, Equals and Like alike.
  row('ArnEquals', 'arn', 'like'),
  row('ArnLike', 'arn', 'like'),
  row('ArnNotEquals', 'arn', 'like', true),
  row('ArnNotLike', 'arn', 'like', true),
  row('Null', 'null', 'equals'),
];

const BY_NAME = new Map(OPERATORS.map((op) => [op.name.toLowerCase(), op]));

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface ConditionOperator {
  /** The text as written in the policy. */
  readonly text: string;
  readonly base: OperatorDef;
  readonly qualifier: SetQualifier | undefined;
  readonly ifExists: boolean;
}

/**
 * Reads `ForAnyValue:StringLike`, `StringEqualsIfExists` and the like. Operator names
 * are matched without regard to case. Undefined for an unknown operator, and for
 * `Null` with `IfExists` or a set qualifier, which AWS rejects.
 */
export function parseOperator(text: string): ConditionOperator | undefined {
  let rest = text;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') qualifier = 'ForAllValues';
    else if (prefix === 'foranyvalue') qualifier = 'ForAnyValue';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  const base = BY_NAME.get(rest.toLowerCase());
  if (base === undefined) return undefined;
  if (base.kind === 'null' && (ifExists || qualifier !== undefined)) return undefined;
  return { text, base, qualifier, ifExists };
}
