/**
 * Where a profile's calls go and in which region, in the order the AWS tools use: the
 * command-line flag, the service's AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the
 * service's entry in the profile's `services` section, the profile's `endpoint_url`.
 */
import type { Profiles, Settings } from './profiles.js';

export interface StsTarget {
  readonly endpoint: string;
  readonly region: string;
}

/** The endpoint configured for the first of `services` (lower-case ids, `sts`, `iam`) that has one. */
export function configuredEndpoint(profiles: Profiles, profile: Settings, env: NodeJS.ProcessEnv, services: readonly string[]): string | undefined {
  // The AWS tools' switch for ignoring endpoints from the environment and the config file.
  if (env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']?.toLowerCase() === 'true') return undefined;
  for (const service of services) {
    const fromEnv = env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`];
    if (fromEnv !== undefined) return fromEnv;
  }
  if (env['AWS_ENDPOINT_URL'] !== undefined) return env['AWS_ENDPOINT_URL'];
  const section = profile['services'] === undefined ? undefined : profiles.services(profile['services']);
  for (const service of services) {
    const fromSection = section?.[`${service}.endpoint_url`];
    if (fromSection !== undefined) return fromSection;
  }
  return profile['endpoint_url'];
}

export function stsTarget(profiles: Profiles, profile: Settings, env: NodeJS.ProcessEnv, flag: string | undefined): StsTarget {
  const endpoint = flag ?? configuredEndpoint(profiles, profile, env, ['sts']);
  if (endpoint === undefined || endpoint === '') {
    // Falling back to AWS's own STS would send these keys to AWS: refuse instead.
    throw new Error('no STS endpoint: give --endpoint-url, set AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL, or add endpoint_url to the profile');
  }
  return { endpoint, region: regionOf(profile, env) };
}

/** The region as the AWS tools pick it: the environment, then the profile; STS answers in any. */
export function regionOf(profile: Settings, env: NodeJS.ProcessEnv): string {
  return env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'] ?? profile['region'] ?? 'us-east-1';
}
