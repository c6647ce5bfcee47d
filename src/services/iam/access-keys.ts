/**
 * Long-term access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey.
 * The secret is made here, stored only wrapped under the master key, and returned once,
 * in CreateAccessKey's response; nothing else ever carries it. At most two keys per
 * user (and per root user), held under concurrent creates by counting inside the
 * inserting transaction with the owner's row locked.
 */
import { accessKeyPurpose } from '../../auth/credentials.js';
import { accessKeys, accounts, generation, UniqueViolation, users, type AccessKeyRecord, type AccessKeyStatus, type Queryable } from '../../store/index.js';
import { accessKeyId, secretAccessKey, wrap } from '../../tokens/index.js';
import type { ServiceContext } from '../context.js';
import { accessKeyQuota, constraintViolation, noSuchAccessKey, noSuchUser } from './errors.js';
import { paginate, type PageRequest } from './pagination.js';
import { redactedWhenShown } from './redact.js';
import { authorizeSubject, type Subject } from './subject.js';

export const MAX_KEYS = 2;
const STATUSES: ReadonlySet<string> = new Set<AccessKeyStatus>(['Active', 'Inactive']);

export interface AccessKeyMetadata {
  /** Absent for the root user's keys (AWS's answer for root keys is not known). */
  readonly UserName?: string | undefined;
  readonly AccessKeyId: string;
  readonly Status: AccessKeyStatus;
  readonly CreateDate: Date;
}

/** CreateAccessKey's AccessKey: the one object that holds a secret. It redacts itself when logged. */
export interface NewAccessKey extends AccessKeyMetadata {
  readonly SecretAccessKey: string;
}

export async function createAccessKey(input: { readonly UserName?: string | undefined }, ctx: ServiceContext): Promise<{ AccessKey: NewAccessKey }> {
  const account = ctx.caller.accountId;
  const subject = await authorizeSubject(input.UserName, 'iam:CreateAccessKey', ctx);
  const userId = subject.kind === 'user' ? subject.user.id : undefined;
  const secret = secretAccessKey(ctx.deps.random(30));
  const createdAt = ctx.deps.clock.now();
  let record: AccessKeyRecord | undefined;
  // 40 random bits per id within an account: a collision is unlikely, and retried.
  for (let attempt = 0; record === undefined; attempt++) {
    const id = accessKeyId('AKIA', account, ctx.deps.random(5));
    const candidate: AccessKeyRecord = {
      id,
      accountId: account,
      userId,
      wrappedSecret: wrap(ctx.deps.masterKey, Buffer.from(secret, 'utf8'), accessKeyPurpose(id), ctx.deps.random(12)),
      status: 'Active',
      createdAt,
      lastUsedAt: undefined,
      lastUsedService: undefined,
      lastUsedRegion: undefined,
    };
    try {
      await ctx.deps.db.transaction(async (tx) => {
        await lockOwner(tx, account, subject);
        if ((await accessKeys.forOwner(tx, account, userId)).length >= MAX_KEYS) throw accessKeyQuota();
        await accessKeys.insert(tx, candidate);
        await generation.bump(tx);
      });
      record = candidate;
    } catch (e) {
      if (!(e instanceof UniqueViolation) || attempt >= 3) throw e;
    }
  }
  return { AccessKey: redactedWhenShown<NewAccessKey>({ ...metadata(record, subject), SecretAccessKey: secret }, 'SecretAccessKey') };
}

export async function listAccessKeys(
  input: PageRequest & { readonly UserName?: string | undefined },
  ctx: ServiceContext,
): Promise<{ AccessKeyMetadata: AccessKeyMetadata[]; IsTruncated: boolean; Marker?: string | undefined }> {
  const account = ctx.caller.accountId;
  const subject = await authorizeSubject(input.UserName, 'iam:ListAccessKeys', ctx);
  const keys = await accessKeys.forOwner(ctx.deps.db, account, subject.kind === 'user' ? subject.user.id : undefined);
  const page = paginate(keys, (k) => `${String(k.createdAt).padStart(16, '0')}:${k.id}`, input);
  return { AccessKeyMetadata: page.items.map((k) => metadata(k, subject)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export async function updateAccessKey(
  input: { readonly UserName?: string | undefined; readonly AccessKeyId: string; readonly Status: string },
  ctx: ServiceContext,
): Promise<Record<string, never>> {
  const subject = await authorizeSubject(input.UserName, 'iam:UpdateAccessKey', ctx);
  // seen: AWS's wording for a status outside the enum (UpdateServiceSpecificCredential).
  if (!STATUSES.has(input.Status)) throw constraintViolation('status', input.Status, 'Member must satisfy enum value set: [Active, Inactive]');
  await ctx.deps.db.transaction(async (tx) => {
    await ownedKey(tx, ctx.caller.accountId, subject, input.AccessKeyId);
    await accessKeys.setStatus(tx, input.AccessKeyId, input.Status as AccessKeyStatus);
    await generation.bump(tx);
  });
  return {};
}

export async function deleteAccessKey(
  input: { readonly UserName?: string | undefined; readonly AccessKeyId: string },
  ctx: ServiceContext,
): Promise<Record<string, never>> {
  const subject = await authorizeSubject(input.UserName, 'iam:DeleteAccessKey', ctx);
  await ctx.deps.db.transaction(async (tx) => {
    await ownedKey(tx, ctx.caller.accountId, subject, input.AccessKeyId);
    await accessKeys.remove(tx, input.AccessKeyId);
    await generation.bump(tx);
  });
  return {};
}

/** The key, if it belongs to the subject; a key of anyone else is answered as missing. */
async function ownedKey(q: Queryable, account: string, subject: Subject, id: string): Promise<AccessKeyRecord> {
  const key = await accessKeys.byId(q, id);
  const owner = subject.kind === 'user' ? subject.user.id : undefined;
  if (key === undefined || key.accountId !== account || key.userId !== owner) throw noSuchAccessKey(id);
  return key;
}

/** Serializes key creation per owner: the user's row, or the account's for root keys. */
async function lockOwner(q: Queryable, account: string, subject: Subject): Promise<void> {
  if (subject.kind === 'root') {
    await accounts.lock(q, account);
  } else if (!(await users.lock(q, subject.user.id))) {
    throw noSuchUser(subject.user.name);
  }
}

function metadata(key: AccessKeyRecord, subject: Subject): AccessKeyMetadata {
  return {
    UserName: subject.kind === 'user' ? subject.user.name : undefined,
    AccessKeyId: key.id,
    Status: key.status,
    CreateDate: new Date(key.createdAt),
  };
}
