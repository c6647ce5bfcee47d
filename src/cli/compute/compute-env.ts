/**
 * The environment of a command `rolegate run` starts: what an SDK finds on an EC2
 * instance or in an ECS task, and nothing that would lead it to other credentials first.
 * The shared config and credentials files are hidden (/dev/null), as on a fresh
 * instance, so a laptop's default profile cannot stand in for the role; the endpoint and
 * region rolegate was given are passed on so the SDK talks to the same server.
 */
import type { ApiTarget } from './rolegate-api.js';

export type Door = { readonly kind: 'instance' } | { readonly kind: 'container'; readonly path: string; readonly authorizationToken: string };

/** Every variable through which an SDK finds credentials ahead of, or instead of, the metadata endpoints. */
const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_ROLE_ARN',
  'AWS_ROLE_SESSION_NAME',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_EC2_METADATA_SERVICE_ENDPOINT',
  'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE',
];

export function computeEnv(env: NodeJS.ProcessEnv, door: Door & { readonly url: string }, target: ApiTarget): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of CREDENTIAL_VARIABLES) delete out[name];
  out['AWS_CONFIG_FILE'] = '/dev/null';
  out['AWS_SHARED_CREDENTIALS_FILE'] = '/dev/null';
  out['AWS_ENDPOINT_URL'] = target.endpoint;
  out['AWS_REGION'] = target.region;
  out['AWS_DEFAULT_REGION'] = target.region;
  if (door.kind === 'instance') {
    out['AWS_EC2_METADATA_SERVICE_ENDPOINT'] = `${door.url}/`;
  } else {
    out['AWS_CONTAINER_CREDENTIALS_FULL_URI'] = `${door.url}${door.path}`;
    out['AWS_CONTAINER_AUTHORIZATION_TOKEN'] = door.authorizationToken;
    // In a task, the instance's metadata is not the task's: keep the SDK from trying it.
    out['AWS_EC2_METADATA_DISABLED'] = 'true';
  }
  return out;
}
