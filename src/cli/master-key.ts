/**
 * The master key that wraps every secret at rest: `ROLEGATE_MASTER_KEY` (32 bytes as 64
 * hex characters or base64), or for a single node a key file in the data directory,
 * created on first use with mode 0600. Several nodes must all be given the same key.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MASTER_KEY_FILE = 'master.key';

export function decodeMasterKey(text: string): Uint8Array {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(trimmed) && bytes.toString('base64').replace(/=+$/, '') !== trimmed.replace(/=+$/, ''))) {
    throw new Error('The master key must be 32 bytes, written as 64 hex characters or as base64');
  }
  return new Uint8Array(bytes);
}

export function loadMasterKey(env: NodeJS.ProcessEnv, dataDir: string): { key: Uint8Array; source: string } {
  const fromEnv = env['ROLEGATE_MASTER_KEY'];
  if (fromEnv !== undefined && fromEnv !== '') return { key: decodeMasterKey(fromEnv), source: 'ROLEGATE_MASTER_KEY' };
  const file = join(dataDir, MASTER_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  // A key file others can read may already be known to them: refuse it rather than use it.
  if ((statSync(file).mode & 0o077) !== 0) {
    throw new Error(`${file} is readable by other users; make it private (chmod 600) or set ROLEGATE_MASTER_KEY`);
  }
  return { key: decodeMasterKey(readFileSync(file, 'utf8')), source: file };
}
