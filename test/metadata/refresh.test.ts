/**
 * Credentials at the metadata endpoints stay fresh as EC2 keeps them: an instance
 * metadata endpoint (served over HTTP, fed by a started rolegate through
 * rolegate:GetInstanceCredentials) hands out a new set once the old is an hour old, keeps
 * serving the set in hand when a renewal is refused, and has nothing to serve once that
 * set has expired. The endpoint's clock is moved by hand; the server's is real.
 */
import { randomBytes } from 'node:crypto';
import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, CreateRoleCommand, IAMClient, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromInstanceMetadata } from '@smithy/credential-provider-imds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetcher } from '../../src/cli/compute/compute-credentials.js';
import { CredentialFeed } from '../../src/metadata/credential-feed.js';
import { listen, type MetadataListener } from '../../src/metadata/http.js';
import { imdsHandler } from '../../src/metadata/imds.js';
import { ImdsTokens } from '../../src/metadata/imds-token.js';
import { MovableClock, startRolegate, type Started } from '../server/harness.js';

const trust = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
const MINUTE = 60_000;

describe('instance metadata credentials over time', () => {
  let server: Started;
  let iam: IAMClient;
  let endpoint: MetadataListener;
  const clock = new MovableClock();
  const failures: string[] = [];

  /** What the endpoint serves now: the IMDSv2 exchange an SDK makes, by hand. */
  const served = async (): Promise<{ status: number; body: Record<string, string> | undefined }> => {
    const token = await (await fetch(`${endpoint.url}/latest/api/token`, { method: 'PUT', headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '300' } })).text();
    const r = await fetch(`${endpoint.url}/latest/meta-data/iam/security-credentials/app`, { headers: { 'x-aws-ec2-metadata-token': token } });
    return { status: r.status, body: r.status === 200 ? ((await r.json()) as Record<string, string>) : undefined };
  };

  beforeAll(async () => {
    server = await startRolegate();
    iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    await iam.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }));
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'app' }));
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'app', RoleName: 'app' }));
    // The root user may pass any role: its credentials launch the instance.
    const caller = { target: { endpoint: server.url, region: 'us-east-1' }, credentials: () => Promise.resolve(server.root) };
    const instanceId = `i-${randomBytes(9).toString('hex').slice(0, 17)}`;
    const feed = new CredentialFeed(fetcher(caller, { kind: 'instance', instanceProfile: 'app', instanceId }), () => clock.now(), (e) => failures.push(String(e)));
    const instance = { instanceId, accountId: '000000000000', region: 'us-east-1', launchedAt: clock.now() };
    endpoint = await listen(imdsHandler({ instance, feed, tokens: new ImdsTokens(randomBytes(32)), allowV1: false, now: () => clock.now() }), (e) => failures.push(String(e)));
  });
  afterAll(async () => {
    await endpoint?.close();
    await server?.close();
  });

  it('serves one set for an hour, then a new one; the SDK uses either', async () => {
    const first = await served();
    expect(first.status).toBe(200);
    clock.offsetMs = 59 * MINUTE;
    expect((await served()).body?.['AccessKeyId']).toBe(first.body?.['AccessKeyId']);
    clock.offsetMs = 61 * MINUTE;
    const second = await served();
    expect(second.body?.['AccessKeyId']).not.toBe(first.body?.['AccessKeyId']);
    expect(Date.parse(second.body!['LastUpdated']!)).toBeGreaterThan(Date.parse(first.body!['LastUpdated']!));
    // The SDK's own IMDS reader, pointed at the endpoint, gets the current set and it works.
    process.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'] = `${endpoint.url}/`;
    try {
      const fromSdk = await fromInstanceMetadata({ maxRetries: 0 })();
      expect(fromSdk.accessKeyId).toBe(second.body?.['AccessKeyId']);
      const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: fromSdk });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toMatch(/^arn:aws:sts::000000000000:assumed-role\/app\/i-[0-9a-f]{17}$/);
    } finally {
      delete process.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'];
    }
  });

  it('keeps the set in hand while renewals are refused, and serves nothing once it has expired', async () => {
    const held = await served();
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'app', PolicyDocument: trust('ecs-tasks.amazonaws.com') }));
    clock.offsetMs += 61 * MINUTE;
    const refused = await served();
    expect(refused.body?.['AccessKeyId']).toBe(held.body?.['AccessKeyId']);
    expect(failures.at(-1)).toContain('ec2.amazonaws.com is not authorized to perform: sts:AssumeRole');
    clock.offsetMs += 6 * 60 * MINUTE;
    expect((await served()).status).toBe(404);
  });
});
