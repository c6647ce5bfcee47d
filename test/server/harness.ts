/**
 * A rolegate server really started for a suite: `serve()` on an ephemeral port with a
 * temp data directory, root credentials and master key from the environment, as a
 * scripted set-up would give them. Clients reach it over HTTP like any AWS endpoint.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { serve, type RunningServer } from '../../src/cli/serve.js';

export interface Started {
  readonly url: string;
  readonly dataDir: string;
  readonly root: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** What the server printed on the terminal. */
  readonly output: () => string;
  close(): Promise<void>;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function randomRootKey(): { accessKeyId: string; secretAccessKey: string } {
  const id = `AKIA${Array.from(randomBytes(16), (b) => BASE32[b & 31]).join('')}`;
  return { accessKeyId: id, secretAccessKey: randomBytes(30).toString('base64') };
}

export async function startRolegate(extraEnv: NodeJS.ProcessEnv = {}): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rolegate-server-'));
  const root = randomRootKey();
  let printed = '';
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      printed += chunk.toString('utf8');
      done();
    },
  });
  const env = {
    ROLEGATE_ROOT_ACCESS_KEY_ID: root.accessKeyId,
    ROLEGATE_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey,
    ROLEGATE_MASTER_KEY: randomBytes(32).toString('hex'),
    ...extraEnv,
  };
  const running: RunningServer = await serve({ host: '127.0.0.1', port: 0, data: dataDir, logLevel: 'silent' }, env, out);
  return {
    url: running.url,
    dataDir,
    root,
    output: () => printed,
    close: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
