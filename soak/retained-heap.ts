/**
 * `npm run soak:heap [-- --sessions=30000]`: is the memory a node keeps bounded as
 * sessions come and go? One rolegate in this process (SQLite) is sent AssumeRole for a
 * new session, then GetCallerIdentity on it, over and over by 8 callers; every 5,000
 * sessions the heap is collected twice and its used size printed. Every session leaves
 * entries in the node's caches (its token, its caller, its policies), each bounded at
 * 10,000 entries, so the used heap must stop growing once they are full. Resident memory
 * (also printed) is not that measure: V8 and the allocator keep freed pages for reuse.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { serve } from '../src/cli/serve.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (npm run soak:heap)');
const given = process.argv.find((a) => a.startsWith('--sessions='));
const SESSIONS = given === undefined ? 30_000 : Number(given.slice('--sessions='.length));
if (!Number.isInteger(SESSIONS) || SESSIONS < 1) throw new Error('--sessions=N, a whole number above 0');
const EVERY = 5_000;
const CALLERS = 8;

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
const nowhere = new Writable({ write: (_chunk, _encoding, done) => done() });
const data = mkdtempSync(join(tmpdir(), 'rolegate-heap-'));
const root = { accessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`, secretAccessKey: randomBytes(30).toString('base64') };
const env = { ROLEGATE_ROOT_ACCESS_KEY_ID: root.accessKeyId, ROLEGATE_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey, ROLEGATE_MASTER_KEY: randomBytes(32).toString('hex') };
const running = await serve({ host: '127.0.0.1', port: 0, data, logLevel: 'silent', logStream: nowhere }, env, nowhere);
const client = { endpoint: running.url, region: 'us-east-1' };

try {
  const iam = new IAMClient({ ...client, credentials: root });
  await iam.send(new CreateUserCommand({ UserName: 'caller' }));
  const allowAssume = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
  await iam.send(new PutUserPolicyCommand({ UserName: 'caller', PolicyName: 'assume', PolicyDocument: JSON.stringify(allowAssume) }));
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:root' }, Action: 'sts:AssumeRole' }] };
  await iam.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'caller' }))).AccessKey!;
  const sts = new STSClient({ ...client, credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });

  let sessions = 0;
  let next = 0;
  let reported = -1;
  const report = (): void => {
    gc();
    gc();
    const m = process.memoryUsage();
    console.log(`${sessions} sessions: heap used ${mib(m.heapUsed)} MiB after GC, resident ${mib(m.rss)} MiB`);
    reported = sessions;
    next += EVERY;
  };
  report();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (sessions < SESSIONS) {
        const c = (await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/app', RoleSessionName: `s${sessions}` }))).Credentials!;
        const session = new STSClient({ ...client, credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } });
        await session.send(new GetCallerIdentityCommand({}));
        session.destroy();
        if (++sessions >= next) report();
      }
    }),
  );
  if (reported !== sessions) report();
} finally {
  await running.close();
  rmSync(data, { recursive: true, force: true });
}
