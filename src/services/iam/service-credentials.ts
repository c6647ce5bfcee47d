/**
 * Service-specific credentials: a user name and password IAM issues for one service
 * (CodeCommit's Git over HTTPS, Amazon Keyspaces' Cassandra logins). The password is made
 * here, stored only wrapped under the master key, and returned in the one response that
 * issues it: CreateServiceSpecificCredential's, or ResetServiceSpecificCredential's for a
 * new one. rolegate serves neither service, so nothing here authenticates with them.
 * At most two per user and service, held under concurrent creates by counting inside the
 * inserting transaction with the user's row locked.
 */
import { uniqueId } from '../../arn/index.js';
import { serviceCredentials, users, type AccessKeyStatus, type Queryable, type ServiceCredentialRecord, type UserRecord } from '../../store/index.js';
import { wrap } from '../../tokens/index.js';
import type { ServiceContext } from '../context.js';
import { noSuchServiceCredential, noSuchUser, serviceCredentialQuota, unsupportedCredentialService } from './errors.js';
import { redactedWhenShown } from './redact.js';
import { authorizeSubject } from './subject.js';

export const MAX_PER_SERVICE = 2;

/**
 * The services whose credentials have this shape (a user name and a password). AWS's
 * newer API keys for Bedrock and CloudWatch Logs answer with other members, which the
 * API model rolegate follows does not have; they are refused as AWS refuses any other name.
 */
const SERVICES: ReadonlySet<string> = new Set(['codecommit.amazonaws.com', 'cassandra.amazonaws.com']);

export interface ServiceSpecificCredentialMetadata {
  readonly UserName: string;
  readonly Status: AccessKeyStatus;
  readonly ServiceUserName: string;
  readonly CreateDate: Date;
  readonly ServiceSpecificCredentialId: string;
  readonly ServiceName: string;
}

/** Create's and Reset's answer: the one object that holds the password. It redacts itself when logged. */
export interface ServiceSpecificCredential extends ServiceSpecificCredentialMetadata {
  readonly ServicePassword: string;
}

export async function createServiceSpecificCredential(
  input: { readonly UserName: string; readonly ServiceName: string },
  ctx: ServiceContext,
): Promise<{ ServiceSpecificCredential: ServiceSpecificCredential }> {
  const user = await authorizedUser(input.UserName, 'iam:CreateServiceSpecificCredential', ctx);
  checkService(input.ServiceName);
  const password = newPassword(ctx);
  const id = uniqueId('serviceSpecificCredential', ctx.deps.random(17));
  const record: ServiceCredentialRecord = {
    id,
    accountId: user.accountId,
    userId: user.id,
    serviceName: input.ServiceName,
    wrappedPassword: wrapPassword(ctx, id, password),
    status: 'Active',
    createdAt: ctx.deps.clock.now(),
  };
  // Nothing here changes an authorization decision, so the store generation is left alone.
  await ctx.deps.db.transaction(async (tx) => {
    if (!(await users.lock(tx, user.id))) throw noSuchUser(user.name);
    if ((await serviceCredentials.forUser(tx, user.id, input.ServiceName)).length >= MAX_PER_SERVICE) throw serviceCredentialQuota(MAX_PER_SERVICE);
    await serviceCredentials.insert(tx, record);
  });
  return { ServiceSpecificCredential: withPassword(record, user, password) };
}

export async function listServiceSpecificCredentials(
  input: { readonly UserName?: string | undefined; readonly ServiceName?: string | undefined },
  ctx: ServiceContext,
): Promise<{ ServiceSpecificCredentials: ServiceSpecificCredentialMetadata[] }> {
  const user = await authorizedUser(input.UserName, 'iam:ListServiceSpecificCredentials', ctx);
  if (input.ServiceName !== undefined) checkService(input.ServiceName);
  if (user === undefined) return { ServiceSpecificCredentials: [] };
  const found = await serviceCredentials.forUser(ctx.deps.db, user.id, input.ServiceName);
  return { ServiceSpecificCredentials: found.map((c) => metadata(c, user)) };
}

export async function updateServiceSpecificCredential(
  input: { readonly UserName?: string | undefined; readonly ServiceSpecificCredentialId: string; readonly Status: string },
  ctx: ServiceContext,
): Promise<Record<string, never>> {
  const user = await credentialOwner(input.UserName, 'iam:UpdateServiceSpecificCredential', input.ServiceSpecificCredentialId, ctx);
  await ctx.deps.db.transaction(async (tx) => {
    await ownedCredential(tx, user, input.ServiceSpecificCredentialId);
    // The input shape's enum let only Active or Inactive through.
    await serviceCredentials.setStatus(tx, input.ServiceSpecificCredentialId, input.Status as AccessKeyStatus);
  });
  return {};
}

/** A new password for the credential; its status and creation date stay as they were. */
export async function resetServiceSpecificCredential(
  input: { readonly UserName?: string | undefined; readonly ServiceSpecificCredentialId: string },
  ctx: ServiceContext,
): Promise<{ ServiceSpecificCredential: ServiceSpecificCredential }> {
  const user = await credentialOwner(input.UserName, 'iam:ResetServiceSpecificCredential', input.ServiceSpecificCredentialId, ctx);
  const password = newPassword(ctx);
  const wrapped = wrapPassword(ctx, input.ServiceSpecificCredentialId, password);
  const record = await ctx.deps.db.transaction(async (tx) => {
    const owned = await ownedCredential(tx, user, input.ServiceSpecificCredentialId);
    await serviceCredentials.setPassword(tx, owned.id, wrapped);
    return owned;
  });
  return { ServiceSpecificCredential: withPassword(record, user, password) };
}

export async function deleteServiceSpecificCredential(
  input: { readonly UserName?: string | undefined; readonly ServiceSpecificCredentialId: string },
  ctx: ServiceContext,
): Promise<Record<string, never>> {
  const user = await credentialOwner(input.UserName, 'iam:DeleteServiceSpecificCredential', input.ServiceSpecificCredentialId, ctx);
  await ctx.deps.db.transaction(async (tx) => {
    await ownedCredential(tx, user, input.ServiceSpecificCredentialId);
    await serviceCredentials.remove(tx, input.ServiceSpecificCredentialId);
  });
  return {};
}

/**
 * The named user, or the caller's own, once the action is allowed on it. The root user
 * (calling without a name) has no service-specific credentials: undefined.
 */
async function authorizedUser(userName: string, action: string, ctx: ServiceContext): Promise<UserRecord>;
async function authorizedUser(userName: string | undefined, action: string, ctx: ServiceContext): Promise<UserRecord | undefined>;
async function authorizedUser(userName: string | undefined, action: string, ctx: ServiceContext): Promise<UserRecord | undefined> {
  const subject = await authorizeSubject(userName, action, ctx);
  return subject.kind === 'user' ? subject.user : undefined;
}

/** The user whose credential `id` an operation is about; for the root user, which has none, the credential is missing. */
async function credentialOwner(userName: string | undefined, action: string, id: string, ctx: ServiceContext): Promise<UserRecord> {
  const user = await authorizedUser(userName, action, ctx);
  if (user === undefined) throw noSuchServiceCredential(id);
  return user;
}

function checkService(serviceName: string): void {
  if (!SERVICES.has(serviceName)) throw unsupportedCredentialService(serviceName);
}

/** The credential, if it is the user's; anyone else's is answered as missing. */
async function ownedCredential(q: Queryable, user: UserRecord, id: string): Promise<ServiceCredentialRecord> {
  const found = await serviceCredentials.byId(q, id);
  if (found === undefined || found.userId !== user.id) throw noSuchServiceCredential(id);
  return found;
}

/** 32 random bytes in base64, 44 characters, as AWS's documented examples look. */
const newPassword = (ctx: ServiceContext): string => Buffer.from(ctx.deps.random(32)).toString('base64');

const wrapPassword = (ctx: ServiceContext, id: string, password: string): string =>
  wrap(ctx.deps.masterKey, Buffer.from(password, 'utf8'), serviceCredentialPurpose(id), ctx.deps.random(12));

/** The wrapping's associated data: a wrapped password moved to another row does not unwrap. */
export const serviceCredentialPurpose = (id: string): string => `service-credential:${id}`;

function metadata(c: ServiceCredentialRecord, user: UserRecord): ServiceSpecificCredentialMetadata {
  return {
    UserName: user.name,
    Status: c.status,
    // Recorded from AWS as `USERNAME-at-ACCOUNTID`.
    ServiceUserName: `${user.name}-at-${c.accountId}`,
    CreateDate: new Date(c.createdAt),
    ServiceSpecificCredentialId: c.id,
    ServiceName: c.serviceName,
  };
}

function withPassword(c: ServiceCredentialRecord, user: UserRecord, password: string): ServiceSpecificCredential {
  return redactedWhenShown<ServiceSpecificCredential>({ ...metadata(c, user), ServicePassword: password }, 'ServicePassword');
}
