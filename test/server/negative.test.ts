/**
 * The ways a call to a started rolegate goes wrong, over real HTTP: bad credentials,
 * expired and tampered tokens, STS's duration rules, session policies that try to widen,
 * IAM's conflicts and quotas, unsigned and presigned requests, oversized and random
 * bodies. Each failure is checked as the AWS SDK reports it (error code and HTTP status)
 * or, for raw HTTP, by the status and the code in AWS's error envelope.
 *
 * Every SDK call goes through a recording proxy, so the last test can check that no
 * response except CreateAccessKey, AssumeRole and GetSessionToken ever carried a secret.
 */
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteUserCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  ListRolesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presign, sign, type HttpRequest } from '../../src/sigv4/index.js';
import { errorCode, MovableClock, randomRootKey, startRecordingProxy, startRolegate, type Exchange, type RecordingProxy, type Started } from './harness.js';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const policy = (statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const allow = (action: string | string[], resource = '*'): object => ({ Effect: 'Allow', Action: action, Resource: resource });

/**
 * What the SDK rejected with, reduced to what AWS clients look at: the wire error code
 * (`Code`; the SDK's `name` is the modelled class, e.g. DeleteConflictException), the
 * HTTP status and the message.
 */
async function failure(promise: Promise<unknown>): Promise<{ code: string | undefined; status: number | undefined; message: string }> {
  const error: unknown = await promise.then(
    () => new Error('the call succeeded'),
    (e: unknown) => e,
  );
  const e = error as { Code?: string; message: string; $metadata?: { httpStatusCode?: number } };
  return { code: e.Code, status: e.$metadata?.httpStatusCode, message: e.message };
}

function actionOf(exchange: Exchange): string | undefined {
  const q = exchange.path.indexOf('?');
  const fromQuery = q < 0 ? undefined : new URLSearchParams(exchange.path.slice(q + 1)).get('Action');
  try {
    return fromQuery ?? new URLSearchParams(exchange.requestBody).get('Action') ?? undefined;
  } catch {
    return undefined;
  }
}

describe('error paths of a started rolegate over HTTP', () => {
  const clock = new MovableClock();
  let server: Started;
  let proxy: RecordingProxy;
  let iam: IAMClient;
  let alice: Creds;
  let devArn: string;
  let longArn: string;
  /** Exchanges made without the proxy (raw HTTP), kept for the secrets check too. */
  const direct: Exchange[] = [];

  const sts = (credentials: Creds, extra: { systemClockOffset?: number } = {}): STSClient =>
    new STSClient({ endpoint: proxy.url, region: REGION, credentials, maxAttempts: 1, ...extra });
  const iamAs = (credentials: Creds, extra: { systemClockOffset?: number } = {}): IAMClient =>
    new IAMClient({ endpoint: proxy.url, region: REGION, credentials, maxAttempts: 1, ...extra });
  const session = async (from: Creds, input: { RoleArn: string; DurationSeconds?: number; Policy?: string }): Promise<Creds> => {
    const out = await sts(from).send(new AssumeRoleCommand({ RoleSessionName: 'negative', ...input }));
    return { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! };
  };

  /** A raw request straight to the server, recorded like the proxied ones. */
  async function raw(path: string, init: RequestInit & { body?: string | Uint8Array }): Promise<{ status: number; body: string; headers: Headers }> {
    const response = await fetch(`${server.url}${path}`, init);
    const body = await response.text();
    const requestBody = typeof init.body === 'string' ? init.body : init.body instanceof Uint8Array ? Buffer.from(init.body).toString('utf8') : '';
    direct.push({ method: init.method ?? 'GET', path, requestBody, status: response.status, responseBody: body });
    return { status: response.status, body, headers: response.headers };
  }

  /** A request signed the way an SDK signs it, sent with fetch. */
  async function signedPost(body: string | Uint8Array, creds: Creds, service: string, contentType = 'application/x-www-form-urlencoded; charset=utf-8') {
    const host = new URL(server.url).host;
    const request: HttpRequest = {
      method: 'POST',
      path: '/',
      query: '',
      headers: [
        ['host', host],
        ['content-type', contentType],
      ],
      body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    };
    const signed = sign(request, creds, { now: Date.now(), region: REGION, service });
    const headers = signed.headers.filter(([n]) => n.toLowerCase() !== 'host').map(([n, v]): [string, string] => [n, v]);
    return raw('/', { method: 'POST', headers, body });
  }

  beforeAll(async () => {
    server = await startRolegate({}, { clock });
    proxy = await startRecordingProxy(server.url);
    iam = iamAs(server.root);
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    alice = { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! };
    const trustAlice = policy([{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }, Action: 'sts:AssumeRole' }]);
    devArn = (await iam.send(new CreateRoleCommand({ RoleName: 'dev', AssumeRolePolicyDocument: trustAlice }))).Role!.Arn!;
    await iam.send(new PutRolePolicyCommand({ RoleName: 'dev', PolicyName: 'read', PolicyDocument: policy([allow(['iam:GetRole', 'iam:ListRoles'])]) }));
    // A role that allows twelve-hour sessions and trusts both alice and the dev role.
    const trustBoth = policy([{ Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:user/alice`, devArn] }, Action: 'sts:AssumeRole' }]);
    longArn = (await iam.send(new CreateRoleCommand({ RoleName: 'long', AssumeRolePolicyDocument: trustBoth, MaxSessionDuration: 43200 }))).Role!.Arn!;
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });

  describe('credentials', () => {
    it('refuses a request signed with the wrong secret with SignatureDoesNotMatch and 403', async () => {
      const wrong = { accessKeyId: alice.accessKeyId, secretAccessKey: randomRootKey().secretAccessKey };
      expect(await failure(iamAs(wrong).send(new GetUserCommand({})))).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
    });

    it('refuses an access key id it never issued with InvalidClientTokenId and 403', async () => {
      expect(await failure(sts(randomRootKey()).send(new GetCallerIdentityCommand({})))).toMatchObject({
        code: 'InvalidClientTokenId',
        status: 403,
        message: 'The security token included in the request is invalid.',
      });
    });

    it('refuses a session token with one character changed with InvalidClientTokenId and 403', async () => {
      const good = await session(alice, { RoleArn: devArn });
      const token = good.sessionToken!;
      const at = Math.floor(token.length / 2);
      const flipped = token[at] === 'A' ? 'B' : 'A';
      const tampered = { ...good, sessionToken: `${token.slice(0, at)}${flipped}${token.slice(at + 1)}` };
      await expect(sts(good).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/dev/negative` });
      expect(await failure(sts(tampered).send(new GetCallerIdentityCommand({})))).toMatchObject({ code: 'InvalidClientTokenId', status: 403 });
    });

    it('refuses temporary keys sent without their session token with InvalidClientTokenId and 403', async () => {
      const good = await session(alice, { RoleArn: devArn });
      const withoutToken = { accessKeyId: good.accessKeyId, secretAccessKey: good.secretAccessKey };
      expect(await failure(sts(withoutToken).send(new GetCallerIdentityCommand({})))).toMatchObject({ code: 'InvalidClientTokenId', status: 403 });
    });

    it('honours a 900-second session until it ends and then answers ExpiredToken with 403', async () => {
      const short = await session(alice, { RoleArn: devArn, DurationSeconds: 900 });
      try {
        // The client's clock moves with the server's, so only the token's age changes.
        clock.offsetMs = 890_000;
        await expect(sts(short, { systemClockOffset: clock.offsetMs }).send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
        clock.offsetMs = 901_000;
        expect(await failure(sts(short, { systemClockOffset: clock.offsetMs }).send(new GetCallerIdentityCommand({})))).toMatchObject({
          code: 'ExpiredToken',
          status: 403,
          message: 'The security token included in the request is expired',
        });
      } finally {
        clock.offsetMs = 0;
      }
    });

    it('answers a request with no signature at all with MissingAuthenticationToken and 403', async () => {
      const response = await raw('/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: 'Action=GetCallerIdentity&Version=2011-06-15',
      });
      expect(response.status).toBe(403);
      expect(errorCode(response.body)).toBe('MissingAuthenticationToken');
    });
  });

  describe('presigned URLs', () => {
    const presignedUrl = (creds: Creds): string => {
      const host = new URL(server.url).host;
      const request: HttpRequest = { method: 'GET', path: '/', query: 'Action=GetCallerIdentity&Version=2011-06-15', headers: [['host', host]], body: new Uint8Array() };
      const signed = presign(request, creds, { now: Date.now(), region: REGION, service: 'sts', expiresSeconds: 60 });
      return `/?${signed.query}`;
    };

    it('answers a presigned GetCallerIdentity URL fetched with a plain GET', async () => {
      const response = await raw(presignedUrl(alice), { method: 'GET' });
      expect(response.status).toBe(200);
      expect(response.body).toContain(`<Arn>arn:aws:iam::${ACCOUNT}:user/alice</Arn>`);
    });

    it('refuses a presigned URL whose signature was changed with SignatureDoesNotMatch and 403', async () => {
      const url = presignedUrl(alice);
      const last = url.at(-1) === '0' ? '1' : '0';
      const response = await raw(`${url.slice(0, -1)}${last}`, { method: 'GET' });
      expect(response.status).toBe(403);
      expect(errorCode(response.body)).toBe('SignatureDoesNotMatch');
    });

    it('refuses a presigned URL whose action was changed after signing', async () => {
      const url = presignedUrl(alice).replace('Action=GetCallerIdentity', 'Action=GetSessionToken');
      const response = await raw(url, { method: 'GET' });
      expect(response.status).toBe(403);
      expect(errorCode(response.body)).toBe('SignatureDoesNotMatch');
    });
  });

  describe('session durations', () => {
    it('rejects DurationSeconds 899 and 43201 with ValidationError and 400 from the model', async () => {
      for (const [seconds, constraint] of [
        [899, 'Member must have value greater than or equal to 900'],
        [43201, 'Member must have value less than or equal to 43200'],
      ] as const) {
        expect(await failure(sts(alice).send(new AssumeRoleCommand({ RoleArn: longArn, RoleSessionName: 'negative', DurationSeconds: seconds })))).toEqual({
          code: 'ValidationError',
          status: 400,
          message: `1 validation error detected: Value '${seconds}' at 'durationSeconds' failed to satisfy constraint: ${constraint}`,
        });
      }
    });

    it('grants up to the role MaxSessionDuration and rejects longer with ValidationError and 400', async () => {
      await expect(session(alice, { RoleArn: longArn, DurationSeconds: 43200 })).resolves.toBeDefined();
      expect(await failure(sts(alice).send(new AssumeRoleCommand({ RoleArn: devArn, RoleSessionName: 'negative', DurationSeconds: 3601 })))).toEqual({
        code: 'ValidationError',
        status: 400,
        message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      });
    });

    it('limits a chained session to one hour even when the role allows twelve', async () => {
      const dev = await session(alice, { RoleArn: devArn });
      await expect(session(dev, { RoleArn: longArn, DurationSeconds: 3600 })).resolves.toBeDefined();
      expect(await failure(sts(dev).send(new AssumeRoleCommand({ RoleArn: longArn, RoleSessionName: 'negative', DurationSeconds: 3601 })))).toEqual({
        code: 'ValidationError',
        status: 400,
        message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      });
    });
  });

  describe('session policies', () => {
    it('does not let a session policy widen what the role allows', async () => {
      const widened = await session(alice, { RoleArn: devArn, Policy: policy([allow('*')]) });
      const client = iamAs(widened);
      await expect(client.send(new GetRoleCommand({ RoleName: 'dev' }))).resolves.toBeDefined();
      expect(await failure(client.send(new CreateUserCommand({ UserName: 'mallory' })))).toEqual({
        code: 'AccessDenied',
        status: 403,
        message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/dev/negative is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/mallory because no identity-based policy allows the iam:CreateUser action`,
      });
    });

    it('lets a session policy narrow what the role allows', async () => {
      const narrowed = await session(alice, { RoleArn: devArn, Policy: policy([allow('iam:ListRoles')]) });
      const client = iamAs(narrowed);
      await expect(client.send(new ListRolesCommand({}))).resolves.toBeDefined();
      expect(await failure(client.send(new GetRoleCommand({ RoleName: 'dev' })))).toEqual({
        code: 'AccessDenied',
        status: 403,
        message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/dev/negative is not authorized to perform: iam:GetRole on resource: ${devArn} because no session policy allows the iam:GetRole action`,
      });
    });
  });

  describe('IAM conflicts, quotas and documents', () => {
    it('refuses to delete a user that still has access keys with DeleteConflict and 409', async () => {
      expect(await failure(iam.send(new DeleteUserCommand({ UserName: 'alice' })))).toEqual({
        code: 'DeleteConflict',
        status: 409,
        message: 'Cannot delete entity, must delete access keys first.',
      });
      await expect(iam.send(new GetUserCommand({ UserName: 'alice' }))).resolves.toBeDefined();
    });

    it('refuses a third access key for one user with LimitExceeded and 409', async () => {
      await iam.send(new CreateUserCommand({ UserName: 'keyholder' }));
      await iam.send(new CreateAccessKeyCommand({ UserName: 'keyholder' }));
      await iam.send(new CreateAccessKeyCommand({ UserName: 'keyholder' }));
      expect(await failure(iam.send(new CreateAccessKeyCommand({ UserName: 'keyholder' })))).toEqual({
        code: 'LimitExceeded',
        status: 409,
        message: 'Cannot exceed quota for AccessKeysPerUser: 2',
      });
    });

    it('refuses a trust policy that is not JSON with MalformedPolicyDocument and 400', async () => {
      expect(await failure(iam.send(new CreateRoleCommand({ RoleName: 'broken', AssumeRolePolicyDocument: '{"Version": "2012-10-17", "Statement": [' })))).toEqual({
        code: 'MalformedPolicyDocument',
        status: 400,
        message: 'This policy contains invalid Json',
      });
      expect(await failure(iam.send(new GetRoleCommand({ RoleName: 'broken' })))).toMatchObject({ code: 'NoSuchEntity', status: 404 });
    });
  });

  describe('what the listener accepts', () => {
    it('answers a body over 1 MiB with 413 and keeps serving', async () => {
      const big = Buffer.alloc(1024 * 1024 + 1, 'a');
      const declared = await raw('/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: big });
      expect(declared.status).toBe(413);
      // The same without a Content-Length: the limit holds while reading a chunked body.
      const chunked = await fetch(`${server.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      await chunked.text();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await expect(sts(alice).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: `arn:aws:iam::${ACCOUNT}:user/alice` });
    });

    it('answers GET and POST on an unknown path with an AWS error envelope, not a 5xx', async () => {
      for (const method of ['GET', 'POST']) {
        const response = await raw('/no/such/path', { method, ...(method === 'POST' ? { body: 'Action=GetCallerIdentity' } : {}) });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.body).toMatch(/^<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>[A-Za-z]+<\/Code>/);
        expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    it('never answers random bodies, signed or not, with a 5xx', async () => {
      const actions = ['GetCallerIdentity', 'AssumeRole', 'GetSessionToken', 'CreateUser', 'GetUser', 'CreateRole', 'PutRolePolicy', 'ListRoles', 'TagRole', 'NoSuchAction'];
      const names = ['Action', 'Version', 'UserName', 'RoleName', 'RoleArn', 'RoleSessionName', 'DurationSeconds', 'Policy', 'PolicyDocument', 'AssumeRolePolicyDocument', 'Tags.member.1.Key', 'Tags.member.1.Value', 'PolicyArns.member.1.arn', 'Marker', 'MaxItems', 'Path'];
      const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.integer().map(String), fc.constantFrom(...actions, '2011-06-15', '2010-05-08', devArn, '%zz', '%', '{"Version":'));
      const pair = fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 12 })), text, fc.boolean());
      const form = fc
        .array(pair, { maxLength: 8 })
        .map((pairs) => pairs.map(([k, v, encode]) => (encode ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : `${k}=${v}`)).join('&'));
      const request = fc.oneof(
        fc.record({ kind: fc.constant('signed' as const), service: fc.constantFrom('iam', 'sts'), body: form }),
        // Signed, with a real action and version most of the time, so the bodies reach the operations' input readers.
        fc.record({
          kind: fc.constant('signed' as const),
          service: fc.constantFrom('iam', 'sts'),
          body: fc
            .tuple(fc.constantFrom(...actions), fc.constantFrom('2011-06-15', '2010-05-08'), form)
            .map(([action, version, rest]) => `Action=${action}&Version=${version}&${rest}`),
        }),
        fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 600 }), contentType: fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', '') }),
        fc.record({ kind: fc.constant('header' as const), authorization: fc.oneof(fc.string({ maxLength: 200 }), fc.constant('AWS4-HMAC-SHA256 Credential=')), body: form }),
      );
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let status: number;
          if (r.kind === 'signed') {
            status = (await signedPost(r.body, server.root, r.service)).status;
          } else if (r.kind === 'bytes') {
            status = (await raw('/', { method: 'POST', headers: r.contentType === '' ? {} : { 'content-type': r.contentType }, body: r.bytes })).status;
          } else {
            // Header values must be ByteStrings for fetch; keep the printable part.
            const authorization = r.authorization.replace(/[^\x20-\x7e]/g, '');
            status = (await raw('/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization }, body: r.body })).status;
          }
          expect(status).toBeGreaterThanOrEqual(200);
          expect(status).toBeLessThan(500);
        }),
        { numRuns: 200, seed: 20260601 },
      );
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });
  });

  it('gets session credentials from GetSessionToken that work', async () => {
    const out = await sts(alice).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const creds = { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! };
    await expect(sts(creds).send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: `arn:aws:iam::${ACCOUNT}:user/alice` });
  });

  it('sends secrets only in CreateAccessKey, AssumeRole and GetSessionToken responses', () => {
    const all = [...proxy.exchanges, ...direct];
    const issuing = new Set(['CreateAccessKey', 'AssumeRole', 'GetSessionToken']);
    const secrets = new Set<string>([server.root.secretAccessKey]);
    for (const e of all) {
      if (!issuing.has(actionOf(e) ?? '') || e.status !== 200) continue;
      for (const m of e.responseBody.matchAll(/<(SecretAccessKey|SessionToken)>([^<]+)<\//g)) secrets.add(m[2] as string);
    }
    // alice's key, the keyholder's two, and several sessions were issued above.
    expect(secrets.size).toBeGreaterThan(10);
    const leaks = all.filter((e) => !issuing.has(actionOf(e) ?? '') && [...secrets].some((s) => e.responseBody.includes(s)));
    expect(leaks.map((e) => `${actionOf(e) ?? e.path} ${e.status}`)).toEqual([]);
    // The check saw the proxied SDK calls and the raw ones, random bodies included.
    expect(all.length).toBeGreaterThan(200);
  });
});
