/**
 * `rolegate run` as a user runs it, a child process of the real bin against a started
 * rolegate: a program that holds no credentials, using the AWS SDK's default chain (and
 * Debian's boto3), gets its role's credentials from the instance metadata endpoint
 * (--instance-profile) or the container credentials endpoint (--role --container), and
 * uses them; the endpoints refuse what EC2 and ECS refuse (no token, a forged token, a
 * forwarded PUT, a wrong authorization token); the launch is refused without
 * iam:PassRole, without the service in the role's trust policy, or with an empty profile;
 * and `rolegate creds` inside a run uses them as credential_source.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AddRoleToInstanceProfileCommand,
  CreateAccessKeyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, findAwsCli, findBoto3, run, type Run } from '../clients/tools.js';
import { startRolegate, type Started } from '../server/harness.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(REPO, 'bin/rolegate.js');
const PROGRAM = join(REPO, 'test/cli/programs/in-compute.mjs');
const PYTHON_PROGRAM = join(REPO, 'test/cli/programs/in-instance.py');
const ACCOUNT = '000000000000';
const arn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
const boto3 = findBoto3();
const awsCli = findAwsCli();

const trustedBy = (service: string, condition?: object) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', ...(condition === undefined ? {} : { Condition: condition }) }] });
const allow = (action: string | string[], resource: string, condition?: object) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...(condition === undefined ? {} : { Condition: condition }) }] });

interface Seen {
  arn: string;
  getRole: string;
  listUsers: string;
  imds?: Record<string, unknown> & { credentials: Record<string, string>; info: Record<string, string>; document: Record<string, string> };
  container?: { status: number; body: Record<string, string>; withoutToken: number; wrongToken: number; otherPath: number };
}

describe('rolegate run: instance metadata and container credentials', () => {
  let server: Started;
  let home: string;
  const keys: Record<string, { accessKeyId: string; secretAccessKey: string }> = {};

  /** `rolegate run` signed as `who`, with the environment a user's shell would give it. */
  const rolegateRun = (who: string, args: string[], extra: Record<string, string> = {}): Promise<Run> =>
    run(
      process.execPath,
      [BIN, 'run', ...args],
      cleanEnv(home, process.execPath, {
        AWS_ACCESS_KEY_ID: keys[who]!.accessKeyId,
        AWS_SECRET_ACCESS_KEY: keys[who]!.secretAccessKey,
        AWS_ENDPOINT_URL: server.url,
        AWS_REGION: 'eu-west-1',
        ...extra,
      }),
    );
  const seen = (r: Run): Seen => {
    if (r.code !== 0) throw new Error(`exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Seen;
  };

  beforeAll(async () => {
    server = await startRolegate();
    home = mkdtempSync(join(tmpdir(), 'rolegate-run-'));
    const iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    const roles: [string, string][] = [
      ['web-app', trustedBy('ec2.amazonaws.com')],
      ['worker', trustedBy('ecs-tasks.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:ecs:eu-west-1:${ACCOUNT}:*` } })],
      ['tasks-only', trustedBy('ecs-tasks.amazonaws.com')],
      // Assumed from the instance's or the task's session (credential_source).
      ['deploy', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: [arn('role', 'web-app'), arn('role', 'worker')] }, Action: 'sts:AssumeRole' }] })],
    ];
    for (const [RoleName, AssumeRolePolicyDocument] of roles) {
      await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument }));
      // Each role may read itself, and nothing else.
      await iam.send(new PutRolePolicyCommand({ RoleName, PolicyName: 'self', PolicyDocument: allow('iam:GetRole', arn('role', RoleName)) }));
    }
    for (const [profile, role] of [['web', 'web-app'], ['wrong-service', 'tasks-only'], ['empty', undefined]] as const) {
      await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: profile }));
      if (role !== undefined) await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profile, RoleName: role }));
    }
    for (const user of ['launcher', 'nobody']) {
      await iam.send(new CreateUserCommand({ UserName: user }));
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: user }))).AccessKey!;
      keys[user] = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    }
    // The launcher may pass each role to its own service only, as AWS's documented PassRole policies do.
    await iam.send(new PutUserPolicyCommand({ UserName: 'launcher', PolicyName: 'ec2', PolicyDocument: allow('iam:PassRole', arn('role', '*'), { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } }) }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'launcher', PolicyName: 'ecs', PolicyDocument: allow('iam:PassRole', arn('role', 'worker'), { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } }) }));
  });

  afterAll(async () => {
    await server?.close();
    if (home !== undefined) rmSync(home, { recursive: true, force: true });
  });

  it('an instance profile: the SDK finds the role at the instance metadata endpoint, under the instance id', async () => {
    const r = await rolegateRun('launcher', ['--instance-profile', 'web', '--', process.execPath, PROGRAM, 'imds', 'web-app']);
    const out = seen(r);
    const instanceId = /^arn:aws:sts::000000000000:assumed-role\/web-app\/(i-[0-9a-f]{17})$/.exec(out.arn)?.[1];
    expect(instanceId, out.arn).toBeDefined();
    expect(out.getRole).toBe('web-app');
    // The role's own policies decide what the program may do.
    expect(out.listUsers).toBe('AccessDenied');
    const imds = out.imds!;
    expect(imds).toMatchObject({
      tokenTtlHeader: '60',
      withoutToken: 401,
      forgedToken: 401,
      forwardedPut: 403,
      ttlZero: 400,
      ttlTooLong: 400,
      ttlMissing: 400,
      getToken: 405,
      roleName: 'web-app',
      otherRole: 404,
      instanceId,
      region: 'eu-west-1',
      zone: 'eu-west-1a',
      unknown: 404,
    });
    expect(imds.credentials).toMatchObject({ Code: 'Success', Type: 'AWS-HMAC' });
    expect(imds.credentials['AccessKeyId']).toMatch(/^ASIA[A-Z2-7]{16}$/);
    // Six hours, less the time the run took.
    const remaining = Date.parse(imds.credentials['Expiration']!) - Date.now();
    expect(remaining).toBeGreaterThan(5.9 * 3600_000);
    expect(remaining).toBeLessThanOrEqual(6 * 3600_000);
    expect(imds.info).toMatchObject({ Code: 'Success', InstanceProfileArn: arn('instance-profile', 'web') });
    expect(imds.info['InstanceProfileId']).toMatch(/^AIPA[A-Z0-9]{17}$/);
    expect(imds.document).toMatchObject({ accountId: ACCOUNT, instanceId, region: 'eu-west-1', availabilityZone: 'eu-west-1a', version: '2017-09-30' });
    // rolegate's own output names the instance, never a secret.
    expect(r.stderr).toContain(instanceId);
    expect(r.stderr).not.toContain(imds.credentials['SecretAccessKey']);
  });

  it('IMDSv1 is served only when asked for with --imdsv1', async () => {
    const script = `fetch(process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT + 'latest/meta-data/instance-id').then(async (r) => console.log(r.status, await r.text()))`;
    const v1 = await rolegateRun('launcher', ['--instance-profile', 'web', '--imdsv1', '--', process.execPath, '-e', script]);
    expect(v1.stdout).toMatch(/^200 i-[0-9a-f]{17}\n$/);
    const v2only = await rolegateRun('launcher', ['--instance-profile', 'web', '--', process.execPath, '-e', script]);
    expect(v2only.stdout).toBe('401 Unauthorized\n');
  });

  it('a task role: the SDK finds the role at the container credentials endpoint, under the task id', async () => {
    const out = seen(await rolegateRun('launcher', ['--role', arn('role', 'worker'), '--container', '--', process.execPath, PROGRAM, 'container', 'worker']));
    expect(out.arn).toMatch(/^arn:aws:sts::000000000000:assumed-role\/worker\/[0-9a-f]{32}$/);
    expect(out.getRole).toBe('worker');
    expect(out.listUsers).toBe('AccessDenied');
    const container = out.container!;
    expect(container).toMatchObject({ status: 200, withoutToken: 401, wrongToken: 403, otherPath: 404 });
    expect(container.body['RoleArn']).toBe(arn('role', 'worker'));
    expect(Object.keys(container.body).sort()).toEqual(['AccessKeyId', 'Expiration', 'RoleArn', 'SecretAccessKey', 'Token']);
  });

  it('the command’s exit status is rolegate’s', async () => {
    const r = await rolegateRun('launcher', ['--instance-profile', 'web', '--', process.execPath, PROGRAM, 'none', 'web-app'], { EXIT_WITH: '7' });
    expect(r.code).toBe(7);
  });

  it('refuses to launch without iam:PassRole, as RunInstances and RunTask do', async () => {
    const instance = await rolegateRun('nobody', ['--instance-profile', 'web', '--', process.execPath, '-e', 'console.log("ran")']);
    expect(instance.code).toBe(1);
    expect(instance.stdout).toBe('');
    expect(instance.stderr).toMatch(/AccessDenied: User: arn:aws:iam::000000000000:user\/nobody is not authorized to perform: iam:PassRole on resource: arn:aws:iam::000000000000:role\/web-app/);
    // PassRole for ECS does not let the role go to EC2, nor the EC2 grant pass another role to ECS.
    const task = await rolegateRun('launcher', ['--role', arn('role', 'tasks-only'), '--container', '--', process.execPath, '-e', 'console.log("ran")']);
    expect(task.code).toBe(1);
    expect(task.stderr).toContain('is not authorized to perform: iam:PassRole on resource: arn:aws:iam::000000000000:role/tasks-only');
  });

  it('refuses a role whose trust policy does not name the service, and a profile without a role', async () => {
    const wrong = await rolegateRun('launcher', ['--instance-profile', 'wrong-service', '--', process.execPath, '-e', 'console.log("ran")']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('AccessDenied: ec2.amazonaws.com is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::000000000000:role/tasks-only');
    const empty = await rolegateRun('launcher', ['--instance-profile', 'empty', '--', process.execPath, '-e', 'console.log("ran")']);
    expect(empty.stderr).toContain('NoSuchEntity: Instance Profile empty holds no role.');
    const missing = await rolegateRun('launcher', ['--instance-profile', 'nope', '--', process.execPath, '-e', 'console.log("ran")']);
    expect(missing.stderr).toContain('NoSuchEntity: Instance Profile nope cannot be found.');
    // A task's trust condition on aws:SourceArn holds for the task's region only.
    const elsewhere = await rolegateRun('launcher', ['--role', arn('role', 'worker'), '--container', '--region', 'us-west-2', '--', process.execPath, '-e', 'console.log("ran")']);
    expect(elsewhere.stderr).toContain('ecs-tasks.amazonaws.com is not authorized to perform: sts:AssumeRole');
  });

  it('takes one kind of workload', async () => {
    const both = await rolegateRun('launcher', ['--instance-profile', 'web', '--role', arn('role', 'worker'), '--container', '--', 'true']);
    expect(both.stderr).toContain('not both');
    const roleOnly = await rolegateRun('launcher', ['--role', arn('role', 'worker'), '--', 'true']);
    expect(roleOnly.stderr).toContain('--role is for containers');
  });

  it('credential_source Ec2InstanceMetadata and EcsContainer: rolegate creds inside the run assumes a role with the instance’s or task’s session', async () => {
    const config = join(home, 'config-on-compute');
    writeFileSync(config, ['[profile deploy-from-ec2]', `role_arn = ${arn('role', 'deploy')}`, 'credential_source = Ec2InstanceMetadata', '[profile deploy-from-ecs]', `role_arn = ${arn('role', 'deploy')}`, 'credential_source = EcsContainer', ''].join('\n'));
    // The program sees no config files (as on a fresh instance) until it names its own.
    const inside = (profile: string) => ['env', `AWS_CONFIG_FILE=${config}`, process.execPath, BIN, 'creds', '--profile', profile];
    const printed = [
      await rolegateRun('launcher', ['--instance-profile', 'web', '--', ...inside('deploy-from-ec2')]),
      await rolegateRun('launcher', ['--role', arn('role', 'worker'), '--container', '--', ...inside('deploy-from-ecs')]),
    ];
    for (const r of printed) {
      expect(r.code, r.stderr).toBe(0);
      const c = JSON.parse(r.stdout) as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
      const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken } });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toMatch(/^arn:aws:sts::000000000000:assumed-role\/deploy\//);
    }
  });

  it.skipIf(boto3 === undefined)('Debian’s boto3 on an instance reads the metadata endpoint by itself', async () => {
    const r = await rolegateRun('launcher', ['--instance-profile', 'web', '--', boto3!.path, PYTHON_PROGRAM]);
    const out = seen(r) as unknown as { arn: string; method: string };
    expect(out.arn).toMatch(/^arn:aws:sts::000000000000:assumed-role\/web-app\/i-[0-9a-f]{17}$/);
    expect(out.method).toBe('iam-role');
  });

  it.skipIf(awsCli === undefined)('the AWS CLI on an instance, as the README shows it', async () => {
    const r = await rolegateRun('launcher', ['--instance-profile', 'web', '--', awsCli!.path, 'sts', 'get-caller-identity', '--endpoint-url', server.url, '--output', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { Arn: string }).Arn).toMatch(/^arn:aws:sts::000000000000:assumed-role\/web-app\/i-[0-9a-f]{17}$/);
  });
});
