/**
 * A real store in a temp directory, real credentials, real engine: the world STS
 * operations run in, without the HTTP layer. Principals are written with the store's
 * repositories directly, so these tests do not depend on the IAM operations.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Authorizer } from '../../../src/auth/authorizer.js';
import { resolveCredentials } from '../../../src/auth/credentials.js';
import type { CoreDeps } from '../../../src/auth/deps.js';
import { KeyRingSource } from '../../../src/auth/key-ring-source.js';
import { PolicyCache } from '../../../src/auth/policy-cache.js';
import type { RequestFacts } from '../../../src/auth/request-context.js';
import type { ServiceContext } from '../../../src/services/context.js';
import { accessKeys, accounts, generation, inlinePolicies, openStore, roles, users, type Db } from '../../../src/store/index.js';
import { accessKeyId, secretAccessKey, wrap } from '../../../src/tokens/index.js';

export const FACTS: RequestFacts = { sourceIp: '203.0.113.7', userAgent: 'test', secureTransport: true, region: 'us-east-1' };

export interface Keys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export class World {
  readonly clock = { t: Date.UTC(2026, 10, 28, 12), now(): number { return this.t; } };
  readonly deps: CoreDeps;
  readonly keyRings: KeyRingSource;
  readonly authorizer: Authorizer;
  readonly #dir: string;

  private constructor(db: Db, dir: string) {
    this.#dir = dir;
    this.deps = { db, masterKey: randomBytes(32), clock: this.clock, random: (n) => randomBytes(n) };
    this.keyRings = new KeyRingSource(this.deps);
    this.authorizer = new Authorizer(this.deps, new PolicyCache(this.deps));
  }

  static async open(): Promise<World> {
    const dir = mkdtempSync(join(tmpdir(), 'rolegate-sts-'));
    return new World(await openStore(dir, Date.now()), dir);
  }

  async close(): Promise<void> {
    await this.deps.db.close();
    rmSync(this.#dir, { recursive: true, force: true });
  }

  async account(id: string): Promise<Keys> {
    await accounts.insert(this.deps.db, { id, name: id, createdAt: this.clock.now() });
    return this.#key(id, undefined);
  }

  /** A user with long-term keys and, optionally, inline policies. */
  async user(account: string, name: string, policies: readonly object[] = []): Promise<Keys & { arn: string; id: string }> {
    const id = `AIDA${randomBytes(9).toString('hex').toUpperCase().slice(0, 17)}`;
    await users.insert(this.deps.db, { id, accountId: account, name, path: '/', createdAt: this.clock.now(), boundaryArn: undefined, tags: [] });
    await this.#policies(id, policies);
    return { ...(await this.#key(account, id)), arn: `arn:aws:iam::${account}:user/${name}`, id };
  }

  async role(account: string, name: string, trust: object, policies: readonly object[] = [], maxSessionDuration = 3600): Promise<{ arn: string; id: string }> {
    const id = `AROA${randomBytes(9).toString('hex').toUpperCase().slice(0, 17)}`;
    await roles.insert(this.deps.db, {
      id, accountId: account, name, path: '/', trustPolicy: JSON.stringify(trust), description: undefined, maxSessionDuration,
      createdAt: this.clock.now(), boundaryArn: undefined, tags: [], lastUsedAt: undefined, lastUsedRegion: undefined,
    });
    await this.#policies(id, policies);
    return { arn: `arn:aws:iam::${account}:role/${name}`, id };
  }

  /** The context an operation runs in for a request signed with these keys. */
  async as(keys: Keys): Promise<ServiceContext> {
    const resolved = await resolveCredentials(keys.accessKeyId, keys.sessionToken, this.deps, this.keyRings);
    if (resolved.secretAccessKey !== keys.secretAccessKey) throw new Error('the secret does not match: the request would fail SigV4');
    return { caller: await resolved.caller(), facts: FACTS, deps: this.deps, authorizer: this.authorizer, keyRings: this.keyRings };
  }

  async #policies(ownerId: string, policies: readonly object[]): Promise<void> {
    for (const [i, p] of policies.entries()) await inlinePolicies.put(this.deps.db, { ownerId, name: `p${i}`, document: JSON.stringify(p) });
    await this.deps.db.transaction(async (tx) => generation.bump(tx));
  }

  async #key(account: string, userId: string | undefined): Promise<Keys> {
    const id = accessKeyId('AKIA', account, randomBytes(5));
    const secret = secretAccessKey(randomBytes(30));
    await accessKeys.insert(this.deps.db, {
      id, accountId: account, userId, wrappedSecret: wrap(this.deps.masterKey, Buffer.from(secret, 'utf8'), `access-key:${id}`, randomBytes(12)),
      status: 'Active', createdAt: this.clock.now(), lastUsedAt: undefined, lastUsedService: undefined, lastUsedRegion: undefined,
    });
    return { accessKeyId: id, secretAccessKey: secret };
  }
}

export const allow = (action: string | string[], resource: string | string[] = '*', extra: object = {}): object => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }],
});

export const trust = (principal: object, extra: object = {}, action: string | string[] = 'sts:AssumeRole'): object => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: principal, Action: action, ...extra }],
});

export const keysOf = (out: { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } }): Keys => ({
  accessKeyId: out.Credentials.AccessKeyId,
  secretAccessKey: out.Credentials.SecretAccessKey,
  sessionToken: out.Credentials.SessionToken,
});
