/**
 * STS GetFederationToken through the AWS SDK against a started rolegate: what it issues,
 * who may ask, every refusal, how long the credentials last, and what the federated user
 * may call afterwards (GetCallerIdentity; no IAM, no other STS operation). What the
 * federated user's policies allow is shown through the engine in
 * test/services/sts/federation-token.test.ts, since IAM refuses federated users outright.
 */
import { randomBytes } from 'node:crypto';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  type GetFederationTokenCommandInput,
  type GetFederationTokenCommandOutput,
  GetSessionTokenCommand,
  STSClient,
  type Credentials as StsCredentials,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovableClock, sdkFailure as failure, startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const allow = (actions: string[], resource = '*'): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] });

describe('STS GetFederationToken', () => {
  let server: Started;
  const clock = new MovableClock();
  let root: { iam: IAMClient; sts: STSClient };
  let broker: { iam: IAMClient; sts: STSClient; arn: string };
  // Signed at the server's (movable) time, as a client whose clock agrees with it.
  const clients = (credentials: Creds, systemClockOffset = 0) => ({
    iam: new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1, systemClockOffset }),
    sts: new STSClient({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1, systemClockOffset }),
  });
  const keysOf = (c: StsCredentials | undefined): Creds => ({
    accessKeyId: c!.AccessKeyId!,
    secretAccessKey: c!.SecretAccessKey!,
    sessionToken: c!.SessionToken!,
  });
  const federate = (input: GetFederationTokenCommandInput, as = broker) => as.sts.send(new GetFederationTokenCommand(input));

  async function user(name: string, policy?: string) {
    const created = await root.iam.send(new CreateUserCommand({ UserName: name }));
    if (policy !== undefined) await root.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
    const key = (await root.iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { ...clients({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }), arn: created.User!.Arn! };
  }

  beforeAll(async () => {
    server = await startRolegate({}, { clock });
    root = clients(server.root);
    broker = await user('broker', allow(['sts:GetFederationToken', 'sts:TagSession', 'iam:*', 'sts:*']));
  });
  afterAll(async () => server.close());

  it('issues ASIA credentials for 12 hours by default, with the federated user named as AWS names it', async () => {
    const before = clock.now();
    const out = await federate({ Name: 'bob@corp' });
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials?.SecretAccessKey).toHaveLength(40);
    expect(out.Credentials?.SessionToken?.length).toBeGreaterThan(16);
    const expires = out.Credentials!.Expiration!.getTime();
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 43_200_000);
    expect(expires).toBeLessThanOrEqual(clock.now() + 43_200_000);
    expect(out.FederatedUser).toEqual({ FederatedUserId: `${ACCOUNT}:bob@corp`, Arn: `arn:aws:sts::${ACCOUNT}:federated-user/bob@corp` });
    expect(out.PackedPolicySize).toBe(0);
  });

  it('reports the packed size of session policies and tags', async () => {
    const out = await federate({ Name: 'packed', Policy: allow(['s3:GetObject']), Tags: [{ Key: 'team', Value: 'blue' }] });
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    expect(out.PackedPolicySize).toBeLessThanOrEqual(100);
  });

  it('lets the federated user call GetCallerIdentity, which shows ACCOUNT:Name and the federated-user ARN', async () => {
    const fed = clients(keysOf((await federate({ Name: 'carol' })).Credentials));
    expect(await fed.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      UserId: `${ACCOUNT}:carol`,
      Account: ACCOUNT,
      Arn: `arn:aws:sts::${ACCOUNT}:federated-user/carol`,
    });
  });

  it('refuses the federated user every IAM call, even one its user and session policy allow', async () => {
    const fed = clients(keysOf((await federate({ Name: 'dave', Policy: allow(['iam:*']) })).Credentials));
    expect(await failure(fed.iam.send(new ListUsersCommand({})))).toMatchObject({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      status: 403,
    });
  });

  it('refuses the federated user every STS call but GetCallerIdentity', async () => {
    const fed = clients(keysOf((await federate({ Name: 'erin', Policy: allow(['sts:*']) })).Credentials));
    const roleArn = (await root.iam.send(new CreateRoleCommand({
      RoleName: 'open-to-account',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }] }),
    }))).Role!.Arn!;
    expect(await failure(fed.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 's' })))).toMatchObject({
      name: 'AccessDenied',
      message: `User: arn:aws:sts::${ACCOUNT}:federated-user/erin is not authorized to perform: sts:AssumeRole`,
      status: 403,
    });
    expect(await failure(fed.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: server.root.accessKeyId })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(fed.sts.send(new GetSessionTokenCommand({})))).toMatchObject({
      name: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
    });
    expect(await failure(fed.sts.send(new GetFederationTokenCommand({ Name: 'again' })))).toMatchObject({
      name: 'AccessDenied',
      message: 'Cannot call GetFederationToken with session credentials',
    });
  });

  it('refuses any caller on temporary credentials with AWS text', async () => {
    const session = await broker.sts.send(new GetSessionTokenCommand({}));
    expect(await failure(clients(keysOf(session.Credentials)).sts.send(new GetFederationTokenCommand({ Name: 'frank' })))).toMatchObject({
      name: 'AccessDenied',
      message: 'Cannot call GetFederationToken with session credentials',
      status: 403,
    });
  });

  it('needs sts:GetFederationToken on the federated user ARN', async () => {
    const nobody = await user('nobody');
    const denied = await failure(federate({ Name: 'gina' }, nobody));
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(denied.message).toMatch(new RegExp(`^User: ${nobody.arn} is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::${ACCOUNT}:federated-user/gina`));
    const scoped = await user('scoped', allow(['sts:GetFederationToken'], `arn:aws:sts::${ACCOUNT}:federated-user/app-*`));
    await expect(federate({ Name: 'app-1' }, scoped)).resolves.toBeDefined();
    expect((await failure(federate({ Name: 'other' }, scoped))).name).toBe('AccessDenied');
    expect((await failure(federate({ Name: 'app-2', Tags: [{ Key: 'k', Value: 'v' }] }, scoped))).message).toContain('sts:TagSession');
  });

  it('validates Name and DurationSeconds as the model does', async () => {
    for (const Name of ['a', 'x'.repeat(33), 'bob smith', 'bob/1']) {
      expect(await failure(federate({ Name }))).toMatchObject({ name: 'ValidationError', status: 400 });
    }
    for (const DurationSeconds of [899, 129_601]) {
      expect(await failure(federate({ Name: 'hank', DurationSeconds }))).toMatchObject({ name: 'ValidationError', status: 400 });
    }
    expect((await failure(federate({ Name: 'a' }))).message).toBe(
      "1 validation error detected: Value 'a' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
  });

  it('refuses a malformed or unknown session policy, duplicate tag keys, and an oversized packing', async () => {
    // The SDK names modeled errors by their shape: MalformedPolicyDocument on the wire.
    expect(await failure(federate({ Name: 'ivan', Policy: '{"Version":"2012-10-17"' }))).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 });
    const missing = `arn:aws:iam::${ACCOUNT}:policy/no-such-policy`;
    expect(await failure(federate({ Name: 'ivan', PolicyArns: [{ arn: missing }] }))).toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: `Policy ${missing} does not exist or is not attachable.`,
    });
    expect(await failure(federate({ Name: 'ivan', Tags: [{ Key: 'Team', Value: 'a' }, { Key: 'team', Value: 'b' }] }))).toMatchObject({
      name: 'InvalidParameterValue',
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
    // Random text, so that packing cannot compress it away.
    const big = Array.from({ length: 50 }, () => ({ Key: randomBytes(64).toString('hex'), Value: randomBytes(128).toString('hex') }));
    expect(await failure(federate({ Name: 'ivan', Tags: big }))).toMatchObject({ name: 'PackedPolicyTooLargeException', status: 400 });
  });

  it('lasts from 900 s to 36 hours for a user, at most one hour for root, and then expires', async () => {
    // Expiration is printed in whole seconds, and the clock moves while the call runs.
    const at = (out: GetFederationTokenCommandOutput) => Math.round((out.Credentials!.Expiration!.getTime() - clock.now()) / 10_000) * 10_000;
    expect(at(await federate({ Name: 'short', DurationSeconds: 900 }))).toBe(900_000);
    expect(at(await federate({ Name: 'long', DurationSeconds: 129_600 }))).toBe(129_600_000);
    expect(at(await federate({ Name: 'root-long', DurationSeconds: 7200 }, { ...root, arn: '' }))).toBe(3_600_000);
    const rootDefault = await federate({ Name: 'root-default' }, { ...root, arn: '' });
    expect(at(rootDefault)).toBe(3_600_000);
    expect(rootDefault.FederatedUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:federated-user/root-default`);

    const keys = keysOf((await federate({ Name: 'brief', DurationSeconds: 900 })).Credentials);
    await clients(keys).sts.send(new GetCallerIdentityCommand({}));
    clock.offsetMs += 901_000;
    try {
      const later = clients(keys, clock.offsetMs);
      expect(await failure(later.sts.send(new GetCallerIdentityCommand({})))).toMatchObject({ name: 'ExpiredToken', status: 403 });
    } finally {
      clock.offsetMs -= 901_000;
    }
  });
});
