/**
 * Idle keep-alive connections. rolegate keeps one open 65 s by default, longer than the
 * 60-second idle timeout of a load balancer in front, so the balancer (or the client)
 * closes it first and never sends a request into a connection rolegate is closing; the
 * old 5 s made clients that paused a few seconds open a new connection, and raced those
 * that sent just then. `--keep-alive-timeout` sets it. What the tests count: connections
 * the SDK's agent opens, through a started server.
 */
import { Agent } from 'node:http';
import type { Duplex } from 'node:stream';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRolegate, type Started } from './harness.js';
import { cleanUpProcesses, commandEnv, rolegate, spawnServer, BIN, tempDir, type Creds, type Served } from './processes.js';

/** A keep-alive agent that counts the connections it opens and the ones it saw closed. */
class CountingAgent extends Agent {
  opened = 0;
  closed = 0;

  constructor() {
    super({ keepAlive: true, maxSockets: 1 });
  }

  override createConnection(...args: Parameters<Agent['createConnection']>): Duplex | null | undefined {
    this.opened++;
    const socket = super.createConnection(...args);
    socket?.once('close', () => this.closed++);
    return socket;
  }
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function client(url: string, credentials: Creds, agent: Agent): STSClient {
  return new STSClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1, requestHandler: { httpAgent: agent } });
}

describe('idle keep-alive connections', () => {
  describe('by default', () => {
    let server: Started;
    beforeAll(async () => {
      server = await startRolegate();
    });
    afterAll(async () => {
      await server?.close();
    });

    it('keeps a connection that was idle 11 s (past the old 5 s, and past the 10 s headers timeout) and answers on it', async () => {
      const agent = new CountingAgent();
      const sts = client(server.url, server.root, agent);
      try {
        await sts.send(new GetCallerIdentityCommand({}));
        await pause(11_000);
        const again = await sts.send(new GetCallerIdentityCommand({}));
        expect(again.Account).toBe('000000000000');
        expect(agent.opened).toBe(1);
        expect(agent.closed).toBe(0);
      } finally {
        sts.destroy();
        agent.destroy();
      }
    }, 30_000);
  });

  describe('with --keep-alive-timeout 1', () => {
    let served: Served;
    let root: Creds;
    beforeAll(async () => {
      const data = tempDir('rolegate-keep-alive-');
      const env = commandEnv({ ROLEGATE_MASTER_KEY: 'c'.repeat(64) });
      const created = await rolegate(['account', 'create', '--data', data, '--id', '123412341234'], env);
      const key = /aws_access_key_id = (\S+)\naws_secret_access_key = (\S+)/.exec(created.stdout);
      if (key === null) throw new Error(`no key in: ${created.stdout} ${created.stderr}`);
      root = { accessKeyId: key[1] as string, secretAccessKey: key[2] as string };
      served = await spawnServer(process.execPath, [BIN, 'serve', '--port', '0', '--data', data, '--log-level', 'warn', '--keep-alive-timeout', '1'], env);
    });
    afterAll(() => cleanUpProcesses());

    it('closes a connection idle past a second, and the next call opens a new one', async () => {
      const agent = new CountingAgent();
      const sts = client(served.url, root, agent);
      try {
        await sts.send(new GetCallerIdentityCommand({}));
        await pause(2_500);
        expect(agent.closed).toBe(1);
        const again = await sts.send(new GetCallerIdentityCommand({}));
        expect(again.Account).toBe('123412341234');
        expect(agent.opened).toBe(2);
      } finally {
        sts.destroy();
        agent.destroy();
      }
    }, 30_000);
  });

  it.each(['0', '-5', 'soon', '86401'])('refuses --keep-alive-timeout %s (above 0, at most a day)', async (value) => {
    const out = await rolegate(['serve', '--port', '0', '--data', tempDir('rolegate-keep-alive-'), '--keep-alive-timeout', value], commandEnv());
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('--keep-alive-timeout');
  });
});
