import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assumedRoleArn, formatArn, parseArn, parseIamEntityArn, uniqueId, uniqueIdKind } from '../../src/arn/index.js';

describe('ARNs', () => {
  it('split at the first five colons, keeping colons in the resource part', () => {
    expect(parseArn('arn:aws:logs:us-east-1:111122223333:log-group:app:*')).toEqual({
      partition: 'aws', service: 'logs', region: 'us-east-1', account: '111122223333', resource: 'log-group:app:*',
    });
  });

  it('format back to the same text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z-]{1,10}$/), fc.stringMatching(/^[a-z0-9-]{1,10}$/), fc.stringMatching(/^[a-z0-9-]{0,12}$/),
        fc.stringMatching(/^[0-9]{0,12}$/), fc.stringMatching(/^[a-zA-Z0-9/:*._-]{1,40}$/),
        (partition, service, region, account, resource) => {
          const text = `arn:${partition}:${service}:${region}:${account}:${resource}`;
          const arn = parseArn(text);
          expect(arn).toBeDefined();
          expect(formatArn(arn!)).toBe(text);
        }),
      { seed: 3 },
    );
  });

  it('refuse text that is not an ARN', () => {
    for (const bad of ['', 'arn', 'arn:aws', 'arn:aws:iam::1:', 'aws:iam::111122223333:role/x', 'arn::iam::111122223333:role/x']) {
      expect(parseArn(bad)).toBeUndefined();
    }
  });

  it('read IAM entity ARNs with their path', () => {
    expect(parseIamEntityArn('arn:aws:iam::111122223333:role/service/app/deployer')).toEqual({
      account: '111122223333', type: 'role', path: '/service/app/', name: 'deployer',
    });
    expect(parseIamEntityArn('arn:aws:iam::111122223333:role/dev')?.path).toBe('/');
    expect(parseIamEntityArn('arn:aws:iam:us-east-1:111122223333:role/dev')).toBeUndefined();
    expect(parseIamEntityArn('arn:aws:iam::1111:role/dev')).toBeUndefined();
    expect(parseIamEntityArn('arn:aws:iam::111122223333:role/')).toBeUndefined();
  });

  it('build the assumed-role ARN as STS prints it', () => {
    expect(assumedRoleArn('111122223333', 'dev', 'alice')).toBe('arn:aws:sts::111122223333:assumed-role/dev/alice');
  });
});

describe('unique ids', () => {
  it('are 21 characters with the prefix of their kind, and read back to that kind', () => {
    for (const kind of ['user', 'role', 'group', 'policy', 'instanceProfile', 'serviceSpecificCredential'] as const) {
      const id = uniqueId(kind, randomBytes(17));
      expect(id).toMatch(/^A[A-Z]{3}[A-Z2-7]{17}$/);
      expect(uniqueIdKind(id)).toBe(kind);
    }
    expect(uniqueId('role', randomBytes(17)).startsWith('AROA')).toBe(true);
    expect(uniqueIdKind('AKIAIOSFODNN7EXAMPLE')).toBeUndefined();
  });
});
