/**
 * Virtual MFA devices through the AWS SDK against a started rolegate, codes computed with
 * `otpauth` from the seed the server returned and the server's clock moved by hand: the
 * device's lifecycle (create with seed and QR code, enable with two consecutive codes,
 * list, deactivate, delete), a role whose trust policy asks for MFA (refused without a
 * code, with a wrong code and with a code used before; allowed with a fresh one, also
 * through the SDK's own fromTemporaryCredentials with mfaCodeProvider), GetSessionToken
 * with MFA for a call guarded by aws:MultiFactorAuthPresent and aws:MultiFactorAuthAge,
 * role chaining that keeps the MFA, DeleteUser refused while a device is enabled, and
 * the seed in no log and in no file of the data directory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  ListGroupsCommand,
  ListMFADevicesCommand,
  ListRolesCommand,
  ListVirtualMFADevicesCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovableClock, sdkFailure, startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';
const SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/needs-mfa`;
const STEP_MS = 30_000;
const INVALID_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

describe('virtual MFA devices', () => {
  const clock = new MovableClock();
  let server: Started;
  let root: IAMClient;
  let alice: Keys;
  let seed = '';
  const region = 'us-east-1';
  const iam = (credentials: Keys) => new IAMClient({ endpoint: server.url, region, credentials, maxAttempts: 1 });
  const sts = (credentials: Keys) => new STSClient({ endpoint: server.url, region, credentials, maxAttempts: 1 });
  const totp = () => new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(seed) });
  /** The code the device shows `steps` steps from the server's now. */
  const code = (steps = 0) => totp().generate({ timestamp: clock.now() + steps * STEP_MS });
  /** Moves the server's clock to the middle of the next step, so each use has a fresh code. */
  const nextStep = () => {
    clock.offsetMs += STEP_MS - (clock.now() % STEP_MS) + STEP_MS / 2;
  };
  const assume = (credentials: Keys, mfa: { SerialNumber?: string; TokenCode?: string } = {}) =>
    sts(credentials).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'with-mfa', ...mfa }));
  const asKeys = (c: { AccessKeyId?: string | undefined; SecretAccessKey?: string | undefined; SessionToken?: string | undefined } | undefined): Keys => ({
    accessKeyId: c!.AccessKeyId!,
    secretAccessKey: c!.SecretAccessKey!,
    sessionToken: c!.SessionToken!,
  });

  beforeAll(async () => {
    server = await startRolegate({}, { clock, logLevel: 'debug' });
    root = iam(server.root);
    await root.send(new CreateUserCommand({ UserName: 'alice' }));
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
        { Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
        { Effect: 'Allow', Action: 'iam:ListGroups', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '300' } } },
      ],
    };
    await root.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'mfa', PolicyDocument: JSON.stringify(policy) }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const trust = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
      ],
    };
    await root.send(new CreateRoleCommand({ RoleName: 'needs-mfa', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  });
  afterAll(async () => server?.close());

  it('creates a device with its Base32 seed and a QR code of the otpauth URI IAM documents', async () => {
    const device = (await root.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-phone' }))).VirtualMFADevice!;
    expect(device.SerialNumber).toBe(SERIAL);
    seed = Buffer.from(device.Base32StringSeed!).toString('ascii');
    expect(seed).toMatch(/^[A-Z2-7]{64}$/);
    // The same library drawing the documented URI gives the same image, byte for byte.
    const expected = await QRCode.toBuffer(`otpauth://totp/alice-phone@${ACCOUNT}?secret=${seed}`, { type: 'png' });
    expect(Buffer.from(device.QRCodePNG!).equals(expected)).toBe(true);
    const unassigned = await root.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }));
    expect(unassigned.VirtualMFADevices?.map((d) => [d.SerialNumber, d.Base32StringSeed, d.QRCodePNG])).toEqual([[SERIAL, undefined, undefined]]);
    expect(await sdkFailure(root.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-phone' })))).toMatchObject({ name: 'EntityAlreadyExistsException', status: 409 });
  });

  it('enables the device only with two consecutive codes', async () => {
    const enable = (AuthenticationCode1: string, AuthenticationCode2: string) =>
      root.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: SERIAL, AuthenticationCode1, AuthenticationCode2 }));
    const wrong = String((Number(code()) + 1) % 1_000_000).padStart(6, '0');
    expect(await sdkFailure(enable(code(-1), wrong))).toMatchObject({ name: 'InvalidAuthenticationCodeException', status: 403 });
    // Two codes of one step, or in the wrong order, are not two consecutive codes.
    expect(await sdkFailure(enable(code(), code()))).toMatchObject({ name: 'InvalidAuthenticationCodeException' });
    expect(await sdkFailure(enable(code(), code(-1)))).toMatchObject({ name: 'InvalidAuthenticationCodeException' });
    await enable(code(-1), code());
    const listed = (await root.send(new ListMFADevicesCommand({ UserName: 'alice' }))).MFADevices!;
    expect(listed.map((d) => [d.UserName, d.SerialNumber])).toEqual([['alice', SERIAL]]);
    const assigned = (await root.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }))).VirtualMFADevices!;
    expect(assigned.map((d) => [d.SerialNumber, d.User?.UserName])).toEqual([[SERIAL, 'alice']]);
    expect(await sdkFailure(enable(code(), code(1)))).toMatchObject({ name: 'EntityAlreadyExistsException' });
  });

  it('refuses a role whose trust asks for MFA without a code, with a wrong one, and with one used before', async () => {
    expect(await sdkFailure(assume(alice))).toMatchObject({ name: 'AccessDenied', status: 403 });
    // The codes that enabled the device were used up by EnableMFADevice.
    expect(await sdkFailure(assume(alice, { SerialNumber: SERIAL, TokenCode: code() }))).toMatchObject({ name: 'AccessDenied', message: INVALID_CODE });
    nextStep();
    const wrong = String((Number(code()) + 1) % 1_000_000).padStart(6, '0');
    expect(await sdkFailure(assume(alice, { SerialNumber: SERIAL, TokenCode: wrong }))).toMatchObject({ message: INVALID_CODE });
    expect(await sdkFailure(assume(alice, { SerialNumber: SERIAL }))).toMatchObject({
      message: 'MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.',
    });
    expect(await sdkFailure(assume(alice, { SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/nobody`, TokenCode: code() }))).toMatchObject({
      message: 'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    });
  });

  it('assumes the role with a fresh code, once', async () => {
    const token = code();
    const session = asKeys((await assume(alice, { SerialNumber: SERIAL, TokenCode: token })).Credentials);
    expect((await sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/needs-mfa/with-mfa`);
    expect(await sdkFailure(assume(alice, { SerialNumber: SERIAL, TokenCode: token }))).toMatchObject({ name: 'AccessDenied', message: INVALID_CODE });
  });

  it("assumes the role through the SDK's fromTemporaryCredentials, which asks mfaCodeProvider for the code", async () => {
    nextStep();
    const asked: string[] = [];
    const credentials = fromTemporaryCredentials({
      params: { RoleArn: ROLE_ARN, RoleSessionName: 'sdk-mfa', SerialNumber: SERIAL },
      masterCredentials: alice,
      clientConfig: { endpoint: server.url, region },
      mfaCodeProvider: async (serial) => {
        asked.push(serial);
        return code();
      },
    });
    const identity = await new STSClient({ endpoint: server.url, region, credentials }).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/needs-mfa/sdk-mfa`);
    expect(asked).toEqual([SERIAL]);
  });

  it('gives GetSessionToken with MFA a session for calls that ask for MFA, for a while, and roles chained from it keep the MFA', async () => {
    expect(await sdkFailure(iam(alice).send(new ListRolesCommand({})))).toMatchObject({ name: 'AccessDenied' });
    nextStep();
    const session = asKeys((await sts(alice).send(new GetSessionTokenCommand({ SerialNumber: SERIAL, TokenCode: code() }))).Credentials);
    expect((await iam(session).send(new ListRolesCommand({}))).Roles?.map((r) => r.RoleName)).toContain('needs-mfa');
    expect((await iam(session).send(new ListGroupsCommand({}))).Groups).toEqual([]);
    // Role chaining: the trust policy sees the MFA of the session that asks, without a new code.
    const chained = asKeys((await assume(session)).Credentials);
    expect((await sts(chained).send(new GetCallerIdentityCommand({}))).Arn).toContain('assumed-role/needs-mfa/');
    // aws:MultiFactorAuthAge counts from the code: ten minutes later the 300-second limit denies.
    clock.offsetMs += 600_000;
    expect(await sdkFailure(iam(session).send(new ListGroupsCommand({})))).toMatchObject({ name: 'AccessDenied' });
    expect((await iam(session).send(new ListRolesCommand({}))).Roles).toBeDefined();
  });

  it('refuses to delete an enabled device, and a user with one, until it is deactivated', async () => {
    expect(await sdkFailure(root.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: SERIAL })))).toMatchObject({ name: 'DeleteConflictException', status: 409 });
    await root.send(new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: alice.accessKeyId }));
    await root.send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'mfa' }));
    expect(await sdkFailure(root.send(new DeleteUserCommand({ UserName: 'alice' })))).toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must delete MFA device first.',
    });
    await root.send(new DeactivateMFADeviceCommand({ UserName: 'alice', SerialNumber: SERIAL }));
    expect((await root.send(new ListMFADevicesCommand({ UserName: 'alice' }))).MFADevices).toEqual([]);
    await root.send(new DeleteUserCommand({ UserName: 'alice' }));
  });

  it('deletes a deactivated device, after which its codes open nothing', async () => {
    await root.send(new CreateUserCommand({ UserName: 'bob' }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'bob' }))).AccessKey!;
    const bob = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    nextStep();
    expect(await sdkFailure(sts(bob).send(new GetSessionTokenCommand({ SerialNumber: SERIAL, TokenCode: code() })))).toMatchObject({
      name: 'AccessDenied',
      message: 'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    });
    await root.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: SERIAL }));
    expect((await root.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices).toEqual([]);
    expect(await sdkFailure(root.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: SERIAL })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  it('keeps the seed out of the log and out of every file of the data directory', () => {
    expect(seed).not.toBe('');
    expect(server.output()).toContain('CreateVirtualMFADevice');
    expect(server.output()).not.toContain(seed);
    const raw = Buffer.from(Secret.fromBase32(seed).buffer);
    for (const file of readdirSync(server.dataDir)) {
      const bytes = readFileSync(join(server.dataDir, file));
      expect(bytes.includes(seed)).toBe(false);
      expect(bytes.includes(raw)).toBe(false);
    }
  });
});
