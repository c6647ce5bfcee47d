/** The credentials of a named profile, with the files, cache, endpoint and MFA source the commands share. */
import { join } from 'node:path';
import { CredentialCache } from './cache.js';
import { resolveProfile, type Credentials } from './chain.js';
import { regionOf, stsTarget } from './endpoint.js';
import { metadataCredentials } from './metadata-source.js';
import { awsHome, loadProfiles, profileName } from './profiles.js';
import { stsAssumeRole } from './sts.js';
import { tokenCodes } from './token-code.js';

export interface ResolveOptions {
  readonly profile?: string | undefined;
  readonly tokenCode?: string | undefined;
  readonly endpointUrl?: string | undefined;
}

export interface Resolved {
  readonly credentials: Credentials;
  readonly region: string;
  /** The profile's own endpoint_url, which a child process no longer finds once AWS_PROFILE is gone. */
  readonly endpointUrl: string | undefined;
}

export async function credentialsFor(options: ResolveOptions, env: NodeJS.ProcessEnv): Promise<Resolved> {
  const profiles = await loadProfiles(env);
  const name = profileName(options.profile, env);
  const top = profiles.profile(name);
  if (top === undefined) throw new Error(`no profile ${name} in the config or credentials file`);
  // The STS calls of the whole chain go where the requested profile says, as in botocore.
  let target: ReturnType<typeof stsTarget> | undefined;
  const credentials = await resolveProfile(
    {
      profiles,
      cache: new CredentialCache(join(awsHome(env), '.aws', 'cli', 'cache')),
      env,
      now: () => Date.now(),
      // Only a role needs an endpoint: a profile of static keys resolves without one.
      assumeRole: (source, call) => stsAssumeRole((target ??= stsTarget(profiles, top, env, options.endpointUrl)))(source, call),
      tokenCode: tokenCodes(options.tokenCode),
      metadataCredentials,
    },
    name,
  );
  return { credentials, region: regionOf(top, env), endpointUrl: top['endpoint_url'] };
}

/** The credential_process output, Version 1, as the AWS SDKs read it. */
export function processJson(c: Credentials): string {
  return JSON.stringify({ Version: 1, AccessKeyId: c.AccessKeyId, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken, Expiration: c.Expiration });
}
