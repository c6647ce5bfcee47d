/**
 * Malformed authentication, read field by field: each is refused before any secret is
 * looked up, with AWS's code and (where AWS's text is known) AWS's message.
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalHeaders,
  indexHeaders,
  canonicalQuery,
  canonicalRequest,
  scopeString,
  sha256Hex,
  signatureHex,
  stringToSign,
  canonicalUri,
  parseQuery,
  parseSignedRequest,
  ParsedSignedRequest,
  SigningKeyCache,
  deriveSigningKey,
  sign,
  verifySignature,
  type HttpRequest,
} from '../../src/sigv4/index.js';
import { header, withHeader } from './raw-http.js';
import { ACCESS_KEY_ID, NOW, outcome, REGION, SECRET, SESSION_TOKEN, stsRequest } from './fixtures.js';

const signed = sign(stsRequest(), { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET, sessionToken: SESSION_TOKEN }, { now: NOW, region: REGION, service: 'sts' });
const authorization = header(signed, 'authorization')!;
const withAuth = (value: string): HttpRequest => withHeader(signed, 'Authorization', value);

describe('parseSignedRequest', () => {
  it('returns the credential a server looks the secret up by', () => {
    const parsed = parseSignedRequest(signed, { now: NOW });
    expect(parsed).toMatchObject({
      kind: 'header',
      accessKeyId: ACCESS_KEY_ID,
      scope: { date: '20260314', region: 'us-east-1', service: 'sts' },
      amzDate: '20260314T150926Z',
      signedHeaders: ['content-type', 'host', 'x-amz-date', 'x-amz-security-token'],
      sessionToken: SESSION_TOKEN,
      expiresAt: undefined,
    });
  });

  it("answers a request with no authentication with STS's MissingAuthenticationToken", () => {
    expect(outcome(stsRequest())).toEqual({ code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token' });
  });

  it("lists what an Authorization header lacks, in AWS's words", () => {
    expect(outcome(withAuth('Basic dXNlcjpwYXNzd29yZA=='))).toEqual({
      code: 'IncompleteSignature',
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.",
    });
    const noSignature = authorization.replace(/, Signature=.*$/, '');
    expect(outcome(withAuth(noSignature)).message).toBe(`Authorization header requires 'Signature' parameter. Authorization=${noSignature}`);
    const noDate = { ...signed, headers: signed.headers.filter(([n]) => n !== 'X-Amz-Date') };
    expect(outcome(noDate).message).toBe(
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${authorization}`,
    );
  });

  it('refuses a component without =, an unknown component, and the SigV2 scheme', () => {
    expect(outcome(withAuth(authorization.replace('Credential=', 'Credential '))).code).toBe('IncompleteSignature');
    expect(outcome(withAuth(`${authorization}, Extra=1`)).code).toBe('IncompleteSignature');
    expect(outcome(withAuth('AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=')).code).toBe('IncompleteSignature');
  });

  it('refuses a credential without five elements, naming the AWS format', () => {
    const bad = authorization.replace('/us-east-1/sts/aws4_request', '/us-east-1/aws4_request');
    expect(outcome(withAuth(bad))).toEqual({
      code: 'IncompleteSignature',
      message: `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${ACCESS_KEY_ID}/20260314/us-east-1/aws4_request'`,
    });
  });

  it("binds the scope to the date, the server's regions and its services", () => {
    const otherDay = withAuth(authorization.replace('/20260314/', '/20260315/'));
    expect(outcome(otherDay).message).toBe(
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20260315' != '20260314', from '20260314T150926Z'.",
    );
    expect(outcome(signed, { regions: ['eu-west-1'] })).toEqual({
      code: 'SignatureDoesNotMatch',
      message: "Credential should be scoped to a valid region, not 'us-east-1'.",
    });
    expect(outcome(signed, { services: ['iam'] })).toEqual({
      code: 'SignatureDoesNotMatch',
      message: "Credential should be scoped to correct service: 'iam'.",
    });
  });

  it('refuses an x-amz-date that is not ISO 8601 basic format', () => {
    for (const date of ['2026-03-14T15:09:26Z', '20260314T150926.000Z', '20260314T150926', '20260314T150926+0000', '20260230T150926Z']) {
      expect(outcome(withHeader(signed, 'X-Amz-Date', date))).toEqual({
        code: 'IncompleteSignature',
        message: `Date must be in ISO-8601 'basic format'. Got '${date}'. See http://en.wikipedia.org/wiki/ISO_8601`,
      });
    }
  });

  it('accepts a signed HTTP Date header in place of x-amz-date, and refuses it unsigned or malformed', () => {
    const date = 'Sat, 14 Mar 2026 15:09:26 GMT';
    const base: HttpRequest = { ...stsRequest(), headers: [['Host', 'localhost:4555'], ['Date', date]] };
    const scope = { date: '20260314', region: REGION, service: 'sts' };
    const signWith = (signedHeaders: string[]): HttpRequest => {
      const canonical = canonicalRequest({
        method: base.method,
        uri: canonicalUri(base.path),
        query: '',
        headers: canonicalHeaders(indexHeaders(base.headers), signedHeaders),
        signedHeaders,
        payloadHash: sha256Hex(base.body),
      });
      const signature = signatureHex(deriveSigningKey(SECRET, scope), stringToSign('20260314T150926Z', scope, canonical));
      return withHeader(base, 'Authorization', `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/${scopeString(scope)}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`);
    };
    expect(outcome(signWith(['date', 'host'])).code).toBe('ok');
    expect(outcome(signWith(['host']))).toEqual({ code: 'AccessDenied', message: 'There were headers present in the request which were not signed' });
    expect(outcome(withHeader(signWith(['date', 'host']), 'Date', 'Sat, 14 Mar 2026 15:09:26 UTC')).code).toBe('IncompleteSignature');
  });

  it('names no secret and no expected signature in any message', () => {
    const key = deriveSigningKey(SECRET, { date: '20260314', region: REGION, service: 'sts' }).toString('hex');
    for (const request of [withAuth(authorization.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`)), withAuth('Basic x')]) {
      const { message } = outcome(request);
      expect(message).not.toContain(SECRET);
      expect(message).not.toContain(key);
      expect(message).not.toContain(/Signature=(\w+)/.exec(authorization)![1]!);
    }
  });
});

describe('verifySignature', () => {
  it('takes only what parseSignedRequest made', () => {
    const forged = { ...parseSignedRequest(signed, { now: NOW }) } as ParsedSignedRequest;
    expect(() => verifySignature(forged, signed, SECRET)).toThrow(TypeError);
    expect(() => new ParsedSignedRequest(Symbol('x'), forged)).toThrow(TypeError);
  });

  it('gives the same answer with and without a signing key cache, which stays bounded', () => {
    const cache = new SigningKeyCache(2);
    const parsed = parseSignedRequest(signed, { now: NOW });
    verifySignature(parsed, signed, SECRET, cache);
    expect(() => verifySignature(parsed, signed, `${SECRET}x`, cache)).toThrow('The request signature we calculated');
    for (const service of ['iam', 'sts', 's3', 'ec2']) cache.get(SECRET, { date: '20260314', region: REGION, service });
    expect(cache.size).toBe(2);
    expect(JSON.stringify(cache)).toBe('{"size":2}');
  });
});

describe('canonicalization', () => {
  it('double-encodes the received path for non-S3 services and normalizes it', () => {
    expect(canonicalUri('/')).toBe('/');
    expect(canonicalUri('/a%20b/./c/../')).toBe('/a%2520b/');
    expect(canonicalUri('//x//y')).toBe('/x/y');
  });

  it('decodes then re-encodes query parameters, + as a space, sorted by name then value', () => {
    expect(canonicalQuery(parseQuery('b=2&a=y&a=x&c=a+b&d=%7e&e&&f=%zz'))).toBe('a=x&a=y&b=2&c=a%20b&d=~&e=&f=%25zz');
  });
});
