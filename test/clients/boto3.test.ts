/**
 * The seed flow with boto3 (Debian's python3-boto3): a small Python program,
 * boto3_seed_flow.py, drives IAM and STS with endpoint_url against a started rolegate
 * and reports what each call returned; these tests check it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRolegate, type Started } from '../server/harness.js';
import { cleanEnv, findBoto3, run } from './tools.js';

const ACCOUNT = '000000000000';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'boto3_seed_flow.py');

const python = findBoto3();
const title = python === undefined ? 'the seed flow with boto3 (skipped: no python3 with boto3; .ci/run installs Debian\'s python3-boto3)' : `the seed flow with boto3 ${python.version}`;
if (python === undefined) console.warn(`skipped: ${title}`);

describe.skipIf(python === undefined)(title, () => {
  let server: Started;
  let home: string;
  // What the program reported, step by step.
  let seen: Record<string, any>;

  beforeAll(async () => {
    server = await startRolegate();
    home = mkdtempSync(join(tmpdir(), 'rolegate-boto3-'));
    const exe = python?.path ?? 'python3';
    const result = await run(exe, [SCRIPT], cleanEnv(home, exe), JSON.stringify({ url: server.url, root: server.root }));
    if (result.code !== 0) throw new Error(`boto3_seed_flow.py exited ${result.code}:\n${result.stderr}`);
    seen = JSON.parse(result.stdout) as Record<string, any>;
  });
  afterAll(async () => {
    await server?.close();
    if (home !== undefined) rmSync(home, { recursive: true, force: true });
  });

  it('lets the root user create a user with an active key and a role that trusts it', () => {
    expect(seen['user']).toMatchObject({ UserName: 'alice', Arn: `arn:aws:iam::${ACCOUNT}:user/alice` });
    expect(seen['keyStatus']).toBe('Active');
    expect(seen['role'].Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/dev`);
    expect(seen['role'].RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    // boto3 decodes the URL-encoded trust policy into the document that was sent.
    expect(seen['role'].trustMatches).toBe(true);
  });

  it('answers get_caller_identity for the user', () => {
    expect(seen['userIdentity']).toEqual({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/alice` });
  });

  it('issues one-hour role credentials to assume_role that then act as the role', () => {
    expect(seen['assumed'].Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/dev/boto3`);
    expect(seen['assumed'].AccessKeyId).toMatch(/^ASIA/);
    expect(seen['assumed'].expiresInSeconds).toBeGreaterThan(3500);
    expect(seen['assumed'].expiresInSeconds).toBeLessThanOrEqual(3600);
    expect(seen['roleIdentity'].Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/dev/boto3`);
    expect(seen['roleGetRole']).toBe(`arn:aws:iam::${ACCOUNT}:role/dev`);
  });

  it('raises AccessDenied with status 403 for an action the role does not allow', () => {
    expect(seen['roleCreateUser']).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/dev/boto3 is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/mallory because no identity-based policy allows the iam:CreateUser action`,
    });
  });

  it('raises SignatureDoesNotMatch with status 403 for the wrong secret', () => {
    expect(seen['wrongSecret']).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
  });
});
