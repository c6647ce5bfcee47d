import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessKeys, accountAliases, accounts, accountSummary, attachments, auditEvents, awsManagedPolicies, generation, groups, inlinePolicies, instanceProfiles, managedPolicies,
  migrate, mfaDevices, roles, sealingKeys, serviceCredentials, UniqueViolation, users,
  type AuditAttribute, type AuditEventRecord, type Db, type RoleRecord, type UserRecord,
} from '../../src/store/index.js';
import { auditEvent, count, newestFirst, shuffled } from '../audit/support.js';
import { PG_ADMIN_URL, postgresBackend, sqliteBackend, type Backend } from './backends.js';

const ACCOUNT = '111122223333';
const T = Date.UTC(2026, 10, 28);
const DAY = 24 * 60 * 60 * 1000;

const user = (name: string, id = `AIDA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`): UserRecord => ({
  id, accountId: ACCOUNT, name, path: '/', createdAt: T, boundaryArn: undefined, tags: [{ Key: 'team', Value: 'blue' }],
});
const role = (name: string, id: string): RoleRecord => ({
  id, accountId: ACCOUNT, name, path: '/app/', trustPolicy: '{"Version":"2012-10-17"}', description: undefined, maxSessionDuration: 3600,
  createdAt: T, boundaryArn: undefined, tags: [], lastUsedAt: undefined, lastUsedRegion: undefined,
});

function contract(backendOf: () => Promise<Backend | undefined>, label: string): void {
  describe(`the store on ${label}`, () => {
    let backend: Backend | undefined;
    let db: Db;

    beforeAll(async () => {
      backend = await backendOf();
      if (backend === undefined) return;
      db = await backend.open();
      await accounts.insert(db, { id: ACCOUNT, name: 'default', createdAt: T });
    });
    afterAll(async () => {
      if (backend === undefined) return;
      await db.close();
      await backend.cleanup();
    });

    it('migrates once: running the migrations again changes nothing', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const before = await db.all('SELECT version FROM schema_migrations');
      await migrate(db, T);
      expect(await db.all('SELECT version FROM schema_migrations')).toEqual(before);
    });

    it('keeps IAM names unique without regard to case', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      await users.insert(db, user('Alice', 'AIDAALICE000000000001'));
      await expect(users.insert(db, user('alice', 'AIDAALICE000000000002'))).rejects.toBeInstanceOf(UniqueViolation);
      expect((await users.byName(db, ACCOUNT, 'ALICE'))?.id).toBe('AIDAALICE000000000001');
      expect((await users.byName(db, ACCOUNT, 'alice'))?.tags).toEqual([{ Key: 'team', Value: 'blue' }]);
    });

    it('commits a transaction whole or not at all', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      await expect(
        db.transaction(async (tx) => {
          await roles.insert(tx, role('half', 'AROAHALF0000000000001'));
          await inlinePolicies.put(tx, { ownerId: 'AROAHALF0000000000001', name: 'p', document: '{}' });
          throw new Error('the second half fails');
        }),
      ).rejects.toThrow('the second half fails');
      expect(await roles.byName(db, ACCOUNT, 'half')).toBeUndefined();
      expect(await inlinePolicies.forOwner(db, 'AROAHALF0000000000001')).toEqual([]);
    });

    it('counts a generation that grows with each bump', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const g = await generation.current(db);
      await db.transaction(async (tx) => generation.bump(tx));
      expect(await generation.current(db)).toBe(g + 1);
    });

    it('stores roles with their trust policy and finds them by name or id', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      await roles.insert(db, role('Deployer', 'AROADEPLOYER000000001'));
      const found = await roles.byName(db, ACCOUNT, 'deployer');
      expect(found).toMatchObject({ id: 'AROADEPLOYER000000001', name: 'Deployer', path: '/app/', maxSessionDuration: 3600 });
      await roles.update(db, { ...found!, trustPolicy: '{"Version":"2012-10-17","Statement":[]}', maxSessionDuration: 7200 });
      expect(await roles.byId(db, 'AROADEPLOYER000000001')).toMatchObject({ maxSessionDuration: 7200, trustPolicy: '{"Version":"2012-10-17","Statement":[]}' });
      expect((await roles.list(db, ACCOUNT, '/app/')).map((r) => r.name)).toContain('Deployer');
      expect(await roles.list(db, ACCOUNT, '/other/')).toEqual([]);
    });

    it('keeps root keys apart from user keys', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      await users.insert(db, user('keyholder', 'AIDAKEYHOLDER00000001'));
      const base = { accountId: ACCOUNT, wrappedSecret: 'wrapped', status: 'Active' as const, createdAt: T, lastUsedAt: undefined, lastUsedService: undefined, lastUsedRegion: undefined };
      await accessKeys.insert(db, { ...base, id: 'AKIAROOT000000000001', userId: undefined });
      await accessKeys.insert(db, { ...base, id: 'AKIAUSER000000000001', userId: 'AIDAKEYHOLDER00000001' });
      expect((await accessKeys.forOwner(db, ACCOUNT, undefined)).map((k) => k.id)).toEqual(['AKIAROOT000000000001']);
      expect((await accessKeys.forOwner(db, ACCOUNT, 'AIDAKEYHOLDER00000001')).map((k) => k.id)).toEqual(['AKIAUSER000000000001']);
      await accessKeys.setStatus(db, 'AKIAUSER000000000001', 'Inactive');
      await accessKeys.recordUse(db, 'AKIAUSER000000000001', T + 5, 'sts', 'us-east-1');
      expect(await accessKeys.byId(db, 'AKIAUSER000000000001')).toMatchObject({ status: 'Inactive', lastUsedAt: T + 5, lastUsedService: 'sts' });
      expect(await accessKeys.remove(db, 'AKIAUSER000000000001')).toBe(true);
      expect(await accessKeys.byId(db, 'AKIAUSER000000000001')).toBeUndefined();
    });

    it("keeps a user's service-specific credentials by service, and changes their status and password", async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      await users.insert(db, user('gituser', 'AIDAGITUSER0000000001'));
      const base = { accountId: ACCOUNT, userId: 'AIDAGITUSER0000000001', wrappedPassword: 'wrapped-1', status: 'Active' as const };
      await serviceCredentials.insert(db, { ...base, id: 'ACCAGIT00000000000002', serviceName: 'codecommit.amazonaws.com', createdAt: T + 1 });
      await serviceCredentials.insert(db, { ...base, id: 'ACCAGIT00000000000001', serviceName: 'codecommit.amazonaws.com', createdAt: T });
      await serviceCredentials.insert(db, { ...base, id: 'ACCACQL00000000000001', serviceName: 'cassandra.amazonaws.com', createdAt: T });
      await expect(serviceCredentials.insert(db, { ...base, id: 'ACCACQL00000000000001', serviceName: 'codecommit.amazonaws.com', createdAt: T })).rejects.toBeInstanceOf(UniqueViolation);
      expect((await serviceCredentials.forUser(db, 'AIDAGITUSER0000000001')).map((c) => c.id)).toEqual(['ACCACQL00000000000001', 'ACCAGIT00000000000001', 'ACCAGIT00000000000002']);
      expect((await serviceCredentials.forUser(db, 'AIDAGITUSER0000000001', 'codecommit.amazonaws.com')).map((c) => c.id)).toEqual(['ACCAGIT00000000000001', 'ACCAGIT00000000000002']);
      expect(await serviceCredentials.forUser(db, 'AIDAGITUSER0000000001', 'lambda.amazonaws.com')).toEqual([]);
      expect(await serviceCredentials.setStatus(db, 'ACCAGIT00000000000001', 'Inactive')).toBe(true);
      expect(await serviceCredentials.setPassword(db, 'ACCAGIT00000000000001', 'wrapped-2')).toBe(true);
      expect(await serviceCredentials.byId(db, 'ACCAGIT00000000000001')).toEqual({
        ...base, id: 'ACCAGIT00000000000001', serviceName: 'codecommit.amazonaws.com', wrappedPassword: 'wrapped-2', status: 'Inactive', createdAt: T,
      });
      expect(await serviceCredentials.remove(db, 'ACCAGIT00000000000001')).toBe(true);
      expect(await serviceCredentials.remove(db, 'ACCAGIT00000000000001')).toBe(false);
      expect(await serviceCredentials.byId(db, 'ACCAGIT00000000000001')).toBeUndefined();
      expect(await serviceCredentials.setStatus(db, 'ACCAGIT00000000000001', 'Active')).toBe(false);
    });

    it('keeps virtual MFA devices by serial number, enables one for a user, and accepts each TOTP step once', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      await users.insert(db, user('mfauser', 'AIDAMFAUSER0000000001'));
      const serial = `arn:aws:iam::${ACCOUNT}:mfa/phone`;
      const device = {
        serial, accountId: ACCOUNT, name: 'phone', path: '/', wrappedSeed: 'wrapped-seed', tags: [], createdAt: T,
        userId: undefined, enabledAt: undefined, lastStep: undefined,
      };
      await mfaDevices.insert(db, device);
      await expect(mfaDevices.insert(db, { ...device, serial: serial.toUpperCase() })).rejects.toBeInstanceOf(UniqueViolation);
      expect(await mfaDevices.bySerial(db, serial)).toEqual(device);
      expect(await mfaDevices.enable(db, serial, 'AIDAMFAUSER0000000001', T + 1, 100)).toBe(true);
      expect(await mfaDevices.enable(db, serial, 'AIDAMFAUSER0000000001', T + 2, 200)).toBe(false);
      expect((await mfaDevices.forUser(db, 'AIDAMFAUSER0000000001')).map((d) => [d.serial, d.enabledAt, d.lastStep])).toEqual([[serial, T + 1, 100]]);
      expect(await mfaDevices.acceptStep(db, serial, 'AIDAMFAUSER0000000001', 100)).toBe(false);
      expect(await mfaDevices.acceptStep(db, serial, 'AIDAMFAUSER0000000001', 101)).toBe(true);
      expect(await mfaDevices.acceptStep(db, serial, 'AIDAMFAUSER0000000001', 101)).toBe(false);
      expect(await mfaDevices.acceptStep(db, serial, 'AIDAOTHERUSER00000001', 102)).toBe(false);
      expect(await mfaDevices.remove(db, serial)).toBe(false);
      expect(await mfaDevices.deactivate(db, serial, 'AIDAMFAUSER0000000001')).toBe(true);
      // A deactivated device keeps its last step: enabling it again needs newer codes.
      expect(await mfaDevices.enable(db, serial, 'AIDAMFAUSER0000000001', T + 3, 101)).toBe(false);
      expect(await mfaDevices.list(db, ACCOUNT)).toEqual([{ ...device, lastStep: 101 }]);
      expect(await mfaDevices.remove(db, serial)).toBe(true);
      expect(await mfaDevices.bySerial(db, serial)).toBeUndefined();
    });

    it('creates a managed policy with v1 as its default version, and counts attachments', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const arn = `arn:aws:iam::${ACCOUNT}:policy/read`;
      await managedPolicies.insert(db, { id: 'ANPAREAD0000000000001', accountId: ACCOUNT, arn, name: 'read', path: '/', description: undefined, defaultVersion: 'v1', createdAt: T, updatedAt: T, tags: [] }, '{"v":1}');
      const docs = await managedPolicies.defaultDocuments(db, [arn, `arn:aws:iam::${ACCOUNT}:policy/missing`]);
      expect([...docs.keys()]).toEqual([arn]);
      expect(docs.get(arn)?.document).toBe('{"v":1}');
      // The role Deployer (stored above) owns the attachment: counts are per account.
      await attachments.attach(db, arn, 'AROADEPLOYER000000001', 'role');
      await attachments.attach(db, arn, 'AROADEPLOYER000000001', 'role');
      expect(await attachments.count(db, arn, ACCOUNT)).toBe(1);
      expect(await attachments.forOwner(db, 'AROADEPLOYER000000001')).toEqual([arn]);
      expect(await attachments.detach(db, arn, 'AROADEPLOYER000000001')).toBe(true);
      expect(await attachments.count(db, arn, ACCOUNT)).toBe(0);
    });

    it("replaces a managed policy's tags inside a transaction that holds its row", async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const arn = `arn:aws:iam::${ACCOUNT}:policy/tagged`;
      const id = 'ANPATAGGED00000000001';
      await managedPolicies.insert(db, { id, accountId: ACCOUNT, arn, name: 'tagged', path: '/', description: undefined, defaultVersion: 'v1', createdAt: T, updatedAt: T, tags: [{ Key: 'a', Value: '1' }] }, '{}');
      await db.transaction(async (tx) => {
        expect(await managedPolicies.lock(tx, id)).toBe(true);
        await managedPolicies.setTags(tx, id, [{ Key: 'b', Value: '2' }, { Key: 'c', Value: '' }]);
      });
      expect((await managedPolicies.byArn(db, arn))?.tags).toEqual([{ Key: 'b', Value: '2' }, { Key: 'c', Value: '' }]);
      expect(await managedPolicies.lock(db, 'ANPANOSUCHPOLICY00001')).toBe(false);
    });

    it('adds policy versions under ids never reused, switches the default and removes versions', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const arn = `arn:aws:iam::${ACCOUNT}:policy/versioned`;
      const id = 'ANPAVERSIONED00000001';
      await managedPolicies.insert(db, { id, accountId: ACCOUNT, arn, name: 'versioned', path: '/', description: undefined, defaultVersion: 'v1', createdAt: T, updatedAt: T, tags: [] }, '{"v":1}');
      const v2 = await db.transaction(async (tx) => managedPolicies.addVersion(tx, id, '{"v":2}', T + 1));
      expect(v2).toBe('v2');
      await db.transaction(async (tx) => managedPolicies.setDefaultVersion(tx, id, 'v2', T + 2));
      expect((await managedPolicies.byArn(db, arn))?.defaultVersion).toBe('v2');
      expect((await managedPolicies.defaultDocuments(db, [arn])).get(arn)?.document).toBe('{"v":2}');
      expect(await managedPolicies.removeVersion(db, id, 'v2')).toBe(true);
      expect(await managedPolicies.removeVersion(db, id, 'v2')).toBe(false);
      expect(await db.transaction(async (tx) => managedPolicies.addVersion(tx, id, '{"v":3}', T + 3))).toBe('v3');
      expect((await managedPolicies.versions(db, id)).map((v) => v.versionId)).toEqual(['v1', 'v3']);
    });

    it('finds who has a policy attached, and who has it as a boundary', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const arn = `arn:aws:iam::${ACCOUNT}:policy/used`;
      await users.insert(db, user('user', 'AIDAUSER0000000000001'));
      await roles.insert(db, role('role', 'AROAROLE0000000000001'));
      await attachments.attach(db, arn, 'AIDAUSER0000000000001', 'user');
      await attachments.attach(db, arn, 'AROAROLE0000000000001', 'role');
      expect(await attachments.ownersOf(db, arn, ACCOUNT)).toEqual([
        { ownerId: 'AIDAUSER0000000000001', ownerKind: 'user' },
        { ownerId: 'AROAROLE0000000000001', ownerKind: 'role' },
      ]);
      await users.insert(db, { ...user('fenced', 'AIDAFENCED00000000001'), boundaryArn: arn });
      await users.insert(db, user('free', 'AIDAFREE0000000000001'));
      await roles.insert(db, { ...role('fenced-role', 'AROAFENCED00000000001'), boundaryArn: arn });
      expect((await users.withBoundary(db, arn, ACCOUNT)).map((u) => u.name)).toEqual(['fenced']);
      expect((await roles.withBoundary(db, arn, ACCOUNT)).map((r) => r.name)).toEqual(['fenced-role']);
    });

    it("counts an AWS managed policy's use in each account apart, and reads its document without a row", async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const arn = 'arn:aws:iam::aws:policy/IAMReadOnlyAccess';
      const other = '777788889999';
      await accounts.insert(db, { id: other, name: 'other', createdAt: T });
      await users.insert(db, { ...user('reader', 'AIDAREADER00000000001'), boundaryArn: arn });
      await users.insert(db, { ...user('reader', 'AIDAREADER00000000002'), accountId: other });
      await roles.insert(db, { ...role('reader-role', 'AROAREADER00000000001'), accountId: other, boundaryArn: arn });
      await attachments.attach(db, arn, 'AIDAREADER00000000001', 'user');
      await attachments.attach(db, arn, 'AIDAREADER00000000002', 'user');
      await attachments.attach(db, arn, 'AROAREADER00000000001', 'role');
      expect([await attachments.count(db, arn, ACCOUNT), await attachments.count(db, arn, other)]).toEqual([1, 2]);
      expect((await attachments.ownersOf(db, arn, ACCOUNT)).map((o) => o.ownerId)).toEqual(['AIDAREADER00000000001']);
      expect([await users.countWithBoundary(db, arn, ACCOUNT), await users.countWithBoundary(db, arn, other)]).toEqual([1, 0]);
      expect([await roles.countWithBoundary(db, arn, ACCOUNT), await roles.countWithBoundary(db, arn, other)]).toEqual([0, 1]);
      expect((await roles.withBoundary(db, arn, other)).map((r) => r.name)).toEqual(['reader-role']);
      const aws = awsManagedPolicies.byArn(arn);
      expect((await managedPolicies.defaultDocuments(db, [arn])).get(arn)?.document).toBe(aws?.version.document);
      expect(await managedPolicies.resolve(db, arn)).toBe(aws?.policy);
      expect(await managedPolicies.byArn(db, arn)).toBeUndefined();
    });

    it('keeps groups with unique names, their members both ways, and renames', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const group = { id: 'AGPAOPS00000000000001', accountId: ACCOUNT, name: 'Ops', path: '/teams/', createdAt: T };
      await groups.insert(db, group);
      await expect(groups.insert(db, { ...group, id: 'AGPAOPS00000000000002', name: 'OPS' })).rejects.toBeInstanceOf(UniqueViolation);
      await groups.insert(db, { id: 'AGPADEV00000000000001', accountId: ACCOUNT, name: 'dev', path: '/', createdAt: T });
      await users.insert(db, user('zed', 'AIDAZED00000000000001'));
      await users.insert(db, user('amy', 'AIDAAMY00000000000001'));
      await groups.addMember(db, group.id, 'AIDAZED00000000000001');
      await groups.addMember(db, group.id, 'AIDAAMY00000000000001');
      await groups.addMember(db, group.id, 'AIDAAMY00000000000001');
      await groups.addMember(db, 'AGPADEV00000000000001', 'AIDAAMY00000000000001');
      expect((await groups.members(db, group.id)).map((u) => u.name)).toEqual(['amy', 'zed']);
      expect(await groups.memberCount(db, group.id)).toBe(2);
      expect((await groups.forUser(db, 'AIDAAMY00000000000001')).map((g) => g.name)).toEqual(['dev', 'Ops']);
      expect((await groups.list(db, ACCOUNT, '/teams/')).map((g) => g.name)).toEqual(['Ops']);
      expect(await groups.removeMember(db, group.id, 'AIDAZED00000000000001')).toBe(true);
      expect(await groups.removeMember(db, group.id, 'AIDAZED00000000000001')).toBe(false);
      await groups.update(db, { ...group, name: 'Operations', path: '/' });
      expect((await groups.byName(db, ACCOUNT, 'operations'))?.id).toBe(group.id);
      expect(await groups.byName(db, ACCOUNT, 'ops')).toBeUndefined();
      expect(await groups.lock(db, group.id)).toBe(true);
      await groups.removeMember(db, group.id, 'AIDAAMY00000000000001');
      expect(await groups.remove(db, group.id)).toBe(true);
      expect(await groups.byId(db, group.id)).toBeUndefined();
    });

    it('keeps instance profiles with unique names, their tags, and their roles both ways', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const profile = { id: 'AIPAWEB00000000000001', accountId: ACCOUNT, name: 'Web', path: '/fleet/', createdAt: T, tags: [{ Key: 'app', Value: 'web' }] };
      await instanceProfiles.insert(db, profile);
      await expect(instanceProfiles.insert(db, { ...profile, id: 'AIPAWEB00000000000002', name: 'WEB' })).rejects.toBeInstanceOf(UniqueViolation);
      await instanceProfiles.insert(db, { ...profile, id: 'AIPABATCH000000000001', name: 'batch', path: '/', tags: [] });
      expect(await instanceProfiles.byName(db, ACCOUNT, 'web')).toEqual(profile);
      expect((await instanceProfiles.list(db, ACCOUNT)).map((p) => p.name)).toEqual(['batch', 'Web']);
      expect((await instanceProfiles.list(db, ACCOUNT, '/fleet/')).map((p) => p.name)).toEqual(['Web']);
      await instanceProfiles.setTags(db, profile.id, []);
      expect((await instanceProfiles.byId(db, profile.id))?.tags).toEqual([]);

      await roles.insert(db, role('web-role', 'AROAWEBROLE0000000001'));
      await instanceProfiles.addRole(db, profile.id, 'AROAWEBROLE0000000001');
      await instanceProfiles.addRole(db, 'AIPABATCH000000000001', 'AROAWEBROLE0000000001');
      await expect(instanceProfiles.addRole(db, profile.id, 'AROAWEBROLE0000000001')).rejects.toBeInstanceOf(UniqueViolation);
      expect((await instanceProfiles.roles(db, profile.id)).map((r) => r.name)).toEqual(['web-role']);
      expect((await instanceProfiles.forRole(db, 'AROAWEBROLE0000000001')).map((p) => p.name)).toEqual(['batch', 'Web']);
      expect(await instanceProfiles.lock(db, profile.id)).toBe(true);
      expect(await instanceProfiles.removeRole(db, profile.id, 'AROAWEBROLE0000000001')).toBe(true);
      expect(await instanceProfiles.removeRole(db, profile.id, 'AROAWEBROLE0000000001')).toBe(false);
      expect(await instanceProfiles.roles(db, profile.id)).toEqual([]);
      expect(await instanceProfiles.remove(db, profile.id)).toBe(true);
      expect(await instanceProfiles.byId(db, profile.id)).toBeUndefined();
      expect(await instanceProfiles.lock(db, profile.id)).toBe(false);
    });

    it('keeps one alias per account, unique across accounts', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      await accounts.insert(db, { id: '121212121212', name: 'other', createdAt: T });
      await accountAliases.set(db, ACCOUNT, 'first-alias');
      await accountAliases.set(db, ACCOUNT, 'second-alias');
      expect(await accountAliases.forAccount(db, ACCOUNT)).toBe('second-alias');
      expect(await accountAliases.owner(db, 'first-alias')).toBeUndefined();
      await expect(accountAliases.set(db, '121212121212', 'second-alias')).rejects.toBeInstanceOf(UniqueViolation);
      expect(await accountAliases.remove(db, ACCOUNT, 'other-alias')).toBe(false);
      expect(await accountAliases.remove(db, ACCOUNT, 'second-alias')).toBe(true);
      expect(await accountAliases.forAccount(db, ACCOUNT)).toBeUndefined();
    });

    it("counts an account's users, groups, roles, instance profiles, own policies, attachments, root keys and MFA devices, and no other account's", async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const id = '444455556666';
      await accounts.insert(db, { id, name: 'counted', createdAt: T });
      const none = { users: 0, groups: 0, roles: 0, instanceProfiles: 0, policies: 0, attachments: 0, rootAccessKeys: 0, mfaDevices: 0, mfaDevicesInUse: 0 };
      const elsewhere = await accountSummary.counts(db, ACCOUNT);
      expect(await accountSummary.counts(db, id)).toEqual(none);
      await users.insert(db, { ...user('counted', 'AIDACOUNTED0000000001'), accountId: id });
      await roles.insert(db, { ...role('counted', 'AROACOUNTED0000000001'), accountId: id });
      await groups.insert(db, { id: 'AGPACOUNTED0000000001', accountId: id, name: 'counted', path: '/', createdAt: T });
      await instanceProfiles.insert(db, { id: 'AIPACOUNTED0000000001', accountId: id, name: 'counted', path: '/', createdAt: T, tags: [] });
      const arn = `arn:aws:iam::${id}:policy/counted`;
      await managedPolicies.insert(db, { id: 'ANPACOUNTED0000000001', accountId: id, arn, name: 'counted', path: '/', description: undefined, defaultVersion: 'v1', createdAt: T, updatedAt: T, tags: [] }, '{}');
      for (const [owner, kind] of [['AIDACOUNTED0000000001', 'user'], ['AROACOUNTED0000000001', 'role'], ['AGPACOUNTED0000000001', 'group']] as const) {
        await attachments.attach(db, arn, owner, kind);
      }
      await attachments.attach(db, 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'AROACOUNTED0000000001', 'role');
      await accessKeys.insert(db, {
        id: 'AKIACOUNTED000000001', accountId: id, userId: undefined, wrappedSecret: 'w', status: 'Inactive', createdAt: T,
        lastUsedAt: undefined, lastUsedService: undefined, lastUsedRegion: undefined,
      });
      for (const name of ['spare', 'in-use']) {
        await mfaDevices.insert(db, {
          serial: `arn:aws:iam::${id}:mfa/${name}`, accountId: id, name, path: '/', wrappedSeed: 'w', tags: [], createdAt: T,
          userId: undefined, enabledAt: undefined, lastStep: undefined,
        });
      }
      await mfaDevices.enable(db, `arn:aws:iam::${id}:mfa/in-use`, 'AIDACOUNTED0000000001', T, 1);
      expect(await accountSummary.counts(db, id)).toEqual({
        users: 1, groups: 1, roles: 1, instanceProfiles: 1, policies: 1, attachments: 4, rootAccessKeys: 1, mfaDevices: 2, mfaDevicesInUse: 1,
      });
      expect(await accountSummary.counts(db, ACCOUNT)).toEqual(elsewhere);
    });

    it('retires the active sealing key when a new one is added', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      await sealingKeys.insert(db, { id: 'aaaaaaaa', wrapped: 'w1', createdAt: T, retiredAt: undefined });
      await db.transaction(async (tx) => {
        await sealingKeys.retireActive(tx, T + 10);
        await sealingKeys.insert(tx, { id: 'bbbbbbbb', wrapped: 'w2', createdAt: T + 10, retiredAt: undefined });
      });
      expect(await sealingKeys.list(db)).toEqual([
        { id: 'aaaaaaaa', wrapped: 'w1', createdAt: T, retiredAt: T + 10 },
        { id: 'bbbbbbbb', wrapped: 'w2', createdAt: T + 10, retiredAt: undefined },
      ]);
    });

    it('serializes concurrent transactions: every increment survives', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const start = await generation.current(db);
      // On PostgreSQL the row lock taken by UPDATE serializes the increments.
      await Promise.all(Array.from({ length: 20 }, () => db.transaction(async (tx) => generation.bump(tx))));
      expect(await generation.current(db)).toBe(start + 20);
    });

    // The audit trail. Each case uses accounts of its own; event ids are unique in the table.

    it('writes an audit batch of more than 200 events in one go and reads it newest first, equal times by event id', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const account = '300000000001';
      // 450 events over 7 instants: 64 or 65 share each time, so the event id decides most of the order.
      const events = shuffled(Array.from({ length: 450 }, (_, i) => auditEvent(account, `ev-batch-${String((i * 7919) % 450).padStart(4, '0')}`, T + (i % 7) * 1000, {
        username: i % 2 === 0 ? `user-${i}` : undefined,
        accessKeyId: i % 3 === 0 ? `AKIABATCH${String(i).padStart(11, '0')}` : undefined,
        readOnly: i % 5 !== 0,
        // The same resource twice in one event is kept once in the lookup table.
        resources: i % 4 === 0 ? [{ type: 'AWS::IAM::Role', name: `role-${i}` }, { type: 'AWS::IAM::Role', name: `role-${i}` }, { type: 'AWS::IAM::User', name: 'u' }] : [],
      })));
      await db.append(auditEvents.inserts(events));
      const read = await auditEvents.lookup(db, { accountId: account, from: 0, to: T * 2, limit: 1000 });
      expect(read).toEqual(newestFirst(events));
      // The order is not the insertion order: equal times come out by event id, descending.
      expect(read.slice(0, 3).map((e) => [e.eventTime, e.eventId])).toEqual([[T + 6000, 'ev-batch-0447'], [T + 6000, 'ev-batch-0443'], [T + 6000, 'ev-batch-0434']]);
      expect(await count(db, 'SELECT COUNT(*) AS n FROM audit_event_resources WHERE account_id = ?', [account])).toBe(2 * events.filter((e) => e.resources.length > 0).length);
    });

    it('writes audit batches of every size through a few distinct statements, so the prepared-statement caches stay small', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const account = '300000000008';
      const statements = new Set<string>();
      let written = 0;
      for (let size = 1; size <= 130; size++) {
        const events = Array.from({ length: size }, (_, k) => auditEvent(account, `ev-sizes-${size}-${k}`, T, {
          resources: Array.from({ length: (size + k) % 4 }, (_, r) => ({ type: 'AWS::IAM::Role', name: `role-${r}` })),
        }));
        const batch = auditEvents.inserts(events);
        for (const statement of batch) statements.add(statement.sql);
        await db.append(batch);
        written += size;
      }
      expect(await count(db, 'SELECT COUNT(*) AS n FROM audit_events WHERE account_id = ?', [account])).toBe(written);
      // Eight row counts (128, 64, …, 1) for each of the two tables.
      expect(statements.size).toBeLessThanOrEqual(16);
    });

    it('looks audit events up by each attribute: exactly the matching events, and only those of the account asked about', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const [mine, theirs] = ['300000000002', '300000000003'];
      const set = (account: string, prefix: string): AuditEventRecord[] => [
        auditEvent(account, `${prefix}-1`, T + 1, {
          eventName: 'AssumeRole', readOnly: true, username: 'alice', accessKeyId: 'AKIAALICE00000000001',
          resources: [{ type: 'AWS::IAM::Role', name: 'deployer' }, { type: 'AWS::IAM::AccessKey', name: 'ASIASESSION000000001' }],
        }),
        auditEvent(account, `${prefix}-2`, T + 2, {
          eventName: 'CreateUser', eventSource: 'iam.amazonaws.com', readOnly: false, username: 'bob', accessKeyId: 'AKIABOB0000000000001',
          resources: [{ type: 'AWS::IAM::User', name: 'carol' }],
        }),
        auditEvent(account, `${prefix}-3`, T + 3, {
          eventName: 'GetUser', eventSource: 'iam.amazonaws.com', readOnly: true, username: 'alice', accessKeyId: 'AKIAALICE00000000002',
          resources: [{ type: 'AWS::IAM::User', name: 'deployer' }],
        }),
        auditEvent(account, `${prefix}-4`, T + 4, { eventName: 'AssumeRole', readOnly: true }),
      ];
      await db.append(auditEvents.inserts([...set(mine, 'ev-mine'), ...set(theirs, 'ev-theirs')]));
      const found = async (account: string, attribute: AuditAttribute, value: string): Promise<string[]> =>
        (await auditEvents.lookup(db, { accountId: account, from: T, to: T + 10, lookup: { attribute, value }, limit: 100 })).map((e) => e.eventId);
      const cases: readonly [AuditAttribute, string, readonly number[]][] = [
        ['EventId', 'ev-mine-2', [2]],
        ['EventName', 'AssumeRole', [4, 1]],
        ['ReadOnly', 'true', [4, 3, 1]],
        ['ReadOnly', 'false', [2]],
        ['Username', 'alice', [3, 1]],
        ['ResourceType', 'AWS::IAM::User', [3, 2]],
        ['ResourceType', 'AWS::IAM::AccessKey', [1]],
        ['ResourceName', 'deployer', [3, 1]],
        ['ResourceName', 'carol', [2]],
        ['EventSource', 'iam.amazonaws.com', [3, 2]],
        ['EventSource', 'sts.amazonaws.com', [4, 1]],
        ['AccessKeyId', 'AKIAALICE00000000001', [1]],
        ['Username', 'nobody', []],
        ['ResourceName', 'nothing', []],
      ];
      for (const [attribute, value, numbers] of cases) {
        expect(await found(mine, attribute, value), `${attribute}=${value}`).toEqual(numbers.map((n) => `ev-mine-${n}`));
        expect(await found(theirs, attribute, value === 'ev-mine-2' ? 'ev-theirs-2' : value), `${attribute}=${value} elsewhere`).toEqual(numbers.map((n) => `ev-theirs-${n}`));
      }
      // Another account's event id names nothing here.
      expect(await found(mine, 'EventId', 'ev-theirs-2')).toEqual([]);
    });

    it('takes both time bounds of an audit lookup as inclusive', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const account = '300000000004';
      await db.append(auditEvents.inserts([0, 1, 2, 3].map((n) => auditEvent(account, `ev-bounds-${n}`, T + n))));
      const ids = async (from: number, to: number): Promise<string[]> => (await auditEvents.lookup(db, { accountId: account, from, to, limit: 10 })).map((e) => e.eventId);
      expect(await ids(T + 1, T + 2)).toEqual(['ev-bounds-2', 'ev-bounds-1']);
      expect(await ids(T + 2, T + 2)).toEqual(['ev-bounds-2']);
      expect(await ids(T + 4, T + 9)).toEqual([]);
    });

    it('pages through the audit trail with the (time, id) cursor: every event once, none missed, with or without a filter', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const account = '300000000005';
      // Five events per instant, so pages end in the middle of a run of equal times.
      const events = Array.from({ length: 137 }, (_, i) => auditEvent(account, `ev-page-${String((i * 31) % 137).padStart(3, '0')}`, T + Math.floor(i / 5), { readOnly: i % 3 !== 0 }));
      await db.append(auditEvents.inserts(events));
      for (const lookup of [undefined, { attribute: 'ReadOnly' as const, value: 'false' }]) {
        const seen: string[] = [];
        let before: { time: number; eventId: string } | undefined;
        for (let pages = 0; pages < 100; pages++) {
          const page = await auditEvents.lookup(db, { accountId: account, from: T, to: T + 1000, lookup, before, limit: 10 });
          seen.push(...page.map((e) => e.eventId));
          const last = page[page.length - 1];
          if (last === undefined) break;
          before = { time: last.eventTime, eventId: last.eventId };
        }
        const wanted = newestFirst(events.filter((e) => lookup === undefined || !e.readOnly)).map((e) => e.eventId);
        expect(seen).toEqual(wanted);
        expect(new Set(seen).size).toBe(seen.length);
      }
    });

    it('deletes audit events older than the cutoff in slices, and their resource rows with them', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const account = '300000000006';
      // Older than every other audit event of this suite, so the cutoff reaches only these.
      const cutoff = T - 30 * DAY;
      const resources = [{ type: 'AWS::IAM::Role', name: 'old-role' }, { type: 'AWS::IAM::User', name: 'old-user' }];
      const old = Array.from({ length: 30 }, (_, i) => auditEvent(account, `ev-old-${String(i).padStart(2, '0')}`, cutoff - 1 - i * 1000, { resources }));
      const kept = Array.from({ length: 10 }, (_, i) => auditEvent(account, `ev-kept-${i}`, cutoff + i, { resources }));
      await db.append(auditEvents.inserts([...old, ...kept]));
      const slices: number[] = [];
      for (let deleted = -1; deleted !== 0;) {
        [deleted = 0] = await db.append([auditEvents.deleteOlderThan(cutoff, 7)]);
        slices.push(deleted);
      }
      expect(slices).toEqual([7, 7, 7, 7, 2, 0]);
      // The event at the cutoff itself is not older than it, and stays.
      expect(await auditEvents.lookup(db, { accountId: account, from: 0, to: T * 2, limit: 100 })).toEqual(newestFirst(kept));
      expect(await count(db, 'SELECT COUNT(*) AS n FROM audit_event_resources WHERE account_id = ?', [account])).toBe(kept.length * resources.length);
      expect(await count(db, "SELECT COUNT(*) AS n FROM audit_event_resources WHERE event_id LIKE 'ev-old-%'")).toBe(0);
      expect(await count(db, 'SELECT COUNT(*) AS n FROM audit_event_resources r WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.event_id = r.event_id)')).toBe(0);
    });

    it('commits an append without counting it among the commits caches watch, as a transaction is counted', async ({ skip }) => {
      if (backend === undefined) return skip(`no PostgreSQL at ${PG_ADMIN_URL}`);
      const account = '300000000007';
      const before = db.commits;
      await db.append(auditEvents.inserts([auditEvent(account, 'ev-append-1', T)]));
      expect(db.commits).toBe(before);
      expect((await auditEvents.lookup(db, { accountId: account, from: T, to: T, limit: 10 })).map((e) => e.eventId)).toEqual(['ev-append-1']);
      // A later statement that fails takes the earlier ones of its append with it.
      const failing = [...auditEvents.inserts([auditEvent(account, 'ev-append-2', T)]), ...auditEvents.inserts([auditEvent(account, 'ev-append-1', T)])];
      await expect(db.append(failing)).rejects.toBeInstanceOf(UniqueViolation);
      expect((await auditEvents.lookup(db, { accountId: account, from: T, to: T, limit: 10 })).map((e) => e.eventId)).toEqual(['ev-append-1']);
      expect(db.commits).toBe(before);
      await db.transaction(async (tx) => {
        for (const statement of auditEvents.inserts([auditEvent(account, 'ev-append-3', T)])) await tx.run(statement.sql, statement.params);
      });
      expect(db.commits).toBe(before + 1);
    });
  });
}

contract(async () => sqliteBackend(), 'SQLite');
contract(postgresBackend, 'PostgreSQL');
