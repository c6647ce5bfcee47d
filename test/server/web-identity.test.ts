/**
 * OpenID Connect federation end to end: an https issuer on 127.0.0.1 with a self-signed
 * certificate (test/server/oidc-issuer.ts), registered in IAM by its thumbprint; a role
 * trusting it as a Federated principal with `ISSUER:aud` and `ISSUER:sub` conditions;
 * AssumeRoleWithWebIdentity through the real STS client and through the SDK's own
 * web-identity path (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE), as GitHub Actions and
 * Kubernetes service accounts use it; and every kind of bad token refused with AWS's code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  DeleteOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
} from '@aws-sdk/client-iam';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTokenFile } from '@aws-sdk/credential-providers';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovableClock, sdkFailure, startRolegate, type Started } from './harness.js';
import { startOidcIssuer, type OidcIssuer } from './oidc-issuer.js';

const ACCOUNT = '000000000000';
const AUDIENCE = 'sts.amazonaws.com';
const SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main';

describe('AssumeRoleWithWebIdentity with an https OIDC issuer', () => {
  const clock = new MovableClock();
  let server: Started;
  let issuer: OidcIssuer;
  // Signed at the server's (movable) time, as a client whose clock agrees with it.
  const iamAt = (): IAMClient => new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root, maxAttempts: 1, systemClockOffset: clock.offsetMs });
  let providerArn: string;
  let roleArn: string;
  let workDir: string;
  const now = (): number => clock.now();
  const anonymousSts = (): STSClient => new STSClient({ endpoint: server.url, region: 'us-east-1', maxAttempts: 1 });

  /** An unsigned STS call as any HTTP client would make it; AWS's code, status and message. */
  async function raw(params: Record<string, string>): Promise<{ status: number; code: string | undefined; message: string | undefined; body: string }> {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Version: '2011-06-15', ...params }).toString(),
    });
    const body = await res.text();
    const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1]?.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    return { status: res.status, code: /<Code>([^<]*)<\/Code>/.exec(body)?.[1], message, body };
  }
  const assume = (token: string, extra: Record<string, string> = {}) =>
    raw({ Action: 'AssumeRoleWithWebIdentity', RoleArn: roleArn, RoleSessionName: 'ci', WebIdentityToken: token, ...extra });
  const goodClaims = () => ({ aud: AUDIENCE, sub: SUBJECT });

  beforeAll(async () => {
    server = await startRolegate({}, { clock });
    issuer = await startOidcIssuer();
    workDir = mkdtempSync(join(tmpdir(), 'rolegate-wi-'));
    providerArn = (await iamAt().send(new CreateOpenIDConnectProviderCommand({ Url: issuer.url, ClientIDList: [AUDIENCE], ThumbprintList: [issuer.thumbprint] })))
      .OpenIDConnectProviderArn!;
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${issuer.host}:aud`]: AUDIENCE, [`${issuer.host}:sub`]: SUBJECT } },
        },
      ],
    };
    roleArn = (await iamAt().send(new CreateRoleCommand({ RoleName: 'ci-deploy', AssumeRolePolicyDocument: JSON.stringify(trust) }))).Role!.Arn!;
  });
  afterAll(async () => {
    await issuer?.close();
    await server?.close();
    if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
  });

  it('registers the provider under an ARN made from its URL, and shows the URL without https://', async () => {
    expect(providerArn).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer.host}`);
    const got = await iamAt().send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: providerArn }));
    expect(got.Url).toBe(issuer.host);
    expect(got.ClientIDList).toEqual([AUDIENCE]);
    expect(got.ThumbprintList).toEqual([issuer.thumbprint]);
    const listed = await iamAt().send(new ListOpenIDConnectProvidersCommand({}));
    expect(listed.OpenIDConnectProviderList?.map((p) => p.Arn)).toEqual([providerArn]);
  });

  it('refuses a provider URL that is not https, and a second provider for the same URL', async () => {
    expect(await sdkFailure(iamAt().send(new CreateOpenIDConnectProviderCommand({ Url: `http://${issuer.host}`, ThumbprintList: [issuer.thumbprint] })))).toMatchObject({
      name: 'InvalidInputException',
      status: 400,
    });
    expect(await sdkFailure(iamAt().send(new CreateOpenIDConnectProviderCommand({ Url: issuer.url, ThumbprintList: [issuer.thumbprint] })))).toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: `Provider with url ${issuer.url} already exists.`,
    });
  });

  it('issues role credentials to the real STS client, unsigned, and they work', async () => {
    const token = await issuer.token(goodClaims(), now());
    const out = await anonymousSts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'gh-run-1', WebIdentityToken: token }));
    expect(out.SubjectFromWebIdentityToken).toBe(SUBJECT);
    expect(out.Audience).toBe(AUDIENCE);
    expect(out.Provider).toBe(issuer.host);
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ci-deploy/gh-run-1`);
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    const sts = new STSClient({
      endpoint: server.url,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! },
    });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(out.AssumedRoleUser?.Arn);
  });

  it('serves the SDK web-identity path: fromTokenFile, and the default chain from AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE', async () => {
    const file = join(workDir, 'token');
    writeFileSync(file, await issuer.token(goodClaims(), now()));
    const clientConfig = { endpoint: server.url, region: 'us-east-1' };
    const fromFile = await fromTokenFile({ roleArn, webIdentityTokenFile: file, roleSessionName: 'from-file', clientConfig })();
    expect(fromFile.accessKeyId).toMatch(/^ASIA/);

    const saved = { ...process.env };
    try {
      for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']) delete process.env[name];
      process.env['AWS_ROLE_ARN'] = roleArn;
      process.env['AWS_WEB_IDENTITY_TOKEN_FILE'] = file;
      process.env['AWS_ROLE_SESSION_NAME'] = 'from-chain';
      process.env['AWS_CONFIG_FILE'] = join(workDir, 'none');
      process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(workDir, 'none');
      const credentials = fromNodeProviderChain({ clientConfig });
      const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', maxAttempts: 1, credentials });
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ci-deploy/from-chain`);
    } finally {
      process.env = saved;
    }
  });

  it('refuses a token signed by another key under the issuer’s kid (forged signature)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await issuer.token(goodClaims(), now(), { key: privateKey });
    expect(await assume(forged)).toMatchObject({ status: 400, code: 'InvalidIdentityToken' });
  });

  it('refuses alg none', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const seconds = Math.floor(now() / 1000);
    const unsecured = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: issuer.url, ...goodClaims(), iat: seconds, exp: seconds + 600 })}.`;
    expect(await assume(unsecured)).toMatchObject({ status: 400, code: 'InvalidIdentityToken' });
  });

  it('refuses a token for another audience, and one from an issuer with no provider', async () => {
    expect(await assume(await issuer.token({ ...goodClaims(), aud: 'someone-else' }, now()))).toMatchObject({
      status: 400,
      code: 'InvalidIdentityToken',
      message: 'Incorrect token audience',
    });
    const stranger = await issuer.token({ ...goodClaims(), iss: 'https://127.0.0.1:1' }, now());
    expect(await assume(stranger)).toMatchObject({ status: 400, code: 'InvalidIdentityToken', message: 'No OpenIDConnect provider found in your account for https://127.0.0.1:1' });
  });

  it('refuses an expired token with ExpiredTokenException and AWS’s text', async () => {
    const expired = await issuer.token(goodClaims(), now() - 3600_000, { lifetimeSeconds: 60 });
    const answer = await assume(expired);
    expect(answer).toMatchObject({ status: 400, code: 'ExpiredTokenException' });
    expect(answer.message).toMatch(/^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/);
  });

  it('denies a subject the trust policy does not name, with AWS’s AccessDenied', async () => {
    const other = await issuer.token({ ...goodClaims(), sub: 'repo:evil-org/repo:ref:refs/heads/main' }, now());
    expect(await assume(other)).toMatchObject({ status: 403, code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' });
  });

  it("is recorded in the role's account as the verified subject, never with its token; a token that fails is not recorded", async () => {
    const trail = new CloudTrailClient({ endpoint: server.url, region: 'us-east-1', credentials: server.root, maxAttempts: 1, systemClockOffset: clock.offsetMs });
    const found = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AssumeRoleWithWebIdentity' }] }));
    const records = (found.Events ?? []).map((e) => JSON.parse(e.CloudTrailEvent!) as Record<string, any>);
    const allowed = records.filter((r) => r['errorCode'] === undefined);
    expect(allowed.length).toBeGreaterThan(0);
    for (const r of allowed) {
      expect(r['userIdentity']).toEqual({ type: 'WebIdentityUser', principalId: `${providerArn}:${AUDIENCE}:${SUBJECT}`, userName: SUBJECT, identityProvider: providerArn });
      expect(r['requestParameters']).toMatchObject({ roleArn, webIdentityToken: 'HIDDEN_DUE_TO_SECURITY_REASONS' });
      expect(r['responseElements']).toMatchObject({ subjectFromWebIdentityToken: SUBJECT, audience: AUDIENCE, provider: issuer.host });
      expect(r['recipientAccountId']).toBe(ACCOUNT);
    }
    expect(allowed.map((r) => r['requestParameters']['roleSessionName'])).toContain('gh-run-1');
    // The trust policy's refusal comes after the token verified; the subject it named is not taken on trust.
    expect(records.filter((r) => r['errorCode'] === 'AccessDenied').map((r) => r['userIdentity'])).toEqual([{ type: 'WebIdentityUser' }]);
    expect(records.filter((r) => r['errorCode'] !== undefined && r['errorCode'] !== 'AccessDenied')).toEqual([]);
    expect(JSON.stringify(records)).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });

  it('refetches the JWKS once for an unknown kid (key rotation), and refuses a kid that is still unknown', async () => {
    clock.offsetMs += 10_000; // past the refresh gap since the last fetch
    const before = issuer.jwksFetches();
    await issuer.rotate();
    expect(await assume(await issuer.token(goodClaims(), now()))).toMatchObject({ status: 200 });
    expect(issuer.jwksFetches()).toBe(before + 1);
    clock.offsetMs += 10_000;
    const unknown = await issuer.token(goodClaims(), now(), { kid: 'no-such-key' });
    expect(await assume(unknown)).toMatchObject({
      status: 400,
      code: 'InvalidIdentityToken',
      message: "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
    });
  });

  it('refuses an oversized token before reading it (the model’s 20000 characters)', async () => {
    const answer = await assume('a'.repeat(20001));
    expect(answer).toMatchObject({ status: 400, code: 'ValidationError' });
    expect(answer.body).not.toContain('aaaaaaaaaa');
  });

  it('fails closed when the thumbprint does not match the issuer’s certificate', async () => {
    await iamAt().send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: providerArn, ThumbprintList: ['0'.repeat(40)] }));
    clock.offsetMs += 2 * 60 * 60 * 1000; // past the key cache's lifetime
    try {
      expect(await assume(await issuer.token(goodClaims(), now()))).toMatchObject({ status: 400, code: 'InvalidIdentityToken' });
    } finally {
      await iamAt().send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: providerArn, ThumbprintList: [issuer.thumbprint] }));
    }
    expect(await assume(await issuer.token(goodClaims(), now()))).toMatchObject({ status: 200 });
  });

  it('admits no other operation unsigned', async () => {
    expect(await raw({ Action: 'GetCallerIdentity' })).toMatchObject({ status: 403, code: 'MissingAuthenticationToken' });
    const iamCall = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListUsers&Version=2010-05-08',
    });
    expect(iamCall.status).toBe(403);
  });

  it('forgets a deleted provider: its tokens name an issuer with no provider', async () => {
    await iamAt().send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: providerArn }));
    expect(await assume(await issuer.token(goodClaims(), now()))).toMatchObject({ status: 400, code: 'InvalidIdentityToken' });
  });
});
