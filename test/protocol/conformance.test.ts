/**
 * AWS's own `query` protocol test suites (botocore's copy of Smithy's awsQuery tests),
 * read in place from ../shared/aws-reference/protocol-tests and run backwards, as a
 * server needs them: input cases parse `serialized.body` into `params`; output cases
 * serialize `result` and read it back like an SDK; error cases check the envelope.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AwsError, type AwsErrorCode } from '../../src/errors.js';
import {
  deserializeInput,
  readQueryParams,
  resolveOperation,
  serializeError,
  serializeResponse,
  STS_VALIDATION_STYLE,
  type QueryOperation,
  type QueryService,
} from '../../src/protocol/index.js';
import { fromJsonForm, toDslStructure, toJsonForm, type BotoShapes } from './botocore-shapes.js';
import { child, parseXml, readResult, textOf } from './xml-reader.js';

const DIR = path.resolve(import.meta.dirname, '../../../shared/aws-reference/protocol-tests');
const INPUT = path.join(DIR, 'query-input.json');
const OUTPUT = path.join(DIR, 'query-output.json');

interface Given {
  readonly name: string;
  readonly input?: { readonly shape: string };
  readonly output?: { readonly shape: string };
  readonly errors?: readonly { readonly shape: string }[];
}
interface Case {
  readonly id: string;
  readonly given: Given;
  readonly params?: Record<string, unknown>;
  readonly serialized?: { readonly body?: string; readonly uri: string };
  readonly result?: Record<string, unknown>;
  readonly response: { readonly status_code: number; readonly body?: string };
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly error?: Record<string, unknown>;
}
interface Suite {
  readonly description: string;
  readonly metadata: { readonly apiVersion: string };
  readonly shapes: BotoShapes;
  readonly cases: readonly Case[];
}

/** Cases that describe client behaviour a server cannot or need not mirror. */
const INPUT_NOT_APPLICABLE: Readonly<Record<string, string>> = {
  SDKAppliedContentEncoding_awsQuery: 'request compression (gzip body, no form body to parse); rolegate refuses Content-Encoding (security.md §4A)',
  SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsQuery: 'request compression, as above',
  QueryProtocolIdempotencyTokenAutoFill: 'the client invents the token when params omit it; a server sees an ordinary string',
};

const loadSuites = (file: string): Suite[] => JSON.parse(readFileSync(file, 'utf8')) as Suite[];

function serviceFor(suite: Suite, operation: QueryOperation): QueryService {
  return {
    version: suite.metadata.apiVersion,
    xmlNamespace: 'https://example.com/',
    validationStyle: STS_VALIDATION_STYLE,
    operations: new Map([[operation.name, operation]]),
  };
}

/** A client serializes an empty map as nothing at all; a server reads that as absent. */
function withoutEmptyMaps(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)),
  );
}

const inputSuites = existsSync(INPUT) ? loadSuites(INPUT) : [];
const inputCases = inputSuites.flatMap((suite) => suite.cases.map((c) => ({ suite, c })));

describe.skipIf(!existsSync(INPUT))('query input suite (query-input.json): parsing what SDKs send', () => {
  it('holds the 38 cases SOURCE.md describes', () => {
    expect(inputCases).toHaveLength(38);
  });
  const applicable = inputCases.filter(({ c }) => !(c.id in INPUT_NOT_APPLICABLE));
  it.each(applicable.map(({ suite, c }) => [c.id, suite, c] as const))('%s parses back into its params', (_id, suite, c) => {
    const input = c.given.input === undefined ? undefined : toDslStructure(suite.shapes, c.given.input.shape);
    const operation: QueryOperation = { name: c.given.name, ...(input !== undefined ? { input } : {}) };
    const body = c.serialized?.body ?? '';
    const params = readQueryParams(body, '');
    const op = resolveOperation(params, serviceFor(suite, operation));
    const parsed = deserializeInput(params, op.input, { style: STS_VALIDATION_STYLE, unknownParameters: 'reject' });
    const json = input === undefined ? {} : toJsonForm(parsed, input);
    expect(json).toEqual(withoutEmptyMaps(c.params ?? {}));
  });
  it.each(Object.entries(INPUT_NOT_APPLICABLE))('%s does not apply: %s', (id) => {
    expect(inputCases.some(({ c }) => c.id === id)).toBe(true);
  });
  it('reads the same parameters from a GET query string as from a POST body', () => {
    for (const { suite, c } of applicable) {
      const body = c.serialized?.body ?? '';
      expect(readQueryParams('', `?${body}`)).toEqual(readQueryParams(body, ''));
      void suite;
    }
  });
});

const outputSuites = existsSync(OUTPUT) ? loadSuites(OUTPUT) : [];
const outputCases = outputSuites.flatMap((suite) => suite.cases.map((c) => ({ suite, c })));

describe.skipIf(!existsSync(OUTPUT))('query output suite (query-output.json): writing what SDKs read', () => {
  it('holds the 38 cases SOURCE.md describes, 3 of them errors', () => {
    expect(outputCases).toHaveLength(38);
    expect(outputCases.filter(({ c }) => c.errorCode !== undefined)).toHaveLength(3);
  });

  const successes = outputCases.filter(({ c }) => c.errorCode === undefined);
  it.each(successes.map(({ suite, c }) => [c.id, suite, c] as const))(
    '%s: our XML reads back as the result, and as AWS’s sample body reads',
    (_id, suite, c) => {
      const output = c.given.output === undefined ? undefined : toDslStructure(suite.shapes, c.given.output.shape);
      const envelope = { action: c.given.name, xmlNamespace: 'https://example.com/', requestId: 'foo-id' };
      const value = output === undefined ? undefined : fromJsonForm(c.result ?? {}, output);
      const ours = serializeResponse(envelope, output, value);
      const oursRead = readResult(ours, c.given.name, output);
      expect(oursRead).toEqual(c.result ?? {});
      if (c.response.body !== undefined) {
        expect(oursRead).toEqual(readResult(c.response.body, c.given.name, output));
      }
      expect(textOf(child(child(parseXml(ours), 'ResponseMetadata')!, 'RequestId')!)).toBe('foo-id');
    },
  );

  const errors = outputCases.filter(({ c }) => c.errorCode !== undefined);
  it.each(errors.map(({ c }) => [c.id, c] as const))('%s: our error envelope reads as AWS’s', (_id, c) => {
    const theirs = parseXml(c.response.body ?? '');
    const theirError = child(theirs, 'Error')!;
    const code = c.errorCode as string;
    const message = c.errorMessage ?? '';
    // A test-only code: the suite's errors are not IAM/STS codes.
    const error = new AwsError(code as AwsErrorCode, message, { status: c.response.status_code });
    const wire = serializeError(error, { xmlNamespace: 'https://example.com/', requestId: 'foo-id' });
    expect(wire.status).toBe(c.response.status_code);
    const ours = parseXml(wire.body);
    expect(ours.name).toBe(theirs.name);
    const ourError = child(ours, 'Error')!;
    for (const field of ['Type', 'Code'] as const) {
      expect(textOf(child(ourError, field)!)).toBe(textOf(child(theirError, field)!));
    }
    const theirMessage = child(theirError, 'Message');
    expect(textOf(child(ourError, 'Message')!)).toBe(theirMessage === undefined ? '' : textOf(theirMessage));
    expect(textOf(child(ours, 'RequestId')!)).toBe(textOf(child(theirs, 'RequestId')!));
  });
});
