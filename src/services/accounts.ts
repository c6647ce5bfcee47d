/**
 * Accounts and their root users. An account is created with a root access key whose
 * secret is returned once, to be shown to the operator; rolegate keeps it only wrapped.
 * The default account `000000000000` exists from the first start.
 */
import { accessKeyPurpose } from '../auth/credentials.js';
import type { CoreDeps } from '../auth/deps.js';
import { AwsError } from '../errors.js';
import { accessKeys, accounts, UniqueViolation } from '../store/index.js';
import { accessKeyId, secretAccessKey, wrap } from '../tokens/index.js';

export const DEFAULT_ACCOUNT_ID = '000000000000';

export interface RootCredentials {
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

const ROOT_KEY_ID = /^AKIA[A-Z0-9]{16}$/;
const SECRET = /^[A-Za-z0-9/+]{40}$/;

/**
 * Creates an account with a root access key: the given one (from the environment, for
 * scripted set-ups) or a new one. The account id is chosen at random when not given.
 */
export async function createAccount(
  deps: CoreDeps,
  options: { readonly id?: string | undefined; readonly name?: string | undefined; readonly rootKey?: Omit<RootCredentials, 'accountId'> | undefined } = {},
): Promise<RootCredentials> {
  const id = options.id ?? randomAccountId(deps);
  if (!/^[0-9]{12}$/.test(id)) throw new AwsError('ValidationError', `Account id ${id} is not 12 digits`);
  const key = options.rootKey ?? {
    accessKeyId: accessKeyId('AKIA', id, deps.random(5)),
    secretAccessKey: secretAccessKey(deps.random(30)),
  };
  if (!ROOT_KEY_ID.test(key.accessKeyId) || !SECRET.test(key.secretAccessKey)) {
    throw new AwsError('ValidationError', 'A root access key id is AKIA and 16 letters or digits; its secret is 40 base64 characters');
  }
  const now = deps.clock.now();
  try {
    await deps.db.transaction(async (tx) => {
      await accounts.insert(tx, { id, name: options.name ?? id, createdAt: now });
      await accessKeys.insert(tx, {
        id: key.accessKeyId,
        accountId: id,
        userId: undefined,
        wrappedSecret: wrap(deps.masterKey, Buffer.from(key.secretAccessKey, 'utf8'), accessKeyPurpose(key.accessKeyId), deps.random(12)),
        status: 'Active',
        createdAt: now,
        lastUsedAt: undefined,
        lastUsedService: undefined,
        lastUsedRegion: undefined,
      });
    });
  } catch (e) {
    if (e instanceof UniqueViolation) throw new AwsError('EntityAlreadyExists', `Account ${id} or access key ${key.accessKeyId} already exists.`);
    throw e;
  }
  return { accountId: id, ...key };
}

/**
 * The default account, created on first start; undefined when it already existed — or
 * when another node sharing the store created it in the same moment (nodes started
 * together each find no account, and one insert wins).
 */
export async function ensureDefaultAccount(
  deps: CoreDeps,
  rootKey: Omit<RootCredentials, 'accountId'> | undefined,
): Promise<RootCredentials | undefined> {
  if ((await accounts.get(deps.db, DEFAULT_ACCOUNT_ID)) !== undefined) return undefined;
  try {
    return await createAccount(deps, { id: DEFAULT_ACCOUNT_ID, name: 'default', rootKey });
  } catch (e) {
    if (e instanceof AwsError && e.code === 'EntityAlreadyExists' && (await accounts.get(deps.db, DEFAULT_ACCOUNT_ID)) !== undefined) return undefined;
    throw e;
  }
}

function randomAccountId(deps: CoreDeps): string {
  const bytes = deps.random(8);
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  // 1xxxxxxxxxxx: never the default account's zeros.
  return String(100_000_000_000n + (n % 900_000_000_000n));
}
