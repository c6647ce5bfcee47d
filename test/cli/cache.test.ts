/**
 * The AWS CLI cache's naming and dates without a server: botocore's key for arguments
 * outside ASCII and with every optional argument, and the expiry formats botocore writes.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cacheKey, expiryMs } from '../../src/cli/laptop/cache.js';

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');

describe('the AWS CLI cache key', () => {
  it('is the SHA-1 of the sorted arguments as Python\'s json.dumps writes them', () => {
    const args = { RoleArn: 'arn:aws:iam::000000000000:role/dev', SerialNumber: 'arn:aws:iam::000000000000:mfa/a', ExternalId: 'x', DurationSeconds: 3600, RoleSessionName: 's' };
    expect(cacheKey(args)).toBe(
      sha1('{"DurationSeconds": 3600, "ExternalId": "x", "RoleArn": "arn:aws:iam::000000000000:role/dev", "RoleSessionName": "s", "SerialNumber": "arn:aws:iam::000000000000:mfa/a"}'),
    );
  });

  it('escapes characters outside printable ASCII as Python does, surrogate pairs included', () => {
    expect(cacheKey({ RoleArn: 'r', RoleSessionName: 'é\u007f😀' })).toBe(sha1('{"RoleArn": "r", "RoleSessionName": "\\u00e9\\u007f\\ud83d\\ude00"}'));
  });

  it('leaves out arguments the profile does not set', () => {
    expect(cacheKey({ RoleArn: 'r', ExternalId: undefined })).toBe(sha1('{"RoleArn": "r"}'));
  });
});

describe('cached expiry times', () => {
  it('reads botocore\'s strftime form and ISO 8601 alike', () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5);
    expect(expiryMs('2026-01-02T03:04:05UTC')).toBe(at);
    expect(expiryMs('2026-01-02T03:04:05Z')).toBe(at);
    expect(expiryMs('2026-01-02T03:04:05+00:00')).toBe(at);
  });
});
