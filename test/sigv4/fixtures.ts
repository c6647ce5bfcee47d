/** Shared inputs for the SigV4 tests: one key pair, one clock, and an STS-shaped request. */
import { AwsError } from '../../src/errors.js';
import {
  deriveSigningKey,
  parseSignedRequest,
  verifySignature,
  type HttpRequest,
  type ParseOptions,
} from '../../src/sigv4/index.js';

export const ACCESS_KEY_ID = 'ASIAQAAAAAAAAEXAMPLE';
export const SECRET = 'tH1s/Is+A/Secret/0123456789ABCDEFabcdef0';
export const SESSION_TOKEN = 'RGAB/session+token==';
export const NOW = Date.parse('2026-03-14T15:09:26Z');
export const REGION = 'us-east-1';
export const SIGNING_KEY_HEX = deriveSigningKey(SECRET, { date: '20260314', region: REGION, service: 'sts' }).toString('hex');

export const SECRETS: ReadonlyMap<string, string> = new Map([[ACCESS_KEY_ID, SECRET]]);

export function stsRequest(body = 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A000000000000%3Arole%2Fdev&RoleSessionName=s1'): HttpRequest {
  return {
    method: 'POST',
    path: '/',
    query: '',
    headers: [
      ['Host', 'localhost:4555'],
      ['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8'],
      ['User-Agent', 'aws-sdk-js/3.0'],
    ],
    body: Buffer.from(body, 'utf8'),
  };
}

export function callerIdentityUrl(): HttpRequest {
  return {
    method: 'GET',
    path: '/',
    query: 'Action=GetCallerIdentity&Version=2011-06-15',
    headers: [
      ['Host', 'sts.amazonaws.com'],
      ['x-k8s-aws-id', 'my-cluster'],
    ],
    body: new Uint8Array(),
  };
}

export type Outcome = 'ok' | AwsError['code'];

/** What a server does: parse, look the secret up by access key id, verify. */
export function outcome(request: HttpRequest, options: Partial<ParseOptions> = {}): { code: Outcome; message: string } {
  try {
    const parsed = parseSignedRequest(request, { now: NOW, ...options });
    const secret = SECRETS.get(parsed.accessKeyId);
    if (secret === undefined) return { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' };
    verifySignature(parsed, request, secret);
    return { code: 'ok', message: '' };
  } catch (error) {
    if (error instanceof AwsError) return { code: error.code, message: error.message };
    throw error;
  }
}
