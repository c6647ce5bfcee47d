import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createServiceSpecificCredential, deleteServiceSpecificCredential, listServiceSpecificCredentials, resetServiceSpecificCredential,
  serviceCredentialPurpose, updateServiceSpecificCredential,
} from '../../../src/services/iam/service-credentials.js';
import { createUser } from '../../../src/services/iam/users.js';
import { serviceCredentials } from '../../../src/store/index.js';
import { unwrap } from '../../../src/tokens/index.js';
import { failure, IamWorld, OTHER_ACCOUNT } from '../support.js';

const CODECOMMIT = 'codecommit.amazonaws.com';

describe('IAM service-specific credentials', () => {
  let w: IamWorld;
  beforeAll(async () => {
    w = await IamWorld.open();
  });
  afterAll(async () => w.close());

  const password = async (id: string): Promise<string> => {
    const stored = await serviceCredentials.byId(w.deps.db, id);
    return Buffer.from(unwrap(w.deps.masterKey, stored!.wrappedPassword, serviceCredentialPurpose(id))).toString('utf8');
  };

  it('stores the password only wrapped under the master key, bound to its credential, and Reset replaces it', async () => {
    await createUser({ UserName: 'ada' }, w.root());
    const { ServiceSpecificCredential: created } = await createServiceSpecificCredential({ UserName: 'ada', ServiceName: CODECOMMIT }, w.root());
    const stored = await serviceCredentials.byId(w.deps.db, created.ServiceSpecificCredentialId);
    expect(stored?.wrappedPassword).not.toContain(created.ServicePassword);
    expect(await password(created.ServiceSpecificCredentialId)).toBe(created.ServicePassword);
    expect(() => unwrap(w.deps.masterKey, stored!.wrappedPassword, serviceCredentialPurpose('ACCAOTHER000000000000'))).toThrow();
    const { ServiceSpecificCredential: reset } = await resetServiceSpecificCredential({ UserName: 'ada', ServiceSpecificCredentialId: created.ServiceSpecificCredentialId }, w.root());
    expect(await password(created.ServiceSpecificCredentialId)).toBe(reset.ServicePassword);
    expect(reset.CreateDate).toEqual(created.CreateDate);
  });

  it('redacts the password when an answer is logged as JSON or inspected', async () => {
    const { ServiceSpecificCredential: created } = await createServiceSpecificCredential({ UserName: 'ada', ServiceName: 'cassandra.amazonaws.com' }, w.root());
    const reset = await resetServiceSpecificCredential({ UserName: 'ada', ServiceSpecificCredentialId: created.ServiceSpecificCredentialId }, w.root());
    for (const answer of [{ ServiceSpecificCredential: created }, reset]) {
      expect(JSON.stringify(answer)).not.toContain(answer.ServiceSpecificCredential.ServicePassword);
      expect(JSON.stringify(answer)).toContain('[redacted]');
      expect(inspect(answer, { depth: 5 })).not.toContain(answer.ServiceSpecificCredential.ServicePassword);
    }
  });

  it('holds two per user and service under 10 concurrent creates', async () => {
    await createUser({ UserName: 'bo' }, w.root());
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => createServiceSpecificCredential({ UserName: 'bo', ServiceName: CODECOMMIT }, w.root())));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const messages = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as Error).message);
    expect(messages).toEqual(Array(8).fill('Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2'));
  });

  it('gives the root user, which has none, an empty list and a missing credential', async () => {
    const { ServiceSpecificCredential: bos } = await createServiceSpecificCredential({ UserName: 'bo', ServiceName: 'cassandra.amazonaws.com' }, w.root());
    expect(await listServiceSpecificCredentials({}, w.root())).toEqual({ ServiceSpecificCredentials: [] });
    const missing = { code: 'NoSuchEntity', status: 404, message: `No such credential ${bos.ServiceSpecificCredentialId} exists` };
    const id = { ServiceSpecificCredentialId: bos.ServiceSpecificCredentialId };
    expect(await failure(updateServiceSpecificCredential({ ...id, Status: 'Inactive' }, w.root()))).toEqual(missing);
    expect(await failure(resetServiceSpecificCredential(id, w.root()))).toEqual(missing);
    expect(await failure(deleteServiceSpecificCredential(id, w.root()))).toEqual(missing);
    expect((await serviceCredentials.byId(w.deps.db, bos.ServiceSpecificCredentialId))?.status).toBe('Active');
  });

  it("keeps another account's credentials out of reach, even for a user of the same name", async () => {
    const bos = (await listServiceSpecificCredentials({ UserName: 'bo' }, w.root())).ServiceSpecificCredentials[0]!;
    await createUser({ UserName: 'bo' }, w.root(OTHER_ACCOUNT));
    const other = w.root(OTHER_ACCOUNT);
    expect(await listServiceSpecificCredentials({ UserName: 'bo' }, other)).toEqual({ ServiceSpecificCredentials: [] });
    const id = { UserName: 'bo', ServiceSpecificCredentialId: bos.ServiceSpecificCredentialId };
    expect((await failure(resetServiceSpecificCredential(id, other))).message).toBe(`No such credential ${bos.ServiceSpecificCredentialId} exists`);
    expect((await failure(deleteServiceSpecificCredential(id, other))).code).toBe('NoSuchEntity');
    expect(await serviceCredentials.byId(w.deps.db, bos.ServiceSpecificCredentialId)).toBeDefined();
  });
});
