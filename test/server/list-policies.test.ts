/**
 * ListPolicies through the AWS SDK against a started rolegate: the account's customer
 * managed policies by name, filtered by Scope, PathPrefix, OnlyAttached and
 * PolicyUsageFilter, paged by the SDK's paginator, without descriptions or tags.
 */
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  IAMClient,
  ListPoliciesCommand,
  paginateListPolicies,
  type ListPoliciesCommandInput,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRolegate, type Started } from './harness.js';

const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const ec2Trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('ListPolicies', () => {
  let server: Started;
  let iam: IAMClient;
  const names = async (input: ListPoliciesCommandInput) =>
    ((await iam.send(new ListPoliciesCommand(input))).Policies ?? []).map((p) => p.PolicyName);

  beforeAll(async () => {
    server = await startRolegate();
    iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    for (const [name, path] of [['charlie', '/'], ['alpha', '/app/'], ['Bravo', '/app/'], ['delta', '/ops/']] as const) {
      await iam.send(new CreatePolicyCommand({ PolicyName: name, Path: path, PolicyDocument: document, Description: `the ${name} policy`, Tags: [{ Key: 'k', Value: 'v' }] }));
    }
    await iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: ec2Trust, PermissionsBoundary: `arn:aws:iam::000000000000:policy/ops/delta` }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'worker', PolicyArn: 'arn:aws:iam::000000000000:policy/app/alpha' }));
  });
  afterAll(async () => server.close());

  it('lists the account policies by name, without description or tags, and nothing under Scope=AWS', async () => {
    const listed = (await iam.send(new ListPoliciesCommand({}))).Policies ?? [];
    expect(listed.map((p) => p.PolicyName)).toEqual(['alpha', 'Bravo', 'charlie', 'delta']);
    expect(listed[0]).toMatchObject({ Arn: 'arn:aws:iam::000000000000:policy/app/alpha', Path: '/app/', DefaultVersionId: 'v1', AttachmentCount: 1, IsAttachable: true });
    expect(listed.every((p) => p.Description === undefined && p.Tags === undefined)).toBe(true);
    expect(await names({ Scope: 'Local' })).toEqual(['alpha', 'Bravo', 'charlie', 'delta']);
    expect(await names({ Scope: 'AWS' })).toEqual([]);
  });

  it('filters by path prefix, attachment and usage', async () => {
    expect(await names({ PathPrefix: '/app/' })).toEqual(['alpha', 'Bravo']);
    expect(await names({ OnlyAttached: true })).toEqual(['alpha']);
    expect(await names({ PolicyUsageFilter: 'PermissionsPolicy' })).toEqual(['alpha']);
    expect(await names({ PolicyUsageFilter: 'PermissionsBoundary' })).toEqual(['delta']);
  });

  it('pages with the SDK paginator', async () => {
    const paged: string[] = [];
    for await (const page of paginateListPolicies({ client: iam, pageSize: 3 }, {})) paged.push(...(page.Policies ?? []).map((p) => p.PolicyName!));
    expect(paged).toEqual(['alpha', 'Bravo', 'charlie', 'delta']);
  });
});
