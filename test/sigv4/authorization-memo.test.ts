/**
 * parseSignedRequest remembers the last Authorization header it read, up to the
 * signature. That memo must never change an answer: every variation of the signature
 * part is answered the same whether the memo holds this header's prefix (fast path) or
 * another one (full reading), and the prefix is only reused when it is exactly the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sign, type HttpRequest } from '../../src/sigv4/index.js';
import { ACCESS_KEY_ID, NOW, outcome, REGION, SECRET, SESSION_TOKEN, stsRequest } from './fixtures.js';
import { header, withHeader } from './raw-http.js';

const credentials = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET, sessionToken: SESSION_TOKEN };
const signed = sign(stsRequest(), credentials, { now: NOW, region: REGION, service: 'sts' });
const authorization = header(signed, 'authorization') as string;
const prefix = authorization.slice(0, authorization.lastIndexOf('Signature=') + 'Signature='.length);
// Another client's header: priming with it makes the next reading a full one.
const other = sign(stsRequest('Action=GetCallerIdentity&Version=2011-06-15'), credentials, { now: NOW, region: REGION, service: 'iam' });

const primedWith = (primer: HttpRequest, request: HttpRequest): ReturnType<typeof outcome> => {
  outcome(primer);
  return outcome(request);
};

describe('the Authorization memo', () => {
  it('is primed by a valid request, which it accepts again', () => {
    expect(outcome(signed).code).toBe('ok');
    expect(outcome(signed).code).toBe('ok');
  });

  it('answers every signature-part variation as the full reading does', () => {
    const tail = fc.oneof(
      fc.stringMatching(/^[0-9a-f]{64}$/),
      fc.stringMatching(/^[0-9a-fA-F, =]{60,68}$/),
      fc.string({ minLength: 0, maxLength: 80 }),
    );
    fc.assert(
      fc.property(tail, (t) => {
        const request = withHeader(signed, 'Authorization', prefix + t);
        expect(primedWith(signed, request)).toEqual(primedWith(other, request));
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });

  it('reuses nothing when the prefix differs by one character', () => {
    const changed = withHeader(signed, 'Authorization', authorization.replace('SignedHeaders=', 'SignedHeaders=a;'));
    expect(primedWith(signed, changed)).toEqual(primedWith(other, changed));
    expect(primedWith(signed, changed).code).not.toBe('ok');
  });

  it('still needs a date header on the fast path', () => {
    const undated: HttpRequest = { ...signed, headers: signed.headers.filter(([n]) => n.toLowerCase() !== 'x-amz-date') };
    expect(primedWith(signed, undated)).toEqual(primedWith(other, undated));
    expect(primedWith(signed, undated).code).toBe('IncompleteSignature');
  });
});
