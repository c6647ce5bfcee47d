/**
 * AccessDenied messages, following the IAM User Guide page "Troubleshoot access denied
 * error messages": `User: ARN is not authorized to perform: ACTION [on resource: ARN]`
 * then "because no <type> allows the <action> action" for an implicit deny or "with an
 * explicit deny in a/an <type>" for an explicit one. Only one policy type is named.
 */
import { describe, expect, it } from 'vitest';
import { accessDeniedMessage, type Decision, type PolicyType } from '../../src/policy/index.js';

const decision = (effect: Decision['effect'], deniedBy: PolicyType | undefined): Decision => ({ effect, deniedBy, statements: [] });
const JOHN = 'arn:aws:iam::123456789012:user/JohnDoe';

describe('AccessDenied messages', () => {
  it('matches the page\'s identity-policy implicit deny example, which names no resource.', () => {
    expect(accessDeniedMessage(decision('ImplicitDeny', 'identity'), { principalArn: JOHN, action: 'codecommit:ListRepositories' })).toBe(
      'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: codecommit:ListRepositories because no identity-based policy allows the codecommit:ListRepositories action',
    );
  });

  it('matches the page\'s identity-policy explicit deny example, which names the resource.', () => {
    const request = { principalArn: JOHN, action: 'codedeploy:ListDeployments', resource: 'arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:*' };
    expect(accessDeniedMessage(decision('ExplicitDeny', 'identity'), request)).toBe(
      'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: codedeploy:ListDeployments on resource: arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:* with an explicit deny in an identity-based policy',
    );
  });

  const head = 'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:s';
  const request = { principalArn: JOHN, action: 'secretsmanager:GetSecretValue', resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s' };
  const table: readonly [Decision['effect'], PolicyType, string][] = [
    ['ImplicitDeny', 'resource', ' because no resource-based policy allows the secretsmanager:GetSecretValue action'],
    ['ExplicitDeny', 'resource', ' with an explicit deny in a resource-based policy'],
    ['ImplicitDeny', 'boundary', ' because no permissions boundary allows the secretsmanager:GetSecretValue action'],
    ['ExplicitDeny', 'boundary', ' with an explicit deny in a permissions boundary'],
    ['ImplicitDeny', 'session', ' because no session policy allows the secretsmanager:GetSecretValue action'],
    ['ExplicitDeny', 'scp', ' with an explicit deny in a service control policy'],
    ['ImplicitDeny', 'scp', ' with an explicit deny in a service control policy'],
    ['ExplicitDeny', 'rcp', ' with an explicit deny in a resource control policy'],
  ];
  it.each(table)('words a %s by the %s as the page does.', (effect, type, tail) => {
    expect(accessDeniedMessage(decision(effect, type), request)).toBe(head + tail);
  });

  it('words an explicit deny in a session policy as the page does, which prints "sessions policy" (taken to be a typo).', () => {
    expect(accessDeniedMessage(decision('ExplicitDeny', 'session'), request)).toMatch(/ with an explicit deny in a sessions? policy$/);
  });

  it('names the role trust policy for a denied AssumeRole when asked for the reason.', () => {
    const assume = { principalArn: JOHN, action: 'sts:AssumeRole', resource: 'arn:aws:iam::123456789012:role/r' };
    expect(accessDeniedMessage(decision('ExplicitDeny', 'resource'), assume, { trustPolicy: true })).toBe(
      'User: arn:aws:iam::123456789012:user/JohnDoe is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/r with an explicit deny in the role trust policy',
    );
    // The page prints "because the role trust policy allows" with the "no" missing; the sentence only makes sense with it.
    expect(accessDeniedMessage(decision('ImplicitDeny', 'resource'), assume, { trustPolicy: true })).toMatch(
      / because (no )?(the )?role trust policy allows the sts:AssumeRole action$/,
    );
  });

  it('leaves out the reason when asked, as STS AssumeRole answers are seen in practice.', () => {
    const assume = { principalArn: 'arn:aws:sts::123456789012:assumed-role/app/s1', action: 'sts:AssumeRole', resource: 'arn:aws:iam::123456789012:role/r' };
    expect(accessDeniedMessage(decision('ImplicitDeny', 'resource'), assume, { withReason: false, trustPolicy: true })).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/app/s1 is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/r',
    );
  });
});
