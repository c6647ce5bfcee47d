/**
 * Who runs `rolegate run`, and where the server is, found the way the AWS tools find
 * them: credentials from the environment's keys, else from the profile (--profile,
 * AWS_PROFILE, default; role profiles assumed through `rolegate creds`' resolver), and
 * the endpoint from --endpoint-url, AWS_ENDPOINT_URL_STS / _IAM, AWS_ENDPOINT_URL, or the
 * profile's `services` section and `endpoint_url`.
 */
import type { SigningCredentials } from '../../sigv4/index.js';
import { configuredEndpoint, regionOf } from '../laptop/endpoint.js';
import { loadProfiles, profileName } from '../laptop/profiles.js';
import { credentialsFor } from '../laptop/resolve.js';
import type { ApiTarget } from './rolegate-api.js';

export interface CallerOptions {
  readonly profile?: string | undefined;
  readonly endpointUrl?: string | undefined;
  readonly region?: string | undefined;
  readonly tokenCode?: string | undefined;
}

export interface Caller {
  readonly target: ApiTarget;
  /** Asked anew for every call: a role profile's credentials expire while the command runs. */
  readonly credentials: () => Promise<SigningCredentials>;
}

export async function findCaller(options: CallerOptions, env: NodeJS.ProcessEnv): Promise<Caller> {
  const profiles = await loadProfiles(env);
  const profile = profiles.profile(profileName(options.profile, env)) ?? {};
  const endpoint = options.endpointUrl ?? configuredEndpoint(profiles, profile, env, ['sts', 'iam']);
  if (endpoint === undefined || endpoint === '') {
    // Falling back to AWS would send these keys to AWS: refuse instead.
    throw new Error('no rolegate endpoint: give --endpoint-url, set AWS_ENDPOINT_URL, or add endpoint_url to the profile');
  }
  const target = { endpoint, region: options.region ?? regionOf(profile, env) };
  const id = env['AWS_ACCESS_KEY_ID'];
  const secret = env['AWS_SECRET_ACCESS_KEY'];
  // The standard chain: keys in the environment come first, unless a profile is named on the command line.
  if (options.profile === undefined && id !== undefined && secret !== undefined) {
    const token = env['AWS_SESSION_TOKEN'];
    const keys: SigningCredentials = token === undefined ? { accessKeyId: id, secretAccessKey: secret } : { accessKeyId: id, secretAccessKey: secret, sessionToken: token };
    return { target, credentials: () => Promise.resolve(keys) };
  }
  const resolveOptions = { profile: options.profile, endpointUrl: options.endpointUrl, tokenCode: options.tokenCode };
  return {
    target,
    credentials: async () => {
      const { credentials: c } = await credentialsFor(resolveOptions, env);
      return c.SessionToken === undefined ? { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey } : { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
    },
  };
}
