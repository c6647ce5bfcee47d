/**
 * What every command that touches the store needs, from its flags and the environment:
 * the store location, the master key, and the deps built from them.
 */
import { resolve } from 'node:path';
import type { Clock, CoreDeps } from '../auth/deps.js';
import { pooledRandom } from '../auth/random-pool.js';
import { openStore } from '../store/index.js';
import { loadMasterKey } from './master-key.js';

export interface StoreOptions {
  readonly data: string;
  readonly store?: string | undefined;
}

export const DEFAULT_DATA_DIR = './data';

export function storeLocation(options: StoreOptions, env: NodeJS.ProcessEnv): string {
  return options.store ?? env['ROLEGATE_STORE_URL'] ?? resolve(options.data);
}

const systemClock: Clock = { now: () => Date.now() };

/** `clock` is for tests that move time (token expiry); commands use the system clock. */
export async function openDeps(
  options: StoreOptions,
  env: NodeJS.ProcessEnv,
  clock: Clock = systemClock,
): Promise<CoreDeps & { masterKeySource: string; location: string }> {
  const location = storeLocation(options, env);
  const { key, source } = loadMasterKey(env, resolve(options.data));
  const db = await openStore(location, clock.now());
  return { db, masterKey: key, clock, random: pooledRandom(), masterKeySource: source, location };
}

/** `postgres://user:secret@host/db` with the password hidden, for messages. */
export function describeLocation(location: string): string {
  return /^postgres(ql)?:\/\//.test(location) ? location.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@') : location;
}
