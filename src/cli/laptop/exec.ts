/**
 * `rolegate exec`: a command run with a profile's credentials in its environment, in
 * place of the profile (like aws-vault exec). Its exit status is rolegate's.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Resolved } from './resolve.js';

// Variables that would otherwise steer the child's SDK to other credentials than these.
const REPLACED = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_CREDENTIAL_EXPIRATION'];

export function childEnv(resolved: Resolved, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of REPLACED) delete out[name];
  const c = resolved.credentials;
  out['AWS_ACCESS_KEY_ID'] = c.AccessKeyId;
  out['AWS_SECRET_ACCESS_KEY'] = c.SecretAccessKey;
  if (c.SessionToken !== undefined) out['AWS_SESSION_TOKEN'] = c.SessionToken;
  if (c.Expiration !== undefined) out['AWS_CREDENTIAL_EXPIRATION'] = c.Expiration;
  out['AWS_REGION'] ??= resolved.region;
  out['AWS_DEFAULT_REGION'] ??= resolved.region;
  if (resolved.endpointUrl !== undefined) out['AWS_ENDPOINT_URL'] ??= resolved.endpointUrl;
  return out;
}

/**
 * Signals sent to rolegate itself (a service manager's SIGTERM, a closed terminal's
 * SIGHUP) go on to the command, which decides how to end; rolegate waits for it. A
 * terminal's Ctrl-C (SIGINT) already reaches the command through its process group, so
 * rolegate only keeps it from ending rolegate first.
 */
const FORWARDED = ['SIGTERM', 'SIGHUP'] as const;

/** Runs `command` to its end; resolves to the exit code (128 + signal number when killed). */
export function runWith(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    const keepWaiting = (): void => undefined;
    for (const signal of FORWARDED) process.on(signal, forward);
    process.on('SIGINT', keepWaiting);
    const done = (): void => {
      for (const signal of FORWARDED) process.off(signal, forward);
      process.off('SIGINT', keepWaiting);
    };
    child.once('error', (e) => {
      done();
      reject(new Error(`cannot run ${command}: ${e.message}`));
    });
    child.once('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
    });
  });
}
