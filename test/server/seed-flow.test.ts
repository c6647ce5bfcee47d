/**
 * The assume-role flow as the AWS guides describe it, driven by the real AWS SDK for
 * JavaScript v3 against a started rolegate: a user with keys, a role that trusts it with a
 * permissions policy, and a named profile (`role_arn` + `source_profile`) with which the
 * SDK's own credential provider calls AssumeRole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, GetRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

describe('the seed flow against a started rolegate, with the AWS SDK', () => {
  let server: Started;
  let iam: IAMClient;
  const sts = (credentials: Creds): STSClient => new STSClient({ endpoint: server.url, region: 'us-east-1', credentials });
  let alice: Creds;
  let roleArn: string;

  beforeAll(async () => {
    server = await startRolegate();
    iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
  });
  afterAll(async () => server.close());

  it('lets the root user create a user with keys and a role that trusts the user', async () => {
    const user = await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    expect(user.User?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/alice`);
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    alice = { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: user.User!.Arn }, Action: 'sts:AssumeRole' }] };
    const role = await iam.send(new CreateRoleCommand({ RoleName: 'dev', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    roleArn = role.Role!.Arn!;
    expect(role.Role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    await iam.send(new PutRolePolicyCommand({
      RoleName: 'dev',
      PolicyName: 'read',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }] }),
    }));
    const fetched = await iam.send(new GetRoleCommand({ RoleName: 'dev' }));
    // IAM returns the trust policy URL-encoded; the SDK hands it back as sent.
    expect(JSON.parse(decodeURIComponent(fetched.Role!.AssumeRolePolicyDocument!))).toEqual(trust);
  });

  it('answers GetCallerIdentity for the user', async () => {
    const me = await sts(alice).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/alice` });
  });

  it('issues role credentials to AssumeRole, which then act as the role', async () => {
    const out = await sts(alice).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'alice-laptop' }));
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice-laptop`);
    const session: Creds = {
      accessKeyId: out.Credentials!.AccessKeyId!,
      secretAccessKey: out.Credentials!.SecretAccessKey!,
      sessionToken: out.Credentials!.SessionToken!,
    };
    const me = await sts(session).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice-laptop`);
    const asRole = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: session });
    await expect(asRole.send(new GetRoleCommand({ RoleName: 'dev' }))).resolves.toBeDefined();
    // The role's policy allows iam:GetRole only.
    await expect(asRole.send(new CreateUserCommand({ UserName: 'mallory' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/dev/alice-laptop is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/mallory because no identity-based policy allows the iam:CreateUser action`,
    });
  });

  it('refuses AssumeRole to a user the role does not trust, with AWS error and status', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    const bob = { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
    const error = await sts(bob).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 's1' })).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'AccessDenied',
      message: `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('refuses a request signed with the wrong secret', async () => {
    const wrong = { ...alice, secretAccessKey: 'x'.repeat(40) };
    await expect(sts(wrong).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('gets role credentials through a named profile with role_arn and source_profile (fromIni)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolegate-profile-'));
    try {
      writeFileSync(join(dir, 'credentials'), `[default]\naws_access_key_id = ${alice.accessKeyId}\naws_secret_access_key = ${alice.secretAccessKey}\n`);
      writeFileSync(
        join(dir, 'config'),
        `[default]\nregion = us-east-1\nendpoint_url = ${server.url}\n\n[profile myaccount-dev]\nrole_arn = ${roleArn}\nsource_profile = default\nregion = us-east-1\nendpoint_url = ${server.url}\n`,
      );
      const credentials = fromIni({
        profile: 'myaccount-dev',
        filepath: join(dir, 'credentials'),
        configFilepath: join(dir, 'config'),
        clientConfig: { endpoint: server.url, region: 'us-east-1' },
      });
      const client = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials });
      const me = await client.send(new GetCallerIdentityCommand({}));
      expect(me.Arn).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNT}:assumed-role/dev/`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
