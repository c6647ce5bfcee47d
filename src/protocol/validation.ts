/**
 * AWS's validation message, word for word:
 *
 *   1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy
 *   constraint: Member must satisfy regular expression pattern: [\w+=,.@-]*
 *
 * Several violations are joined with `; ` after `N validation errors detected: `. The path
 * is the member names with a lower-case first letter, list elements as `tags.6.member.value`.
 *
 * IAM and STS differ in one respect, so it is a parameter: STS still echoes the value
 * (`Value 'x' at …`, LocalStack's 2025 recording), while IAM has stopped echoing it and
 * prints `Value at 'status' …` and an enum constraint without its value set (LocalStack's
 * 2025 IAM recordings; public IAM errors from 2024 and 2026 read the same).
 */
import { AwsError } from '../errors.js';

export interface ValidationStyle {
  /** Print the offending value (`Value 'x' at`) or not (`Value at`). */
  readonly echoValues: boolean;
  /** Print an enum's allowed values after `Member must satisfy enum value set`. */
  readonly listEnumValues: boolean;
}

/** STS's style: values echoed (snapshot `test_sts_invalid_parameters`, 2025-07). */
export const STS_VALIDATION_STYLE: ValidationStyle = { echoValues: true, listEnumValues: true };

/** IAM's style: values not echoed (snapshot `test_invalid_update_parameters`, 2025-03). */
export const IAM_VALIDATION_STYLE: ValidationStyle = { echoValues: false, listEnumValues: false };

/** What the message shows for a value: absent (`null`), or its text. */
export type ShownValue = { readonly kind: 'null' } | { readonly kind: 'text'; readonly text: string } | { readonly kind: 'none' };

export interface Violation {
  readonly path: string;
  readonly value: ShownValue;
  readonly constraint: Constraint;
}

export type Constraint =
  | { readonly kind: 'notNull' }
  | { readonly kind: 'pattern'; readonly pattern: string }
  | { readonly kind: 'minLength'; readonly limit: number }
  | { readonly kind: 'maxLength'; readonly limit: number }
  | { readonly kind: 'minValue'; readonly limit: number }
  | { readonly kind: 'maxValue'; readonly limit: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** rolegate's wording: AWS's text for a value that does not parse is not on record. */
  | { readonly kind: 'type'; readonly expected: string };

export function constraintText(c: Constraint, style: ValidationStyle): string {
  switch (c.kind) {
    case 'notNull':
      return 'Member must not be null';
    case 'pattern':
      return `Member must satisfy regular expression pattern: ${c.pattern}`;
    case 'minLength':
      return `Member must have length greater than or equal to ${c.limit}`;
    case 'maxLength':
      return `Member must have length less than or equal to ${c.limit}`;
    case 'minValue':
      return `Member must have value greater than or equal to ${c.limit}`;
    case 'maxValue':
      return `Member must have value less than or equal to ${c.limit}`;
    case 'enum':
      return style.listEnumValues
        ? `Member must satisfy enum value set: [${c.values.join(', ')}]`
        : 'Member must satisfy enum value set';
    case 'type':
      return `Member must be ${c.expected}`;
  }
}

export function violationText(v: Violation, style: ValidationStyle): string {
  let value = '';
  if (style.echoValues) {
    if (v.value.kind === 'null') value = ' null';
    else if (v.value.kind === 'text') value = ` '${v.value.text}'`;
  }
  return `Value${value} at '${v.path}' failed to satisfy constraint: ${constraintText(v.constraint, style)}`;
}

/** One `ValidationError` carrying every violation, in AWS's framing. */
export function validationError(violations: readonly Violation[], style: ValidationStyle): AwsError {
  const n = violations.length;
  const head = n === 1 ? '1 validation error detected: ' : `${n} validation errors detected: `;
  return new AwsError('ValidationError', head + violations.map((v) => violationText(v, style)).join('; '));
}

/** `RoleSessionName` → `roleSessionName`, as AWS writes member names in paths. */
export function pathSegment(memberName: string): string {
  return memberName.charAt(0).toLowerCase() + memberName.slice(1);
}
