/**
 * Every single-field change to a signed request is refused, with the code AWS would
 * send. One table for a header-signed STS call, one for a presigned GetCallerIdentity
 * URL, then random bodies and parameters under a fixed fast-check seed. No refusal's
 * message carries the secret, the signing key, or the signature rolegate expected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presign, sha256Hex, sign, type HttpRequest } from '../../src/sigv4/index.js';
import { header, withHeader } from './raw-http.js';
import {
  ACCESS_KEY_ID,
  callerIdentityUrl,
  NOW,
  outcome,
  REGION,
  SECRET,
  SESSION_TOKEN,
  SIGNING_KEY_HEX,
  stsRequest,
  type Outcome,
} from './fixtures.js';

const CREDENTIALS = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET, sessionToken: SESSION_TOKEN };
const OPTIONS = { now: NOW, region: REGION, service: 'sts' };

function expectRefused(request: HttpRequest, code: Outcome, baseSignature: string, carriesBase: boolean): void {
  const result = outcome(request, { regions: [REGION], services: ['sts', 'iam'] });
  expect(result.code).toBe(code);
  expect(result.message).not.toContain(SECRET);
  expect(result.message).not.toContain(SIGNING_KEY_HEX);
  if (!carriesBase) expect(result.message).not.toContain(baseSignature);
}

function replaceAuthorization(request: HttpRequest, edit: (authorization: string) => string): HttpRequest {
  return withHeader(request, 'Authorization', edit(header(request, 'authorization')!));
}

function changeHeader(request: HttpRequest, name: string, value: string): HttpRequest {
  return { ...request, headers: request.headers.map(([n, v]) => [n, n.toLowerCase() === name ? value : v] as const) };
}

function flipHex(hex: string, i: number): string {
  const c = hex[i]!;
  return hex.slice(0, i) + (c === '0' ? '1' : '0') + hex.slice(i + 1);
}

describe('a header-signed STS request', () => {
  const signed = sign(stsRequest(), CREDENTIALS, OPTIONS);
  const authorization = header(signed, 'authorization')!;
  const signature = /Signature=([0-9a-f]{64})/.exec(authorization)![1]!;

  it('verifies as signed (the control for every mutation below)', () => {
    expect(outcome(signed, { regions: [REGION], services: ['sts'] }).code).toBe('ok');
    expect(authorization).toContain('SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,');
  });

  const table: [string, HttpRequest, Outcome][] = [
    ['the method', { ...signed, method: 'PUT' }, 'SignatureDoesNotMatch'],
    ['the path', { ...signed, path: '/sts' }, 'SignatureDoesNotMatch'],
    ['a query parameter added', { ...signed, query: 'Action=GetCallerIdentity' }, 'SignatureDoesNotMatch'],
    ['the host header', changeHeader(signed, 'host', 'evil.example'), 'SignatureDoesNotMatch'],
    ['the content-type header', changeHeader(signed, 'content-type', 'text/plain'), 'SignatureDoesNotMatch'],
    ['the x-amz-date header, one second later', changeHeader(signed, 'x-amz-date', '20260314T150927Z'), 'SignatureDoesNotMatch'],
    ['the session token header', changeHeader(signed, 'x-amz-security-token', 'RGAB/other+token=='), 'SignatureDoesNotMatch'],
    ['the access key id (another key, unknown here)', replaceAuthorization(signed, (a) => a.replace(ACCESS_KEY_ID, 'AKIAOTHEROTHEROTHER0')), 'InvalidClientTokenId'],
    ['the scope date', replaceAuthorization(signed, (a) => a.replace('/20260314/', '/20260313/')), 'SignatureDoesNotMatch'],
    ['the scope region', replaceAuthorization(signed, (a) => a.replace('/us-east-1/', '/us-west-2/')), 'SignatureDoesNotMatch'],
    ['the scope service', replaceAuthorization(signed, (a) => a.replace('/sts/', '/s3/')), 'SignatureDoesNotMatch'],
    ['the scope service to iam', replaceAuthorization(signed, (a) => a.replace('/sts/', '/iam/')), 'SignatureDoesNotMatch'],
    ['the scope terminator', replaceAuthorization(signed, (a) => a.replace('aws4_request', 'aws4_reques')), 'SignatureDoesNotMatch'],
    ['the algorithm', replaceAuthorization(signed, (a) => a.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512')), 'IncompleteSignature'],
    ['host removed from SignedHeaders', replaceAuthorization(signed, (a) => a.replace('host;', '')), 'AccessDenied'],
    ['x-amz-date removed from SignedHeaders', replaceAuthorization(signed, (a) => a.replace('x-amz-date;', '')), 'AccessDenied'],
    ['the token removed from SignedHeaders', replaceAuthorization(signed, (a) => a.replace(';x-amz-security-token', '')), 'AccessDenied'],
    ['content-type removed from SignedHeaders', replaceAuthorization(signed, (a) => a.replace('content-type;', '')), 'SignatureDoesNotMatch'],
    ['user-agent added to SignedHeaders', replaceAuthorization(signed, (a) => a.replace('host;', 'host;user-agent;')), 'SignatureDoesNotMatch'],
    ['an absent header added to SignedHeaders', replaceAuthorization(signed, (a) => a.replace('host;', 'host;if-match;')), 'SignatureDoesNotMatch'],
    ['SignedHeaders unsorted', replaceAuthorization(signed, (a) => a.replace('content-type;host', 'host;content-type')), 'IncompleteSignature'],
    ['SignedHeaders in upper case', replaceAuthorization(signed, (a) => a.replace('content-type;host', 'Content-Type;host')), 'IncompleteSignature'],
    ['SignedHeaders with a repeat', replaceAuthorization(signed, (a) => a.replace('host;', 'host;host;')), 'IncompleteSignature'],
    ['the signature in upper case', replaceAuthorization(signed, (a) => a.replace(signature, signature.toUpperCase())), 'SignatureDoesNotMatch'],
    ['the signature one digit short', replaceAuthorization(signed, (a) => a.replace(signature, signature.slice(1))), 'SignatureDoesNotMatch'],
    ['the signature given twice', replaceAuthorization(signed, (a) => `${a}, Signature=${signature}`), 'IncompleteSignature'],
    ['an unsigned x-amz-* header added', withHeader(signed, 'X-Amz-Target', 'AWSSecurityTokenServiceV20110615.AssumeRole'), 'AccessDenied'],
    ['an unsigned x-amz-copy-source-style header added', withHeader(signed, 'x-amz-meta-role', 'admin'), 'AccessDenied'],
    ['a second host header', { ...signed, headers: [...signed.headers, ['Host', 'evil.example']] }, 'IncompleteSignature'],
    ['a second Authorization header', { ...signed, headers: [...signed.headers, ['Authorization', authorization]] }, 'IncompleteSignature'],
    ['a second token header', { ...signed, headers: [...signed.headers, ['X-Amz-Security-Token', SESSION_TOKEN]] }, 'IncompleteSignature'],
    ['the Authorization header removed', { ...signed, headers: signed.headers.filter(([n]) => n !== 'Authorization') }, 'MissingAuthenticationToken'],
    ['presigned parameters added to a header-signed request', { ...signed, query: 'X-Amz-Signature=' + signature }, 'IncompleteSignature'],
    ['an x-amz-content-sha256 that is not the body hash', withHeader(signed, 'x-amz-content-sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'), 'XAmzContentSHA256Mismatch'],
    ['x-amz-content-sha256: UNSIGNED-PAYLOAD', withHeader(signed, 'x-amz-content-sha256', 'UNSIGNED-PAYLOAD'), 'XAmzContentSHA256Mismatch'],
    ['x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER', withHeader(signed, 'x-amz-content-sha256', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'), 'XAmzContentSHA256Mismatch'],
  ];

  for (const [what, request, code] of table) {
    it(`is refused with ${code} when ${what} changes`, () => {
      expectRefused(request, code, signature, header(request, 'authorization')?.includes(signature) ?? false);
    });
  }

  it('is refused with SignatureDoesNotMatch for each of the 64 hex digits of the signature changed', () => {
    for (let i = 0; i < 64; i++) {
      expectRefused(replaceAuthorization(signed, (a) => a.replace(signature, flipHex(signature, i))), 'SignatureDoesNotMatch', signature, false);
    }
  });

  it('is refused with SignatureDoesNotMatch for every byte of the body changed', () => {
    for (let i = 0; i < signed.body.length; i++) {
      const body = Buffer.from(signed.body);
      body[i] = body[i]! ^ 0x01;
      expectRefused({ ...signed, body }, 'SignatureDoesNotMatch', signature, true);
    }
  });

  it('still verifies with an unsigned x-amz-content-sha256 that is the true body hash (the one exempt header)', () => {
    const hash = sha256Hex(signed.body);
    expect(outcome(withHeader(signed, 'x-amz-content-sha256', hash)).code).toBe('ok');
  });
});

describe('a presigned GetCallerIdentity URL', () => {
  const url = presign(callerIdentityUrl(), CREDENTIALS, { ...OPTIONS, expiresSeconds: 60 });
  const signature = /X-Amz-Signature=([0-9a-f]{64})/.exec(url.query)![1]!;
  const params = url.query.split('&').map((p) => p.split('=') as [string, string]);

  it('verifies as signed, carrying its session token in the query', () => {
    expect(outcome(url).code).toBe('ok');
    expect(url.query).toContain('X-Amz-Security-Token=RGAB%2Fsession%2Btoken%3D%3D');
  });

  const withParam = (name: string, value: string | undefined): HttpRequest => ({
    ...url,
    query: params
      .flatMap(([k, v]) => (k === name ? (value === undefined ? [] : [`${k}=${value}`]) : [`${k}=${v}`]))
      .join('&'),
  });

  /** What changing (then removing) each parameter's value gives. */
  const perParam: Record<string, [changed: string, changedCode: Outcome, removedCode: Outcome]> = {
    Action: ['AssumeRole', 'SignatureDoesNotMatch', 'SignatureDoesNotMatch'],
    Version: ['2011-06-16', 'SignatureDoesNotMatch', 'SignatureDoesNotMatch'],
    'X-Amz-Algorithm': ['AWS4-HMAC-SHA1', 'IncompleteSignature', 'IncompleteSignature'],
    'X-Amz-Credential': [`${ACCESS_KEY_ID}%2F20260314%2Fus-west-2%2Fsts%2Faws4_request`, 'SignatureDoesNotMatch', 'IncompleteSignature'],
    'X-Amz-Date': ['20260314T150925Z', 'SignatureDoesNotMatch', 'IncompleteSignature'],
    'X-Amz-SignedHeaders': ['host', 'SignatureDoesNotMatch', 'IncompleteSignature'],
    'X-Amz-Expires': ['61', 'SignatureDoesNotMatch', 'IncompleteSignature'],
    'X-Amz-Security-Token': ['RGAB%2Fother', 'SignatureDoesNotMatch', 'SignatureDoesNotMatch'],
    'X-Amz-Signature': [flipHex(signature, 63), 'SignatureDoesNotMatch', 'IncompleteSignature'],
  };

  it('covers every parameter it carries in the table below', () => {
    expect(params.map(([k]) => k).sort()).toEqual(Object.keys(perParam).sort());
  });

  for (const [name, [value, changedCode, removedCode]] of Object.entries(perParam)) {
    it(`is refused with ${changedCode} when ${name} changes and ${removedCode} when it is removed`, () => {
      expectRefused(withParam(name, value), changedCode, signature, name !== 'X-Amz-Signature');
      expectRefused(withParam(name, undefined), removedCode, signature, name !== 'X-Amz-Signature');
    });
  }

  const table: [string, HttpRequest, Outcome][] = [
    ['the method', { ...url, method: 'POST' }, 'SignatureDoesNotMatch'],
    ['the path', { ...url, path: '/x' }, 'SignatureDoesNotMatch'],
    ['a parameter added', { ...url, query: `${url.query}&RoleArn=x` }, 'SignatureDoesNotMatch'],
    ['a parameter given twice', { ...url, query: `${url.query}&X-Amz-Date=20260314T150926Z` }, 'IncompleteSignature'],
    ['the signed x-k8s-aws-id header', changeHeader(url, 'x-k8s-aws-id', 'other-cluster'), 'SignatureDoesNotMatch'],
    ['the host header', changeHeader(url, 'host', 'sts.us-west-2.amazonaws.com'), 'SignatureDoesNotMatch'],
    ['an unsigned x-amz-* header added', withHeader(url, 'X-Amz-Date', '20260314T150926Z'), 'AccessDenied'],
    ['an unsigned token header added', withHeader(url, 'X-Amz-Security-Token', SESSION_TOKEN), 'AccessDenied'],
    ['an Authorization header added', withHeader(url, 'Authorization', `AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=${signature}`), 'IncompleteSignature'],
    ['a body added', { ...url, body: Buffer.from('Action=AssumeRole') }, 'SignatureDoesNotMatch'],
  ];
  for (const [what, request, code] of table) {
    it(`is refused with ${code} when ${what} changes`, () => {
      expectRefused(request, code, signature, request.query.includes(signature));
    });
  }

  it('is refused with SignatureDoesNotMatch for each of the 64 hex digits of X-Amz-Signature changed', () => {
    for (let i = 0; i < 64; i++) expectRefused(withParam('X-Amz-Signature', flipHex(signature, i)), 'SignatureDoesNotMatch', signature, false);
  });
});

describe('random requests (fast-check, fixed seed)', () => {
  const formValue = fc.string({ unit: fc.constantFrom(...'aZ09-_.~ +/=&%é€'.split('')), maxLength: 40 });
  const params = fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9.]{0,15}$/), formValue), { minLength: 1, maxLength: 8 });
  const encode = (pairs: [string, string][]): string => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

  it('verify when signed, and are refused when one body byte or one query value changes', () => {
    fc.assert(
      fc.property(params, params, fc.nat(), (bodyPairs, queryPairs, at) => {
        const request: HttpRequest = { ...stsRequest(encode(bodyPairs)), query: encode(queryPairs) };
        const signed = sign(request, CREDENTIALS, OPTIONS);
        expect(outcome(signed).code).toBe('ok');
        const body = Buffer.from(signed.body);
        body[at % body.length] = body[at % body.length]! ^ 0x20;
        expect(outcome({ ...signed, body }).code).toBe('SignatureDoesNotMatch');
        const [k, v] = queryPairs[at % queryPairs.length]!;
        const changed = queryPairs.map(([qk, qv]) => [qk, qk === k && qv === v ? `${v}x` : qv] as [string, string]);
        expect(outcome({ ...signed, query: encode(changed) }).code).toBe('SignatureDoesNotMatch');
      }),
      { seed: 20260314, numRuns: 300 },
    );
  });

  it('verify presigned, and are refused with one query value changed', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 604_800 }), fc.nat(), (queryPairs, expires, at) => {
        const url = presign({ ...callerIdentityUrl(), query: encode(queryPairs) }, CREDENTIALS, { ...OPTIONS, expiresSeconds: expires });
        expect(outcome(url).code).toBe('ok');
        const [k, v] = queryPairs[at % queryPairs.length]!;
        const changed = queryPairs.map(([qk, qv]) => [qk, qk === k && qv === v ? `${v}x` : qv] as [string, string]);
        const query = url.query.replace(encode(queryPairs), encode(changed));
        expect(outcome({ ...url, query }).code).toBe('SignatureDoesNotMatch');
      }),
      { seed: 20260314, numRuns: 300 },
    );
  });
});
