/**
 * The assume-role flow with the AWS SDK for JavaScript v3, against a running rolegate:
 * the root user creates a user with keys and a role that trusts it; the SDK's own
 * `fromIni` then resolves a `role_arn` + `source_profile` profile by calling AssumeRole.
 *
 *   npm start                          # in another terminal
 *   npx tsx examples/assume-role.ts
 *
 * It reads the root credentials from data/root-credentials (or AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY) and the endpoint from ROLEGATE_ENDPOINT (default
 * http://127.0.0.1:4555).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';

const endpoint = process.env['ROLEGATE_ENDPOINT'] ?? 'http://127.0.0.1:4555';
const region = 'us-east-1';

function rootCredentials(): { accessKeyId: string; secretAccessKey: string } {
  const id = process.env['AWS_ACCESS_KEY_ID'];
  const secret = process.env['AWS_SECRET_ACCESS_KEY'];
  if (id !== undefined && secret !== undefined) return { accessKeyId: id, secretAccessKey: secret };
  const file = readFileSync(join(process.env['ROLEGATE_DATA'] ?? 'data', 'root-credentials'), 'utf8');
  const value = (name: string): string => /=\s*(\S+)/.exec(file.split('\n').find((l) => l.startsWith(name)) ?? '')?.[1] ?? '';
  return { accessKeyId: value('aws_access_key_id'), secretAccessKey: value('aws_secret_access_key') };
}

const iam = new IAMClient({ endpoint, region, credentials: rootCredentials() });
const suffix = Date.now().toString(36);
const userName = `alice-${suffix}`;
const roleName = `dev-${suffix}`;

const { User } = await iam.send(new CreateUserCommand({ UserName: userName }));
const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
const { Role } = await iam.send(
  new CreateRoleCommand({
    RoleName: roleName,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: User!.Arn }, Action: 'sts:AssumeRole' }],
    }),
  }),
);
await iam.send(
  new PutRolePolicyCommand({
    RoleName: roleName,
    PolicyName: 'read',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] }),
  }),
);
console.log(`created ${User!.Arn} and ${Role!.Arn}`);

// A ~/.aws of our own: alice's keys as `default`, and a profile that assumes the role.
const dir = mkdtempSync(join(tmpdir(), 'rolegate-example-'));
try {
  writeFileSync(join(dir, 'credentials'), `[default]\naws_access_key_id = ${AccessKey!.AccessKeyId}\naws_secret_access_key = ${AccessKey!.SecretAccessKey}\n`);
  writeFileSync(
    join(dir, 'config'),
    `[default]\nregion = ${region}\n\n[profile myaccount-dev]\nrole_arn = ${Role!.Arn}\nsource_profile = default\nregion = ${region}\nendpoint_url = ${endpoint}\n`,
  );
  const credentials = fromIni({
    profile: 'myaccount-dev',
    filepath: join(dir, 'credentials'),
    configFilepath: join(dir, 'config'),
    clientConfig: { endpoint, region },
  });
  const sts = new STSClient({ endpoint, region, credentials });
  const me = await sts.send(new GetCallerIdentityCommand({}));
  console.log(`the profile myaccount-dev acts as ${me.Arn}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
