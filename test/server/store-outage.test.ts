/**
 * PostgreSQL out of reach under a running node (cut at a TCP proxy between the two, so
 * the shared database server stays up for the other suites): requests that need the
 * store answer AWS's ServiceUnavailable (503) — never an InternalFailure, never an
 * allow the policies would not give — calls the node could answer from what it holds
 * (a session it has seen) may go on or fail the same way, and when the database is back
 * the node recovers by itself. Each of those ServiceUnavailable answers is counted in
 * rolegate_store_errors_total.
 */
import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, GetUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, PG_ADMIN_URL } from '../contract/backends.js';
import { sdkFailure, startRolegate, type Started } from './harness.js';
import { iamAt, policy, sessionOf, stsAt, type Creds } from './processes.js';
import { scrapeMetrics } from './scrape.js';

/** A TCP proxy to PostgreSQL that the test can cut (every connection dropped, new ones refused) and restore. */
class CuttableProxy {
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.port = (server.address() as { port: number }).port;
    this.#server = server;
  }

  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const s of this.#sockets) s.destroy();
    if (server !== undefined) await new Promise((r) => server.close(r));
  }
}

const database = await createTestDatabase('rolegate_outage');
if (database === undefined) console.warn(`store-outage suite skipped: no PostgreSQL at ${PG_ADMIN_URL} (set ROLEGATE_TEST_PG)`);

describe.skipIf(database === undefined)('the database out of reach', () => {
  const target = new URL(database?.url ?? 'postgres://x@127.0.0.1:5432/x');
  const proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
  let server: Started;
  let alice: Creds;
  let session: Creds;
  const roleArn = 'arn:aws:iam::000000000000:role/app';

  beforeAll(async () => {
    await proxy.open();
    const proxied = new URL(target);
    proxied.port = String(proxy.port);
    server = await startRolegate({ ROLEGATE_STORE_URL: proxied.toString() });
    const iam = iamAt(server.url, server.root);
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'assume', PolicyDocument: policy([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }]) }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    await iam.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: policy([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::000000000000:user/alice' }, Action: 'sts:AssumeRole' }]) }));
    session = sessionOf(await stsAt(server.url, alice).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'before' })));
    await stsAt(server.url, session).send(new GetCallerIdentityCommand({}));
  });
  afterAll(async () => {
    await proxy.cut();
    await server?.close().catch(() => undefined);
    await database?.drop();
  });

  it('answers ServiceUnavailable for what needs the store, never InternalFailure or a wrong allow, and recovers by itself', async () => {
    await proxy.cut();
    // Past the node's 100 ms generation poll, so every request asks the store again.
    await new Promise((r) => setTimeout(r, 150));

    const write = await sdkFailure(iamAt(server.url, server.root).send(new CreateUserCommand({ UserName: 'during-outage' })));
    expect(write).toMatchObject({ name: 'ServiceUnavailable', status: 503, message: 'The request has failed due to a temporary failure of the server.' });
    // alice may not create users: during the outage that is never turned into a success.
    const denied = await sdkFailure(iamAt(server.url, alice).send(new CreateUserCommand({ UserName: 'not-allowed' })));
    expect(['ServiceUnavailable', 'AccessDenied']).toContain(denied.name);
    // A session seen before: answered from what the node holds, or refused with 503; nothing else.
    const known = await stsAt(server.url, session)
      .send(new GetCallerIdentityCommand({}))
      .then(
        (r) => r.Arn,
        (e: { name: string }) => e.name,
      );
    expect(['arn:aws:sts::000000000000:assumed-role/app/before', 'ServiceUnavailable']).toContain(known);

    // Under load: for a second, four callers at once; every answer is one of the allowed ones.
    const outcomes = new Map<string, number>();
    const until = Date.now() + 1_000;
    const caller = async (n: number): Promise<void> => {
      while (Date.now() < until) {
        const call =
          n % 2 === 0
            ? stsAt(server.url, session).send(new GetCallerIdentityCommand({})).then((r) => `arn ${r.Arn ?? ''}`)
            : iamAt(server.url, server.root).send(new CreateUserCommand({ UserName: `load-${n}` })).then(() => 'created');
        const outcome = await call.catch((e: { name: string }) => e.name);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    };
    await Promise.all([0, 1, 2, 3].map(caller));
    console.log(`store outage, one second under load: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    expect([...outcomes.keys()].filter((o) => o !== 'ServiceUnavailable' && o !== 'arn arn:aws:sts::000000000000:assumed-role/app/before')).toEqual([]);
    expect(outcomes.get('ServiceUnavailable') ?? 0).toBeGreaterThan(0);

    await proxy.open();
    const started = Date.now();
    for (;;) {
      const r = await iamAt(server.url, server.root)
        .send(new CreateUserCommand({ UserName: 'after-outage' }))
        .then(
          () => 'ok',
          (e: { name: string }) => e.name,
        );
      if (r === 'ok') {
        console.log(`store outage: writes accepted again ${Date.now() - started} ms after the database came back`);
        break;
      }
      expect(r).toBe('ServiceUnavailable');
      expect(Date.now() - started, 'recovered within 10 s').toBeLessThan(10_000);
      await new Promise((res) => setTimeout(res, 100));
    }
    // The refused write left nothing behind.
    await expect(iamAt(server.url, server.root).send(new GetUserCommand({ UserName: 'during-outage' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });

    // Every ServiceUnavailable answer is counted as a store error on /metrics: at least the
    // first write's and those of the second under load that the clients saw.
    const scrape = await scrapeMetrics(server.url);
    const unavailable = scrape.samples('rolegate_requests_total').filter((s) => s.labels['outcome'] === 'ServiceUnavailable').reduce((n, s) => n + s.value, 0);
    expect(scrape.value('rolegate_store_errors_total')).toBe(unavailable);
    expect(unavailable).toBeGreaterThanOrEqual(1 + (outcomes.get('ServiceUnavailable') ?? 0));
  });
});
