import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRolegate } from './server/harness.js';

const root = resolve(import.meta.dirname, '..');

/** Runs an example as a user would; asynchronously, so a server in this process can answer it. */
async function runExample(name: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', resolve(root, 'examples', name)], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env },
  });
  return stdout.trim().split('\n');
}

describe('the examples the README points to', () => {
  it('policy-decision.ts allows the team bucket from inside the network and denies the rest', async () => {
    const lines = await runExample('policy-decision.ts');
    expect(lines).toHaveLength(3);
    // Inside 10.0.0.0/8, the bucket named by the principal's team tag: allowed.
    expect(lines[0]).toMatch(/^10\.1\.2\.3 arn:aws:s3:::reports-blue\/2026\/q3\.csv: Allow \(allowed by .*#ReadTeamBucket/);
    // Outside the CIDR block the IpAddress condition fails and nothing else allows.
    expect(lines[1]).toContain('ImplicitDeny');
    expect(lines[1]).toContain('because no identity-based policy allows the s3:GetObject action');
    // Another team's bucket does not match the resource built from ${aws:PrincipalTag/team}.
    expect(lines[2]).toMatch(/reports-red.*ImplicitDeny/);
  });

  it('assume-role.ts creates a user and a role on a running rolegate, and its role_arn profile acts as the role', async () => {
    const server = await startRolegate();
    try {
      const lines = await runExample('assume-role.ts', {
        ROLEGATE_ENDPOINT: server.url,
        AWS_ACCESS_KEY_ID: server.root.accessKeyId,
        AWS_SECRET_ACCESS_KEY: server.root.secretAccessKey,
      });
      expect(lines[0]).toMatch(/^created arn:aws:iam::000000000000:user\/alice-\w+ and arn:aws:iam::000000000000:role\/dev-\w+$/);
      expect(lines[1]).toMatch(/^the profile myaccount-dev acts as arn:aws:sts::000000000000:assumed-role\/dev-\w+\/.+$/);
    } finally {
      await server.close();
    }
  });
});
