/**
 * A client of rolegate's own Query API (signing name `rolegate`, protocol/rolegate):
 * the request form-encoded and signed with SigV4 as the SDKs sign IAM and STS calls, the
 * XML answer read back, an error answer turned into an Error carrying AWS's code.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { XMLParser } from 'fast-xml-parser';
import { ROLEGATE_API_VERSION } from '../../protocol/rolegate/service.js';
import { sign, type SigningCredentials } from '../../sigv4/index.js';

export interface ApiTarget {
  readonly endpoint: string;
  readonly region: string;
}

export class RolegateApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** Answers larger than this are not rolegate's. */
const MAX_RESPONSE_BYTES = 256 * 1024;
const TIMEOUT_MS = 10_000;

const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true });

/** The `…Result` element of the action's answer, as nested plain objects of strings. */
export async function callRolegate(target: ApiTarget, credentials: SigningCredentials, action: string, params: Readonly<Record<string, string>>): Promise<Record<string, unknown>> {
  const url = new URL(target.endpoint);
  const body = new URLSearchParams({ Action: action, Version: ROLEGATE_API_VERSION, ...params }).toString();
  const signed = sign(
    {
      method: 'POST',
      path: url.pathname === '' ? '/' : url.pathname,
      query: '',
      headers: [
        ['Host', url.host],
        ['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8'],
      ],
      body: Buffer.from(body),
    },
    credentials,
    { now: Date.now(), region: target.region, service: 'rolegate' },
  );
  const { status, text } = await post(url, signed.headers, body);
  const doc = parser.parse(text) as Record<string, Record<string, unknown> | undefined>;
  if (status !== 200) {
    const error = doc['ErrorResponse']?.['Error'] as { Code?: string; Message?: string } | undefined;
    throw new RolegateApiError(error?.Code ?? `HTTP ${status}`, error?.Message ?? 'the server gave no error message');
  }
  const result = doc[`${action}Response`]?.[`${action}Result`];
  if (typeof result !== 'object' || result === null) throw new RolegateApiError('InvalidResponse', `the answer to ${action} has no result`);
  return result as Record<string, unknown>;
}

function post(url: URL, headers: readonly (readonly [string, string])[], body: string): Promise<{ status: number; text: string }> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers: Object.fromEntries(headers), timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) req.destroy(new Error(`the answer from ${url.origin} is too large`));
        else chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${url.origin} did not answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}
