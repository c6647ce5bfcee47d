/**
 * Tags on customer managed policies through the AWS SDK against a started rolegate:
 * TagPolicy sets (and overwrites, ignoring key case), ListPolicyTags pages, UntagPolicy
 * removes, GetPolicy shows them, and bad input changes nothing.
 */
import {
  CreatePolicyCommand,
  GetPolicyCommand,
  IAMClient,
  ListPolicyTagsCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
  paginateListPolicyTags,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFailure as failure, startRolegate, type Started } from './harness.js';

const ACCOUNT = '000000000000';


describe('tags on managed policies', () => {
  let server: Started;
  let iam: IAMClient;
  let arn: string;

  beforeAll(async () => {
    server = await startRolegate();
    iam = new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root });
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
    arn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'tagged', PolicyDocument: document, Tags: [{ Key: 'team', Value: 'data' }] }))).Policy!.Arn!;
  });
  afterAll(async () => server.close());

  it('adds tags, overwrites a key whatever its case, and lists them page by page', async () => {
    await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'TEAM', Value: 'platform' }] }));
    const all = (await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags;
    expect(all).toEqual(expect.arrayContaining([{ Key: 'env', Value: 'prod' }, { Key: 'TEAM', Value: 'platform' }]));
    expect(all).toHaveLength(2);
    const first = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, MaxItems: 1 }));
    expect(first).toMatchObject({ IsTruncated: true });
    const paged = [];
    for await (const page of paginateListPolicyTags({ client: iam, pageSize: 1 }, { PolicyArn: arn })) paged.push(...(page.Tags ?? []));
    expect(paged).toEqual(all);
    const sortByKey = (ts: readonly { Key?: string | undefined }[] = []) => [...ts].sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? ''));
    expect(sortByKey((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.Tags)).toEqual(sortByKey(all));
  });

  it('removes tags by key, ignoring case', async () => {
    await iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ['team'] }));
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
  });

  it('refuses more than 50 tags, a missing policy and an unreadable ARN, and changes nothing', async () => {
    // The SDK retries LimitExceeded as a throttling error (as against AWS), so this one takes three attempts.
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(await failure(iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: many })))).toMatchObject({ name: 'LimitExceededException', status: 409 });
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    const missing = `arn:aws:iam::${ACCOUNT}:policy/nope`;
    expect(await failure(iam.send(new TagPolicyCommand({ PolicyArn: missing, Tags: [{ Key: 'a', Value: 'b' }] })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(await failure(iam.send(new ListPolicyTagsCommand({ PolicyArn: missing })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(await failure(iam.send(new UntagPolicyCommand({ PolicyArn: 'not-an-arn-but-long-enough', TagKeys: ['a'] })))).toMatchObject({
      name: 'ValidationError',
      status: 400,
      attempts: 1,
      message: 'Invalid ARN:  Could not be parsed!',
    });
  });
});
