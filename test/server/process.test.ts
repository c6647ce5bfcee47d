/**
 * The `rolegate` command as an operator runs it: `serve` in its own process (directly
 * and through `npm start`), first-start credentials and key files, `account create` and
 * cross-account AssumeRole, `keys rotate` under a running server, SIGTERM, and a kill -9
 * in the middle of a stream of IAM writes, on SQLite and on PostgreSQL.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CloudTrailClient, paginateLookupEvents } from '@aws-sdk/client-cloudtrail';
import {
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  ListUserTagsCommand,
  paginateListRoles,
  paginateListUsers,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenKeyId } from '../../src/tokens/index.js';
import { createTestDatabase, PG_ADMIN_URL } from '../contract/backends.js';
import { auditedServe, freePort, randomRootKey } from './harness.js';
import { cleanUpProcesses, commandEnv, DEFAULT_ACCOUNT, iamAt, policy, rolegate, rolegateServe, sessionOf, spawnServer, stsAt, tempDir, waitFor, type Creds, type Served } from './processes.js';

afterAll(cleanUpProcesses);

describe('rolegate serve, account create and keys rotate as processes', () => {
  let data: string;
  let server: Served;
  let root: Creds;
  let accountB: { id: string; root: Creds };

  beforeAll(async () => {
    data = tempDir('rolegate-data-');
    // No ROLEGATE_* variables: a first start that makes its own key and root user.
    server = await rolegateServe(data, commandEnv());
  });

  it('prints the root credentials on first start and keeps them and the master key in 0600 files', async () => {
    await waitFor(() => /aws_secret_access_key = [A-Za-z0-9/+]{40}\n/.test(server.stdout()), 'the first-start credentials');
    const id = /aws_access_key_id = (AKIA[A-Z0-9]{16})/.exec(server.stdout())?.[1];
    const secret = /aws_secret_access_key = ([A-Za-z0-9/+]{40})/.exec(server.stdout())?.[1];
    expect(id).toBeDefined();
    expect(secret).toBeDefined();
    root = { accessKeyId: id!, secretAccessKey: secret! };
    const saved = readFileSync(join(data, 'root-credentials'), 'utf8');
    expect(saved).toContain(`aws_access_key_id = ${id!}`);
    expect(saved).toContain(`aws_secret_access_key = ${secret!}`);
    expect(statSync(join(data, 'root-credentials')).mode & 0o777).toBe(0o600);
    expect(statSync(join(data, 'master.key')).mode & 0o777).toBe(0o600);
  });

  it('answers GET /healthz with 200 once it listens', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('accepts the printed root credentials as the root user of the default account', async () => {
    const me = await stsAt(server.url, root).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: DEFAULT_ACCOUNT, Arn: `arn:aws:iam::${DEFAULT_ACCOUNT}:root` });
  });

  it('creates a second account with `account create` and prints root credentials that work at once', async () => {
    const created = await rolegate(['account', 'create', '--data', data], commandEnv());
    expect(created.code).toBe(0);
    const id = /^account (\d{12})$/m.exec(created.stdout)?.[1];
    const key = /^aws_access_key_id = (AKIA[A-Z0-9]{16})$/m.exec(created.stdout)?.[1];
    const secret = /^aws_secret_access_key = ([A-Za-z0-9/+]{40})$/m.exec(created.stdout)?.[1];
    expect([id, key, secret].every((v) => v !== undefined)).toBe(true);
    expect(id).not.toBe(DEFAULT_ACCOUNT);
    accountB = { id: id!, root: { accessKeyId: key!, secretAccessKey: secret! } };
    const me = await stsAt(server.url, accountB.root).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: accountB.id, Arn: `arn:aws:iam::${accountB.id}:root` });
  });

  describe('across accounts', () => {
    let carol: Creds;
    let dave: Creds;
    let crossArn: string;

    beforeAll(async () => {
      const b = iamAt(server.url, accountB.root);
      const trust = policy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEFAULT_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }]);
      crossArn = (await b.send(new CreateRoleCommand({ RoleName: 'cross', AssumeRolePolicyDocument: trust }))).Role!.Arn!;
      const a = iamAt(server.url, root);
      for (const name of ['carol', 'dave']) await a.send(new CreateUserCommand({ UserName: name }));
      await a.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'cross', PolicyDocument: policy([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: crossArn }]) }));
      const keyOf = async (name: string): Promise<Creds> => {
        const k = (await a.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
        return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
      };
      carol = await keyOf('carol');
      dave = await keyOf('dave');
    });

    it("lets a user of account A assume a role of account B that trusts A's root, when A's policy allows it", async () => {
      const out = await stsAt(server.url, carol).send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'carol' }));
      expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${accountB.id}:assumed-role/cross/carol`);
      const me = await stsAt(server.url, sessionOf(out)).send(new GetCallerIdentityCommand({}));
      expect(me).toMatchObject({ Account: accountB.id, Arn: `arn:aws:sts::${accountB.id}:assumed-role/cross/carol` });
    });

    it("takes session policies of the role's account or AWS's, and answers another account's as one that does not exist", async () => {
      const readOnly = policy([{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }]);
      const inA = (await iamAt(server.url, root).send(new CreatePolicyCommand({ PolicyName: 'limit-a', PolicyDocument: readOnly }))).Policy!.Arn!;
      const inB = (await iamAt(server.url, accountB.root).send(new CreatePolicyCommand({ PolicyName: 'limit-b', PolicyDocument: readOnly }))).Policy!.Arn!;
      const sts = stsAt(server.url, carol);
      const withPolicy = (arn: string) => sts.send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'limited', PolicyArns: [{ arn }] }));
      await expect(withPolicy(inB)).resolves.toMatchObject({ PackedPolicySize: expect.any(Number) });
      await expect(withPolicy('arn:aws:iam::aws:policy/IAMReadOnlyAccess')).resolves.toMatchObject({ PackedPolicySize: expect.any(Number) });
      // The caller's own account's policy exists, but not in the role's account: AWS's text for a missing one.
      const error = await withPolicy(inA).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'MalformedPolicyDocumentException', message: `Policy ${inA} does not exist or is not attachable.` });
    });

    it("refuses the cross-account AssumeRole to a user of A whose own policies do not allow it", async () => {
      const error = await stsAt(server.url, dave).send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'dave' })).catch((e: unknown) => e);
      expect(error).toMatchObject({ Code: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    });

    it('keeps tokens issued before `keys rotate` working, and issues working tokens after it', async () => {
      const sts = stsAt(server.url, carol);
      const before = sessionOf(await sts.send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'before' })));
      const rotated = await rolegate(['keys', 'rotate', '--data', data], commandEnv());
      expect(rotated.code).toBe(0);
      const fresh = /^active sealing key: (\S+)$/m.exec(rotated.stdout)?.[1];
      expect(fresh).toBeDefined();
      expect(tokenKeyId(before.sessionToken!)).not.toBe(fresh);
      await expect(stsAt(server.url, before).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: expect.stringContaining('/cross/before') });
      const after = sessionOf(await sts.send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'after' })));
      // The running server seals with the new key from the next issue on, without a restart.
      expect(tokenKeyId(after.sessionToken!)).toBe(fresh);
      await expect(stsAt(server.url, after).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: expect.stringContaining('/cross/after') });

      // A second node started after the rotation seals with the new key; the running
      // server has never loaded that key and must fetch it to open the token.
      const sink = new Writable({ write: (_c, _e, done) => done() });
      const second = await auditedServe({ host: '127.0.0.1', port: 0, data, logLevel: 'silent' }, {}, sink);
      try {
        const sealedByNew = sessionOf(await stsAt(second.url, carol).send(new AssumeRoleCommand({ RoleArn: crossArn, RoleSessionName: 'second-node' })));
        expect(tokenKeyId(sealedByNew.sessionToken!)).toBe(fresh);
        // The running server reloads the ring for an unknown key id at most once a second.
        await new Promise((r) => setTimeout(r, 1100));
        await expect(stsAt(server.url, sealedByNew).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
          Arn: `arn:aws:sts::${accountB.id}:assumed-role/cross/second-node`,
        });
      } finally {
        await second.close();
      }
    });
  });

  it('exits with code 0 on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exit).toEqual({ code: 0, signal: null });
  });
});

describe('npm start with the root key from the environment', () => {
  it('serves on the given --port, uses ROLEGATE_ROOT_ACCESS_KEY_ID and its secret, and never prints the secret', async () => {
    const data = tempDir('rolegate-npm-');
    const port = await freePort();
    const key = randomRootKey();
    const env = commandEnv({ ROLEGATE_ROOT_ACCESS_KEY_ID: key.accessKeyId, ROLEGATE_ROOT_SECRET_ACCESS_KEY: key.secretAccessKey });
    // npm runs the script through a shell: a process group, so the whole group can be stopped.
    const npm = await spawnServer('npm', ['start', '--silent', '--', '--port', String(port), '--data', data, '--log-level', 'warn'], env, { group: true });
    try {
      expect(npm.url).toBe(`http://127.0.0.1:${port}`);
      await waitFor(() => npm.stdout().includes('[profile myaccount-dev]'), 'the first-start text');
      const me = await stsAt(npm.url, key).send(new GetCallerIdentityCommand({}));
      expect(me).toMatchObject({ Account: DEFAULT_ACCOUNT, Arn: `arn:aws:iam::${DEFAULT_ACCOUNT}:root` });
      expect(npm.stdout()).toContain(key.accessKeyId);
      expect(npm.stdout()).not.toContain(key.secretAccessKey);
      expect(existsSync(join(data, 'root-credentials'))).toBe(false);
    } finally {
      process.kill(-npm.child.pid!, 'SIGTERM');
      await npm.exit;
    }
  });
});

// The same kill -9 on each store: SQLite in the data directory, and PostgreSQL when one answers.
const durablePg = await createTestDatabase('rolegate_durable');
if (durablePg === undefined) console.warn(`kill -9 on PostgreSQL skipped: no PostgreSQL at ${PG_ADMIN_URL} (set ROLEGATE_TEST_PG)`);
afterAll(async () => durablePg?.drop());
const stores: [string, Record<string, string>][] = [['SQLite', {}]];
if (durablePg !== undefined) stores.push(['PostgreSQL', { ROLEGATE_STORE_URL: durablePg.url }]);

describe('durability across kill -9', () => {
  it.each(stores)('keeps every acknowledged CreateUser and CreateRole with its audit event, and no user or role is half written (%s)', async (_name, storeEnv) => {
    const data = tempDir('rolegate-durable-');
    const root = randomRootKey();
    const env = commandEnv({
      ROLEGATE_ROOT_ACCESS_KEY_ID: root.accessKeyId,
      ROLEGATE_ROOT_SECRET_ACCESS_KEY: root.secretAccessKey,
      ROLEGATE_MASTER_KEY: 'ab'.repeat(32),
      ...storeEnv,
    });
    const trustOf = (n: number): string => policy([{ Sid: `t${n}`, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEFAULT_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }]);
    const tags = (n: number) => [
      { Key: 'n', Value: String(n) },
      { Key: 'team', Value: 'durable' },
    ];

    const first = await rolegateServe(data, env);
    const iam = iamAt(first.url, root);
    const ackedUsers = new Set<string>();
    const ackedRoles = new Set<string>();
    let next = 0;
    let stop = false;
    const writer = async (): Promise<void> => {
      while (!stop) {
        const n = next++;
        try {
          if (n % 2 === 0) {
            await iam.send(new CreateUserCommand({ UserName: `u${n}`, Tags: tags(n) }));
            ackedUsers.add(`u${n}`);
          } else {
            await iam.send(new CreateRoleCommand({ RoleName: `r${n}`, AssumeRolePolicyDocument: trustOf(n), Tags: tags(n) }));
            ackedRoles.add(`r${n}`);
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    let writing = 4;
    const writers = [writer(), writer(), writer(), writer()].map((w) => w.finally(() => writing--));
    while (ackedUsers.size + ackedRoles.size < 120 && writing > 0) await new Promise((r) => setTimeout(r, 10));
    expect(writing, 'every writer was still writing when the server was killed').toBe(4);
    first.child.kill('SIGKILL');
    expect((await first.exit).signal).toBe('SIGKILL');
    stop = true;
    await Promise.all(writers);

    const second = await rolegateServe(data, env);
    try {
      const after = iamAt(second.url, root);
      const users: string[] = [];
      for await (const page of paginateListUsers({ client: after }, {})) users.push(...(page.Users ?? []).map((u) => u.UserName!));
      const roles: string[] = [];
      for await (const page of paginateListRoles({ client: after }, {})) roles.push(...(page.Roles ?? []).map((r) => r.RoleName!));
      expect(users).toEqual(expect.arrayContaining([...ackedUsers]));
      expect(roles).toEqual(expect.arrayContaining([...ackedRoles]));
      for (const name of users) {
        const n = Number(name.slice(1));
        const listed = await after.send(new ListUserTagsCommand({ UserName: name }));
        expect(listed.Tags, name).toEqual(tags(n));
      }
      for (const name of roles) {
        const n = Number(name.slice(1));
        const role = (await after.send(new GetRoleCommand({ RoleName: name }))).Role!;
        expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)), name).toEqual(JSON.parse(trustOf(n)));
        expect(role.Tags, name).toEqual(tags(n));
      }
      // No call was acknowledged without its audit event: each acknowledged write is in the trail.
      const trail = new CloudTrailClient({ endpoint: second.url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
      const recorded = async (eventName: string, member: string): Promise<Set<string>> => {
        const names = new Set<string>();
        for await (const page of paginateLookupEvents({ client: trail, pageSize: 50 }, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }] })) {
          for (const event of page.Events ?? []) {
            const record = JSON.parse(event.CloudTrailEvent!) as { errorCode?: string; requestParameters: Record<string, string> };
            if (record.errorCode === undefined) names.add(record.requestParameters[member]!);
          }
        }
        return names;
      };
      expect([...(await recorded('CreateUser', 'userName'))]).toEqual(expect.arrayContaining([...ackedUsers]));
      expect([...(await recorded('CreateRole', 'roleName'))]).toEqual(expect.arrayContaining([...ackedRoles]));
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exit).toEqual({ code: 0, signal: null });
    }
  });
});
