/**
 * Policy sizes: "IAM does not count white space when calculating the size of a policy"
 * (IAM User Guide, "IAM and AWS STS quotas"), and the quotas named there and in the STS
 * API reference for session policies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_SIZE_QUOTA, policySize } from '../../src/policy/index.js';

describe('policy size', () => {
  it('counts characters other than white space.', () => {
    expect(policySize('')).toBe(0);
    expect(policySize('{"a": 1}')).toBe(7);
    expect(policySize(' \t\r\n')).toBe(0);
    expect(policySize('{\n  "Version": "2012-10-17"\n}')).toBe('{"Version":"2012-10-17"}'.length);
  });

  it('gives a document the same size however it is indented.', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(1, 2, 4, '\t'), (value, indent) =>
        policySize(JSON.stringify(value)) === policySize(JSON.stringify(value, null, indent)),
      ),
      { seed: 31, numRuns: 2_000 },
    );
  });

  it('holds the quotas of the IAM quotas page: 6,144 managed, 2,048 user, 5,120 group, 10,240 role, 2,048 trust.', () => {
    expect(POLICY_SIZE_QUOTA).toMatchObject({ managed: 6144, 'inline-user': 2048, 'inline-group': 5120, 'inline-role': 10240, trust: 2048 });
  });

  it('holds the 2,048-character session-policy limit of the STS API reference.', () => {
    expect(POLICY_SIZE_QUOTA.session).toBe(2048);
  });
});
