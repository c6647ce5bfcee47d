/**
 * The profiles of the shared AWS files, read the way the AWS tools read them: the files
 * named by AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE (else ~/.aws/config and
 * ~/.aws/credentials), a key in the credentials file winning over the same key in the
 * config file, and `[services NAME]` sections kept apart for endpoint lookups.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';

/** One profile's settings; nested `services` settings appear as `sts.endpoint_url`. */
export type Settings = Readonly<Record<string, string | undefined>>;

export interface Profiles {
  profile(name: string): Settings | undefined;
  /** A `[services NAME]` section of the config file. */
  services(name: string): Settings | undefined;
}

export function awsHome(env: NodeJS.ProcessEnv): string {
  return env['HOME'] !== undefined && env['HOME'] !== '' ? env['HOME'] : homedir();
}

/** The profile a command acts as: the flag, else AWS_PROFILE, else `default`. */
export function profileName(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env['AWS_PROFILE'] ?? 'default';
}

export async function loadProfiles(env: NodeJS.ProcessEnv): Promise<Profiles> {
  const home = awsHome(env);
  // The SDK's own reader of these files: it knows the `[profile x]` prefix, dotted names
  // and the indented sub-settings of `[services x]`, which generic INI readers do not.
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    configFilepath: env['AWS_CONFIG_FILE'] ?? join(home, '.aws', 'config'),
    filepath: env['AWS_SHARED_CREDENTIALS_FILE'] ?? join(home, '.aws', 'credentials'),
    ignoreCache: true,
  });
  return {
    profile(name) {
      const fromConfig = Object.hasOwn(configFile, name) ? configFile[name] : undefined;
      const fromCredentials = Object.hasOwn(credentialsFile, name) ? credentialsFile[name] : undefined;
      if (fromConfig === undefined && fromCredentials === undefined) return undefined;
      return { ...fromConfig, ...fromCredentials };
    },
    services(name) {
      const key = `services.${name}`;
      return Object.hasOwn(configFile, key) ? configFile[key] : undefined;
    },
  };
}
