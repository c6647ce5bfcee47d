/**
 * Three `rolegate serve` processes on one PostgreSQL database, as an organization runs
 * them behind a load balancer: started at once (one migrates, the others wait for it);
 * credentials issued by one node work on the others; a trust-policy, an identity-policy
 * and an access-key change made through one node is enforced by the others within a
 * second (the worst time seen is printed); `keys rotate` is picked up by every node
 * without a restart; names stay unique and the two-keys quota holds when nodes race; a
 * node killed with SIGKILL and started again rejoins with nothing lost.
 *
 * Skipped, saying so, when no PostgreSQL answers at ROLEGATE_TEST_PG (CI starts one).
 */
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { randomBytes } from 'node:crypto';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserPolicyCommand,
  GetUserCommand,
  ListRolesCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenKeyId } from '../../src/tokens/index.js';
import { createTestDatabase, PG_ADMIN_URL } from '../contract/backends.js';
import { randomRootKey } from './harness.js';
import { BIN, cleanUpProcesses, commandEnv, DEFAULT_ACCOUNT, iamAt, policy, rolegate, sessionOf, spawnServer, stsAt, type Creds, type Served } from './processes.js';

const database = await createTestDatabase('rolegate_nodes');
if (database === undefined) console.warn(`multi-node suite skipped: no PostgreSQL at ${PG_ADMIN_URL} (set ROLEGATE_TEST_PG)`);

const failure = (call: Promise<unknown>): Promise<{ name?: string }> =>
  call.then(
    () => ({ name: 'succeeded' }),
    (e: unknown) => e as { name?: string },
  );

/** Milliseconds until `holds()` answers true, polling every 10 ms, failing after `limitMs`. */
async function timeUntil(holds: () => Promise<boolean>, limitMs: number, what: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await holds()) return Date.now() - started;
    if (Date.now() - started > limitMs) throw new Error(`${what}: not seen within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.skipIf(database === undefined)('three nodes on one PostgreSQL', () => {
  const root: Creds = randomRootKey();
  const env = commandEnv({
    ROLEGATE_MASTER_KEY: randomBytes(32).toString('hex'),
    ROLEGATE_ROOT_ACCESS_KEY_ID: root.accessKeyId,
    ROLEGATE_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey,
    ROLEGATE_STORE_URL: database?.url ?? '',
  });
  const serveNode = (): Promise<Served> => spawnServer(process.execPath, [BIN, 'serve', '--port', '0', '--log-level', 'warn'], env);
  let nodes: Served[] = [];
  let alice: Creds;
  const propagation: number[] = [];
  const url = (i: number): string => nodes[i]!.url;

  beforeAll(async () => {
    // All three at once: the migrations must run once, whoever gets there first.
    nodes = await Promise.all([serveNode(), serveNode(), serveNode()]);
    const iam = iamAt(url(0), root);
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'assume', PolicyDocument: policy([{ Effect: 'Allow', Action: ['sts:AssumeRole', 'iam:GetUser'], Resource: '*' }]) }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const trust = policy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEFAULT_ACCOUNT}:user/alice` }, Action: 'sts:AssumeRole' }]);
    await iam.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: trust }));
  }, 120_000);

  afterAll(async () => {
    cleanUpProcesses();
    if (propagation.length > 0) console.log(`multi-node: worst propagation ${Math.max(...propagation)} ms of ${propagation.length} changes (${propagation.join(', ')} ms)`);
    await database?.drop();
  });

  it('honours on every node the credentials one node issued', async () => {
    const session = sessionOf(await stsAt(url(0), alice).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${DEFAULT_ACCOUNT}:role/app`, RoleSessionName: 'from-a' })));
    for (const i of [1, 2]) {
      await expect(stsAt(url(i), session).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: `arn:aws:sts::${DEFAULT_ACCOUNT}:assumed-role/app/from-a` });
    }
    // One audit trail: each node's LookupEvents shows the session's calls made on all three.
    for (const i of [0, 1, 2]) {
      const trail = new CloudTrailClient({ endpoint: url(i), region: 'us-east-1', credentials: root, maxAttempts: 1 });
      const found = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'AccessKeyId', AttributeValue: session.accessKeyId }] }));
      expect(found.Events?.map((e) => e.EventName)).toEqual(['GetCallerIdentity', 'GetCallerIdentity']);
      const issued = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: session.accessKeyId }] }));
      expect(issued.Events?.map((e) => e.EventName)).toContain('AssumeRole');
    }
  });

  it('enforces on the other nodes, within a second, a trust, policy or key change made through one', async () => {
    const assume = (i: number) => failure(stsAt(url(i), alice).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${DEFAULT_ACCOUNT}:role/app`, RoleSessionName: 'probe' })));
    // Each node has seen alice's grants (and cached them) before the change.
    for (const i of [0, 1, 2]) expect((await assume(i)).name).toBe('succeeded');

    await iamAt(url(1), root).send(new UpdateAssumeRolePolicyCommand({ RoleName: 'app', PolicyDocument: policy([{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]) }));
    propagation.push(await timeUntil(async () => (await assume(2)).name === 'AccessDenied', 1_000, 'trust change on B, seen on C'));

    await iamAt(url(2), root).send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'assume' }));
    propagation.push(await timeUntil(async () => (await failure(iamAt(url(0), alice).send(new GetUserCommand({})))).name === 'AccessDenied', 1_000, 'policy removed on C, seen on A'));

    await iamAt(url(0), root).send(new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: alice.accessKeyId }));
    propagation.push(await timeUntil(async () => (await failure(stsAt(url(1), alice).send(new GetCallerIdentityCommand({})))).name === 'InvalidClientTokenId', 1_000, 'key deleted on A, refused on B'));
    expect(Math.max(...propagation)).toBeLessThan(1_000);
  });

  it('keeps names unique and the two-key quota when the nodes race', async () => {
    const trust = policy([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
    const creates = await Promise.all([0, 1, 2].map((i) => failure(iamAt(url(i), root).send(new CreateRoleCommand({ RoleName: 'raced', AssumeRolePolicyDocument: trust })))));
    expect(creates.map((c) => c.name).sort()).toEqual(['EntityAlreadyExistsException', 'EntityAlreadyExistsException', 'succeeded']);

    await iamAt(url(0), root).send(new CreateUserCommand({ UserName: 'bob' }));
    const keys = await Promise.all([0, 1, 2, 0, 1, 2].map((i) => failure(iamAt(url(i), root).send(new CreateAccessKeyCommand({ UserName: 'bob' })))));
    expect(keys.map((k) => k.name).sort()).toEqual(['LimitExceededException', 'LimitExceededException', 'LimitExceededException', 'LimitExceededException', 'succeeded', 'succeeded']);
  });

  it('picks up `keys rotate` on every node without a restart; older tokens keep working', async () => {
    const iam = iamAt(url(0), root);
    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'assume', PolicyDocument: policy([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]) }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }))).AccessKey!;
    const carol = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'app', PolicyDocument: policy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEFAULT_ACCOUNT}:user/carol` }, Action: 'sts:AssumeRole' }]) }));
    const issue = async (i: number): Promise<Creds> => {
      for (let tries = 0; ; tries++) {
        try {
          return sessionOf(await stsAt(url(i), carol).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${DEFAULT_ACCOUNT}:role/app`, RoleSessionName: `n${i}` })));
        } catch (e) {
          // The trust change may still be on its way to this node (within a second).
          if (tries > 100) throw e;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const before = await issue(2);

    const rotated = await rolegate(['keys', 'rotate'], env);
    expect(rotated.code, rotated.stderr).toBe(0);
    const fresh = /^active sealing key: (\S+)$/m.exec(rotated.stdout)?.[1];
    for (const i of [0, 1, 2]) {
      // Each node seals with the new key once it has read the ring again.
      await timeUntil(async () => tokenKeyId((await issue(i)).sessionToken!) === fresh, 5_000, `node ${i} sealing with the new key`);
      await expect(stsAt(url(i), before).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: expect.stringContaining('/app/n2') });
    }
  });

  it('takes back a node killed with SIGKILL, with nothing lost', async () => {
    const killed = nodes[1]!;
    killed.child.kill('SIGKILL');
    await killed.exit;
    // The others go on; writes made meanwhile are there when the node returns.
    await iamAt(url(0), root).send(new CreateRoleCommand({ RoleName: 'while-down', AssumeRolePolicyDocument: policy([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]) }));
    nodes[1] = await serveNode();
    const names = (await iamAt(url(1), root).send(new ListRolesCommand({}))).Roles!.map((r) => r.RoleName).sort();
    expect(names).toEqual(['app', 'raced', 'while-down']);
  });
});
