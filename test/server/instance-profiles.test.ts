/**
 * IAM instance profiles through the AWS SDK against a started rolegate: the life cycle,
 * names unique without regard to case, the one role a profile holds (also under
 * concurrent adds), the iam:PassRole the caller needs to add it, DeleteRole and
 * DeleteInstanceProfile refusing while they are joined, paging, tags and their quota,
 * and the profiles shown in GetAccountAuthorizationDetails and counted in GetAccountSummary.
 */
import {
  AddRoleToInstanceProfileCommand,
  CreateAccessKeyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountSummaryCommand,
  GetInstanceProfileCommand,
  IAMClient,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListInstanceProfileTagsCommand,
  paginateListInstanceProfiles,
  paginateListInstanceProfilesForRole,
  PutUserPolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  UntagInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure as failure, startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const policy = (...statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const tags = (n: number, prefix = 'k'): { Key: string; Value: string }[] => Array.from({ length: n }, (_, i) => ({ Key: `${prefix}${i}`, Value: `v${i}` }));

describe('IAM instance profiles', () => {
  let server: Started;
  let root: IAMClient;

  async function userClient(name: string, document: string): Promise<IAMClient> {
    await root.send(new CreateUserCommand({ UserName: name }));
    await root.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: document }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
  }

  beforeAll(async () => {
    server = await startRolegate();
    root = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
  });
  afterAll(async () => server?.close());

  it('creates, shows, lists and deletes a profile as IAM does, names unique without regard to case', async () => {
    const created = (await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'WebServer', Path: '/fleet/' }))).InstanceProfile!;
    expect(created).toMatchObject({ InstanceProfileName: 'WebServer', Path: '/fleet/', Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/fleet/WebServer`, Roles: [] });
    expect(created.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    expect(created.CreateDate).toBeInstanceOf(Date);
    expect(created.Tags).toBeUndefined();

    expect(await failure(root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'webserver' })))).toMatchObject({
      name: 'EntityAlreadyExistsException', status: 409, message: 'Instance Profile webserver already exists.',
    });
    expect((await root.send(new GetInstanceProfileCommand({ InstanceProfileName: 'WEBSERVER' }))).InstanceProfile).toEqual(created);
    await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'batch' }));
    expect((await root.send(new ListInstanceProfilesCommand({}))).InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(['batch', 'WebServer']);
    expect((await root.send(new ListInstanceProfilesCommand({ PathPrefix: '/fleet/' }))).InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(['WebServer']);

    await root.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'webServer' }));
    await root.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'batch' }));
    for (const call of [
      root.send(new GetInstanceProfileCommand({ InstanceProfileName: 'WebServer' })),
      root.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'WebServer' })),
    ]) {
      expect(await failure(call)).toMatchObject({ name: 'NoSuchEntityException', status: 404, message: 'Instance Profile WebServer cannot be found.' });
    }
    expect((await root.send(new ListInstanceProfilesCommand({}))).InstanceProfiles).toEqual([]);
  });

  it('holds one role: shows it, lists profiles for it, and refuses a second (or the same one again)', async () => {
    const role = (await root.send(new CreateRoleCommand({ RoleName: 'web-role', Path: '/app/', AssumeRolePolicyDocument: trust, Description: 'web' }))).Role!;
    await root.send(new CreateRoleCommand({ RoleName: 'other-role', AssumeRolePolicyDocument: trust }));
    await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'web' }));
    await root.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'WEB', RoleName: 'WEB-ROLE' }));

    const shown = (await root.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }))).InstanceProfile!;
    // The members of AWS's GetInstanceProfile example, the trust policy URL-encoded.
    expect(shown.Roles).toEqual([{
      Path: '/app/', RoleName: 'web-role', RoleId: role.RoleId, Arn: `arn:aws:iam::${ACCOUNT}:role/app/web-role`, CreateDate: role.CreateDate,
      AssumeRolePolicyDocument: encodeURIComponent(trust),
    }]);
    expect((await root.send(new ListInstanceProfilesCommand({}))).InstanceProfiles![0]!.Roles!.map((r) => r.RoleName)).toEqual(['web-role']);
    expect((await root.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'web-role' }))).InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(['web']);
    expect((await root.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'other-role' }))).InstanceProfiles).toEqual([]);

    for (const roleName of ['other-role', 'web-role']) {
      expect(await failure(root.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: roleName })))).toMatchObject({
        name: 'LimitExceededException', status: 409, message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
      });
    }
    // A role may be in several profiles.
    await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'web-2' }));
    await root.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web-2', RoleName: 'web-role' }));
    expect((await root.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'web-role' }))).InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(['web', 'web-2']);

    expect(await failure(root.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'nowhere', RoleName: 'web-role' })))).toMatchObject({
      name: 'NoSuchEntityException', message: 'Instance Profile nowhere cannot be found.',
    });
    expect(await failure(root.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'nobody' })))).toMatchObject({
      name: 'NoSuchEntityException', message: 'The role with name nobody cannot be found.',
    });
    expect(await failure(root.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'nobody' })))).toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('will not delete a profile holding a role, nor a role held by a profile, until the role is removed', async () => {
    await root.send(new CreateRoleCommand({ RoleName: 'joined', AssumeRolePolicyDocument: trust }));
    await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'joined' }));
    await root.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'joined', RoleName: 'joined' }));
    const conflict = { name: 'DeleteConflictException', status: 409, message: 'Cannot delete entity, must remove roles from instance profile first.' };
    expect(await failure(root.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'joined' })))).toMatchObject(conflict);
    expect(await failure(root.send(new DeleteRoleCommand({ RoleName: 'joined' })))).toMatchObject(conflict);

    await root.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'JOINED', RoleName: 'Joined' }));
    expect(await failure(root.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'joined', RoleName: 'joined' })))).toMatchObject({
      name: 'NoSuchEntityException', message: 'The role with name joined cannot be found.',
    });
    expect((await root.send(new GetInstanceProfileCommand({ InstanceProfileName: 'joined' }))).InstanceProfile!.Roles).toEqual([]);
    await root.send(new DeleteRoleCommand({ RoleName: 'joined' }));
    await root.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'joined' }));
  });

  it('keeps the one-role limit when many adds race for one profile', async () => {
    await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'raced' }));
    const names = Array.from({ length: 8 }, (_, i) => `racer-${i}`);
    for (const name of names) await root.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }));
    const results = await Promise.allSettled(names.map((name) => root.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'raced', RoleName: name }))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as Error).name).toBe('LimitExceededException');
    expect((await root.send(new GetInstanceProfileCommand({ InstanceProfileName: 'raced' }))).InstanceProfile!.Roles).toHaveLength(1);
  });

  it('needs iam:PassRole on the role to add it, with the context AWS documents for EC2', async () => {
    await root.send(new CreateRoleCommand({ RoleName: 'passed', Path: '/svc/', AssumeRolePolicyDocument: trust }));
    await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'pass-target' }));
    const onProfile = { Effect: 'Allow', Action: ['iam:AddRoleToInstanceProfile', 'iam:GetInstanceProfile'], Resource: `arn:aws:iam::${ACCOUNT}:instance-profile/pass-*` };

    const noPass = await userClient('no-pass', policy(onProfile));
    const denied = await failure(noPass.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'pass-target', RoleName: 'passed' })));
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(denied.message).toContain(`is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${ACCOUNT}:role/svc/passed`);
    // Denied, the caller learns nothing of whether the role or the profile exists.
    expect(await failure(noPass.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'pass-target', RoleName: 'no-such-role' })))).toMatchObject({ name: 'AccessDenied' });
    const elsewhere = await failure(noPass.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'other-profile', RoleName: 'passed' })));
    expect(elsewhere.message).toContain(`iam:AddRoleToInstanceProfile on resource: arn:aws:iam::${ACCOUNT}:instance-profile/other-profile`);

    // PassRole for another service does not do.
    const toLambda = await userClient('to-lambda', policy(onProfile, {
      Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    }));
    expect(await failure(toLambda.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'pass-target', RoleName: 'passed' })))).toMatchObject({ name: 'AccessDenied' });

    // The condition key reference's policy for this action: EC2, instances of the caller's account in any Region.
    const toEc2 = await userClient('to-ec2', policy(onProfile, {
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::${ACCOUNT}:role/svc/*`,
      Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' }, ArnLike: { 'iam:AssociatedResourceArn': `arn:aws:ec2:*:${ACCOUNT}:instance/*` } },
    }));
    await toEc2.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'pass-target', RoleName: 'passed' }));
    expect((await toEc2.send(new GetInstanceProfileCommand({ InstanceProfileName: 'pass-target' }))).InstanceProfile!.Roles!.map((r) => r.RoleName)).toEqual(['passed']);
    // RemoveRoleFromInstanceProfile needs its own action, on the profile.
    expect(await failure(toEc2.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'pass-target', RoleName: 'passed' })))).toMatchObject({ name: 'AccessDenied' });
  });

  it('pages profiles, profiles for a role, and tags for the SDK paginators', async () => {
    await root.send(new CreateRoleCommand({ RoleName: 'paged-role', AssumeRolePolicyDocument: trust }));
    for (const name of ['pg-c', 'pg-a', 'pg-b']) {
      await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: name, Path: '/paged/' }));
      await root.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: 'paged-role' }));
    }
    const first = await root.send(new ListInstanceProfilesCommand({ PathPrefix: '/paged/', MaxItems: 2 }));
    expect(first.InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(['pg-a', 'pg-b']);
    expect(first.IsTruncated).toBe(true);
    const rest = await root.send(new ListInstanceProfilesCommand({ PathPrefix: '/paged/', Marker: first.Marker! }));
    expect({ names: rest.InstanceProfiles!.map((p) => p.InstanceProfileName), truncated: rest.IsTruncated, marker: rest.Marker }).toEqual({ names: ['pg-c'], truncated: false, marker: undefined });

    const walked: string[] = [];
    for await (const page of paginateListInstanceProfilesForRole({ client: root, pageSize: 1 }, { RoleName: 'paged-role' })) walked.push(...page.InstanceProfiles!.map((p) => p.InstanceProfileName!));
    expect(walked).toEqual(['pg-a', 'pg-b', 'pg-c']);
    const all: string[] = [];
    for await (const page of paginateListInstanceProfiles({ client: root, pageSize: 2 }, { PathPrefix: '/paged/' })) all.push(...page.InstanceProfiles!.map((p) => p.InstanceProfileName!));
    expect(all).toEqual(['pg-a', 'pg-b', 'pg-c']);
  });

  it('tags a profile: set, replace, remove, list by key, paged, at most 50, keys unique without regard to case', async () => {
    const made = await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'tagged', Tags: [{ Key: 'team', Value: 'blue' }] }));
    expect(made.InstanceProfile!.Tags).toEqual([{ Key: 'team', Value: 'blue' }]);
    await root.send(new TagInstanceProfileCommand({ InstanceProfileName: 'tagged', Tags: [{ Key: 'TEAM', Value: 'red' }, { Key: 'app', Value: 'web' }] }));
    expect((await root.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'tagged' }))).Tags).toEqual([{ Key: 'app', Value: 'web' }, { Key: 'TEAM', Value: 'red' }]);
    expect((await root.send(new GetInstanceProfileCommand({ InstanceProfileName: 'tagged' }))).InstanceProfile!.Tags).toHaveLength(2);
    // Listings leave tags out.
    expect((await root.send(new ListInstanceProfilesCommand({}))).InstanceProfiles!.find((p) => p.InstanceProfileName === 'tagged')!.Tags).toBeUndefined();
    const page = await root.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'tagged', MaxItems: 1 }));
    expect({ tags: page.Tags, truncated: page.IsTruncated }).toEqual({ tags: [{ Key: 'app', Value: 'web' }], truncated: true });
    expect((await root.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'tagged', Marker: page.Marker! }))).Tags).toEqual([{ Key: 'TEAM', Value: 'red' }]);
    await root.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'tagged', TagKeys: ['team'] }));
    expect((await root.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'tagged' }))).Tags).toEqual([{ Key: 'app', Value: 'web' }]);

    const quota = { name: 'LimitExceededException', message: 'Cannot exceed quota for TagsPerInstanceProfile: 50' };
    expect(await failure(root.send(new TagInstanceProfileCommand({ InstanceProfileName: 'tagged', Tags: tags(50) })))).toMatchObject(quota);
    await root.send(new TagInstanceProfileCommand({ InstanceProfileName: 'tagged', Tags: tags(49) }));
    expect((await root.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'tagged' }))).Tags).toHaveLength(50);
    expect(await failure(root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'over', Tags: tags(50).concat(tags(1, 'x')) })))).toMatchObject({ name: 'ValidationError' });
    expect(await failure(root.send(new TagInstanceProfileCommand({ InstanceProfileName: 'tagged', Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] })))).toMatchObject({
      name: 'InvalidInputException', message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
    expect(await failure(root.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'untagged', TagKeys: ['a'] })))).toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('authorizes tagging with the request tags, on the profile ARN', async () => {
    await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'cond-tagged' }));
    const tagger = await userClient('tagger', policy({
      Effect: 'Allow',
      Action: ['iam:TagInstanceProfile', 'iam:CreateInstanceProfile'],
      Resource: `arn:aws:iam::${ACCOUNT}:instance-profile/cond-*`,
      Condition: { StringEquals: { 'aws:RequestTag/env': 'dev' } },
    }));
    await tagger.send(new TagInstanceProfileCommand({ InstanceProfileName: 'cond-tagged', Tags: [{ Key: 'env', Value: 'dev' }] }));
    expect(await failure(tagger.send(new TagInstanceProfileCommand({ InstanceProfileName: 'cond-tagged', Tags: [{ Key: 'env', Value: 'prod' }] })))).toMatchObject({ name: 'AccessDenied' });
    await tagger.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'cond-new', Tags: [{ Key: 'env', Value: 'dev' }] }));
    expect(await failure(tagger.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'cond-bare' })))).toMatchObject({ name: 'AccessDenied' });
  });

  it("lists a role's profiles in GetAccountAuthorizationDetails and counts profiles in GetAccountSummary", async () => {
    await root.send(new CreateRoleCommand({ RoleName: 'detailed', AssumeRolePolicyDocument: trust }));
    await root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'detailed-profile', Tags: [{ Key: 'k', Value: 'v' }] }));
    await root.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'detailed-profile', RoleName: 'detailed' }));
    const details = await root.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    const role = details.RoleDetailList!.find((r) => r.RoleName === 'detailed')!;
    expect(role.InstanceProfileList).toEqual([(await root.send(new GetInstanceProfileCommand({ InstanceProfileName: 'detailed-profile' }))).InstanceProfile]);
    expect(role.InstanceProfileList![0]!.Roles![0]!.AssumeRolePolicyDocument).toBe(encodeURIComponent(trust));
    expect(details.RoleDetailList!.find((r) => r.RoleName === 'other-role')!.InstanceProfileList).toEqual([]);

    const count = (await root.send(new ListInstanceProfilesCommand({ MaxItems: 1000 }))).InstanceProfiles!.length;
    expect((await root.send(new GetAccountSummaryCommand({}))).SummaryMap!['InstanceProfiles']).toBe(count);
  });

  it('answers bad input with the validation error IAM gives', async () => {
    expect(await failure(root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'bad name' })))).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(await failure(root.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'p', Path: 'no-slash' })))).toMatchObject({ name: 'ValidationError' });
    expect(await failure(root.send(new GetInstanceProfileCommand({ InstanceProfileName: 'x'.repeat(129) })))).toMatchObject({ name: 'ValidationError' });
    // The model gives ListInstanceProfilesForRole and AddRoleToInstanceProfile the 64-character role name.
    expect(await failure(root.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'r'.repeat(65) })))).toMatchObject({ name: 'ValidationError' });
  });
});
