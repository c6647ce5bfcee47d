import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function runExample(name: string): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', resolve(root, 'examples', name)], {
    cwd: root,
    encoding: 'utf8',
  });
  return out.trim().split('\n');
}

describe('the examples the README points to', () => {
  it('policy-decision.ts allows the team bucket from inside the network and denies the rest', () => {
    const lines = runExample('policy-decision.ts');
    expect(lines).toHaveLength(3);
    // Inside 10.0.0.0/8, the bucket named by the principal's team tag: allowed.
    expect(lines[0]).toMatch(/^10\.1\.2\.3 arn:aws:s3:::reports-blue\/2026\/q3\.csv: Allow \(allowed by .*#ReadTeamBucket/);
    // Outside the CIDR block the IpAddress condition fails and nothing else allows.
    expect(lines[1]).toContain('ImplicitDeny');
    expect(lines[1]).toContain('because no identity-based policy allows the s3:GetObject action');
    // Another team's bucket does not match the resource built from ${aws:PrincipalTag/team}.
    expect(lines[2]).toMatch(/reports-red.*ImplicitDeny/);
  });
});
