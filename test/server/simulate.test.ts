/**
 * The policy simulator through the AWS SDK against a started rolegate: SimulateCustomPolicy
 * and SimulatePrincipalPolicy in IAM's shape — decisions, the statements that decided with
 * their source names, types and positions, boundaries, missing context keys, typed context
 * entries, a resource policy with CallerArn, per-resource results, paging — and that what
 * the simulator says about a user is what the server then does when that user calls.
 */
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  ListRolesCommand,
  ListUsersCommand,
  paginateSimulateCustomPolicy,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure as failure, startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';
const doc = (...statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (action: string | string[], resource: string | string[] = '*', extra: object = {}): object => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });
const deny = (action: string | string[], resource: string | string[] = '*'): object => ({ Effect: 'Deny', Action: action, Resource: resource });

describe('the IAM policy simulator', () => {
  let server: Started;
  let root: IAMClient;
  const iamAs = (credentials: { accessKeyId: string; secretAccessKey: string }): IAMClient =>
    new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials });

  beforeAll(async () => {
    server = await startRolegate();
    root = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
  });
  afterAll(async () => server.close());

  it('answers allowed, explicitDeny and implicitDeny for custom policies, one result per action on `*`', async () => {
    const policy = doc(allow(['iam:ListUsers', 'iam:ListRoles']), deny('iam:ListRoles'));
    const out = await root.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['iam:ListUsers', 'iam:ListRoles', 'iam:GetUser'] }));
    expect(out.IsTruncated).toBe(false);
    expect(out.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([
      ['iam:ListUsers', '*', 'allowed'],
      ['iam:ListRoles', '*', 'explicitDeny'],
      ['iam:GetUser', '*', 'implicitDeny'],
    ]);
    const [allowed, denied, implicit] = out.EvaluationResults!;
    // The text is compact: statement 1 runs from just past `[` (column 38) to just past its `}`;
    // statement 2 starts where statement 1 ended, as IAM counts.
    const firstEnd = policy.indexOf('}') + 2;
    expect(allowed?.MatchedStatements).toEqual([
      { SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'IAM Policy', StartPosition: { Line: 1, Column: 38 }, EndPosition: { Line: 1, Column: firstEnd } },
    ]);
    expect(denied?.MatchedStatements).toEqual([
      { SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'IAM Policy', StartPosition: { Line: 1, Column: firstEnd }, EndPosition: { Line: 1, Column: policy.length - 1 } },
    ]);
    expect(implicit?.MatchedStatements).toEqual([]);
    expect(allowed?.MissingContextValues).toEqual([]);
    expect(allowed?.ResourceSpecificResults).toBeUndefined();
    expect(allowed?.EvalDecisionDetails).toBeUndefined();
  });

  it('gives one result per action with ResourceSpecificResults when resources are named, the most restrictive on top', async () => {
    const policy = doc(allow('s3:GetObject', 'arn:aws:s3:::b/*'), deny('s3:GetObject', 'arn:aws:s3:::b/secret/*'));
    const out = await root.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [policy],
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::b/open', 'arn:aws:s3:::b/secret/k', 'arn:aws:s3:::other/k'],
      }),
    );
    expect(out.EvaluationResults).toHaveLength(1);
    const result = out.EvaluationResults![0]!;
    expect(result).toMatchObject({ EvalActionName: 's3:GetObject', EvalResourceName: 'arn:aws:s3:::b/secret/k', EvalDecision: 'explicitDeny', EvalDecisionDetails: {} });
    expect(result.ResourceSpecificResults?.map((r) => [r.EvalResourceName, r.EvalResourceDecision, r.MatchedStatements?.length])).toEqual([
      ['arn:aws:s3:::b/open', 'allowed', 1],
      ['arn:aws:s3:::b/secret/k', 'explicitDeny', 1],
      ['arn:aws:s3:::other/k', 'implicitDeny', 0],
    ]);
  });

  it('reads context entries of every type, reports the keys a deciding statement lacks, and refuses a value that is not its type', async () => {
    const policy = doc(
      allow('s3:GetObject', '*', {
        Condition: {
          IpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
          NumericLessThan: { 's3:max-keys': '10' },
          Bool: { 'aws:SecureTransport': 'true' },
          DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' },
          BinaryEquals: { 'test:Blob': 'AAEC' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] },
        },
      }),
    );
    const entries = [
      { ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.1.2.3'], ContextKeyType: 'ip' as const },
      { ContextKeyName: 's3:max-keys', ContextKeyValues: ['5'], ContextKeyType: 'numeric' as const },
      { ContextKeyName: 'aws:SecureTransport', ContextKeyValues: ['true'], ContextKeyType: 'boolean' as const },
      { ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['2024-05-01T00:00:00Z'], ContextKeyType: 'date' as const },
      { ContextKeyName: 'test:Blob', ContextKeyValues: ['AAEC'], ContextKeyType: 'binary' as const },
      { ContextKeyName: 'aws:TagKeys', ContextKeyValues: ['a', 'b'], ContextKeyType: 'stringList' as const },
    ];
    const all = await root.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['s3:GetObject'], ContextEntries: entries }));
    expect(all.EvaluationResults?.[0]).toMatchObject({ EvalDecision: 'allowed', MissingContextValues: [] });

    const some = await root.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['s3:GetObject'], ContextEntries: entries.slice(0, 2) }));
    expect(some.EvaluationResults?.[0]).toMatchObject({
      EvalDecision: 'implicitDeny',
      MissingContextValues: ['aws:SecureTransport', 'aws:CurrentTime', 'test:Blob', 'aws:TagKeys'],
    });

    const outside = entries.map((e) => (e.ContextKeyType === 'ip' ? { ...e, ContextKeyValues: ['192.168.0.1'] } : e));
    const denied = await root.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['s3:GetObject'], ContextEntries: outside }));
    expect(denied.EvaluationResults?.[0]?.EvalDecision).toBe('implicitDeny');

    const bad = await failure(
      root.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [policy],
          ActionNames: ['s3:GetObject'],
          ContextEntries: [{ ContextKeyName: 's3:max-keys', ContextKeyValues: ['ten'], ContextKeyType: 'numeric' }],
        }),
      ),
    );
    expect(bad).toMatchObject({ name: 'InvalidInputException', status: 400 });
  });

  it('refuses a malformed policy in PolicyInputList with InvalidInput', async () => {
    const bad = await failure(root.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Version":'], ActionNames: ['iam:ListUsers'] })));
    expect(bad).toMatchObject({ name: 'InvalidInputException', message: 'This policy contains invalid Json' });
  });

  it('lets a permissions boundary decide, and says whether it allowed', async () => {
    const admin = doc(allow('*'));
    const out = await root.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [admin],
        PermissionsBoundaryPolicyInputList: [doc(allow('s3:*'))],
        ActionNames: ['s3:ListBucket', 'iam:ListUsers'],
      }),
    );
    const [inside, outside] = out.EvaluationResults!;
    expect(inside).toMatchObject({ EvalDecision: 'allowed', PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true } });
    expect(inside?.MatchedStatements?.map((s) => s.SourcePolicyId)).toEqual(['PolicyInputList.1', 'PermissionsBoundaryPolicyInputList.1']);
    expect(outside).toMatchObject({ EvalDecision: 'implicitDeny', PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false } });
  });

  it('evaluates a resource policy for the CallerArn user, and needs a user caller to do so', async () => {
    const alice = `arn:aws:iam::${ACCOUNT}:user/alice`;
    const bucket = doc({ Sid: 'Read', Effect: 'Allow', Principal: { AWS: alice }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
    const out = await root.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [doc(allow('s3:PutObject'))],
        ResourcePolicy: bucket,
        CallerArn: alice,
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::b/k'],
      }),
    );
    expect(out.EvaluationResults?.[0]).toMatchObject({ EvalDecision: 'allowed' });
    expect(out.EvaluationResults?.[0]?.MatchedStatements).toEqual([
      { SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'Resource Policy', StartPosition: { Line: 1, Column: 38 }, EndPosition: { Line: 1, Column: bucket.length - 1 } },
    ]);
    const bob = await root.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [doc(allow('s3:PutObject'))],
        ResourcePolicy: bucket,
        CallerArn: `arn:aws:iam::${ACCOUNT}:user/bob`,
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::b/k'],
      }),
    );
    expect(bob.EvaluationResults?.[0]?.EvalDecision).toBe('implicitDeny');
    const noCaller = await failure(root.send(new SimulateCustomPolicyCommand({ PolicyInputList: [doc(allow('*'))], ResourcePolicy: bucket, ActionNames: ['s3:GetObject'] })));
    expect(noCaller).toMatchObject({ name: 'InvalidInputException', message: 'Invalid caller - Caller must be an IAM user in this context.' });
  });

  it('pages results with MaxItems and Marker, in the order of ActionNames', async () => {
    const actions = ['iam:ListUsers', 'iam:ListRoles', 'iam:GetUser', 'iam:GetRole', 'iam:CreateUser'];
    const first = await root.send(new SimulateCustomPolicyCommand({ PolicyInputList: [doc(allow('iam:*'))], ActionNames: actions, MaxItems: 2 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.EvaluationResults?.map((r) => r.EvalActionName)).toEqual(actions.slice(0, 2));
    const names: string[] = [];
    for await (const page of paginateSimulateCustomPolicy({ client: root, pageSize: 2 }, { PolicyInputList: [doc(allow('iam:*'))], ActionNames: actions })) {
      names.push(...(page.EvaluationResults ?? []).map((r) => r.EvalActionName!));
    }
    expect(names).toEqual(actions);
  });

  it('simulates a user with its inline, attached and groups’ policies, named as IAM names them, and the server then decides alike', async () => {
    await root.send(new CreateUserCommand({ UserName: 'dana' }));
    const userPolicy = doc(allow('iam:ListUsers'));
    await root.send(new PutUserPolicyCommand({ UserName: 'dana', PolicyName: 'own', PolicyDocument: userPolicy }));
    const managed = (await root.send(new CreatePolicyCommand({ PolicyName: 'ReadRoles', PolicyDocument: doc(allow('iam:ListRoles')) }))).Policy!;
    await root.send(new CreateGroupCommand({ GroupName: 'ops' }));
    await root.send(new AddUserToGroupCommand({ GroupName: 'ops', UserName: 'dana' }));
    await root.send(new AttachGroupPolicyCommand({ GroupName: 'ops', PolicyArn: managed.Arn! }));
    await root.send(new PutGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'guard', PolicyDocument: doc(deny('iam:GetUser')) }));

    const dana = `arn:aws:iam::${ACCOUNT}:user/dana`;
    const out = await root.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: dana, ActionNames: ['iam:ListUsers', 'iam:ListRoles', 'iam:GetUser', 'iam:ListGroups'] }),
    );
    const byAction = new Map(out.EvaluationResults?.map((r) => [r.EvalActionName, r]));
    expect(byAction.get('iam:ListUsers')?.MatchedStatements?.map((s) => [s.SourcePolicyId, s.SourcePolicyType])).toEqual([['user_dana_own', 'IAM Policy']]);
    expect(byAction.get('iam:ListRoles')?.MatchedStatements?.map((s) => s.SourcePolicyId)).toEqual(['ReadRoles']);
    expect(byAction.get('iam:GetUser')).toMatchObject({ EvalDecision: 'explicitDeny', MatchedStatements: [{ SourcePolicyId: 'group_ops_guard' }] });
    expect(byAction.get('iam:ListGroups')?.EvalDecision).toBe('implicitDeny');

    // What the simulator said is what dana's own requests get.
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'dana' }))).AccessKey!;
    const asDana = iamAs({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    await expect(asDana.send(new ListUsersCommand({}))).resolves.toBeDefined();
    await expect(asDana.send(new ListRolesCommand({}))).resolves.toBeDefined();
    expect(await failure(asDana.send(new CreateUserCommand({ UserName: 'x' })))).toMatchObject({ name: 'AccessDenied' });

    // A boundary on the user takes part; PermissionsBoundaryPolicyInputList replaces it.
    const fence = (await root.send(new CreatePolicyCommand({ PolicyName: 'Fence', PolicyDocument: doc(allow('iam:ListRoles')) }))).Policy!;
    await root.send(new PutUserPermissionsBoundaryCommand({ UserName: 'dana', PermissionsBoundary: fence.Arn! }));
    const fenced = await root.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: dana, ActionNames: ['iam:ListUsers', 'iam:ListRoles'] }));
    expect(fenced.EvaluationResults?.map((r) => [r.EvalDecision, r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary])).toEqual([
      ['implicitDeny', false],
      ['allowed', true],
    ]);
    expect(fenced.EvaluationResults?.[1]?.MatchedStatements?.map((s) => s.SourcePolicyId)).toEqual(['ReadRoles', 'Fence']);
    expect(await failure(asDana.send(new ListUsersCommand({})))).toMatchObject({ name: 'AccessDenied' });
    const replaced = await root.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: dana, ActionNames: ['iam:ListUsers'], PermissionsBoundaryPolicyInputList: [doc(allow('iam:*'))] }),
    );
    expect(replaced.EvaluationResults?.[0]?.EvalDecision).toBe('allowed');
  });

  it('simulates a group’s and a role’s own policies, adds PolicyInputList, and answers NoSuchEntity for an unknown entity', async () => {
    await root.send(new CreateGroupCommand({ GroupName: 'readers' }));
    await root.send(new PutGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'read', PolicyDocument: doc(allow('s3:GetObject')) }));
    const group = await root.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:group/readers`, ActionNames: ['s3:GetObject', 's3:PutObject'], PolicyInputList: [doc(allow('s3:PutObject'))] }),
    );
    expect(group.EvaluationResults?.map((r) => [r.EvalDecision, r.MatchedStatements?.[0]?.SourcePolicyId])).toEqual([
      ['allowed', 'group_readers_read'],
      ['allowed', 'PolicyInputList.1'],
    ]);

    const trust = doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
    await root.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: trust }));
    await root.send(new PutRolePolicyCommand({ RoleName: 'app', PolicyName: 'logs', PolicyDocument: doc(allow('logs:PutLogEvents')) }));
    const role = await root.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/app`, ActionNames: ['logs:PutLogEvents'] }));
    expect(role.EvaluationResults?.[0]?.MatchedStatements?.[0]?.SourcePolicyId).toBe('role_app_logs');
    // A role is no caller for a resource policy.
    const withResource = await failure(
      root.send(
        new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/app`, ActionNames: ['s3:GetObject'], ResourcePolicy: doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }) }),
      ),
    );
    expect(withResource).toMatchObject({ name: 'InvalidInputException', message: 'Invalid caller - Caller must be an IAM user in this context.' });

    const missing = await failure(root.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/nobody`, ActionNames: ['iam:ListUsers'] })));
    expect(missing).toMatchObject({ name: 'NoSuchEntityException', message: 'The user with name nobody cannot be found.', status: 404 });
  });

  it('refuses a caller without iam:SimulateCustomPolicy or iam:SimulatePrincipalPolicy with AccessDenied', async () => {
    await root.send(new CreateUserCommand({ UserName: 'erin' }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'erin' }))).AccessKey!;
    const erin = iamAs({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    const custom = await failure(erin.send(new SimulateCustomPolicyCommand({ PolicyInputList: [doc(allow('*'))], ActionNames: ['iam:ListUsers'] })));
    expect(custom).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${ACCOUNT}:user/erin is not authorized to perform: iam:SimulateCustomPolicy on resource: * because no identity-based policy allows the iam:SimulateCustomPolicy action`,
    });
    const source = `arn:aws:iam::${ACCOUNT}:user/erin`;
    const principal = await failure(erin.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: source, ActionNames: ['iam:ListUsers'] })));
    expect(principal).toMatchObject({ name: 'AccessDenied', message: expect.stringContaining(`iam:SimulatePrincipalPolicy on resource: ${source}`) });
    // Allowed on one entity only: the resource is the PolicySourceArn.
    await root.send(new PutUserPolicyCommand({ UserName: 'erin', PolicyName: 'self', PolicyDocument: doc(allow('iam:SimulatePrincipalPolicy', source)) }));
    await expect(erin.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: source, ActionNames: ['iam:ListUsers'] }))).resolves.toBeDefined();
    expect(
      await failure(erin.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/dana`, ActionNames: ['iam:ListUsers'] }))),
    ).toMatchObject({ name: 'AccessDenied' });
  });
});
