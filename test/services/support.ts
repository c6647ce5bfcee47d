/**
 * The world IAM operations run in, without the HTTP layer: a real SQLite store in a temp
 * directory, real credentials and key ring, the real policy cache and engine, and a
 * clock the test moves. Principals are made through the IAM operations themselves and
 * act through the keys CreateAccessKey returned, resolved as a signed request would be.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Authorizer } from '../../src/auth/authorizer.js';
import { rootCaller, type Caller } from '../../src/auth/caller.js';
import { resolveCredentials } from '../../src/auth/credentials.js';
import { EntityCache } from '../../src/auth/entity-cache.js';
import type { CoreDeps } from '../../src/auth/deps.js';
import { KeyRingSource } from '../../src/auth/key-ring-source.js';
import { PolicyCache } from '../../src/auth/policy-cache.js';
import type { RequestFacts } from '../../src/auth/request-context.js';
import { AwsError } from '../../src/errors.js';
import type { ServiceContext } from '../../src/services/context.js';
import { createAccessKey } from '../../src/services/iam/access-keys.js';
import { putUserPolicy } from '../../src/services/iam/inline-policies.js';
import { createUser } from '../../src/services/iam/users.js';
import { accounts, openStore, type Db } from '../../src/store/index.js';
import { afterAll, beforeAll } from 'vitest';
import { postgresBackend, type Backend } from '../contract/backends.js';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const FACTS: RequestFacts = { sourceIp: '203.0.113.7', userAgent: 'test', secureTransport: true, region: 'us-east-1' };

export interface Keys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export class IamWorld {
  readonly clock = {
    t: Date.UTC(2026, 10, 28, 12),
    now(): number {
      return this.t;
    },
  };
  readonly deps: CoreDeps;
  readonly keyRings: KeyRingSource;
  readonly authorizer: Authorizer;
  readonly entities: EntityCache;
  readonly #dir: string;

  private constructor(db: Db, dir: string) {
    this.#dir = dir;
    this.deps = { db, masterKey: randomBytes(32), clock: this.clock, random: (n) => randomBytes(n) };
    this.keyRings = new KeyRingSource(this.deps);
    this.authorizer = new Authorizer(this.deps, new PolicyCache(this.deps));
    this.entities = new EntityCache(this.deps);
  }

  /** On SQLite in a temp directory, or on the given store (the PostgreSQL runs). */
  static async open(db?: Db): Promise<IamWorld> {
    const dir = mkdtempSync(join(tmpdir(), 'rolegate-iam-'));
    const world = new IamWorld(db ?? (await openStore(dir, Date.now())), dir);
    for (const id of [ACCOUNT, OTHER_ACCOUNT]) await accounts.insert(world.deps.db, { id, name: id, createdAt: world.clock.now() });
    return world;
  }

  async close(): Promise<void> {
    await this.deps.db.close();
    rmSync(this.#dir, { recursive: true, force: true });
  }

  ctx(caller: Caller): ServiceContext {
    return { caller, facts: FACTS, deps: this.deps, authorizer: this.authorizer, keyRings: this.keyRings, entities: this.entities };
  }

  /** The account's root user (allowed everything in its account). */
  root(account = ACCOUNT): ServiceContext {
    return this.ctx(rootCaller(account, 'AKIAROOTROOTROOTROOT'));
  }

  /** The context of a request signed with these keys. */
  async as(keys: Keys): Promise<ServiceContext> {
    const resolved = await resolveCredentials(keys.accessKeyId, keys.sessionToken, this.keyRings, this.entities);
    if (resolved.secretAccessKey !== keys.secretAccessKey) throw new Error('the secret does not match: the request would fail SigV4');
    return this.ctx(await resolved.caller());
  }

  /** A user made by root through CreateUser, with inline policies and one access key. */
  async user(name: string, policies: readonly object[] = [], account = ACCOUNT): Promise<{ keys: Keys; ctx: ServiceContext; arn: string; id: string }> {
    const root = this.root(account);
    const { User } = await createUser({ UserName: name }, root);
    for (const [i, p] of policies.entries()) await putUserPolicy({ UserName: name, PolicyName: `p${i}`, PolicyDocument: JSON.stringify(p) }, root);
    const { AccessKey } = await createAccessKey({ UserName: name }, root);
    const keys = { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey };
    return { keys, ctx: await this.as(keys), arn: User.Arn, id: User.UserId };
  }
}

export const allow = (action: string | string[], resource: string | string[] = '*'): object => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource }],
});

export const trustOf = (principal: object, action: string | string[] = 'sts:AssumeRole'): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action }] });

/** The AwsError a call fails with. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; status: number }> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AwsError) return { code: e.code, message: e.message, status: e.status };
    throw e;
  }
  throw new Error('expected the call to fail');
}

/**
 * An IamWorld on PostgreSQL, where transactions run concurrently, for the describe block
 * this is called in: opened before its tests and dropped after them. The getter answers
 * undefined when no PostgreSQL answers (the tests then skip).
 */
export function postgresWorld(): () => IamWorld | undefined {
  let backend: Backend | undefined;
  let world: IamWorld | undefined;
  beforeAll(async () => {
    backend = await postgresBackend();
    if (backend !== undefined) world = await IamWorld.open(await backend.open());
  });
  afterAll(async () => {
    await world?.close();
    await backend?.cleanup();
  });
  return () => world;
}
