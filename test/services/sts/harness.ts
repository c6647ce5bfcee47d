/**
 * The STS tests' view of the services world (test/services/support.ts): principals are
 * made through the IAM operations by each account's root, and act through their keys.
 */
import { createRole } from '../../../src/services/iam/roles.js';
import { putRolePolicy } from '../../../src/services/iam/inline-policies.js';
import type { ServiceContext } from '../../../src/services/context.js';
import { IamWorld, type Keys } from '../support.js';

export type { Keys };
export { allow, failure } from '../support.js';

export class World {
  private constructor(readonly iam: IamWorld) {}

  static async open(): Promise<World> {
    return new World(await IamWorld.open());
  }

  get clock(): IamWorld['clock'] {
    return this.iam.clock;
  }

  get authorizer(): IamWorld['authorizer'] {
    return this.iam.authorizer;
  }

  close(): Promise<void> {
    return this.iam.close();
  }

  root(account: string): ServiceContext {
    return this.iam.root(account);
  }

  async user(account: string, name: string, policies: readonly object[] = []): Promise<Keys & { arn: string; id: string }> {
    const u = await this.iam.user(name, policies, account);
    return { ...u.keys, arn: u.arn, id: u.id };
  }

  async role(account: string, name: string, trust: object, policies: readonly object[] = [], maxSessionDuration = 3600): Promise<{ arn: string; id: string }> {
    const root = this.iam.root(account);
    const { Role } = await createRole({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust), MaxSessionDuration: maxSessionDuration }, root);
    for (const [i, p] of policies.entries()) await putRolePolicy({ RoleName: name, PolicyName: `p${i}`, PolicyDocument: JSON.stringify(p) }, root);
    return { arn: Role.Arn, id: Role.RoleId };
  }

  as(keys: Keys): Promise<ServiceContext> {
    return this.iam.as(keys);
  }
}

export const trust = (principal: object, extra: object = {}, action: string | string[] = 'sts:AssumeRole'): object => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: principal, Action: action, ...extra }],
});

/** Policies with extra statement members (conditions). */
export const allowWhere = (action: string | string[], resource: string | string[], extra: object): object => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }],
});

export const keysOf = (out: { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } }): Keys => ({
  accessKeyId: out.Credentials.AccessKeyId,
  secretAccessKey: out.Credentials.SecretAccessKey,
  sessionToken: out.Credentials.SessionToken,
});
