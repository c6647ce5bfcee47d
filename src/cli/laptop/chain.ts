/**
 * From a profile name to credentials: static keys, `credential_source`, or a
 * `role_arn` assumed with the credentials of its `source_profile` (itself resolved the
 * same way, to any depth). Each assumed role goes through the AWS CLI's cache first, so
 * a cached role needs neither its source credentials nor an MFA code.
 */
import { cacheKey, type AssumeArgs, type CachedResponse, type CredentialCache } from './cache.js';
import type { Profiles, Settings } from './profiles.js';

export interface Credentials {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken?: string | undefined;
  /** ISO 8601; absent for long-term keys. */
  readonly Expiration?: string | undefined;
}

export interface AssumeRoleCall extends AssumeArgs {
  readonly RoleSessionName: string;
  readonly TokenCode?: string | undefined;
}

export interface ChainDeps {
  readonly profiles: Profiles;
  readonly cache: CredentialCache;
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => number;
  /** AssumeRole at the profile's STS endpoint, signed with `source`. */
  readonly assumeRole: (source: Credentials, call: AssumeRoleCall) => Promise<CachedResponse>;
  /** The code of `serial`: --token-code once, else a prompt on the terminal. */
  readonly tokenCode: (serial: string) => Promise<string>;
  /** The credentials an instance metadata or container credentials endpoint serves (`rolegate run`'s, or AWS's). */
  readonly metadataCredentials: (source: MetadataSource, env: NodeJS.ProcessEnv) => Promise<Credentials>;
}

export type MetadataSource = 'Ec2InstanceMetadata' | 'EcsContainer';
const METADATA_SOURCES: readonly string[] = ['Ec2InstanceMetadata', 'EcsContainer'] satisfies readonly MetadataSource[];

const UNSUPPORTED_KEYS = ['credential_process', 'sso_session', 'sso_start_url', 'web_identity_token_file', 'login_session'] as const;

function staticKeys(name: string, p: Settings): Credentials | undefined {
  const id = p['aws_access_key_id'];
  const secret = p['aws_secret_access_key'];
  if (id === undefined && secret === undefined) return undefined;
  if (id === undefined || secret === undefined) throw new Error(`profile ${name} has only one of aws_access_key_id and aws_secret_access_key`);
  return { AccessKeyId: id, SecretAccessKey: secret, SessionToken: p['aws_session_token'] };
}

function environmentKeys(name: string, env: NodeJS.ProcessEnv): Credentials {
  const id = env['AWS_ACCESS_KEY_ID'];
  const secret = env['AWS_SECRET_ACCESS_KEY'];
  if (id === undefined || secret === undefined) throw new Error(`profile ${name}: credential_source Environment needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`);
  return { AccessKeyId: id, SecretAccessKey: secret, SessionToken: env['AWS_SESSION_TOKEN'] };
}

function durationOf(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) throw new Error(`profile ${name}: duration_seconds must be a whole number of seconds`);
  return n;
}

function assumeArgs(name: string, p: Settings, roleArn: string): AssumeArgs {
  return {
    RoleArn: roleArn,
    RoleSessionName: p['role_session_name'],
    ExternalId: p['external_id'],
    SerialNumber: p['mfa_serial'],
    DurationSeconds: durationOf(name, p['duration_seconds']),
  };
}

async function assumed(deps: ChainDeps, name: string, p: Settings, roleArn: string, seen: readonly string[]): Promise<Credentials> {
  const args = assumeArgs(name, p, roleArn);
  const from = sourceOf(name, p);
  const key = cacheKey(args);
  const cached = deps.cache.fresh(key, deps.now());
  if (cached !== undefined) return cached.Credentials;
  const response = await fetchRole(deps, name, p, args, from, seen);
  deps.cache.store(key, response);
  return response.Credentials;
}

/** Where a role profile's source credentials come from; checked before the cache, so a wrong profile fails whether cached or not. */
type Source = { readonly profile: string } | { readonly credentialSource: 'Environment' } | { readonly credentialSource: MetadataSource };

function sourceOf(name: string, p: Settings): Source {
  const sourceProfile = p['source_profile'];
  const credentialSource = p['credential_source'];
  if (sourceProfile !== undefined && credentialSource === undefined) return { profile: sourceProfile };
  if (sourceProfile !== undefined || credentialSource === undefined) {
    throw new Error(`profile ${name}: role_arn needs exactly one of source_profile and credential_source`);
  }
  if (credentialSource === 'Environment') return { credentialSource };
  if (METADATA_SOURCES.includes(credentialSource)) return { credentialSource: credentialSource as MetadataSource };
  throw new Error(`profile ${name}: unknown credential_source ${credentialSource} (Environment, Ec2InstanceMetadata or EcsContainer)`);
}

async function fetchRole(deps: ChainDeps, name: string, p: Settings, args: AssumeArgs, from: Source, seen: readonly string[]): Promise<CachedResponse> {
  let source: Credentials;
  if ('credentialSource' in from) source = from.credentialSource === 'Environment' ? environmentKeys(name, deps.env) : await deps.metadataCredentials(from.credentialSource, deps.env);
  else if (from.profile === name) {
    // A profile may name itself as source when it also holds the keys (the AWS CLI allows it).
    const keys = staticKeys(name, p);
    if (keys === undefined) throw new Error(`profile ${name} is its own source_profile but holds no keys`);
    source = keys;
  } else source = await resolveProfile(deps, from.profile, [...seen, name]);
  const tokenCode = args.SerialNumber === undefined ? undefined : await deps.tokenCode(args.SerialNumber);
  // Without a configured name, a generated one like botocore's, which is not part of the cache key.
  const sessionName = args.RoleSessionName ?? `rolegate-${Math.floor(deps.now() / 1000)}`;
  return deps.assumeRole(source, { ...args, RoleSessionName: sessionName, TokenCode: tokenCode });
}

export async function resolveProfile(deps: ChainDeps, name: string, seen: readonly string[] = []): Promise<Credentials> {
  if (seen.includes(name)) throw new Error(`source_profile loop: ${[...seen, name].join(' -> ')}`);
  const p = deps.profiles.profile(name);
  if (p === undefined) throw new Error(`no profile ${name} in the config or credentials file`);
  const roleArn = p['role_arn'];
  if (roleArn !== undefined) return assumed(deps, name, p, roleArn, seen);
  const keys = staticKeys(name, p);
  if (keys !== undefined) return keys;
  if (p['credential_source'] !== undefined) throw new Error(`profile ${name}: credential_source is used with role_arn`);
  const other = UNSUPPORTED_KEYS.find((k) => p[k] !== undefined);
  if (other !== undefined) throw new Error(`profile ${name}: ${other} profiles are not resolved by rolegate creds`);
  throw new Error(`profile ${name} has no credentials: no role_arn and no aws_access_key_id`);
}
