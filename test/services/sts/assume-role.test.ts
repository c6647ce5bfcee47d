import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumeRole } from '../../../src/services/sts/assume-role.js';
import { getCallerIdentity } from '../../../src/services/sts/caller-identity.js';
import { getSessionToken } from '../../../src/services/sts/session-token.js';
import { allow, allowWhere, failure, keysOf, trust, World } from './harness.js';

const A = '111122223333';
const B = '444455556666';

describe('STS AssumeRole', () => {
  let w: World;

  beforeAll(async () => {
    w = await World.open();
  });
  afterAll(async () => w.close());

  it('issues ASIA credentials for a one-hour session by default, with AWS identifiers', async () => {
    const alice = await w.user(A, 'alice');
    const role = await w.role(A, 'direct', trust({ AWS: alice.arn }));
    const out = await assumeRole({ RoleArn: role.arn, RoleSessionName: 'alice-session' }, await w.as(alice));
    expect(out.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials.SecretAccessKey).toHaveLength(40);
    expect(out.Credentials.Expiration.getTime()).toBe(w.clock.now() + 3_600_000);
    expect(out.AssumedRoleUser).toEqual({ AssumedRoleId: `${role.id}:alice-session`, Arn: `arn:aws:sts::${A}:assumed-role/direct/alice-session` });
    expect(out.PackedPolicySize).toBeUndefined();
    const me = await getCallerIdentity({}, await w.as(keysOf(out)));
    expect(me).toEqual({ UserId: `${role.id}:alice-session`, Account: A, Arn: `arn:aws:sts::${A}:assumed-role/direct/alice-session` });
  });

  it('needs no identity policy when the trust policy names the caller (same account)', async () => {
    const bob = await w.user(A, 'bob');
    const role = await w.role(A, 'names-bob', trust({ AWS: bob.arn }));
    await expect(assumeRole({ RoleArn: role.arn, RoleSessionName: 's1' }, await w.as(bob))).resolves.toBeDefined();
  });

  it('needs an identity-policy Allow when the trust policy names only the account', async () => {
    const carol = await w.user(A, 'carol');
    const role = await w.role(A, 'names-account', trust({ AWS: A }));
    expect(await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 's1' }, await w.as(carol)))).toMatchObject({
      code: 'AccessDenied',
      message: `User: ${carol.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.arn}`,
    });
    const dave = await w.user(A, 'dave', [allow('sts:AssumeRole', role.arn)]);
    await expect(assumeRole({ RoleArn: role.arn, RoleSessionName: 's1' }, await w.as(dave))).resolves.toBeDefined();
  });

  it('denies a caller the trust policy does not name, whatever its own policies allow', async () => {
    const erin = await w.user(A, 'erin', [allow('sts:AssumeRole')]);
    const other = await w.user(A, 'other');
    const role = await w.role(A, 'names-other', trust({ AWS: other.arn }));
    expect((await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 's1' }, await w.as(erin)))).code).toBe('AccessDenied');
  });

  it('answers a role that does not exist exactly like one that does not trust the caller', async () => {
    const frank = await w.user(A, 'frank', [allow('sts:AssumeRole')]);
    const arn = `arn:aws:iam::${A}:role/no-such-role`;
    expect(await failure(assumeRole({ RoleArn: arn, RoleSessionName: 's1' }, await w.as(frank)))).toMatchObject({
      code: 'AccessDenied',
      message: `User: ${frank.arn} is not authorized to perform: sts:AssumeRole on resource: ${arn}`,
    });
  });

  it('refuses a RoleArn that is not an ARN with ValidationError "<arn> is invalid"', async () => {
    const gina = await w.user(A, 'gina');
    expect(await failure(assumeRole({ RoleArn: 'nothing-valid-in-here', RoleSessionName: 's1' }, await w.as(gina)))).toMatchObject({
      code: 'ValidationError',
      message: 'nothing-valid-in-here is invalid',
    });
  });

  it('refuses the root user', async () => {
    const role = await w.role(A, 'for-root', trust({ AWS: A }));
    expect(await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 's1' }, w.root(A)))).toMatchObject({
      code: 'AccessDenied',
      message: 'Roles may not be assumed by root accounts.',
    });
  });

  it('holds DurationSeconds to the role MaxSessionDuration', async () => {
    const hank = await w.user(A, 'hank');
    const role = await w.role(A, 'two-hours', trust({ AWS: hank.arn }), [], 7200);
    const ok = await assumeRole({ RoleArn: role.arn, RoleSessionName: 's1', DurationSeconds: 7200 }, await w.as(hank));
    expect(ok.Credentials.Expiration.getTime()).toBe(w.clock.now() + 7_200_000);
    expect(await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 's1', DurationSeconds: 7201 }, await w.as(hank)))).toMatchObject({
      code: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    });
  });

  it('caps role chaining at one hour and refuses more, as AWS does', async () => {
    const ivan = await w.user(A, 'ivan');
    const first = await w.role(A, 'chain-1', trust({ AWS: ivan.arn }), [allow('sts:AssumeRole')], 43200);
    const second = await w.role(A, 'chain-2', trust({ AWS: first.arn }), [], 43200);
    const one = keysOf(await assumeRole({ RoleArn: first.arn, RoleSessionName: 'hop1', DurationSeconds: 43200 }, await w.as(ivan)));
    expect(await failure(assumeRole({ RoleArn: second.arn, RoleSessionName: 'hop2', DurationSeconds: 3601 }, await w.as(one)))).toMatchObject({
      code: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
    const two = await assumeRole({ RoleArn: second.arn, RoleSessionName: 'hop2' }, await w.as(one));
    expect(two.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${A}:assumed-role/chain-2/hop2`);
    const ctx = await w.as(keysOf(two));
    expect(ctx.caller.kind === 'session' && ctx.caller.session.chainDepth).toBe(1);
  });

  it('rejects the credentials once they expire, with ExpiredToken', async () => {
    const judy = await w.user(A, 'judy');
    const role = await w.role(A, 'short', trust({ AWS: judy.arn }));
    const keys = keysOf(await assumeRole({ RoleArn: role.arn, RoleSessionName: 's', DurationSeconds: 900 }, await w.as(judy)));
    const start = w.clock.t;
    w.clock.t = start + 899_000;
    await expect(w.as(keys)).resolves.toBeDefined();
    w.clock.t = start + 900_000;
    expect(await failure(w.as(keys))).toMatchObject({ code: 'ExpiredToken', message: 'The security token included in the request is expired' });
    w.clock.t = start;
  });

  it('lets a session policy only narrow what the role allows', async () => {
    const kim = await w.user(A, 'kim');
    const role = await w.role(A, 'broad', trust({ AWS: kim.arn }), [allow(['s3:*', 'sqs:*'])]);
    const keys = keysOf(await assumeRole({ RoleArn: role.arn, RoleSessionName: 's', Policy: JSON.stringify(allow(['s3:GetObject', 'dynamodb:*'])) }, await w.as(kim)));
    const ctx = await w.as(keys);
    const decide = async (action: string) => (await w.authorizer.decide(ctx.caller, ctx.facts, { action, resource: '*' })).effect;
    expect(await decide('s3:GetObject')).toBe('Allow');
    expect(await decide('sqs:SendMessage')).toBe('ImplicitDeny'); // the role allows, the session policy does not
    expect(await decide('dynamodb:GetItem')).toBe('ImplicitDeny'); // the session policy allows, the role does not
  });

  it('reports PackedPolicySize when a session policy or tags are given, and refuses a malformed session policy', async () => {
    const lee = await w.user(A, 'lee');
    const role = await w.role(A, 'packed', trust({ AWS: lee.arn }, {}, ['sts:AssumeRole', 'sts:TagSession']));
    const out = await assumeRole({ RoleArn: role.arn, RoleSessionName: 's', Policy: JSON.stringify(allow('s3:GetObject')) }, await w.as(lee));
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    expect(out.PackedPolicySize).toBeLessThanOrEqual(100);
    expect((await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 's', Policy: '{"Version":' }, await w.as(lee)))).code).toBe('MalformedPolicyDocument');
  });

  it('turns session tags into aws:PrincipalTag, and needs sts:TagSession to set them', async () => {
    const mia = await w.user(A, 'mia');
    const taggable = await w.role(A, 'taggable', trust({ AWS: mia.arn }, {}, ['sts:AssumeRole', 'sts:TagSession']), [
      allowWhere('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } }),
    ]);
    const keys = keysOf(await assumeRole({ RoleArn: taggable.arn, RoleSessionName: 's', Tags: [{ Key: 'team', Value: 'blue' }] }, await w.as(mia)));
    const ctx = await w.as(keys);
    expect((await w.authorizer.decide(ctx.caller, ctx.facts, { action: 's3:GetObject', resource: '*' })).effect).toBe('Allow');
    const plain = await w.role(A, 'not-taggable', trust({ AWS: mia.arn }));
    expect((await failure(assumeRole({ RoleArn: plain.arn, RoleSessionName: 's', Tags: [{ Key: 'team', Value: 'blue' }] }, await w.as(mia)))).code).toBe('AccessDenied');
  });

  it('validates session tags with the texts AWS returns', async () => {
    const ned = await w.user(A, 'ned');
    const role = await w.role(A, 'tags', trust({ AWS: ned.arn }, {}, ['sts:AssumeRole', 'sts:TagSession']), [allow('sts:*')]);
    const ctx = await w.as(ned);
    expect(await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 's', Tags: [{ Key: 'a', Value: '1' }], TransitiveTagKeys: ['b'] }, ctx))).toMatchObject({
      code: 'InvalidParameterValue',
      message: 'The specified transitive tag key must be included in the requested tags.',
    });
    expect(await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 's', Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] }, ctx))).toMatchObject({
      code: 'InvalidParameterValue',
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
    // Transitive tags carry into the chained session and cannot be overridden there.
    const role2 = await w.role(A, 'tags-2', trust({ AWS: role.arn }, {}, ['sts:AssumeRole', 'sts:TagSession']));
    const first = keysOf(await assumeRole({ RoleArn: role.arn, RoleSessionName: 's', Tags: [{ Key: 'project', Value: 'x' }], TransitiveTagKeys: ['project'] }, ctx));
    const firstCtx = await w.as(first);
    expect(await failure(assumeRole({ RoleArn: role2.arn, RoleSessionName: 's2', Tags: [{ Key: 'Project', Value: 'y' }] }, firstCtx))).toMatchObject({
      code: 'InvalidParameterValue',
      message: "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
    });
    const second = await w.as(keysOf(await assumeRole({ RoleArn: role2.arn, RoleSessionName: 's2' }, firstCtx)));
    expect(second.caller.kind === 'session' && second.caller.session.tags).toEqual([{ key: 'project', value: 'x' }]);
  });

  it('checks sts:ExternalId against the trust policy condition', async () => {
    const owen = await w.user(B, 'owen', [allow('sts:AssumeRole')]);
    const role = await w.role(A, 'third-party', trust({ AWS: B }, { Condition: { StringEquals: { 'sts:ExternalId': 'ext-123' } } }));
    expect((await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 's' }, await w.as(owen)))).code).toBe('AccessDenied');
    expect((await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 's', ExternalId: 'wrong' }, await w.as(owen)))).code).toBe('AccessDenied');
    const out = await assumeRole({ RoleArn: role.arn, RoleSessionName: 's', ExternalId: 'ext-123' }, await w.as(owen));
    expect(out.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${A}:assumed-role/third-party/s`);
  });

  it('needs both sides across accounts: the trust policy and the caller identity policy', async () => {
    const role = await w.role(A, 'cross', trust({ AWS: `arn:aws:iam::${B}:root` }));
    const without = await w.user(B, 'no-policy');
    expect((await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 's' }, await w.as(without)))).code).toBe('AccessDenied');
    const named = await w.user(B, 'named');
    const namedRole = await w.role(A, 'cross-named', trust({ AWS: named.arn }));
    // Naming the user directly is not enough across accounts: its own account must allow too.
    expect((await failure(assumeRole({ RoleArn: namedRole.arn, RoleSessionName: 's' }, await w.as(named)))).code).toBe('AccessDenied');
    const allowed = await w.user(B, 'allowed', [allow('sts:AssumeRole', role.arn)]);
    const out = await assumeRole({ RoleArn: role.arn, RoleSessionName: 's' }, await w.as(allowed));
    expect((await getCallerIdentity({}, await w.as(keysOf(out)))).Account).toBe(A);
  });

  it('refuses ProvidedContexts, whose signed assertions it cannot check', async () => {
    const una = await w.user(A, 'una');
    const role = await w.role(A, 'contexts', trust({ AWS: una.arn }));
    expect((await failure(assumeRole({ RoleArn: role.arn, RoleSessionName: 's1', ProvidedContexts: [{ ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter', ContextAssertion: 'x'.repeat(10) }] }, await w.as(una)))).code).toBe('InvalidParameterValue');
  });

  it('keeps a source identity through the chain and refuses to change it', async () => {
    const pat = await w.user(A, 'pat');
    const r1 = await w.role(A, 'si-1', trust({ AWS: pat.arn }, {}, ['sts:AssumeRole', 'sts:SetSourceIdentity']), [allow('sts:*')]);
    const r2 = await w.role(A, 'si-2', trust({ AWS: r1.arn }, {}, ['sts:AssumeRole', 'sts:SetSourceIdentity']));
    const one = await assumeRole({ RoleArn: r1.arn, RoleSessionName: 's', SourceIdentity: 'pat@example.com' }, await w.as(pat));
    expect(one.SourceIdentity).toBe('pat@example.com');
    const oneCtx = await w.as(keysOf(one));
    expect((await failure(assumeRole({ RoleArn: r2.arn, RoleSessionName: 's', SourceIdentity: 'mallory' }, oneCtx))).code).toBe('AccessDenied');
    const two = await w.as(keysOf(await assumeRole({ RoleArn: r2.arn, RoleSessionName: 's' }, oneCtx)));
    expect(two.caller.kind === 'session' && two.caller.session.sourceIdentity).toBe('pat@example.com');
  });
});

describe('STS GetSessionToken', () => {
  let w: World;
  beforeAll(async () => {
    w = await World.open();
  });
  afterAll(async () => w.close());

  it('gives a user a 12-hour session by default that acts as the user', async () => {
    const quinn = await w.user(A, 'quinn', [allow('s3:GetObject')]);
    const out = await getSessionToken({}, await w.as(quinn));
    expect(out.Credentials.Expiration.getTime()).toBe(w.clock.now() + 43_200_000);
    const ctx = await w.as(keysOf(out));
    expect(await getCallerIdentity({}, ctx)).toEqual({ UserId: quinn.id, Account: A, Arn: quinn.arn });
    expect((await w.authorizer.decide(ctx.caller, ctx.facts, { action: 's3:GetObject', resource: '*' })).effect).toBe('Allow');
  });

  it('is refused to session credentials', async () => {
    const rae = await w.user(A, 'rae');
    const session = keysOf(await getSessionToken({}, await w.as(rae)));
    expect(await failure(getSessionToken({}, await w.as(session)))).toMatchObject({
      code: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
    });
  });
});
