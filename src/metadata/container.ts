/**
 * The container credentials endpoint, as SDKs read it from
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` with `AWS_CONTAINER_AUTHORIZATION_TOKEN`: one
 * path, a GET whose Authorization header must be the token (compared in constant time),
 * answered with the role's credentials in ECS's JSON.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CredentialFeed } from './credential-feed.js';
import { isoSeconds } from '../auth/request-context.js';
import { pathOf, send, type MetadataHandler } from './http.js';

export interface ContainerOptions {
  /** The path of the full URI, e.g. `/v2/credentials/1f6a…`. */
  readonly path: string;
  readonly authorizationToken: string;
  readonly feed: CredentialFeed;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

export function containerHandler(options: ContainerOptions): MetadataHandler {
  const expected = digest(options.authorizationToken);
  return async (req, res) => {
    if (pathOf(req) !== options.path) return error(res, 404, 'NotFound', 'No credentials are served at this path.');
    if (req.method !== 'GET') return error(res, 405, 'MethodNotAllowed', 'Credentials are read with GET.');
    const presented = req.headers.authorization;
    if (presented === undefined) return error(res, 401, 'Unauthorized', 'The Authorization header is missing.');
    // Hashes of equal length, so neither the token's length nor its bytes show in the timing.
    if (!timingSafeEqual(digest(presented), expected)) return error(res, 403, 'Forbidden', 'The Authorization header is not this endpoint\'s token.');
    const held = await options.feed.current();
    if (held === undefined) return error(res, 503, 'CredentialsUnavailable', 'The role\'s credentials could not be obtained.');
    const body = {
      RoleArn: held.roleArn,
      AccessKeyId: held.accessKeyId,
      SecretAccessKey: held.secretAccessKey,
      Token: held.sessionToken,
      Expiration: isoSeconds(held.expiresAt),
    };
    send(res, 200, JSON.stringify(body), { 'content-type': 'application/json' });
  };
}

function error(res: Parameters<MetadataHandler>[1], status: number, code: string, message: string): void {
  send(res, status, JSON.stringify({ code, message }), { 'content-type': 'application/json' });
}
