/**
 * The service's own metrics and logs, on a started rolegate driven by the AWS SDK: an
 * allowed AssumeRole, an implicitly and an explicitly denied IAM call and a session's
 * calls move rolegate_decisions_total, rolegate_requests_total and the caches' hit and
 * miss counts by exactly what they did, on a `/metrics` read over HTTP and parsed as
 * Prometheus text; `rolegate keys rotate` shows on the key ring gauge; every request is
 * one JSON log line with its request id, account, principal ARN, action, outcome and
 * latency; no secret of the run is in any line the server wrote.
 */
import { randomBytes } from 'node:crypto';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure, startRolegate, type Started } from './harness.js';
import { cleanUpProcesses, commandEnv, DEFAULT_ACCOUNT, iamAt, policy, rolegate, sessionOf, stsAt, type Creds } from './processes.js';
import { scrapeMetrics, type Scrape } from './scrape.js';

const ROLE_ARN = `arn:aws:iam::${DEFAULT_ACCOUNT}:role/app`;
const ALICE_ARN = `arn:aws:iam::${DEFAULT_ACCOUNT}:user/alice`;
const CACHES = ['entities', 'callers', 'policies', 'trust_policies', 'session_tokens', 'signing_keys'];

/** A counter's increase between two scrapes (a series absent before counts from 0). */
const moved = (before: Scrape, after: Scrape, name: string, labels: Record<string, string> = {}): number =>
  (after.value(name, labels) ?? 0) - (before.value(name, labels) ?? 0);

describe('metrics and logs of a started rolegate', () => {
  const masterKey = randomBytes(32).toString('hex');
  let server: Started;
  let alice: Creds;
  let session: Creds;
  /** Every secret the run handed out: none may be logged. */
  const secrets: string[] = [];

  beforeAll(async () => {
    server = await startRolegate({ ROLEGATE_MASTER_KEY: masterKey }, { logLevel: 'info' });
    secrets.push(server.root.secretAccessKey, masterKey);
    const root = iamAt(server.url, server.root);
    await root.send(new CreateUserCommand({ UserName: 'alice' }));
    await root.send(
      new PutUserPolicyCommand({
        UserName: 'alice',
        PolicyName: 'assume-not-list',
        PolicyDocument: policy([
          { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_ARN },
          { Effect: 'Deny', Action: 'iam:ListUsers', Resource: '*' },
        ]),
      }),
    );
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    secrets.push(alice.secretAccessKey);
    await root.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: policy([{ Effect: 'Allow', Principal: { AWS: ALICE_ARN }, Action: 'sts:AssumeRole' }]) }));
  });
  afterAll(async () => {
    await server?.close();
    cleanUpProcesses();
  });

  it('counts each decision by result, the requests, and the caches\' hits and misses, on a /metrics that parses as Prometheus text', async () => {
    const before = await scrapeMetrics(server.url);
    // Every series is there before anything is counted, so a dashboard has no gaps.
    for (const result of ['allow', 'explicit_deny', 'implicit_deny']) expect(before.value('rolegate_decisions_total', { result })).toBeTypeOf('number');
    for (const cache of CACHES) for (const result of ['hit', 'miss']) expect(before.value('rolegate_cache_requests_total', { cache, result })).toBeTypeOf('number');
    expect(before.value('rolegate_store_errors_total')).toBe(0);

    // Two AssumeRoles: one decision each (trust policy and alice's policies together), both Allow.
    const assumed = await stsAt(server.url, alice).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'first' }));
    session = sessionOf(assumed);
    secrets.push(session.secretAccessKey, session.sessionToken!);
    const second = sessionOf(await stsAt(server.url, alice).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'second' })));
    secrets.push(second.secretAccessKey, second.sessionToken!);
    // Nothing allows alice to create users; a Deny names ListUsers.
    expect(await sdkFailure(iamAt(server.url, alice).send(new CreateUserCommand({ UserName: 'mallory' })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await sdkFailure(iamAt(server.url, alice).send(new ListUsersCommand({})))).toMatchObject({ name: 'AccessDenied', status: 403 });
    // GetCallerIdentity needs no permission: three calls on one session, no decision.
    for (let i = 0; i < 3; i++) expect((await stsAt(server.url, session).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${DEFAULT_ACCOUNT}:assumed-role/app/first`);

    const after = await scrapeMetrics(server.url);
    expect(moved(before, after, 'rolegate_decisions_total', { result: 'allow' })).toBe(2);
    expect(moved(before, after, 'rolegate_decisions_total', { result: 'implicit_deny' })).toBe(1);
    expect(moved(before, after, 'rolegate_decisions_total', { result: 'explicit_deny' })).toBe(1);
    expect(moved(before, after, 'rolegate_requests_total', { service: 'sts', action: 'AssumeRole', outcome: 'ok' })).toBe(2);
    expect(moved(before, after, 'rolegate_requests_total', { service: 'iam', action: 'CreateUser', outcome: 'AccessDenied' })).toBe(1);
    expect(moved(before, after, 'rolegate_requests_total', { service: 'iam', action: 'ListUsers', outcome: 'AccessDenied' })).toBe(1);
    expect(moved(before, after, 'rolegate_requests_total', { service: 'sts', action: 'GetCallerIdentity', outcome: 'ok' })).toBe(3);
    expect(after.families.get('rolegate_request_duration_seconds')?.type).toBe('HISTOGRAM');
    // Seven calls, seven audit events (same account, no cross-account copy), committed before each answer.
    expect(moved(before, after, 'rolegate_audit_events_total')).toBe(7);
    expect(moved(before, after, 'rolegate_audit_commits_total')).toBeGreaterThanOrEqual(1);
    expect(moved(before, after, 'rolegate_audit_commits_total')).toBeLessThanOrEqual(7);
    expect(after.value('rolegate_audit_failures_total')).toBe(0);

    const hits = (cache: string): number => moved(before, after, 'rolegate_cache_requests_total', { cache, result: 'hit' });
    const misses = (cache: string): number => moved(before, after, 'rolegate_cache_requests_total', { cache, result: 'miss' });
    // The session's token is opened once (its first call) and remembered for the next two.
    expect({ hits: hits('session_tokens'), misses: misses('session_tokens') }).toEqual({ hits: 2, misses: 1 });
    // The second AssumeRole finds the trust policy compiled by the first.
    expect({ hits: hits('trust_policies'), misses: misses('trust_policies') }).toEqual({ hits: 1, misses: 1 });
    // alice's policies are compiled once after the set-up's last write, then serve her three other decisions.
    expect({ hits: hits('policies'), misses: misses('policies') }).toEqual({ hits: 3, misses: 1 });
    // One signing key per (secret, day, region, service): alice's for sts and for iam, the session's for sts.
    expect({ hits: hits('signing_keys'), misses: misses('signing_keys') }).toEqual({ hits: 4, misses: 3 });
    // alice's caller and the session's are built once each, then reused.
    expect({ hits: hits('callers'), misses: misses('callers') }).toEqual({ hits: 5, misses: 2 });
    expect(hits('entities')).toBeGreaterThan(0);

    expect(after.samples('rolegate_key_ring_keys')).toEqual(
      expect.arrayContaining([
        { labels: { state: 'active' }, value: 1 },
        { labels: { state: 'retired' }, value: 0 },
      ]),
    );
    expect(after.value('rolegate_store_errors_total')).toBe(0);
    // The process metrics prom-client collects are there too.
    expect(after.value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('shows a key rotated by `rolegate keys rotate` as one active and one retired key once the node seals with the new one', async () => {
    const rotated = await rolegate(['keys', 'rotate', '--data', server.dataDir], commandEnv({ ROLEGATE_MASTER_KEY: masterKey }));
    expect(rotated.stderr).toBe('');
    expect(rotated.stdout).toMatch(/^active sealing key: [0-9a-f]+\n$/);
    // Past the node's 100 ms look at the store generation, so its next issue reloads the ring.
    await new Promise((r) => setTimeout(r, 150));
    const fresh = sessionOf(await stsAt(server.url, alice).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'after-rotation' })));
    secrets.push(fresh.secretAccessKey, fresh.sessionToken!);
    const scrape = await scrapeMetrics(server.url);
    expect(scrape.value('rolegate_key_ring_keys', { state: 'active' })).toBe(1);
    expect(scrape.value('rolegate_key_ring_keys', { state: 'retired' })).toBe(1);
    // The session sealed before the rotation still works.
    expect((await stsAt(server.url, session).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${DEFAULT_ACCOUNT}:assumed-role/app/first`);
  });

  it('logs each request as one JSON line with its request id, account, principal ARN, action, outcome and latency', async () => {
    const allowed = await stsAt(server.url, session).send(new GetCallerIdentityCommand({}));
    const denied = await iamAt(server.url, alice)
      .send(new CreateUserCommand({ UserName: 'eve' }))
      .catch((e: { $metadata: { requestId?: string } }) => e);
    const deniedId = (denied as { $metadata: { requestId?: string } }).$metadata.requestId;
    // One key once per line: `service` is the request's, not the process's as well.
    for (const raw of server.output().split('\n').filter((l) => l.startsWith('{'))) expect(raw.match(/"service":/g)?.length ?? 0).toBeLessThanOrEqual(1);
    const lines = logLines(server.output());
    const entry = (requestId: string | undefined): Record<string, unknown> | undefined => lines.find((l) => l['requestId'] === requestId && l['msg'] === 'request');

    expect(entry(allowed.$metadata.requestId)).toMatchObject({
      level: 30,
      name: 'rolegate',
      service: 'sts',
      action: 'GetCallerIdentity',
      outcome: 'ok',
      status: 200,
      account: DEFAULT_ACCOUNT,
      caller: `arn:aws:sts::${DEFAULT_ACCOUNT}:assumed-role/app/first`,
      accessKeyId: session.accessKeyId,
      ms: expect.any(Number),
    });
    expect(entry(deniedId)).toMatchObject({
      service: 'iam',
      action: 'CreateUser',
      outcome: 'AccessDenied',
      status: 403,
      error: 'AccessDenied',
      account: DEFAULT_ACCOUNT,
      caller: ALICE_ARN,
      accessKeyId: alice.accessKeyId,
    });
    // Every API request of the run has its line (the set-up's 4, the first test's 7, the rotation test's 2, these 2).
    const requests = lines.filter((l) => l['msg'] === 'request');
    expect(requests.length).toBe(15);
    for (const r of requests) expect(r['ms']).toBeTypeOf('number');
  });

  it('writes no secret of the run (secret keys, session tokens, the master key) in any line', () => {
    const output = server.output();
    expect(logLines(output).length).toBeGreaterThan(0);
    expect(secrets.length).toBe(9);
    for (const secret of secrets) expect(output.includes(secret), `a secret of ${secret.length} characters is in the output`).toBe(false);
  });

  it('counts and logs the requests refused before they are read as API calls: another path, a body over 1 MiB', async () => {
    const before = await scrapeMetrics(server.url);
    const wrongPath = await fetch(`${server.url}/nothing-here`, { method: 'POST', body: 'Action=GetCallerIdentity' });
    const tooLarge = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a'.repeat(1024 * 1024 + 1) });
    expect([wrongPath.status, tooLarge.status]).toEqual([400, 413]);
    // The unread rest of the large body would be read as the next request: that connection closes, the other stays.
    expect([wrongPath.headers.get('connection'), tooLarge.headers.get('connection')]).toEqual(['keep-alive', 'close']);
    const after = await scrapeMetrics(server.url);
    expect(moved(before, after, 'rolegate_requests_total', { service: 'unknown', action: 'unknown', outcome: 'InvalidAction' })).toBe(1);
    expect(moved(before, after, 'rolegate_requests_total', { service: 'unknown', action: 'unknown', outcome: 'RequestEntityTooLarge' })).toBe(1);
    const lines = logLines(server.output());
    const entry = (response: Response): Record<string, unknown> | undefined => lines.find((l) => l['requestId'] === response.headers.get('x-amzn-requestid') && l['msg'] === 'request');
    expect(entry(wrongPath)).toMatchObject({ service: 'unknown', action: 'unknown', outcome: 'InvalidAction', status: 400, ms: expect.any(Number) });
    expect(entry(tooLarge)).toMatchObject({ service: 'unknown', action: 'unknown', outcome: 'RequestEntityTooLarge', status: 413 });
  });
});

/** The JSON lines of the server's output (the rest is what it prints on the terminal). */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
