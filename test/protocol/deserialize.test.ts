import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AwsError } from '../../src/errors.js';
import {
  boolean,
  deserializeInput,
  IAM_VALIDATION_STYLE,
  integer,
  list,
  map,
  member,
  readQueryParams,
  resolveOperation,
  string,
  structure,
  STS_VALIDATION_STYLE,
  timestamp,
  type QueryService,
} from '../../src/protocol/index.js';

// Hand-written shapes in the spirit of STS AssumeRole, to exercise every constraint kind.
const Tag = structure(
  { Key: string({ min: 1, max: 128, pattern: /[\p{L}\p{Z}\p{N}_.:\/=+\-@]+/u, patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' }), Value: string({ max: 256 }) },
  { required: ['Key', 'Value'] },
);
const Input = structure(
  {
    RoleArn: string({ min: 20, max: 2048 }),
    RoleSessionName: string({ min: 2, max: 64, pattern: /[\w+=,.@-]*/u }),
    DurationSeconds: integer({ min: 900, max: 43200 }),
    Tags: list(Tag, { max: 50 }),
    TransitiveTagKeys: list(string({ min: 1, max: 128 }), { max: 50 }),
    Status: string({ enum: ['Active', 'Inactive'] }),
    Force: boolean(),
    When: timestamp(),
    Renamed: member(string(), { locationName: 'Other' }),
    Flat: member(list(string()), { flattened: true }),
    Attrs: map(string()),
  },
  { required: ['RoleArn', 'RoleSessionName'] },
);

const ARN = 'arn:aws:iam::123456789012:role/demo';

function parse(body: string, style = STS_VALIDATION_STYLE) {
  return deserializeInput(readQueryParams(body, ''), Input, { style });
}

function messageOf(body: string, style = STS_VALIDATION_STYLE): string {
  try {
    parse(body, style);
  } catch (e) {
    if (e instanceof AwsError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'ok';
}

const base = `RoleArn=${encodeURIComponent(ARN)}&RoleSessionName=s1`;

describe('deserializeInput: reading', () => {
  it('infers the handler’s input type from the shape', () => {
    const input = parse(base);
    expectTypeOf(input.RoleArn).toEqualTypeOf<string>();
    expectTypeOf(input.DurationSeconds).toEqualTypeOf<number | undefined>();
    expectTypeOf(input.Tags).toEqualTypeOf<{ Key: string; Value: string }[] | undefined>();
    expect(input).toEqual({ RoleArn: ARN, RoleSessionName: 's1' });
  });

  it('reads every wire form: lists, nested structures, maps, renamed and flattened members', () => {
    const input = parse(
      `${base}&DurationSeconds=3600&Tags.member.1.Key=k1&Tags.member.1.Value=v1&Tags.member.2.Key=k2&Tags.member.2.Value=` +
        `&TransitiveTagKeys.member.1=k1&Force=true&When=2019-11-09T20%3A05%3A25Z&Other=x&Flat.1=a&Flat.2=b` +
        `&Attrs.entry.1.key=a&Attrs.entry.1.value=1`,
    );
    expect(input).toEqual({
      RoleArn: ARN,
      RoleSessionName: 's1',
      DurationSeconds: 3600,
      Tags: [{ Key: 'k1', Value: 'v1' }, { Key: 'k2', Value: '' }],
      TransitiveTagKeys: ['k1'],
      Force: true,
      When: new Date('2019-11-09T20:05:25Z'),
      Renamed: 'x',
      Flat: ['a', 'b'],
      Attrs: new Map([['a', '1']]),
    });
  });

  it('ignores parameters that name no member, as AWS does, unless asked to reject them', () => {
    expect(parse(`${base}&SomethingNew=1&Action=AssumeRole&Version=2011-06-15`)).toEqual({ RoleArn: ARN, RoleSessionName: 's1' });
    expect(() =>
      deserializeInput(readQueryParams(`${base}&SomethingNew=1`, ''), Input, { style: STS_VALIDATION_STYLE, unknownParameters: 'reject' }),
    ).toThrow(AwsError);
  });

  it.each([
    ['a gap in a list', '&TransitiveTagKeys.member.1=a&TransitiveTagKeys.member.3=c'],
    ['a list starting at 0', '&TransitiveTagKeys.member.0=a'],
    ['a padded index', '&TransitiveTagKeys.member.01=a'],
    ['a huge index', '&TransitiveTagKeys.member.1000000000=a'],
    ['a field the element does not have', '&Tags.member.1.Key=k&Tags.member.1.Value=v&Tags.member.1.Extra=x'],
    ['a scalar given sub-fields', '&RoleArn.x=1'],
    ['a list given a value', '&TransitiveTagKeys=abc'],
    ['a map with a repeated key', '&Attrs.entry.1.key=a&Attrs.entry.1.value=1&Attrs.entry.2.key=a&Attrs.entry.2.value=2'],
  ])('refuses %s under a modelled member (InvalidQueryParameter)', (_what, extra) => {
    expect(messageOf(base + extra)).toBe('InvalidQueryParameter: The AWS query string is malformed or does not adhere to AWS standards.');
  });
});

describe('deserializeInput: AWS’s validation messages', () => {
  it('matches the recorded STS message for a bad RoleSessionName', () => {
    expect(messageOf(`RoleArn=${ARN}&RoleSessionName=Session1%3A2`)).toBe(
      "ValidationError: 1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  });

  it('says "Member must not be null" with Value null for a missing required member', () => {
    expect(messageOf(`RoleArn=${ARN}`)).toBe(
      "ValidationError: 1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('counts and joins several violations with "; "', () => {
    expect(messageOf('RoleArn=&RoleSessionName=x')).toBe(
      "ValidationError: 2 validation errors detected: Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20; " +
        "Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
  });

  it('words length, range and enum constraints as AWS does', () => {
    expect(messageOf(`${base}&DurationSeconds=600`)).toBe(
      "ValidationError: 1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    expect(messageOf(`${base}&DurationSeconds=43201`)).toContain('Member must have value less than or equal to 43200');
    expect(messageOf(`RoleArn=${ARN}&RoleSessionName=${'a'.repeat(65)}`)).toContain(
      `Value '${'a'.repeat(65)}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
    expect(messageOf(`${base}&Status=On`)).toBe(
      "ValidationError: 1 validation error detected: Value 'On' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]",
    );
  });

  it('writes list element paths as tags.N.member.field', () => {
    expect(messageOf(`${base}&Tags.member.1.Key=k&Tags.member.1.Value=v&Tags.member.2.Key=(bad)&Tags.member.2.Value=v`)).toBe(
      "ValidationError: 1 validation error detected: Value '(bad)' at 'tags.2.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
    );
    expect(messageOf(`${base}&Tags.member.1.Key=k`)).toContain("Value null at 'tags.1.member.value' failed to satisfy constraint: Member must not be null");
  });

  it('bounds list lengths, showing a list of strings as Java prints it', () => {
    const keys = Array.from({ length: 51 }, (_, i) => `&TransitiveTagKeys.member.${i + 1}=k${i}`).join('');
    expect(messageOf(base + keys)).toContain(
      `Value '[${Array.from({ length: 51 }, (_, i) => `k${i}`).join(', ')}]' at 'transitiveTagKeys' failed to satisfy constraint: Member must have length less than or equal to 50`,
    );
  });

  it('does not echo values in IAM’s style, as IAM’s recorded messages do not', () => {
    expect(messageOf(`${base}&Status=On`, IAM_VALIDATION_STYLE)).toBe(
      "ValidationError: 1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set",
    );
    expect(messageOf(`RoleArn=${ARN}&RoleSessionName=a%3Ab`, IAM_VALIDATION_STYLE)).toBe(
      "ValidationError: 1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  });

  it.each(['+3600', ' 3600', '3600.0', '1e3', '0x10', '1000000000000000000000000000000', 'abc', ''])(
    'refuses the integer %j (security.md §4B)',
    (raw) => {
      expect(messageOf(`${base}&DurationSeconds=${encodeURIComponent(raw)}`)).toMatch(/^ValidationError: 1 validation error detected: .* at 'durationSeconds' failed to satisfy constraint: Member must be an integer$/);
    },
  );

  it.each(['True', '1', 'yes', ''])('refuses the boolean %j rather than reading it as false', (raw) => {
    expect(messageOf(`${base}&Force=${raw}`)).toContain("at 'force' failed to satisfy constraint: Member must be a boolean");
  });

  it.each(['2019-02-30T00:00:00Z', '2019-11-09 20:05:25Z', 'yesterday', '2019-11-09T24:00:00Z'])('refuses the timestamp %j', (raw) => {
    expect(messageOf(`${base}&When=${encodeURIComponent(raw)}`)).toContain("at 'when' failed to satisfy constraint: Member must be a timestamp");
  });
});

const SNAPSHOTS = path.resolve(import.meta.dirname, '../../../shared/aws-reference/snapshots');
const STS_SNAPSHOT = path.join(SNAPSHOTS, 'sts/test_sts.snapshot.json');
const IAM_SNAPSHOT = path.join(SNAPSHOTS, 'iam/test_iam.snapshot.json');

/** Every recorded AWS message that starts with "N validation error(s) detected". */
function recordedValidationMessages(file: string): string[] {
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && /^\d+ validation errors? detected/.test(v)) found.push(v);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')));
  return found;
}

describe.skipIf(!existsSync(STS_SNAPSHOT) || !existsSync(IAM_SNAPSHOT))('recorded AWS validation messages (snapshots, read in place)', () => {
  it('STS: our message for RoleSessionName=Session1:2 is one AWS recorded', () => {
    expect(recordedValidationMessages(STS_SNAPSHOT)).toContain(messageOf(`RoleArn=${ARN}&RoleSessionName=Session1%3A2`).replace(/^ValidationError: /, ''));
  });

  it('IAM: our redacted pattern and enum messages are ones AWS recorded', () => {
    const Iam = structure({
      ServiceSpecificCredentialId: string({ min: 20, max: 128, pattern: /[\w]+/u }),
      Status: string({ enum: ['Active', 'Inactive'] }),
    });
    const recorded = recordedValidationMessages(IAM_SNAPSHOT);
    const msg = (body: string) => {
      try {
        deserializeInput(readQueryParams(body, ''), Iam, { style: IAM_VALIDATION_STYLE });
      } catch (e) {
        return (e as AwsError).message;
      }
      return 'ok';
    };
    expect(recorded).toContain(msg('ServiceSpecificCredentialId=totally-wrong-credential-id-with-hyphens'));
    expect(recorded).toContain(msg('Status=invalid'));
  });
});

describe('resolveOperation', () => {
  const sts: QueryService = {
    version: '2011-06-15',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    validationStyle: STS_VALIDATION_STYLE,
    operations: new Map([['AssumeRole', { name: 'AssumeRole', input: Input }]]),
  };
  const err = (body: string) => {
    try {
      resolveOperation(readQueryParams(body, ''), sts);
    } catch (e) {
      const a = e as AwsError;
      return `${a.status} ${a.code}: ${a.message}`;
    }
    return 'ok';
  };

  it('finds the operation named by Action for the service’s Version', () => {
    expect(resolveOperation(readQueryParams('Action=AssumeRole&Version=2011-06-15', ''), sts).name).toBe('AssumeRole');
  });
  it('answers MissingAction without an Action', () => {
    expect(err('Version=2011-06-15')).toBe('400 MissingAction: The request is missing an action or a required parameter.');
  });
  it('answers InvalidAction with AWS’s text for an unknown Action or another Version', () => {
    expect(err('Action=Nope&Version=2011-06-15')).toBe('400 InvalidAction: Could not find operation Nope for version 2011-06-15');
    expect(err('Action=AssumeRole&Version=2010-05-08')).toBe('400 InvalidAction: Could not find operation AssumeRole for version 2010-05-08');
  });
  it('answers MissingParameter without a Version', () => {
    expect(err('Action=AssumeRole')).toBe('400 MissingParameter: The request must contain the parameter Version');
  });
});

describe('deserializeInput: hostile input (security.md §4B)', () => {
  it('throws nothing but AwsError for random parameter sets', () => {
    const name = fc.oneof(
      fc.constantFrom('RoleArn', 'RoleSessionName', 'DurationSeconds', 'Tags', 'Attrs', 'Flat', 'Other', 'Force', 'When'),
      fc.string({ maxLength: 8 }),
    );
    const suffix = fc.array(fc.constantFrom('member', 'entry', '1', '2', '0', 'Key', 'Value', 'key', 'value', 'x', ''), { maxLength: 4 });
    const key = fc.tuple(name, suffix).map(([n, s]) => [n, ...s].join('.'));
    fc.assert(
      fc.property(fc.dictionary(key, fc.string({ maxLength: 20 }), { maxKeys: 12 }), (dict) => {
        try {
          deserializeInput(new Map(Object.entries(dict)), Input, { style: STS_VALIDATION_STYLE });
        } catch (e) {
          expect(e).toBeInstanceOf(AwsError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
