/**
 * Bad input end to end: a started rolegate, spoken to over a raw TCP socket so that
 * nothing between the test and the server tidies the request up (SDKs and fetch refuse
 * non-UTF-8 header bytes, duplicated parameters, oversized headers). Each category —
 * oversized bodies and headers, non-UTF-8 bytes, duplicated Query parameters, malformed
 * ARNs, truncated/tampered/expired session tokens, skewed signing dates — asserts the
 * exact AWS error code and HTTP status, that the answer came within a per-request
 * timeout (no hang), and that the store is unchanged after a refused write.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IAM_OPERATIONS } from '../../src/protocol/iam/service.js';
import { arnType as iamArnType } from '../../src/protocol/iam/common.js';
import { arnType as stsArnType } from '../../src/protocol/sts/shapes.js';
import { stsService } from '../../src/protocol/sts/service.js';
import type { QueryOperation } from '../../src/protocol/operation.js';
import type { Shape } from '../../src/protocol/schema.js';
import { sign, type HttpRequest } from '../../src/sigv4/index.js';
import { errorCode, MovableClock, startRolegate, type Started } from './harness.js';
import { startOidcIssuer, type OidcIssuer } from './oidc-issuer.js';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
/** Every answer must come within this; the server's own timeouts are longer (10 s headers, 30 s request). */
const ANSWER_WITHIN_MS = 5_000;
const MIB = 1024 * 1024;
const AUDIENCE = 'app';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
type HeaderValue = string | Buffer;

interface Answer {
  readonly status: number;
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly body: string;
}

/**
 * One HTTP/1.1 exchange over a fresh socket, bytes as given. Rejects when no complete
 * answer arrives within ANSWER_WITHIN_MS. A server may answer and close before it has
 * read everything (413, 431): what it answered is kept, a reset after it is not an error.
 */
function exchange(url: string, method: string, target: string, headers: readonly (readonly [string, HeaderValue])[], body: Buffer = Buffer.alloc(0)): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const chunked = headers.some(([n]) => n.toLowerCase() === 'transfer-encoding');
  const length: [string, string][] = chunked ? [] : [['content-length', String(body.length)]];
  const head = Buffer.concat([
    Buffer.from(`${method} ${target} HTTP/1.1\r\n`, 'latin1'),
    ...[['host', `${hostname}:${port}`] as const, ...headers, ...length, ['connection', 'close'] as const].map(([n, v]) =>
      Buffer.concat([Buffer.from(`${n}: `, 'latin1'), typeof v === 'string' ? Buffer.from(v, 'utf8') : v, Buffer.from('\r\n', 'latin1')]),
    ),
    Buffer.from('\r\n', 'latin1'),
  ]);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`));
    }, ANSWER_WITHIN_MS);
    const finish = (): void => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks).toString('utf8');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(all);
      if (match === null) {
        reject(new Error(`no HTTP answer: ${JSON.stringify(all.slice(0, 200))}`));
        return;
      }
      const text = all.slice(all.indexOf('\r\n\r\n') + 4);
      resolve({ status: Number(match[1]), code: errorCode(text), message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1], body: text });
    };
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', finish);
    socket.on('error', () => (chunks.length > 0 ? finish() : (clearTimeout(timer), reject(new Error('connection failed without an answer')))));
    // No half-close: Node's HTTP server drops a request whose client ends its side before the answer.
    socket.write(Buffer.concat([head, body]));
  });
}

/** `k=v&…` with each name and value percent-encoded. */
const form = (params: Record<string, string>): string =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

const policy = (statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** The server's clock; tests that move it put it back. */
const clock = new MovableClock();

describe('bad input over HTTP against a started rolegate', () => {
  let server: Started;
  let issuer: OidcIssuer;
  /** A user allowed everything, who may assume the dev role; the ci role is for web identities. */
  let alice: Creds;
  let devArn: string, webRoleArn: string, providerArn: string;

  interface Signed {
    readonly service?: 'iam' | 'sts';
    readonly creds?: Creds;
    readonly query?: string;
    /** Signing time, ms; default: the server's clock. */
    readonly now?: number;
    /** Sent after the signed headers, not signed. */
    readonly unsigned?: readonly (readonly [string, HeaderValue])[];
    /** Replaces the signed session token header's value on the wire. */
    readonly tokenOnWire?: HeaderValue;
  }

  /** A POST signed like an SDK signs it (SigV4 over the exact body bytes), sent raw. */
  function signed(body: string | Buffer, options: Signed = {}): Promise<Answer> {
    const creds = options.creds ?? server.root;
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const request: HttpRequest = { method: 'POST', path: '/', query: options.query ?? '', headers: [['host', new URL(server.url).host], ['content-type', FORM]], body: bytes };
    const out = sign(request, creds, { now: options.now ?? clock.now(), region: REGION, service: options.service ?? 'iam' });
    const headers = out.headers
      .filter(([n]) => n.toLowerCase() !== 'host')
      .map(([n, v]): [string, HeaderValue] => [n, n.toLowerCase() === 'x-amz-security-token' && options.tokenOnWire !== undefined ? options.tokenOnWire : v]);
    return exchange(server.url, 'POST', options.query ? `/?${options.query}` : '/', [...headers, ...(options.unsigned ?? [])], bytes);
  }

  const iam = (params: Record<string, string>, options: Signed = {}): Promise<Answer> => signed(form({ Version: '2010-05-08', ...params }), options);
  const sts = (params: Record<string, string>, options: Signed = {}): Promise<Answer> =>
    signed(form({ Version: '2011-06-15', ...params }), { service: 'sts', creds: alice, ...options });

  /**
   * What the store holds, as IAM reports it (request ids removed): users, groups, roles,
   * policies and their versions, attachments, boundaries, tags; alice's keys; the OIDC
   * provider with its client ids, thumbprints and tags; the customer policy's tags.
   */
  async function store(): Promise<string> {
    const parts: string[] = [];
    const reads: Record<string, string>[] = [
      { Action: 'GetAccountAuthorizationDetails' },
      { Action: 'ListUsers' },
      { Action: 'ListRoles' },
      { Action: 'ListAccessKeys', UserName: 'alice' },
      { Action: 'ListOpenIDConnectProviders' },
      { Action: 'GetOpenIDConnectProvider', OpenIDConnectProviderArn: providerArn },
      { Action: 'ListPolicyTags', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/read` },
    ];
    for (const params of reads) {
      const answer = await iam(params);
      expect(answer.status, answer.body).toBe(200);
      parts.push(answer.body.replace(/<RequestId>[^<]*<\/RequestId>/, ''));
    }
    return parts.join('\n');
  }

  let before: string;
  /** The store now is what it was before the test's refused requests. */
  const expectStoreUnchanged = async (): Promise<void> => expect(await store()).toBe(before);

  beforeAll(async () => {
    server = await startRolegate({}, { clock });
    const created = async (params: Record<string, string>): Promise<Answer> => {
      const answer = await iam(params);
      expect(answer, params.Action).toMatchObject({ status: 200 });
      return answer;
    };
    await created({ Action: 'CreateUser', UserName: 'alice' });
    const key = (await created({ Action: 'CreateAccessKey', UserName: 'alice' })).body;
    alice = { accessKeyId: /<AccessKeyId>([^<]+)</.exec(key)![1]!, secretAccessKey: /<SecretAccessKey>([^<]+)</.exec(key)![1]! };
    await created({ Action: 'PutUserPolicy', UserName: 'alice', PolicyName: 'all', PolicyDocument: policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]) });
    const trust = policy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: 'sts:AssumeRole' }]);
    devArn = /<Arn>([^<]+)</.exec((await created({ Action: 'CreateRole', RoleName: 'dev', AssumeRolePolicyDocument: trust })).body)![1]!;
    await created({ Action: 'CreateGroup', GroupName: 'team' });
    await created({ Action: 'CreatePolicy', PolicyName: 'read', PolicyDocument: policy([{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }]) });
    issuer = await startOidcIssuer();
    providerArn = /<OpenIDConnectProviderArn>([^<]+)</.exec(
      (await created({ Action: 'CreateOpenIDConnectProvider', Url: issuer.url, 'ClientIDList.member.1': AUDIENCE, 'ThumbprintList.member.1': issuer.thumbprint })).body,
    )![1]!;
    const webTrust = policy([{ Effect: 'Allow', Principal: { Federated: providerArn }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${issuer.host}:aud`]: AUDIENCE } } }]);
    webRoleArn = /<Arn>([^<]+)</.exec((await created({ Action: 'CreateRole', RoleName: 'ci', AssumeRolePolicyDocument: webTrust })).body)![1]!;
  });
  beforeEach(async () => {
    clock.offsetMs = 0;
    before = await store();
  });
  afterAll(async () => {
    await issuer?.close();
    await server?.close();
  });

  /** AssumeRoleWithWebIdentity is served unsigned, as AWS serves it. */
  const unsignedSts = (params: Record<string, string>): Promise<Answer> =>
    exchange(server.url, 'POST', '/', [['content-type', FORM]], Buffer.from(form({ Version: '2011-06-15', ...params })));

  /** A session of the dev role for alice, and when it ends. */
  async function devSession(durationSeconds = 900): Promise<Creds> {
    const answer = await sts({ Action: 'AssumeRole', RoleArn: devArn, RoleSessionName: 'bad-input', DurationSeconds: String(durationSeconds) });
    expect(answer.status, answer.body).toBe(200);
    const field = (name: string): string => new RegExp(`<${name}>([^<]+)</`).exec(answer.body)![1]!;
    return { accessKeyId: field('AccessKeyId'), secretAccessKey: field('SecretAccessKey'), sessionToken: field('SessionToken') };
  }

  describe('oversized bodies and headers', () => {
    const createUser = (name: string): string => form({ Action: 'CreateUser', Version: '2010-05-08', UserName: name });
    /** A signed CreateUser padded with unknown parameters (ignored, as AWS ignores them) to `size` bytes. */
    const padded = (size: number): Buffer => {
      // Unknown parameters of 200,000 bytes (under the 262144-unit value limit), the last one cut to fit.
      let text = createUser('padded');
      for (let i = 0; text.length < size; i++) text += `&Pad${i}=${'a'.repeat(200_000)}`;
      return Buffer.from(text.slice(0, size));
    };

    it('answers a signed CreateUser of 1 MiB + 1 byte with 413 RequestEntityTooLarge and creates nothing', async () => {
      const body = padded(MIB + 1);
      expect(body.length).toBe(MIB + 1);
      expect(await signed(body)).toMatchObject({ status: 413, code: 'RequestEntityTooLarge' });
      await expectStoreUnchanged();
    });

    it('serves the same request at exactly 1 MiB (the limit is the limit)', async () => {
      const body = padded(MIB);
      expect(body.length).toBe(MIB);
      expect(await signed(body)).toMatchObject({ status: 200 });
      expect(await iam({ Action: 'DeleteUser', UserName: 'padded' })).toMatchObject({ status: 200 });
    });

    it('answers a chunked body over 1 MiB (no Content-Length) with 413 RequestEntityTooLarge', async () => {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const chunks = Array.from({ length: 17 }, () => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));
      const answer = await exchange(server.url, 'POST', '/', [['content-type', FORM], ['transfer-encoding', 'chunked']], Buffer.concat([...chunks, Buffer.from('0\r\n\r\n')]));
      expect(answer).toMatchObject({ status: 413, code: 'RequestEntityTooLarge' });
    });

    it('answers a header over 16 KiB with 431 and an AWS error envelope, and keeps serving', async () => {
      const answer = await signed(createUser('big-header'), { unsigned: [['x-padding', 'a'.repeat(20 * 1024)]] });
      expect(answer).toMatchObject({ status: 431, code: 'RequestHeaderSectionTooLarge' });
      await expectStoreUnchanged();
      expect(await iam({ Action: 'GetUser', UserName: 'alice' })).toMatchObject({ status: 200 });
    });

    it('ignores 1500 extra unsigned headers on a signed read, as they are not part of the signature', async () => {
      const many = Array.from({ length: 1500 }, (_, i) => [`h${i}`, 'x'] as const);
      expect(await iam({ Action: 'GetUser', UserName: 'alice' }, { unsigned: many })).toMatchObject({ status: 200 });
    });

    it('refuses 800 extra unsigned x-amz-* headers with AccessDenied 403 and writes nothing', async () => {
      const many = Array.from({ length: 800 }, (_, i) => [`x-amz-h${i}`, 'x'] as const);
      expect(await signed(createUser('many-headers'), { unsigned: many })).toMatchObject({
        status: 403,
        code: 'AccessDenied',
        message: 'There were headers present in the request which were not signed',
      });
      await expectStoreUnchanged();
    });
  });

  describe('non-UTF-8 bytes', () => {
    const malformed = { status: 404, code: 'MalformedQueryString', message: 'The query string contains a syntax error.' };
    const bodies: [string, Buffer][] = [
      ['%FF in a value', Buffer.from('Action=CreateUser&Version=2010-05-08&UserName=bob%FF')],
      ['a raw 0xFF byte in a value', Buffer.concat([Buffer.from('Action=CreateUser&Version=2010-05-08&UserName=bob'), Buffer.from([0xff])])],
      ['an overlong encoding of "/" (%C0%AF)', Buffer.from('Action=CreateUser&Version=2010-05-08&UserName=bob%C0%AF')],
      ['a UTF-16 surrogate encoded as UTF-8 (%ED%A0%80)', Buffer.from('Action=CreateUser&Version=2010-05-08&UserName=bob%ED%A0%80')],
      ['a truncated sequence (%E2%82)', Buffer.from('Action=CreateUser&Version=2010-05-08&UserName=bob%E2%82')],
      ['a raw Latin-1 byte in a name', Buffer.concat([Buffer.from('Action=CreateUser&Version=2010-05-08&UserName=bob&'), Buffer.from([0xe9]), Buffer.from('=1')])],
    ];
    for (const [what, body] of bodies) {
      it(`refuses a signed CreateUser with ${what} in its form body with 404 MalformedQueryString, creating nothing`, async () => {
        expect(await signed(body)).toMatchObject(malformed);
        await expectStoreUnchanged();
      });
    }

    it('refuses %FF in the URL query string with 404 MalformedQueryString', async () => {
      expect(await signed(form({ Action: 'CreateUser', Version: '2010-05-08' }), { query: 'UserName=bob%FF' })).toMatchObject(malformed);
      await expectStoreUnchanged();
    });

    it('refuses a session token header with non-UTF-8 bytes with InvalidClientTokenId 403', async () => {
      const session = await devSession();
      const tokenOnWire = Buffer.concat([Buffer.from(session.sessionToken!.slice(0, 40)), Buffer.from([0xff, 0xfe])]);
      const answer = await iam({ Action: 'CreateUser', UserName: 'bob' }, { creds: session, tokenOnWire });
      expect(answer).toMatchObject({ status: 403, code: 'InvalidClientTokenId' });
      await expectStoreUnchanged();
    });

    /** A CreateUser signed with an `x-amz-meta` header of "é", sent with `bytes` as that header's value. */
    const withMetaBytes = (bytes: Buffer): Promise<Answer> => {
      const body = Buffer.from(form({ Action: 'CreateUser', Version: '2010-05-08', UserName: 'bob' }));
      const request: HttpRequest = { method: 'POST', path: '/', query: '', headers: [['host', new URL(server.url).host], ['content-type', FORM], ['x-amz-meta', 'é']], body };
      const out = sign(request, server.root, { now: clock.now(), region: REGION, service: 'iam' });
      return exchange(server.url, 'POST', '/', out.headers.filter(([n]) => n !== 'host').map(([n, v]): [string, HeaderValue] => [n, n === 'x-amz-meta' ? bytes : v]), body);
    };

    it('refuses a signed header whose bytes are not UTF-8 (Latin-1 "é") with SignatureDoesNotMatch 403', async () => {
      expect(await withMetaBytes(Buffer.from([0xe9]))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
      await expectStoreUnchanged();
    });

    it('serves a signed header whose value is UTF-8 beyond ASCII, as SigV4 signs the bytes sent', async () => {
      expect(await withMetaBytes(Buffer.from('é', 'utf8'))).toMatchObject({ status: 200 });
      expect(await iam({ Action: 'DeleteUser', UserName: 'bob' })).toMatchObject({ status: 200 });
    });

    it('refuses an Authorization header with non-UTF-8 bytes in its access key id with InvalidClientTokenId 403', async () => {
      const body = Buffer.from(form({ Action: 'CreateUser', Version: '2010-05-08', UserName: 'bob' }));
      const answer = await exchange(
        server.url,
        'POST',
        '/',
        [
          ['content-type', FORM],
          ['x-amz-date', '20260101T000000Z'],
          ['authorization', Buffer.concat([Buffer.from('AWS4-HMAC-SHA256 Credential=AKIA'), Buffer.from([0xff, 0xfe]), Buffer.from('/20260101/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=00')])],
        ],
        body,
      );
      expect(answer).toMatchObject({ status: 403, code: 'InvalidClientTokenId' });
      await expectStoreUnchanged();
    });
  });

  describe('duplicated Query parameters', () => {
    const refused = { status: 400, code: 'InvalidQueryParameter', message: 'The AWS query string is malformed or does not adhere to AWS standards.' };
    const cases: [string, string, string?][] = [
      ['Action twice, same value', 'Action=CreateUser&Action=CreateUser&Version=2010-05-08&UserName=bob'],
      ['Action twice, a write and a read', 'Action=CreateUser&Action=ListUsers&Version=2010-05-08&UserName=bob'],
      ['Version twice', 'Action=CreateUser&Version=2010-05-08&Version=2010-05-08&UserName=bob'],
      ['UserName twice', 'Action=CreateUser&Version=2010-05-08&UserName=bob&UserName=carol'],
      ['UserName in the body and in the query string', 'Action=CreateUser&Version=2010-05-08&UserName=bob', 'UserName=carol'],
      ['Action in the body and in the query string', 'Action=CreateUser&Version=2010-05-08&UserName=bob', 'Action=CreateUser'],
      ['a tag key twice', 'Action=CreateUser&Version=2010-05-08&UserName=bob&Tags.member.1.Key=a&Tags.member.1.Key=b&Tags.member.1.Value=v'],
    ];
    for (const [what, body, query] of cases) {
      it(`refuses a CreateUser with ${what} with 400 InvalidQueryParameter, creating nothing`, async () => {
        expect(await signed(body, query === undefined ? {} : { query })).toMatchObject(refused);
        await expectStoreUnchanged();
      });
    }

    it('refuses an AssumeRole with RoleArn twice with 400 InvalidQueryParameter, issuing nothing', async () => {
      const answer = await signed(`Action=AssumeRole&Version=2011-06-15&RoleSessionName=bad-input&RoleArn=${encodeURIComponent(devArn)}&RoleArn=${encodeURIComponent(`arn:aws:iam::${ACCOUNT}:role/other`)}`, {
        service: 'sts',
        creds: alice,
      });
      expect(answer).toMatchObject(refused);
      expect(answer.body).not.toContain('SessionToken');
    });

    it('refuses any parameter of a valid CreateUser given twice, wherever the copy goes (generated)', async () => {
      const params = ['Action=CreateUser', 'Version=2010-05-08', 'UserName=gen', 'Path=%2Fp%2F', 'Tags.member.1.Key=k', 'Tags.member.1.Value=v'];
      await fc.assert(
        fc.asyncProperty(fc.nat(params.length - 1), fc.constantFrom('body', 'query'), fc.boolean(), fc.shuffledSubarray(params, { minLength: params.length }), async (which, where, sameValue, order) => {
          const copy = sameValue ? params[which]! : `${params[which]!.split('=')[0]!}=other`;
          const answer = where === 'body' ? await signed([...order, copy].join('&')) : await signed(order.join('&'), { query: copy });
          expect(answer).toMatchObject(refused);
        }),
        { seed: 20261202, numRuns: 40 },
      );
      await expectStoreUnchanged();
    });
  });

  describe('malformed ARNs', () => {
    const MALFORMED = ['this-is-not-an-arn-at-all', 'arn:aws:iam:policy/too-few-fields'];
    type Expected = (arn: string) => { status: number; code: string; message: string };
    // IAM's seen answer for a policy ARN that does not parse (AttachUserPolicy; src/services/iam/errors.ts).
    const unparsable: Expected = () => ({ status: 400, code: 'ValidationError', message: 'Invalid ARN:  Could not be parsed!' });
    // AWS's answers for these are not on record: rolegate answers as for an ARN that names nothing.
    const noBoundary: Expected = (arn) => ({ status: 404, code: 'NoSuchEntity', message: `Scope ARN: ${arn} does not exist or is not attachable.` });
    const noProvider: Expected = (arn) => ({ status: 404, code: 'NoSuchEntity', message: `OpenIDConnect Provider not found for arn ${arn}` });
    const noSessionPolicy: Expected = (arn) => ({ status: 400, code: 'MalformedPolicyDocument', message: `Policy ${arn} does not exist or is not attachable.` });
    const invalidRoleArn: Expected = (arn) => ({ status: 400, code: 'ValidationError', message: `${arn} is invalid` });
    const tags = { 'Tags.member.1.Key': 'k', 'Tags.member.1.Value': 'v' };
    const document = policy([{ Effect: 'Allow', Action: 'iam:List*', Resource: '*' }]);
    /**
     * Every ARN-typed parameter of every served operation (the first test checks the list
     * against the models), with valid values for the other parameters. '' is filled in
     * when the test runs: a role the caller may assume, a fresh web identity token.
     */
    const CASES: { service: 'iam' | 'sts'; action: string; member: string; rest: Record<string, string>; expected: Expected }[] = [
      ...(
        [
          ['CreateUser', 'PermissionsBoundary', { UserName: 'bob' }, noBoundary],
          ['PutUserPermissionsBoundary', 'PermissionsBoundary', { UserName: 'alice' }, noBoundary],
          ['CreateRole', 'PermissionsBoundary', { RoleName: 'ops', AssumeRolePolicyDocument: policy([{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }]) }, noBoundary],
          ['PutRolePermissionsBoundary', 'PermissionsBoundary', { RoleName: 'dev' }, noBoundary],
          ['GetPolicy', 'PolicyArn', {}, unparsable],
          ['DeletePolicy', 'PolicyArn', {}, unparsable],
          ['ListEntitiesForPolicy', 'PolicyArn', {}, unparsable],
          ['CreatePolicyVersion', 'PolicyArn', { PolicyDocument: document }, unparsable],
          ['GetPolicyVersion', 'PolicyArn', { VersionId: 'v1' }, unparsable],
          ['ListPolicyVersions', 'PolicyArn', {}, unparsable],
          ['SetDefaultPolicyVersion', 'PolicyArn', { VersionId: 'v1' }, unparsable],
          ['DeletePolicyVersion', 'PolicyArn', { VersionId: 'v1' }, unparsable],
          ['TagPolicy', 'PolicyArn', tags, unparsable],
          ['UntagPolicy', 'PolicyArn', { 'TagKeys.member.1': 'k' }, unparsable],
          ['ListPolicyTags', 'PolicyArn', {}, unparsable],
          ['AttachUserPolicy', 'PolicyArn', { UserName: 'alice' }, unparsable],
          ['DetachUserPolicy', 'PolicyArn', { UserName: 'alice' }, unparsable],
          ['AttachRolePolicy', 'PolicyArn', { RoleName: 'dev' }, unparsable],
          ['DetachRolePolicy', 'PolicyArn', { RoleName: 'dev' }, unparsable],
          ['AttachGroupPolicy', 'PolicyArn', { GroupName: 'team' }, unparsable],
          ['DetachGroupPolicy', 'PolicyArn', { GroupName: 'team' }, unparsable],
          ['SimulatePrincipalPolicy', 'PolicySourceArn', { 'ActionNames.member.1': 'iam:GetUser' }, unparsable],
          ['GetOpenIDConnectProvider', 'OpenIDConnectProviderArn', {}, noProvider],
          ['DeleteOpenIDConnectProvider', 'OpenIDConnectProviderArn', {}, noProvider],
          ['UpdateOpenIDConnectProviderThumbprint', 'OpenIDConnectProviderArn', { 'ThumbprintList.member.1': 'b'.repeat(40) }, noProvider],
          ['AddClientIDToOpenIDConnectProvider', 'OpenIDConnectProviderArn', { ClientID: 'other' }, noProvider],
          ['RemoveClientIDFromOpenIDConnectProvider', 'OpenIDConnectProviderArn', { ClientID: AUDIENCE }, noProvider],
          ['TagOpenIDConnectProvider', 'OpenIDConnectProviderArn', tags, noProvider],
          ['UntagOpenIDConnectProvider', 'OpenIDConnectProviderArn', { 'TagKeys.member.1': 'k' }, noProvider],
          ['ListOpenIDConnectProviderTags', 'OpenIDConnectProviderArn', {}, noProvider],
        ] as const
      ).map(([action, member, rest, expected]) => ({ service: 'iam' as const, action, member, rest, expected })),
      ...(
        [
          ['AssumeRole', 'RoleArn', { RoleSessionName: 'bad-input' }, invalidRoleArn],
          ['AssumeRole', 'PolicyArns.member.1.arn', { RoleSessionName: 'bad-input', RoleArn: '' }, noSessionPolicy],
          [
            'AssumeRole',
            'ProvidedContexts.member.1.ProviderArn',
            { RoleSessionName: 'bad-input', RoleArn: '', 'ProvidedContexts.member.1.ContextAssertion': 'x'.repeat(8) },
            // rolegate serves no trusted-context providers, so any ProvidedContexts is refused first.
            () => ({ status: 400, code: 'InvalidParameterValue', message: 'ProvidedContexts are not supported by this endpoint.' }),
          ],
          ['GetFederationToken', 'PolicyArns.member.1.arn', { Name: 'fed' }, noSessionPolicy],
          ['AssumeRoleWithWebIdentity', 'RoleArn', { RoleSessionName: 'bad-input', WebIdentityToken: '' }, invalidRoleArn],
          ['AssumeRoleWithWebIdentity', 'PolicyArns.member.1.arn', { RoleSessionName: 'bad-input', RoleArn: '', WebIdentityToken: '' }, noSessionPolicy],
        ] as const
      ).map(([action, member, rest, expected]) => ({ service: 'sts' as const, action, member, rest: rest as Record<string, string>, expected })),
    ];

    it('covers every ARN-typed input member the IAM and STS models serve', () => {
      const arnMembers = (shape: Shape | undefined, path: string): string[] => {
        if (shape === undefined) return [];
        if (shape === iamArnType || shape === stsArnType) return [path];
        if (shape.kind === 'structure') return Object.entries(shape.members).flatMap(([k, ref]) => arnMembers(ref.shape, path === '' ? k : `${path}.${k}`));
        if (shape.kind === 'list') return arnMembers(shape.member.shape, `${path}.member.1`);
        return [];
      };
      const operations: QueryOperation[] = [...Object.values(IAM_OPERATIONS), ...stsService.operations.values()];
      const modelled = operations.flatMap((op) => arnMembers(op.input, '').map((m) => `${op.name} ${m}`));
      expect(CASES.map((c) => `${c.action} ${c.member}`).sort()).toEqual(modelled.sort());
    });

    for (const { service, action, member, rest, expected } of CASES) {
      it(`${action}: a malformed ${member} is refused with an AWS error, changing and issuing nothing`, async () => {
        for (const arn of MALFORMED) {
          const filled: Record<string, string> = { ...rest };
          if (filled.RoleArn === '') filled.RoleArn = action === 'AssumeRoleWithWebIdentity' ? webRoleArn : devArn;
          if (filled.WebIdentityToken === '') filled.WebIdentityToken = await issuer.token({ aud: AUDIENCE, sub: 'ci' }, clock.now());
          const params = { Action: action, ...filled, [member]: arn };
          const answer = service === 'iam' ? await iam(params) : action === 'AssumeRoleWithWebIdentity' ? await unsignedSts(params) : await sts(params);
          expect(answer, `${member}=${arn}`).toMatchObject(expected(arn));
          expect(answer.body).not.toContain('SessionToken');
        }
        await expectStoreUnchanged();
      });
    }
  });

  describe('truncated, tampered and expired session tokens', () => {
    const invalid = { status: 403, code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' };
    const write = { Action: 'CreateUser', UserName: 'bob' };

    it('refuses a token cut short anywhere with InvalidClientTokenId 403, creating nothing', async () => {
      const session = await devSession();
      const token = session.sessionToken!;
      for (const length of [1, 16, Math.floor(token.length / 2), token.length - 1]) {
        expect(await iam(write, { creds: { ...session, sessionToken: token.slice(0, length) } }), `first ${length} characters`).toMatchObject(invalid);
      }
      await expectStoreUnchanged();
    });

    it('refuses a token with bytes added, or longer than any token, with InvalidClientTokenId 403', async () => {
      const session = await devSession();
      const token = session.sessionToken!;
      for (const changed of [`${token}AAAA`, `AAAA${token}`, 'A'.repeat(12_000)]) {
        expect(await iam(write, { creds: { ...session, sessionToken: changed } })).toMatchObject(invalid);
      }
      await expectStoreUnchanged();
    });

    it('refuses a token with any one character changed with InvalidClientTokenId 403 (generated)', async () => {
      const session = await devSession();
      const token = session.sessionToken!;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      // The last two characters may carry base64 padding bits; every other one is all data.
      await fc.assert(
        fc.asyncProperty(fc.nat(token.length - 3), fc.integer({ min: 1, max: 63 }), async (at, shift) => {
          const c = alphabet[(alphabet.indexOf(token[at]!) + shift) % 64]!;
          expect(await iam(write, { creds: { ...session, sessionToken: `${token.slice(0, at)}${c}${token.slice(at + 1)}` } })).toMatchObject(invalid);
        }),
        { seed: 20261202, numRuns: 40 },
      );
      await expectStoreUnchanged();
    });

    it("refuses another rolegate's token (another master key) with InvalidClientTokenId 403", async () => {
      const other = await startRolegate();
      try {
        const session = await devSession();
        const elsewhere = await startRolegateSession(other);
        expect(await iam(write, { creds: { ...session, sessionToken: elsewhere } })).toMatchObject(invalid);
      } finally {
        await other.close();
      }
      await expectStoreUnchanged();
    });

    it('refuses a replay after expiry with ExpiredToken 403, for reads and writes, changing nothing', async () => {
      const session = await devSession(900);
      expect(await sts({ Action: 'GetCallerIdentity' }, { creds: session })).toMatchObject({ status: 200 });
      clock.offsetMs = 901_000;
      const expired = { status: 403, code: 'ExpiredToken', message: 'The security token included in the request is expired' };
      expect(await iam({ Action: 'GetUser', UserName: 'alice' }, { creds: session })).toMatchObject(expired);
      expect(await iam(write, { creds: session })).toMatchObject(expired);
      expect(await sts({ Action: 'GetCallerIdentity' }, { creds: session })).toMatchObject(expired);
      clock.offsetMs = 0;
      await expectStoreUnchanged();
    });

    /** A GetSessionToken token from another server, for its root user. */
    async function startRolegateSession(other: Started): Promise<string> {
      const body = Buffer.from(form({ Action: 'GetSessionToken', Version: '2011-06-15' }));
      const request: HttpRequest = { method: 'POST', path: '/', query: '', headers: [['host', new URL(other.url).host], ['content-type', FORM]], body };
      const out = sign(request, other.root, { now: Date.now(), region: REGION, service: 'sts' });
      const answer = await exchange(other.url, 'POST', '/', out.headers.filter(([n]) => n !== 'host'), body);
      expect(answer.status, answer.body).toBe(200);
      return /<SessionToken>([^<]+)</.exec(answer.body)![1]!;
    }
  });

  describe('skewed signing dates', () => {
    const MINUTE = 60_000;
    const write = { Action: 'CreateUser', UserName: 'skewed' };

    it("refuses a request signed 15 min 1 s ago with SignatureDoesNotMatch 403 'Signature expired', creating nothing", async () => {
      const answer = await iam(write, { now: clock.now() - 15 * MINUTE - 1000 });
      expect(answer).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
      expect(answer.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
      await expectStoreUnchanged();
    });

    it("refuses a request signed 15 min 1 s ahead with SignatureDoesNotMatch 403 'Signature not yet current', creating nothing", async () => {
      const answer = await iam(write, { now: clock.now() + 15 * MINUTE + 1000 });
      expect(answer).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
      expect(answer.message).toMatch(/^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/);
      await expectStoreUnchanged();
    });

    it('refuses far-off dates (a day, a year, year 1970 and 9999) the same way', async () => {
      for (const at of [clock.now() - 24 * 60 * MINUTE, clock.now() + 365 * 24 * 60 * MINUTE, 0, Date.UTC(9999, 11, 31)]) {
        expect(await iam(write, { now: at }), new Date(at).toISOString()).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
      }
      await expectStoreUnchanged();
    });

    it('serves requests signed 14 minutes either side of now', async () => {
      for (const skew of [-14 * MINUTE, 14 * MINUTE]) {
        expect(await iam({ Action: 'GetUser', UserName: 'alice' }, { now: clock.now() + skew })).toMatchObject({ status: 200 });
      }
    });
  });
});
