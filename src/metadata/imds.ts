/**
 * The EC2 instance metadata service for one instance, as the SDKs use it: IMDSv2
 * (`PUT /latest/api/token`, then the token on every GET), IMDSv1 only when asked for, and
 * the items SDKs and tools read: the role's credentials, `iam/info`, the instance id, its
 * placement, and the instance identity document.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CredentialFeed, FetchedCredentials } from './credential-feed.js';
import { isoSeconds } from '../auth/request-context.js';
import { pathOf, send, type MetadataHandler } from './http.js';
import { tokenTtl, type ImdsTokens } from './imds-token.js';

export interface InstanceFacts {
  readonly instanceId: string;
  readonly accountId: string;
  readonly region: string;
  /** Epoch milliseconds of the launch: the identity document's `pendingTime`. */
  readonly launchedAt: number;
}

export interface ImdsOptions {
  readonly instance: InstanceFacts;
  readonly feed: CredentialFeed;
  readonly tokens: ImdsTokens;
  /** Serve GETs without a token (IMDSv1). EC2 lets an instance require tokens; rolegate requires them unless told otherwise. */
  readonly allowV1: boolean;
  readonly now: () => number;
}

const TOKEN_HEADER = 'x-aws-ec2-metadata-token';
const TTL_HEADER = 'x-aws-ec2-metadata-token-ttl-seconds';
const CREDENTIALS_PREFIX = '/latest/meta-data/iam/security-credentials/';

export function imdsHandler(options: ImdsOptions): MetadataHandler {
  return async (req, res) => {
    const path = pathOf(req);
    if (path === '/latest/api/token') return issueToken(req, res, options);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', { allow: 'GET, HEAD, PUT' });
    const token = req.headers[TOKEN_HEADER];
    const authorized = token === undefined ? options.allowV1 : typeof token === 'string' && options.tokens.valid(token, options.now());
    if (!authorized) return send(res, 401, 'Unauthorized');
    const body = await item(path, options);
    if (body === undefined) return send(res, 404, 'Not Found');
    send(res, 200, body);
  };
}

function issueToken(req: IncomingMessage, res: ServerResponse, options: ImdsOptions): void {
  if (req.method !== 'PUT') return send(res, 405, 'Method Not Allowed', { allow: 'PUT' });
  // A PUT that came through a proxy is refused: that is what keeps tokens from being
  // fetched by a forwarding server on the instance (EC2 user guide, IMDSv2).
  if (req.headers['x-forwarded-for'] !== undefined) return send(res, 403, 'Forbidden');
  const ttl = tokenTtl(req.headers[TTL_HEADER]);
  if (ttl === undefined) return send(res, 400, 'Bad Request');
  send(res, 200, options.tokens.issue(options.now(), ttl), { [TTL_HEADER]: String(ttl) });
}

/** The text of a metadata item, or undefined for one that does not exist (404). */
async function item(rawPath: string, options: ImdsOptions): Promise<string | undefined> {
  const { instance, feed } = options;
  // A directory answers with or without its trailing slash.
  const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  switch (path) {
    case '/latest':
      return 'dynamic\nmeta-data';
    case '/latest/meta-data':
      return 'iam/\ninstance-id\nplacement/';
    case '/latest/meta-data/instance-id':
      return instance.instanceId;
    case '/latest/meta-data/placement':
      return 'availability-zone\nregion';
    case '/latest/meta-data/placement/region':
      return instance.region;
    case '/latest/meta-data/placement/availability-zone':
      return availabilityZone(instance);
    case '/latest/dynamic':
      return 'instance-identity/';
    case '/latest/dynamic/instance-identity':
      return 'document';
    case '/latest/dynamic/instance-identity/document':
      return identityDocument(instance);
  }
  // The items below exist only while the instance has credentials to show.
  const held = await feed.current();
  if (held === undefined) return undefined;
  switch (path) {
    case '/latest/meta-data/iam':
      return 'info\nsecurity-credentials/';
    case '/latest/meta-data/iam/info':
      return json({ Code: 'Success', LastUpdated: isoSeconds(held.fetchedAt), InstanceProfileArn: held.instanceProfileArn, InstanceProfileId: held.instanceProfileId });
    case CREDENTIALS_PREFIX.slice(0, -1):
      return held.roleName;
    case `${CREDENTIALS_PREFIX}${held.roleName}`:
      return credentialsDocument(held);
  }
  return undefined;
}

function credentialsDocument(c: FetchedCredentials): string {
  return json({
    Code: 'Success',
    LastUpdated: isoSeconds(c.fetchedAt),
    Type: 'AWS-HMAC',
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    Token: c.sessionToken,
    Expiration: isoSeconds(c.expiresAt),
  });
}

/**
 * The fields of EC2's document that mean something here; those naming hardware, images
 * or networks rolegate does not have (imageId, instanceType, kernelId…) are left out.
 */
function identityDocument(instance: InstanceFacts): string {
  return json({
    accountId: instance.accountId,
    architecture: process.arch === 'arm64' ? 'arm64' : 'x86_64',
    availabilityZone: availabilityZone(instance),
    instanceId: instance.instanceId,
    pendingTime: isoSeconds(instance.launchedAt),
    privateIp: '127.0.0.1',
    region: instance.region,
    version: '2017-09-30',
  });
}

/** rolegate has one zone per region, the first. */
const availabilityZone = (instance: InstanceFacts): string => `${instance.region}a`;

const json = (value: unknown): string => JSON.stringify(value, null, 2);
