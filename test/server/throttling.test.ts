/**
 * Per-account rate limits (`--rate-limit`, `--rate-burst`): past its budget an account
 * gets AWS's Throttling ("Rate exceeded", 400, Sender) — which the SDK recognises and
 * retries — while other accounts go on; the bucket refills with time; requests that fail
 * their signature spend nothing.
 */
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeps } from '../../src/cli/environment.js';
import { createAccount } from '../../src/services/accounts.js';
import { MovableClock, sdkFailure, startRolegate, type Started } from './harness.js';

type Creds = { accessKeyId: string; secretAccessKey: string };

describe('per-account rate limits', () => {
  const clock = new MovableClock();
  const masterKey = 'a'.repeat(64);
  let server: Started;
  let alice: Creds;
  let other: Creds;
  const sts = (credentials: Creds, maxAttempts = 1) => new STSClient({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts });
  const whoAmI = (credentials: Creds, maxAttempts = 1) => sts(credentials, maxAttempts).send(new GetCallerIdentityCommand({}));

  beforeAll(async () => {
    // Frozen time: the bucket refills only when the test moves the clock.
    const frozenAt = Date.now();
    clock.now = () => frozenAt + clock.offsetMs;
    server = await startRolegate({ ROLEGATE_MASTER_KEY: masterKey }, { clock, rateLimit: 2, rateBurst: 3 });
    const deps = await openDeps({ data: server.dataDir }, { ROLEGATE_MASTER_KEY: masterKey });
    try {
      other = await createAccount(deps, { id: '222233334444' });
    } finally {
      await deps.db.close();
    }
    const iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root, maxAttempts: 1 });
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    // Setting up spent the default account's burst: start the tests with a full bucket.
    clock.offsetMs += 10_000;
  });
  afterAll(async () => server?.close());

  it('answers Throttling past the burst, to every caller of that account, and not to another account', async () => {
    for (let i = 0; i < 3; i++) await whoAmI(alice);
    const throttled = await sdkFailure(whoAmI(server.root));
    expect(throttled).toMatchObject({ name: 'Throttling', message: 'Rate exceeded', status: 400 });
    await expect(whoAmI(other)).resolves.toMatchObject({ Account: '222233334444' });
  });

  it('refills at the rate: one request per half second at 2 per second', async () => {
    clock.offsetMs += 500;
    await expect(whoAmI(alice)).resolves.toMatchObject({ Arn: 'arn:aws:iam::000000000000:user/alice' });
    await expect(sdkFailure(whoAmI(alice))).resolves.toMatchObject({ name: 'Throttling' });
  });

  it('spends nothing on a request whose signature fails', async () => {
    clock.offsetMs += 1_500; // three tokens: the whole burst
    for (let i = 0; i < 5; i++) {
      await expect(sdkFailure(whoAmI({ ...alice, secretAccessKey: 'wrong'.repeat(8) }))).resolves.toMatchObject({ name: 'SignatureDoesNotMatch' });
    }
    for (let i = 0; i < 3; i++) await whoAmI(alice);
  });

  it('is retried by the SDK as a throttling error', async () => {
    // Empty now; the SDK's standard retries back off and try again, and the request
    // succeeds once the clock (moved here before its second attempt) has refilled the bucket.
    await expect(sdkFailure(whoAmI(alice))).resolves.toMatchObject({ name: 'Throttling' });
    const client = sts(alice, 3);
    let attempt = 0;
    client.middlewareStack.add(
      (next) => async (args) => {
        if (++attempt === 2) clock.offsetMs += 600;
        return next(args);
      },
      // The deserialize step runs once per attempt, inside the retry loop.
      { step: 'deserialize', name: 'moveClockBeforeSecondAttempt' },
    );
    const out = await client.send(new GetCallerIdentityCommand({}));
    expect(out.Arn).toBe('arn:aws:iam::000000000000:user/alice');
    expect(out.$metadata.attempts).toBe(2);
  });
});
