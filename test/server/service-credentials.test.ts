/**
 * Service-specific credentials through the AWS SDK against a started rolegate: the
 * lifecycle AWS recorded (create, list, update, reset, delete), the services IAM accepts
 * and its refusal of others, two per user and service, the password only in Create's and
 * Reset's answers, the caller's own user when UserName is left out, AWS's texts for
 * missing users and credentials, DeleteUser refused while any remain, and each action
 * denied to a user whose policies do not allow it on the user.
 */
import {
  CreateAccessKeyCommand,
  CreateServiceSpecificCredentialCommand,
  CreateUserCommand,
  DeleteServiceSpecificCredentialCommand,
  DeleteUserCommand,
  IAMClient,
  ListServiceSpecificCredentialsCommand,
  PutUserPolicyCommand,
  ResetServiceSpecificCredentialCommand,
  UpdateServiceSpecificCredentialCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure, startRolegate, type Started } from './harness.js';

const CODECOMMIT = 'codecommit.amazonaws.com';
const KEYSPACES = 'cassandra.amazonaws.com';
const ACTIONS = [
  'iam:CreateServiceSpecificCredential',
  'iam:ListServiceSpecificCredentials',
  'iam:UpdateServiceSpecificCredential',
  'iam:ResetServiceSpecificCredential',
  'iam:DeleteServiceSpecificCredential',
];

describe('IAM service-specific credentials', () => {
  let server: Started;
  let root: IAMClient;
  let account: string;
  const client = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 });
  const list = async (iam: IAMClient, input: { UserName?: string; ServiceName?: string }) =>
    (await iam.send(new ListServiceSpecificCredentialsCommand(input))).ServiceSpecificCredentials ?? [];
  const create = async (UserName: string, ServiceName = CODECOMMIT) =>
    (await root.send(new CreateServiceSpecificCredentialCommand({ UserName, ServiceName }))).ServiceSpecificCredential!;

  /** A user with an access key and, when `actions` is not empty, a policy allowing them on `resource`. */
  async function userWith(name: string, actions: readonly string[], resource: string): Promise<IAMClient> {
    await root.send(new CreateUserCommand({ UserName: name }));
    if (actions.length > 0) {
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] };
      await root.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'credentials', PolicyDocument: JSON.stringify(policy) }));
    }
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return client({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
  }

  beforeAll(async () => {
    server = await startRolegate();
    root = client(server.root);
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    account = (await sts.send(new GetCallerIdentityCommand({}))).Account!;
  });
  afterAll(async () => server?.close());

  it('creates, lists, deactivates, resets and deletes a credential, the password only in Create and Reset', async () => {
    await root.send(new CreateUserCommand({ UserName: 'gita' }));
    const created = await create('gita');
    expect(created).toEqual({
      CreateDate: expect.any(Date),
      ServiceName: CODECOMMIT,
      ServicePassword: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
      ServiceSpecificCredentialId: expect.stringMatching(/^ACCA[A-Z2-7]{17}$/),
      ServiceUserName: `gita-at-${account}`,
      Status: 'Active',
      UserName: 'gita',
    });
    const { ServicePassword: _password, ...shown } = created;
    expect(await list(root, { UserName: 'gita', ServiceName: CODECOMMIT })).toEqual([shown]);

    const id = created.ServiceSpecificCredentialId!;
    await root.send(new UpdateServiceSpecificCredentialCommand({ UserName: 'gita', ServiceSpecificCredentialId: id, Status: 'Inactive' }));
    expect(await list(root, { UserName: 'gita' })).toEqual([{ ...shown, Status: 'Inactive' }]);

    const reset = (await root.send(new ResetServiceSpecificCredentialCommand({ UserName: 'gita', ServiceSpecificCredentialId: id }))).ServiceSpecificCredential!;
    expect(reset).toEqual({ ...shown, Status: 'Inactive', ServicePassword: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
    expect(reset.ServicePassword).not.toBe(created.ServicePassword);

    await root.send(new DeleteServiceSpecificCredentialCommand({ UserName: 'gita', ServiceSpecificCredentialId: id }));
    expect(await list(root, { UserName: 'gita' })).toEqual([]);
  });

  it('accepts CodeCommit and Keyspaces, lists by service, and refuses any other service with AWS\'s text', async () => {
    await root.send(new CreateUserCommand({ UserName: 'kofi' }));
    const git = await create('kofi', CODECOMMIT);
    const cql = await create('kofi', KEYSPACES);
    expect(cql.ServiceUserName).toBe(`kofi-at-${account}`);
    expect((await list(root, { UserName: 'kofi' })).map((c) => c.ServiceName).sort()).toEqual([KEYSPACES, CODECOMMIT].sort());
    expect((await list(root, { UserName: 'kofi', ServiceName: KEYSPACES })).map((c) => c.ServiceSpecificCredentialId)).toEqual([cql.ServiceSpecificCredentialId]);
    expect((await list(root, { UserName: 'kofi', ServiceName: CODECOMMIT })).map((c) => c.ServiceSpecificCredentialId)).toEqual([git.ServiceSpecificCredentialId]);
    for (const service of ['lambda.amazonaws.com', 'nonexistentservice.amazonaws.com', 'o3on3n3onosneo', 'bedrock.amazonaws.com']) {
      const refused = { name: 'NoSuchEntityException', message: `No such service ${service} is supported for Service Specific Credentials`, status: 404 };
      expect(await sdkFailure(root.send(new CreateServiceSpecificCredentialCommand({ UserName: 'kofi', ServiceName: service })))).toMatchObject(refused);
      expect(await sdkFailure(root.send(new ListServiceSpecificCredentialsCommand({ UserName: 'kofi', ServiceName: service })))).toMatchObject(refused);
    }
  });

  it('allows two credentials per user and service, Inactive ones counting too', async () => {
    await root.send(new CreateUserCommand({ UserName: 'lena' }));
    const first = await create('lena');
    await create('lena');
    await root.send(new UpdateServiceSpecificCredentialCommand({ UserName: 'lena', ServiceSpecificCredentialId: first.ServiceSpecificCredentialId!, Status: 'Inactive' }));
    expect(await sdkFailure(root.send(new CreateServiceSpecificCredentialCommand({ UserName: 'lena', ServiceName: CODECOMMIT })))).toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2',
      status: 409,
    });
    await create('lena', KEYSPACES); // another service has its own two
    expect(await list(root, { UserName: 'lena' })).toHaveLength(3);
  });

  it('answers a missing user, a missing credential and another user\'s credential as AWS does', async () => {
    await root.send(new CreateUserCommand({ UserName: 'mona' }));
    await root.send(new CreateUserCommand({ UserName: 'nils' }));
    const monas = (await create('mona')).ServiceSpecificCredentialId!;
    const noUser = { name: 'NoSuchEntityException', message: 'The user with name ghost cannot be found.', status: 404 };
    // The user is looked up before the service: an unknown user with an unknown service is a missing user.
    expect(await sdkFailure(root.send(new CreateServiceSpecificCredentialCommand({ UserName: 'ghost', ServiceName: 'nonexistentservice.amazonaws.com' })))).toMatchObject(noUser);
    expect(await sdkFailure(root.send(new ListServiceSpecificCredentialsCommand({ UserName: 'ghost' })))).toMatchObject(noUser);
    expect(await sdkFailure(root.send(new ResetServiceSpecificCredentialCommand({ UserName: 'ghost', ServiceSpecificCredentialId: monas })))).toMatchObject(noUser);
    for (const id of ['satisfiesregexbutstillinvalid', monas]) {
      const missing = { name: 'NoSuchEntityException', message: `No such credential ${id} exists`, status: 404 };
      // nils does not own mona's credential: it is missing for nils, and stays mona's.
      expect(await sdkFailure(root.send(new UpdateServiceSpecificCredentialCommand({ UserName: 'nils', ServiceSpecificCredentialId: id, Status: 'Inactive' })))).toMatchObject(missing);
      expect(await sdkFailure(root.send(new ResetServiceSpecificCredentialCommand({ UserName: 'nils', ServiceSpecificCredentialId: id })))).toMatchObject(missing);
      expect(await sdkFailure(root.send(new DeleteServiceSpecificCredentialCommand({ UserName: 'nils', ServiceSpecificCredentialId: id })))).toMatchObject(missing);
    }
    expect((await list(root, { UserName: 'mona' })).map((c) => [c.ServiceSpecificCredentialId, c.Status])).toEqual([[monas, 'Active']]);
  });

  it('validates ids, status and the required members with IAM\'s messages', async () => {
    const badId = "1 validation error detected: Value at 'serviceSpecificCredentialId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+";
    expect(await sdkFailure(root.send(new DeleteServiceSpecificCredentialCommand({ UserName: 'mona', ServiceSpecificCredentialId: 'totally-wrong-credential-id-with-hyphens' })))).toMatchObject({ name: 'ValidationError', message: badId, status: 400 });
    expect(await sdkFailure(root.send(new UpdateServiceSpecificCredentialCommand({ UserName: 'mona', ServiceSpecificCredentialId: 'ACCAAAAAAAAAAAAAAAAAA', Status: 'Invalid' as never })))).toMatchObject({
      message: "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set",
    });
    // The model requires UserName for Create (and only for Create).
    expect(await sdkFailure(root.send(new CreateServiceSpecificCredentialCommand({ ServiceName: CODECOMMIT } as never)))).toMatchObject({
      message: "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must not be null",
    });
  });

  it('refuses DeleteUser while the user has a credential, with AWS\'s text', async () => {
    await root.send(new CreateUserCommand({ UserName: 'olga' }));
    const id = (await create('olga', KEYSPACES)).ServiceSpecificCredentialId!;
    expect(await sdkFailure(root.send(new DeleteUserCommand({ UserName: 'olga' })))).toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must remove referenced objects first.',
      status: 409,
    });
    await root.send(new DeleteServiceSpecificCredentialCommand({ UserName: 'olga', ServiceSpecificCredentialId: id }));
    await root.send(new DeleteUserCommand({ UserName: 'olga' }));
  });

  it('lets a user manage its own credentials without UserName when its policies allow the actions on it', async () => {
    const self = await userWith('pavel', ACTIONS, `arn:aws:iam::*:user/pavel`);
    const id = (await create('pavel')).ServiceSpecificCredentialId!;
    expect((await list(self, {})).map((c) => c.ServiceSpecificCredentialId)).toEqual([id]);
    await self.send(new UpdateServiceSpecificCredentialCommand({ ServiceSpecificCredentialId: id, Status: 'Inactive' }));
    const reset = (await self.send(new ResetServiceSpecificCredentialCommand({ ServiceSpecificCredentialId: id }))).ServiceSpecificCredential!;
    expect(reset).toMatchObject({ UserName: 'pavel', Status: 'Inactive', ServiceSpecificCredentialId: id });
    await self.send(new DeleteServiceSpecificCredentialCommand({ ServiceSpecificCredentialId: id }));
    expect(await list(self, {})).toEqual([]);
    // Its policy names only its own user.
    expect((await sdkFailure(self.send(new ListServiceSpecificCredentialsCommand({ UserName: 'mona' })))).name).toBe('AccessDenied');
  });

  it('denies every action to a user whose policies do not allow it, before saying whether the user exists', async () => {
    const nobody = await userWith('quinn', [], '*');
    await root.send(new CreateUserCommand({ UserName: 'rosa' }));
    const id = (await create('rosa')).ServiceSpecificCredentialId!;
    const calls: [string, string, () => Promise<unknown>][] = [
      ['iam:CreateServiceSpecificCredential', 'rosa', () => nobody.send(new CreateServiceSpecificCredentialCommand({ UserName: 'rosa', ServiceName: CODECOMMIT }))],
      ['iam:ListServiceSpecificCredentials', 'rosa', () => nobody.send(new ListServiceSpecificCredentialsCommand({ UserName: 'rosa' }))],
      ['iam:UpdateServiceSpecificCredential', 'rosa', () => nobody.send(new UpdateServiceSpecificCredentialCommand({ UserName: 'rosa', ServiceSpecificCredentialId: id, Status: 'Inactive' }))],
      ['iam:ResetServiceSpecificCredential', 'rosa', () => nobody.send(new ResetServiceSpecificCredentialCommand({ UserName: 'rosa', ServiceSpecificCredentialId: id }))],
      ['iam:DeleteServiceSpecificCredential', 'rosa', () => nobody.send(new DeleteServiceSpecificCredentialCommand({ UserName: 'rosa', ServiceSpecificCredentialId: id }))],
      ['iam:CreateServiceSpecificCredential', 'ghost', () => nobody.send(new CreateServiceSpecificCredentialCommand({ UserName: 'ghost', ServiceName: CODECOMMIT }))],
      ['iam:ListServiceSpecificCredentials', 'quinn', () => nobody.send(new ListServiceSpecificCredentialsCommand({}))],
    ];
    for (const [action, user, call] of calls) {
      const denied = await sdkFailure(call());
      expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
      expect(denied.message).toContain(`User: arn:aws:iam::${account}:user/quinn is not authorized to perform: ${action} on resource: arn:aws:iam::${account}:user/${user}`);
    }
    expect((await list(root, { UserName: 'rosa' })).map((c) => [c.ServiceSpecificCredentialId, c.Status])).toEqual([[id, 'Active']]);
  });
});
