/**
 * What a federated user's session may do, decided by the engine as every request is: the
 * intersection of its IAM user's policies and its session policies, nothing without a
 * session policy, root's permissions narrowed for root's federated users, and the policy
 * keys AWS sets for federated users. (Federated users cannot call IAM, so the server
 * tests cannot show these through an API call; test/server/federation-token.test.ts
 * covers the wire.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteUserPolicy } from '../../../src/services/iam/inline-policies.js';
import { createPolicy } from '../../../src/services/iam/managed-policies.js';
import { tagUser } from '../../../src/services/iam/users.js';
import { getFederationToken, type GetFederationTokenInput } from '../../../src/services/sts/federation-token.js';
import type { ServiceContext } from '../../../src/services/context.js';
import { allow, allowWhere, failure, keysOf, World } from './harness.js';

const A = '111122223333';
const OBJECT = 'arn:aws:s3:::reports/q1.csv';

describe('STS GetFederationToken: what the federated user may do', () => {
  let w: World;

  beforeAll(async () => {
    w = await World.open();
  });
  afterAll(async () => w.close());

  const federate = async (ctx: ServiceContext, input: GetFederationTokenInput): Promise<ServiceContext> =>
    w.as(keysOf(await getFederationToken(input, ctx)));
  const effect = async (ctx: ServiceContext, action: string, resource = OBJECT): Promise<string> =>
    (await w.authorizer.decide(ctx.caller, ctx.facts, { action, resource })).effect;

  it('has no permission at all without a session policy, whatever its user may do', async () => {
    const alice = await w.user(A, 'alice', [allow(['sts:GetFederationToken', 's3:*'])]);
    const fed = await federate(await w.as(alice), { Name: 'alice-app' });
    expect(await effect(fed, 's3:GetObject')).toBe('ImplicitDeny');
    expect((await w.authorizer.decide(fed.caller, fed.facts, { action: 's3:GetObject', resource: OBJECT })).deniedBy).toBe('session');
  });

  it('may do what both its user and its session policies allow, and nothing else', async () => {
    const bob = await w.user(A, 'bob', [allow('sts:GetFederationToken'), allow(['s3:GetObject', 's3:PutObject'])]);
    const session = JSON.stringify(allow(['s3:GetObject', 's3:DeleteObject']));
    const fed = await federate(await w.as(bob), { Name: 'bob-app', Policy: session });
    expect(await effect(fed, 's3:GetObject')).toBe('Allow');
    expect(await effect(fed, 's3:PutObject')).toBe('ImplicitDeny'); // the user's, not the session's
    expect(await effect(fed, 's3:DeleteObject')).toBe('ImplicitDeny'); // the session's, not the user's
  });

  it('takes managed session policies too', async () => {
    const root = w.root(A);
    const readOnly = (await createPolicy({ PolicyName: 'reports-read', PolicyDocument: JSON.stringify(allow('s3:GetObject')) }, root)).Policy.Arn;
    const carol = await w.user(A, 'carol', [allow(['sts:GetFederationToken', 's3:*'])]);
    const fed = await federate(await w.as(carol), { Name: 'carol-app', PolicyArns: [{ arn: readOnly }] });
    expect(await effect(fed, 's3:GetObject')).toBe('Allow');
    expect(await effect(fed, 's3:PutObject')).toBe('ImplicitDeny');
  });

  it("follows its user's policies as they change after issue", async () => {
    const dave = await w.user(A, 'dave', [allow('sts:GetFederationToken'), allow('s3:GetObject')]);
    const keys = keysOf(await getFederationToken({ Name: 'dave-app', Policy: JSON.stringify(allow('s3:*')) }, await w.as(dave)));
    expect(await effect(await w.as(keys), 's3:GetObject')).toBe('Allow');
    await deleteUserPolicy({ UserName: 'dave', PolicyName: 'p1' }, w.root(A));
    expect(await effect(await w.as(keys), 's3:GetObject')).toBe('ImplicitDeny');
  });

  it("root's federated user acts with root's permissions narrowed by its session policy, for at most an hour", async () => {
    const root = w.root(A);
    const out = await getFederationToken({ Name: 'root-app', Policy: JSON.stringify(allow('s3:GetObject')), DurationSeconds: 129_600 }, root);
    expect(out.Credentials.Expiration.getTime()).toBe(w.clock.now() + 3_600_000);
    const fed = await w.as(keysOf(out));
    expect(await effect(fed, 's3:GetObject')).toBe('Allow');
    expect(await effect(fed, 's3:PutObject')).toBe('ImplicitDeny');
    const bare = await federate(root, { Name: 'root-bare' });
    expect(await effect(bare, 's3:GetObject')).toBe('ImplicitDeny');
  });

  it('sees the policy keys AWS sets for federated users: aws:userid is ACCOUNT:Name, no aws:username', async () => {
    const erin = await w.user(A, 'erin', [allow(['sts:GetFederationToken', 's3:*'])]);
    const ctx = await w.as(erin);
    const byUserid = allowWhere('s3:GetObject', 'arn:aws:s3:::reports/${aws:userid}/*', {});
    const fed = await federate(ctx, { Name: 'erin-app', Policy: JSON.stringify(byUserid) });
    expect(await effect(fed, 's3:GetObject', `arn:aws:s3:::reports/${A}:erin-app/x`)).toBe('Allow');
    expect(await effect(fed, 's3:GetObject', `arn:aws:s3:::reports/${erin.id}/x`)).toBe('ImplicitDeny');
    const keys = { Null: { 'aws:username': 'true' }, StringEquals: { 'aws:PrincipalType': 'FederatedUser', 'aws:PrincipalArn': `arn:aws:sts::${A}:federated-user/erin-app` } };
    const fed2 = await federate(ctx, { Name: 'erin-app', Policy: JSON.stringify(allowWhere('s3:GetObject', '*', { Condition: keys })) });
    expect(await effect(fed2, 's3:GetObject')).toBe('Allow');
  });

  it("carries its user's tags, overridden by session tags of the same key", async () => {
    const frank = await w.user(A, 'frank', [allow(['sts:GetFederationToken', 'sts:TagSession', 's3:*'])]);
    await tagUser({ UserName: 'frank', Tags: [{ Key: 'Team', Value: 'blue' }, { Key: 'Site', Value: 'north' }] }, w.root(A));
    const byTags = allowWhere('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red', 'aws:PrincipalTag/Site': 'north' } } });
    const fed = await federate(await w.as(frank), { Name: 'frank-app', Policy: JSON.stringify(byTags), Tags: [{ Key: 'team', Value: 'red' }] });
    expect(await effect(fed, 's3:GetObject')).toBe('Allow');
  });

  it('needs sts:GetFederationToken on the federated user ARN, and sts:TagSession for session tags', async () => {
    const gina = await w.user(A, 'gina', [allow('sts:GetFederationToken', `arn:aws:sts::${A}:federated-user/gina-*`)]);
    const ctx = await w.as(gina);
    await expect(getFederationToken({ Name: 'gina-app' }, ctx)).resolves.toBeDefined();
    expect(await failure(getFederationToken({ Name: 'other' }, ctx))).toMatchObject({
      code: 'AccessDenied',
      message: expect.stringMatching(new RegExp(`^User: ${gina.arn} is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::${A}:federated-user/other`)),
    });
    expect(await failure(getFederationToken({ Name: 'gina-tagged', Tags: [{ Key: 'k', Value: 'v' }] }, ctx))).toMatchObject({
      code: 'AccessDenied',
      message: expect.stringContaining('sts:TagSession'),
    });
  });
});
