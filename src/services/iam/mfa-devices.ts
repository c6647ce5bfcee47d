/**
 * Virtual MFA devices: CreateVirtualMFADevice, EnableMFADevice, DeactivateMFADevice,
 * ListMFADevices, ListVirtualMFADevices, DeleteVirtualMFADevice. The TOTP seed is made
 * here, stored only wrapped under the master key, and returned once, as Base32 and as a
 * QR code, in CreateVirtualMFADevice's response; nothing else ever carries it. STS
 * checks codes against an enabled device (services/sts/mfa.ts).
 */
import QRCode from 'qrcode';
import { mfaDevices, UniqueViolation, users, type MfaDeviceRecord, type Tag } from '../../store/index.js';
import { unwrap, wrap } from '../../tokens/index.js';
import type { ServiceContext } from '../context.js';
import { consecutiveStep, otpauthUri, SEED_BYTES, seedBase32 } from '../mfa-codes.js';
import { mfaResource } from './arns.js';
import { deleteConflict, invalidAuthenticationCode, mfaDeviceExists, mfaDeviceInUse, mfaDeviceQuota, noSuchMfaDevice, noSuchUser } from './errors.js';
import { paginate, type PageRequest } from './pagination.js';
import { redactedWhenShown } from './redact.js';
import { authorizeSubject } from './subject.js';
import { checkRequestTags, tagContext, tagsOrAbsent } from './tags.js';
import { userView, type UserView } from './users.js';

type Empty = Record<string, never>;

/** IAM's quota of MFA devices enabled for one user. */
export const MFA_DEVICES_PER_USER = 8;

/** Binds a wrapped seed to its device, so a seed moved to another row does not unwrap. */
export const mfaSeedPurpose = (serial: string): string => `mfa-seed:${serial}`;
export const mfaSeed = (ctx: ServiceContext, device: MfaDeviceRecord): Uint8Array => unwrap(ctx.deps.masterKey, device.wrappedSeed, mfaSeedPurpose(device.serial));

export interface VirtualMfaDeviceView {
  readonly SerialNumber: string;
  readonly User?: UserView | undefined;
  readonly EnableDate?: Date | undefined;
  readonly Tags?: readonly Tag[] | undefined;
}

/** CreateVirtualMFADevice's answer: the one object that holds the seed. It redacts itself when logged. */
export interface NewVirtualMfaDevice extends VirtualMfaDeviceView {
  readonly Base32StringSeed: Uint8Array;
  readonly QRCodePNG: Uint8Array;
}

export interface MfaDeviceView {
  readonly UserName: string;
  readonly SerialNumber: string;
  readonly EnableDate: Date;
}

export async function createVirtualMFADevice(
  input: { readonly VirtualMFADeviceName: string; readonly Path?: string | undefined; readonly Tags?: readonly Tag[] | undefined },
  ctx: ServiceContext,
): Promise<{ VirtualMFADevice: NewVirtualMfaDevice }> {
  const account = ctx.caller.accountId;
  const path = input.Path ?? '/';
  const serial = mfaResource(account, path, input.VirtualMFADeviceName);
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:CreateVirtualMFADevice', resource: serial, context: tagContext(input.Tags) });
  checkRequestTags(input.Tags ?? []);
  const seed = ctx.deps.random(SEED_BYTES);
  const device: MfaDeviceRecord = {
    serial,
    accountId: account,
    name: input.VirtualMFADeviceName,
    path,
    wrappedSeed: wrap(ctx.deps.masterKey, seed, mfaSeedPurpose(serial), ctx.deps.random(12)),
    tags: input.Tags ?? [],
    createdAt: ctx.deps.clock.now(),
    userId: undefined,
    enabledAt: undefined,
    lastStep: undefined,
  };
  try {
    await mfaDevices.insert(ctx.deps.db, device);
  } catch (e) {
    if (e instanceof UniqueViolation) throw mfaDeviceExists();
    throw e;
  }
  // No user holds the device yet, so the account id names it (IAM API reference, VirtualMFADevice).
  const png = await QRCode.toBuffer(otpauthUri(input.VirtualMFADeviceName, account, seed), { type: 'png' });
  const created: NewVirtualMfaDevice = {
    SerialNumber: serial,
    Base32StringSeed: Buffer.from(seedBase32(seed), 'ascii'),
    QRCodePNG: png,
    Tags: tagsOrAbsent(device.tags),
  };
  return { VirtualMFADevice: redactedWhenShown(created, 'Base32StringSeed', 'QRCodePNG') };
}

/** Enables the device for the user, given two codes from consecutive time steps. */
export async function enableMFADevice(
  input: { readonly UserName: string; readonly SerialNumber: string; readonly AuthenticationCode1: string; readonly AuthenticationCode2: string },
  ctx: ServiceContext,
): Promise<Empty> {
  const subject = await authorizeSubject(input.UserName, 'iam:EnableMFADevice', ctx);
  if (subject.kind !== 'user') throw noSuchUser(input.UserName);
  const user = subject.user;
  const device = await deviceInAccount(input.SerialNumber, ctx);
  if (device.userId !== undefined) throw mfaDeviceInUse();
  const step = consecutiveStep(mfaSeed(ctx, device), input.AuthenticationCode1, input.AuthenticationCode2, ctx.deps.clock.now());
  if (step === undefined) throw invalidAuthenticationCode();
  await ctx.deps.db.transaction(async (tx) => {
    // The user's row is locked so two concurrent enables cannot both pass the quota.
    if (!(await users.lock(tx, user.id))) throw noSuchUser(user.name);
    if ((await mfaDevices.forUser(tx, user.id)).length >= MFA_DEVICES_PER_USER) throw mfaDeviceQuota(MFA_DEVICES_PER_USER);
    // The step is recorded as used: the codes that enabled the device cannot sign in.
    if (!(await mfaDevices.enable(tx, device.serial, user.id, ctx.deps.clock.now(), step))) {
      const current = await mfaDevices.bySerial(tx, device.serial);
      if (current === undefined) throw noSuchMfaDevice(input.SerialNumber);
      throw current.userId !== undefined ? mfaDeviceInUse() : invalidAuthenticationCode();
    }
  });
  return {};
}

export async function deactivateMFADevice(input: { readonly UserName: string; readonly SerialNumber: string }, ctx: ServiceContext): Promise<Empty> {
  const subject = await authorizeSubject(input.UserName, 'iam:DeactivateMFADevice', ctx);
  if (subject.kind !== 'user' || !(await mfaDevices.deactivate(ctx.deps.db, input.SerialNumber, subject.user.id))) throw noSuchMfaDevice(input.SerialNumber);
  return {};
}

export async function listMFADevices(
  input: PageRequest & { readonly UserName?: string | undefined },
  ctx: ServiceContext,
): Promise<{ MFADevices: MfaDeviceView[]; IsTruncated: boolean; Marker?: string | undefined }> {
  const subject = await authorizeSubject(input.UserName, 'iam:ListMFADevices', ctx);
  // The root user's MFA is managed in the console, which rolegate does not have.
  if (subject.kind === 'root') return { MFADevices: [], IsTruncated: false };
  const { user } = subject;
  const page = paginate(await mfaDevices.forUser(ctx.deps.db, user.id), (d) => d.serial.toLowerCase(), input);
  return {
    MFADevices: page.items.map((d) => ({ UserName: user.name, SerialNumber: d.serial, EnableDate: new Date(d.enabledAt ?? d.createdAt) })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}

export async function listVirtualMFADevices(
  input: PageRequest & { readonly AssignmentStatus?: string | undefined },
  ctx: ServiceContext,
): Promise<{ VirtualMFADevices: VirtualMfaDeviceView[]; IsTruncated: boolean; Marker?: string | undefined }> {
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:ListVirtualMFADevices', resource: '*' });
  const status = input.AssignmentStatus ?? 'Any';
  const found = (await mfaDevices.list(ctx.deps.db, ctx.caller.accountId)).filter(
    (d) => status === 'Any' || (status === 'Assigned') === (d.userId !== undefined),
  );
  const page = paginate(found, (d) => d.serial.toLowerCase(), input);
  const views: VirtualMfaDeviceView[] = [];
  for (const d of page.items) {
    const user = d.userId === undefined ? undefined : await users.byId(ctx.deps.db, d.userId);
    views.push({
      SerialNumber: d.serial,
      User: user && userView(user, false),
      EnableDate: d.enabledAt === undefined ? undefined : new Date(d.enabledAt),
      Tags: tagsOrAbsent(d.tags),
    });
  }
  return { VirtualMFADevices: views, IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export async function deleteVirtualMFADevice(input: { readonly SerialNumber: string }, ctx: ServiceContext): Promise<Empty> {
  await ctx.authorizer.require(ctx.caller, ctx.facts, { action: 'iam:DeleteVirtualMFADevice', resource: input.SerialNumber });
  const device = await deviceInAccount(input.SerialNumber, ctx);
  if (device.userId !== undefined) throw deleteConflict('deactivate MFA device');
  // Removes only an unassigned device: an EnableMFADevice racing this call wins or loses whole.
  if (!(await mfaDevices.remove(ctx.deps.db, device.serial))) throw deleteConflict('deactivate MFA device');
  return {};
}

async function deviceInAccount(serial: string, ctx: ServiceContext): Promise<MfaDeviceRecord> {
  const device = await mfaDevices.bySerial(ctx.deps.db, serial);
  if (device === undefined || device.accountId !== ctx.caller.accountId) throw noSuchMfaDevice(serial);
  return device;
}
