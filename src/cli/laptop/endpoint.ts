/**
 * Where the STS calls of a profile go and in which region, in the order the AWS tools
 * use: the command-line flag, AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the `sts` entry of
 * the profile's `services` section, the profile's `endpoint_url`.
 */
import type { Profiles, Settings } from './profiles.js';

export interface StsTarget {
  readonly endpoint: string;
  readonly region: string;
}

function configured(profiles: Profiles, profile: Settings, env: NodeJS.ProcessEnv): string | undefined {
  // The AWS tools' switch for ignoring endpoints from the environment and the config file.
  if (env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']?.toLowerCase() === 'true') return undefined;
  const services = profile['services'] === undefined ? undefined : profiles.services(profile['services']);
  return env['AWS_ENDPOINT_URL_STS'] ?? env['AWS_ENDPOINT_URL'] ?? services?.['sts.endpoint_url'] ?? profile['endpoint_url'];
}

export function stsTarget(profiles: Profiles, profile: Settings, env: NodeJS.ProcessEnv, flag: string | undefined): StsTarget {
  const endpoint = flag ?? configured(profiles, profile, env);
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
