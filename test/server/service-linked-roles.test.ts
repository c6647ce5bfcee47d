/**
 * Service-linked roles through the AWS SDK against a started rolegate: created at their
 * service's path with its trust policy and AWS managed policy, refused a second time and
 * with a suffix their service does not take (one per suffix where it takes one), protected from every customer change,
 * assumable by no IAM caller, deleted only through DeleteServiceLinkedRole, and
 * authorized on the role's ARN with iam:AWSServiceName.
 */
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  CreateUserCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteServiceLinkedRoleCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure as failure, startRolegate, type Started } from './harness.js';

const SHIELD = 'shield.amazonaws.com';
const ROLE = 'AWSServiceRoleForAWSShield';
const POLICY = 'arn:aws:iam::aws:policy/aws-service-role/AWSShieldServiceRolePolicy';
const statement = (extra: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*', ...extra }] });
const everything = statement({ Action: '*' });
const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: SHIELD }, Action: 'sts:AssumeRole' }] };

describe('service-linked roles', () => {
  let server: Started;
  let root: IAMClient;
  const creds = (accessKeyId: string, secretAccessKey: string) => ({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey } });
  /** A user with the given identity policy, and its IAM and STS clients. */
  async function user(name: string, policy: string): Promise<{ iam: IAMClient; sts: STSClient }> {
    await root.send(new CreateUserCommand({ UserName: name }));
    await root.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
    const key = (await root.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { iam: new IAMClient(creds(key.AccessKeyId!, key.SecretAccessKey!)), sts: new STSClient(creds(key.AccessKeyId!, key.SecretAccessKey!)) };
  }

  beforeAll(async () => {
    server = await startRolegate();
    root = new IAMClient(creds(server.root.accessKeyId, server.root.secretAccessKey));
  });
  afterAll(async () => {
    await server.close();
  });

  it('creates the role at its service path, trusting the service alone, with its AWS managed policy', async () => {
    const created = (await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SHIELD }))).Role!;
    expect(created).toMatchObject({ Path: `/aws-service-role/${SHIELD}/`, RoleName: ROLE, Arn: expect.stringMatching(new RegExp(`:role/aws-service-role/${SHIELD}/${ROLE}$`)) });
    expect(created.Description).toBeUndefined();
    const got = (await root.send(new GetRoleCommand({ RoleName: ROLE }))).Role!;
    expect(got.MaxSessionDuration).toBe(3600);
    expect(JSON.parse(decodeURIComponent(got.AssumeRolePolicyDocument!))).toEqual(TRUST);
    expect((await root.send(new ListAttachedRolePoliciesCommand({ RoleName: ROLE }))).AttachedPolicies).toEqual([{ PolicyName: 'AWSShieldServiceRolePolicy', PolicyArn: POLICY }]);
    expect((await root.send(new ListRolePoliciesCommand({ RoleName: ROLE }))).PolicyNames).toEqual([]);
  });

  it("serves the role's policy as GetPolicy and GetPolicyVersion give it, without a Description where AWS publishes none", async () => {
    const ssm = (await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'ssm.amazonaws.com' }))).Role!;
    expect(ssm).toMatchObject({ RoleName: 'AWSServiceRoleForAmazonSSM', Path: '/aws-service-role/ssm.amazonaws.com/' });
    const [attached] = (await root.send(new ListAttachedRolePoliciesCommand({ RoleName: 'AWSServiceRoleForAmazonSSM' }))).AttachedPolicies!;
    const policy = (await root.send(new GetPolicyCommand({ PolicyArn: attached!.PolicyArn! }))).Policy!;
    expect(policy).toMatchObject({
      PolicyName: 'AmazonSSMServiceRolePolicy', Path: '/aws-service-role/', DefaultVersionId: 'v17', AttachmentCount: 1, IsAttachable: true,
      CreateDate: new Date('2017-11-13T19:20:08Z'), UpdateDate: new Date('2026-06-26T19:12:18Z'),
    });
    expect(policy.Description).toBeUndefined();
    const version = (await root.send(new GetPolicyVersionCommand({ PolicyArn: attached!.PolicyArn!, VersionId: 'v17' }))).PolicyVersion!;
    expect(version).toMatchObject({ VersionId: 'v17', IsDefaultVersion: true, CreateDate: new Date('2026-06-26T19:12:18Z') });
    const document = JSON.parse(decodeURIComponent(version.Document!)) as { Statement: { Action: string | string[] }[] };
    // v17's document, not another version's or policy's: it lets Systems Manager manage Run Command commands.
    expect(document.Statement.flatMap((st) => st.Action)).toContain('ssm:CancelCommand');
    expect((await root.send(new GetPolicyCommand({ PolicyArn: POLICY }))).Policy!.Description)
      .toBe('Allows AWS Shield to access AWS resources on your behalf to provide DDoS protection.');
    await root.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'AWSServiceRoleForAmazonSSM' }));
  });

  it('refuses a second role for the service, a suffix the service does not take, and a service it does not know', async () => {
    expect(await failure(root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SHIELD })))).toMatchObject({
      name: 'InvalidInputException', status: 400, message: `Service role name ${ROLE} has been taken in this account, please try a different suffix.`,
    });
    expect(await failure(root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SHIELD, CustomSuffix: 'blue' })))).toMatchObject({
      name: 'InvalidInputException', status: 400, message: `Custom suffix is not allowed for ${SHIELD}`,
    });
    expect(await failure(root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'example.amazonaws.com' })))).toMatchObject({ name: 'InvalidInputException', status: 400 });
  });

  it('gives a service that takes a CustomSuffix one role per suffix beside its default role, each with the same policy', async () => {
    const service = 'autoscaling.amazonaws.com';
    const names: string[] = [];
    for (const CustomSuffix of [undefined, 'blue', 'green']) names.push((await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: service, CustomSuffix }))).Role!.RoleName!);
    expect(names).toEqual(['AWSServiceRoleForAutoScaling', 'AWSServiceRoleForAutoScaling_blue', 'AWSServiceRoleForAutoScaling_green']);
    for (const name of names) {
      expect((await root.send(new ListAttachedRolePoliciesCommand({ RoleName: name }))).AttachedPolicies).toEqual([
        { PolicyName: 'AutoScalingServiceRolePolicy', PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/AutoScalingServiceRolePolicy' },
      ]);
    }
    expect(await failure(root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: service, CustomSuffix: 'blue' })))).toMatchObject({
      name: 'InvalidInputException', status: 400, message: 'Service role name AWSServiceRoleForAutoScaling_blue has been taken in this account, please try a different suffix.',
    });
  });

  it('refuses every change a customer might make to the role, and its policy to any other role', async () => {
    const protectedRole = { name: 'UnmodifiableEntityException', status: 400, message: `Cannot perform the operation on the protected role '${ROLE}' - this role is only modifiable by AWS` };
    expect(await failure(root.send(new UpdateAssumeRolePolicyCommand({ RoleName: ROLE, PolicyDocument: JSON.stringify(TRUST) })))).toMatchObject(protectedRole);
    expect(await failure(root.send(new DeleteRoleCommand({ RoleName: ROLE })))).toMatchObject(protectedRole);
    expect(await failure(root.send(new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'more', PolicyDocument: everything })))).toMatchObject(protectedRole);
    expect(await failure(root.send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: 'more' })))).toMatchObject(protectedRole);
    expect(await failure(root.send(new DetachRolePolicyCommand({ RoleName: ROLE, PolicyArn: POLICY })))).toMatchObject(protectedRole);
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    expect(await failure(root.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: admin })))).toMatchObject(protectedRole);
    expect(await failure(root.send(new PutRolePermissionsBoundaryCommand({ RoleName: ROLE, PermissionsBoundary: admin })))).toMatchObject(protectedRole);

    await root.send(new CreateRoleCommand({ RoleName: 'customer', AssumeRolePolicyDocument: JSON.stringify(TRUST) }));
    expect(await failure(root.send(new AttachRolePolicyCommand({ RoleName: 'customer', PolicyArn: POLICY })))).toMatchObject({
      name: 'PolicyNotAttachableException', status: 400, message: 'Cannot attach a Service Role Policy to a Customer Role.',
    });
    expect((await root.send(new ListAttachedRolePoliciesCommand({ RoleName: ROLE }))).AttachedPolicies).toHaveLength(1);
  });

  it('lets no IAM caller assume the role, however broad its permissions', async () => {
    const { sts } = await user('assumer', everything);
    const role = (await root.send(new GetRoleCommand({ RoleName: ROLE }))).Role!;
    expect(await failure(sts.send(new AssumeRoleCommand({ RoleArn: role.Arn!, RoleSessionName: 'try' })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  it('authorizes creation on the role ARN with iam:AWSServiceName', async () => {
    const { iam } = await user('creator', statement({ Action: 'iam:CreateServiceLinkedRole', Condition: { StringEquals: { 'iam:AWSServiceName': 'other.amazonaws.com' } } }));
    expect(await failure(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SHIELD })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    const { iam: narrow } = await user('deleter', statement({ Action: 'iam:DeleteServiceLinkedRole', Resource: `arn:aws:iam::*:role/aws-service-role/other.amazonaws.com/*` }));
    expect(await failure(narrow.send(new DeleteServiceLinkedRoleCommand({ RoleName: ROLE })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  it('deletes through DeleteServiceLinkedRole only, in a task that has succeeded by the time it is read', async () => {
    expect(await failure(root.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'customer' })))).toMatchObject({ name: 'InvalidInputException', status: 400 });
    const { DeletionTaskId } = await root.send(new DeleteServiceLinkedRoleCommand({ RoleName: ROLE }));
    expect(DeletionTaskId).toMatch(new RegExp(`^task/aws-service-role/${SHIELD}/${ROLE}/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`));
    expect(await root.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }))).toMatchObject({ Status: 'SUCCEEDED' });
    expect(await failure(root.send(new GetRoleCommand({ RoleName: ROLE })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(await failure(root.send(new DeleteServiceLinkedRoleCommand({ RoleName: ROLE })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(await failure(root.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: `${DeletionTaskId!.slice(0, -1)}${DeletionTaskId!.endsWith('0') ? '1' : '0'}` })))).toMatchObject({
      name: 'NoSuchEntityException',
    });
    // The name is free again.
    expect((await root.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: SHIELD, Description: 'DDoS' }))).Role).toMatchObject({ RoleName: ROLE, Description: 'DDoS' });
  });
});
