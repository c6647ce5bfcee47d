/**
 * The time rules at their edges. Header auth: the signing time may be up to 15 minutes
 * either side of now, inclusive, refused one second beyond with AWS's exact texts.
 * Presigned: valid from X-Amz-Date (up to 15 minutes early) through X-Amz-Expires
 * seconds after it, inclusive; X-Amz-Expires is 1 to 604800.
 */
import { describe, expect, it } from 'vitest';
import { presign, sign, type HttpRequest } from '../../src/sigv4/index.js';
import { ACCESS_KEY_ID, callerIdentityUrl, NOW, outcome, REGION, SECRET, SESSION_TOKEN, stsRequest } from './fixtures.js';

const CREDENTIALS = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET, sessionToken: SESSION_TOKEN };
const SECOND = 1000;
const MINUTE = 60 * SECOND;

function signedAt(at: number): HttpRequest {
  return sign(stsRequest(), CREDENTIALS, { now: at, region: REGION, service: 'sts' });
}

function presignedAt(at: number, expiresSeconds: number): HttpRequest {
  return presign(callerIdentityUrl(), CREDENTIALS, { now: at, region: REGION, service: 'sts', expiresSeconds });
}

describe('header-signed requests and the clock', () => {
  it('are accepted exactly 15 minutes old and exactly 15 minutes early', () => {
    expect(outcome(signedAt(NOW - 15 * MINUTE)).code).toBe('ok');
    expect(outcome(signedAt(NOW + 15 * MINUTE)).code).toBe('ok');
  });

  it("are refused one second older with AWS's 'Signature expired' text", () => {
    expect(outcome(signedAt(NOW - 15 * MINUTE - SECOND))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: 'Signature expired: 20260314T145425Z is now earlier than 20260314T145426Z (20260314T150926Z - 15 min.)',
    });
  });

  it("are refused one second further ahead with AWS's 'Signature not yet current' text", () => {
    expect(outcome(signedAt(NOW + 15 * MINUTE + SECOND))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: 'Signature not yet current: 20260314T152427Z is still later than 20260314T152426Z (20260314T150926Z + 15 min.)',
    });
  });

  it('use a configured window, and say so in the message', () => {
    expect(outcome(signedAt(NOW - 5 * MINUTE), { maxSkewMinutes: 5 }).code).toBe('ok');
    expect(outcome(signedAt(NOW - 5 * MINUTE - SECOND), { maxSkewMinutes: 5 }).message).toBe(
      'Signature expired: 20260314T150425Z is now earlier than 20260314T150426Z (20260314T150926Z - 5 min.)',
    );
  });

  it('ignore the milliseconds of now, as the signing time has none', () => {
    expect(outcome(signedAt(NOW - 15 * MINUTE), { now: NOW + 999 }).code).toBe('ok');
  });
});

describe('presigned URLs and the clock', () => {
  it('are accepted through the last second of X-Amz-Expires and refused from the next', () => {
    const url = presignedAt(NOW - 3600 * SECOND, 3600);
    expect(outcome(url).code).toBe('ok');
    expect(outcome(url, { now: NOW + SECOND })).toEqual({ code: 'AccessDenied', message: 'Request has expired' });
  });

  it('honour X-Amz-Expires beyond 15 minutes (unlike header auth) up to 7 days', () => {
    expect(outcome(presignedAt(NOW - 604_800 * SECOND, 604_800)).code).toBe('ok');
    expect(outcome(presignedAt(NOW - 604_800 * SECOND - SECOND, 604_800)).code).toBe('AccessDenied');
  });

  it('are accepted up to 15 minutes before X-Amz-Date and refused a second earlier', () => {
    expect(outcome(presignedAt(NOW + 15 * MINUTE, 60)).code).toBe('ok');
    expect(outcome(presignedAt(NOW + 15 * MINUTE + SECOND, 60))).toEqual({ code: 'AccessDenied', message: 'Request is not yet valid' });
  });

  it('refuse an X-Amz-Expires above 604800 seconds, below 1, or not a number', () => {
    const url = presignedAt(NOW, 60);
    const expires = (value: string): HttpRequest => ({ ...url, query: url.query.replace('X-Amz-Expires=60', `X-Amz-Expires=${value}`) });
    expect(outcome(expires('604800')).code).toBe('SignatureDoesNotMatch'); // well-formed, but not what was signed
    expect(outcome(expires('604801'))).toEqual({
      code: 'IncompleteSignature',
      message: 'X-Amz-Expires must be less than a week (in seconds) that is; 604800',
    });
    expect(outcome(expires('-1'))).toEqual({ code: 'IncompleteSignature', message: 'X-Amz-Expires must be non-negative' });
    expect(outcome(expires('0')).code).toBe('IncompleteSignature');
    expect(outcome(expires('6e1'))).toEqual({ code: 'IncompleteSignature', message: 'X-Amz-Expires should be a number' });
    expect(() => presignedAt(NOW, 604_801)).toThrow(RangeError);
  });

  it('can be turned off, for servers that refuse query authentication', () => {
    expect(outcome(presignedAt(NOW, 60), { allowPresigned: false }).code).toBe('AccessDenied');
  });
});
