/**
 * `rolegate audit` and the retention of `serve`, as an operator uses them: a server
 * writes events, the command reads them from the store as a table and as LookupEvents'
 * JSON, and a server started later with `--audit-retention-days` deletes what is older.
 */
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { auditedServe, MovableClock, randomRootKey } from '../server/harness.js';
import { cleanUpProcesses, commandEnv, rolegate, tempDir } from '../server/processes.js';

const DAY = 24 * 3600 * 1000;

describe('rolegate audit and the audit retention', () => {
  const data = tempDir('rolegate-audit-cli-');
  const root = randomRootKey();
  const env = { ROLEGATE_MASTER_KEY: randomBytes(32).toString('hex'), ROLEGATE_ROOT_ACCESS_KEY_ID: root.accessKeyId, ROLEGATE_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey };
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  afterAll(() => cleanUpProcesses());

  /** A server on `data` whose clock is `offsetMs` away from now, for the time of `work`. */
  async function withServer(offsetMs: number, retentionDays: number | undefined, work: (url: string, clock: MovableClock) => Promise<void>): Promise<void> {
    const clock = new MovableClock();
    clock.offsetMs = offsetMs;
    const running = await auditedServe({ host: '127.0.0.1', port: 0, data, logLevel: 'silent', clock, logStream: quiet, auditRetentionDays: retentionDays }, env, quiet);
    try {
      await work(running.url, clock);
    } finally {
      await running.close();
    }
  }

  it('prints what LookupEvents finds, as a table and as its JSON, and keeps events only for the retention', async () => {
    // 100 days ago, a user was made and another refused.
    await withServer(-100 * DAY, undefined, async (url, clock) => {
      // A client per call: the SDK resets its clock offset from the Date header of an answer.
      const iam = (): IAMClient => new IAMClient({ endpoint: url, region: 'us-east-1', credentials: root, systemClockOffset: clock.offsetMs, maxAttempts: 1 });
      await iam().send(new CreateUserCommand({ UserName: 'old-timer' }));
      await expect(iam().send(new CreateUserCommand({ UserName: 'old-timer' }))).rejects.toMatchObject({ name: 'EntityAlreadyExistsException' });
    });
    // Today, another.
    await withServer(0, 365, async (url) => {
      await new IAMClient({ endpoint: url, region: 'us-east-1', credentials: root, maxAttempts: 1 }).send(new CreateUserCommand({ UserName: 'newcomer' }));
    });

    const table = await rolegate(['audit', '--data', data, '--start', new Date(Date.now() - 200 * DAY).toISOString()], commandEnv(env));
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^time\s+event\s+user\s+source ip\s+error\s+event id$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(1, 5))).toEqual([
      ['CreateUser', 'root', '127.0.0.1', '-'],
      ['CreateUser', 'root', '127.0.0.1', 'EntityAlreadyExists'],
      ['CreateUser', 'root', '127.0.0.1', '-'],
    ]);
    // Without --start, the last 90 days, as LookupEvents.
    const recent = await rolegate(['audit', '--data', data, '--json'], commandEnv(env));
    const events = (JSON.parse(recent.stdout) as { Events: { EventName: string; Resources: { ResourceName: string }[]; CloudTrailEvent: string }[] }).Events;
    expect(events.map((e) => e.Resources.map((r) => r.ResourceName))).toEqual([['newcomer']]);
    expect(JSON.parse(events[0]!.CloudTrailEvent)).toMatchObject({ eventName: 'CreateUser', requestParameters: { userName: 'newcomer' } });
    const refused = await rolegate(['audit', '--data', data, '--lookup', 'Colour=blue'], commandEnv(env));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource, AccessKeyId');

    // A server kept to 90 days deletes the 100-day-old events when it starts.
    await withServer(0, 90, async (url) => {
      const trail = new CloudTrailClient({ endpoint: url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
      const since = { StartTime: new Date(Date.now() - 200 * DAY) };
      for (let waited = 0; ; waited += 50) {
        const names = ((await trail.send(new LookupEventsCommand(since))).Events ?? []).filter((e) => e.EventName === 'CreateUser');
        if (names.length === 1) break;
        if (waited > 5_000) throw new Error(`still ${names.length} CreateUser events after 5 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
    });
  });
});
