/**
 * Compares what the AWS SDK for JavaScript v3 gave back with one recorded step of a
 * LocalStack snapshot, which is the response of real AWS as botocore parsed it.
 *
 * The SDK's answer is first put in botocore's form — an error becomes
 * `{Error: {Code, Message, Type}, ResponseMetadata: {HTTPStatusCode}}`, `$metadata` becomes
 * `ResponseMetadata` — and then both trees are walked together. Every difference is
 * reported with its path; a field on one side only is a difference. Only two things are
 * read more loosely, because the two SDKs parse them differently and not because AWS varies:
 * policy documents (botocore decodes and parses them, v3 leaves the URL-encoded JSON text)
 * and `ResponseMetadata` (the snapshot keeps only `HTTPStatusCode`).
 */
import { type Bindings, matchTemplate } from './placeholders.js';

/**
 * Members botocore turns from URL-encoded JSON text into a dict (`policyDocumentType` in
 * IAM's model); the v3 SDK leaves them as text.
 */
const POLICY_DOCUMENT_MEMBERS = new Set(['AssumeRolePolicyDocument', 'PolicyDocument', 'Document']);

/** One step's outcome as the v3 SDK produced it. */
export type SdkOutcome = { readonly ok: true; readonly output: unknown } | { readonly ok: false; readonly error: unknown };

interface SdkError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
  readonly Error?: { readonly Code?: unknown };
}

/**
 * The outcome in botocore's form. A v3 error carries the wire code in `Error.Code` (its
 * `name` is the modeled class, e.g. `NoSuchEntityException` for `NoSuchEntity`), its
 * message in `message`, and Sender/Receiver as `$fault` client/server.
 */
export function toBotocoreForm(outcome: SdkOutcome): unknown {
  if (!outcome.ok) {
    const e = outcome.error as SdkError;
    const code = typeof e.Error?.Code === 'string' ? e.Error.Code : e.name;
    const type = e.$fault === 'client' ? 'Sender' : e.$fault === 'server' ? 'Receiver' : e.$fault;
    return { Error: { Code: code, Message: e.message, Type: type }, ResponseMetadata: { HTTPStatusCode: e.$metadata?.httpStatusCode } };
  }
  if (typeof outcome.output !== 'object' || outcome.output === null || !('$metadata' in outcome.output)) return outcome.output;
  const { $metadata, ...rest } = outcome.output as { $metadata: { httpStatusCode?: number } };
  return { ...rest, ResponseMetadata: { HTTPStatusCode: $metadata.httpStatusCode } };
}

/**
 * The differences between a recorded step and the SDK's outcome, one line each, prefixed
 * by their path (`Role.RoleId: …`). Placeholders bind in `bindings`, shared by the steps of
 * one scenario.
 *
 * @example
 *   compareStep({ Role: { RoleName: '<role-name:1>' } }, { ok: true, output: { Role: {} } }, bindings)
 *   // ['Role.RoleName: missing (recorded "<role-name:1>")']
 */
export function compareStep(recorded: unknown, outcome: SdkOutcome, bindings: Bindings): string[] {
  const out: string[] = [];
  compare(recorded, toBotocoreForm(outcome), '', bindings, out);
  return out;
}

function compare(recorded: unknown, actual: unknown, path: string, bindings: Bindings, out: string[]): void {
  const at = path === '' ? '(top)' : path;
  if (typeof recorded === 'string') return compareString(recorded, actual, at, bindings, out);
  if (Array.isArray(recorded)) {
    if (!Array.isArray(actual)) return void out.push(`${at}: expected a list, got ${describe(actual)}`);
    if (actual.length !== recorded.length) out.push(`${at}: expected ${recorded.length} items, got ${actual.length}`);
    for (let i = 0; i < Math.min(recorded.length, actual.length); i++) compare(recorded[i], actual[i], `${path}[${i}]`, bindings, out);
    return;
  }
  if (typeof recorded === 'object' && recorded !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual) || actual instanceof Date) return void out.push(`${at}: expected a structure, got ${describe(actual)}`);
    return compareStructure(recorded as Record<string, unknown>, actual as Record<string, unknown>, path, bindings, out);
  }
  if (recorded !== actual) out.push(`${at}: expected ${JSON.stringify(recorded)}, got ${describe(actual)}`);
}

function compareStructure(recorded: Record<string, unknown>, actual: Record<string, unknown>, path: string, bindings: Bindings, out: string[]): void {
  const prefix = path === '' ? '' : `${path}.`;
  for (const [key, value] of Object.entries(recorded)) {
    const here = `${prefix}${key}`;
    const got = actual[key];
    if (got === undefined) {
      out.push(`${here}: missing (recorded ${JSON.stringify(value)})`);
    } else if (key === 'ResponseMetadata') {
      // The snapshot keeps HTTPStatusCode and an emptied HTTPHeaders; request ids differ by nature.
      const status = (value as { HTTPStatusCode?: unknown }).HTTPStatusCode;
      const gotStatus = (got as { HTTPStatusCode?: unknown }).HTTPStatusCode;
      if (status !== gotStatus) out.push(`${here}.HTTPStatusCode: expected ${String(status)}, got ${String(gotStatus)}`);
    } else if (POLICY_DOCUMENT_MEMBERS.has(key) && typeof value === 'object' && value !== null && typeof got === 'string') {
      const document = parsePolicyDocument(got);
      if (document === undefined) out.push(`${here}: not URL-encoded JSON: ${JSON.stringify(got)}`);
      else compare(value, document, here, bindings, out);
    } else {
      compare(value, got, here, bindings, out);
    }
  }
  // undefined is how the SDK leaves a member the response lacked, so it is no field.
  for (const [key, value] of Object.entries(actual)) if (!(key in recorded) && value !== undefined) out.push(`${prefix}${key}: unexpected ${describe(value)}`);
}

function compareString(recorded: string, actual: unknown, at: string, bindings: Bindings, out: string[]): void {
  if (recorded === '<datetime>') {
    if (!(actual instanceof Date) || Number.isNaN(actual.getTime())) out.push(`${at}: expected a date, got ${describe(actual)}`);
    return;
  }
  if (typeof actual !== 'string') return void out.push(`${at}: expected ${JSON.stringify(recorded)}, got ${describe(actual)}`);
  for (const problem of matchTemplate(recorded, actual, bindings)) out.push(`${at}: ${problem}`);
}

function parsePolicyDocument(text: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(text)) as unknown;
  } catch {
    return undefined;
  }
}

function describe(value: unknown): string {
  if (value instanceof Date) return `the date ${value.toISOString()}`;
  if (value === undefined) return 'nothing';
  return JSON.stringify(value);
}
