/**
 * LocalStack's STS parity tests (tests/aws/services/sts/test_sts.py), their steps written
 * anew for the v3 SDK, against a started rolegate and compared with what real AWS answered
 * in snapshots/sts/test_sts.snapshot.json.
 */
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, type AssumeRoleCommandInput, GetFederationTokenCommand } from '@aws-sdk/client-sts';
import { paritySuite, type Steps } from './parity-suite.js';
import { type Scenario, shortUid } from './scenario.js';


/** A trust policy letting the whole account assume the role, and tag its sessions when `tagging`. */
function trustAccount(accountId: string, tagging: boolean): string {
  const action = tagging ? ['sts:AssumeRole', 'sts:TagSession'] : 'sts:AssumeRole';
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Principal: { AWS: accountId } }] });
}

async function createRole(s: Scenario, step: string, roleName: string, tagging: boolean) {
  const created = await s.call(step, s.admin.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustAccount(s.accountId, tagging) })));
  return created.Role!.Arn!;
}

const assume = (s: Scenario, input: AssumeRoleCommandInput) => s.admin.sts.send(new AssumeRoleCommand(input));

const steps: Record<string, Steps> = {
  'TestSTSIntegrations::test_assume_role': async (s) => {
    const sessionName = `test-assume-role-${shortUid()}`;
    // LocalStack records the session name it chose, so that its placeholder is known before the ARN shows it.
    s.value('role-session-name', { RoleSessionName: sessionName });
    const roleArn = await createRole(s, 'create-role', `role-${shortUid()}`, false);
    await s.call('assume-role', assume(s, { RoleArn: roleArn, RoleSessionName: sessionName }));
  },

  'TestSTSIntegrations::test_sts_invalid_parameters': async (s) => {
    // LocalStack turns botocore's own parameter validation off; the v3 SDK has none, so these reach the server.
    const cases: [string, string, string][] = [
      ['malformed-arn', 'nothing-valid-in-here', 'Session1'],
      ['no-partition', 'arn::b:::something/test-role', 'Session1'],
      ['no-service', 'arn:a::::something/test-role', 'Session1'],
      ['not-enough-colons', 'arn:a:::something/test-role', 'Session1'],
      ['no-resource', 'arn:a:a::aaaaaaaaaa:', 'Session1'],
      ['invalid-session-name', 'arn:a:b:::something/test-role', 'Session1:2'],
    ];
    for (const [step, roleArn, sessionName] of cases) await s.fails(step, assume(s, { RoleArn: roleArn, RoleSessionName: sessionName }));
  },

  'TestSTSAssumeRoleTagging::test_assume_role_tag_validation': async (s) => {
    const roleArn = await createRole(s, 'role-1', `role-1-${shortUid()}`, true);
    await assume(s, { RoleArn: roleArn, RoleSessionName: 'Session1' });
    await s.fails('invalid-transitive-tag-keys', assume(s, {
      RoleArn: roleArn, RoleSessionName: 'SessionInvalidTransitiveKeys',
      Tags: [{ Key: 'SessionTag1', Value: 'SessionValue1' }], TransitiveTagKeys: ['InvalidKey'],
    }));
    // Transitive tag keys are matched to the tags without regard to case: not recorded, but it must succeed.
    await assume(s, {
      RoleArn: roleArn, RoleSessionName: 'SessionInvalidCasingTransitiveKeys',
      Tags: [{ Key: 'SessionTag1', Value: 'SessionValue1' }], TransitiveTagKeys: ['sessiontag1'],
    });
    await s.fails('duplicate-tag-keys-different-casing', assume(s, {
      RoleArn: roleArn, RoleSessionName: 'SessionInvalidCasingTransitiveKeys',
      Tags: [{ Key: 'SessionTag1', Value: 'SessionValue1' }, { Key: 'sessiontag1', Value: 'SessionValue2' }], TransitiveTagKeys: ['sessiontag1'],
    }));
  },

  'TestSTSAssumeRoleTagging::test_iam_role_chaining_override_transitive_tags': async (s) => {
    const roleName1 = `role-1-${shortUid()}`;
    const role1 = await createRole(s, 'role-1', roleName1, true);
    const role2 = await createRole(s, 'role-2', `role-2-${shortUid()}`, true);
    const onward = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: [role2] }] };
    await s.admin.iam.send(new PutRolePolicyCommand({ RoleName: roleName1, PolicyName: `policy-${shortUid()}`, PolicyDocument: JSON.stringify(onward) }));
    const first = await assume(s, {
      RoleArn: role1, RoleSessionName: 'Session1',
      Tags: [{ Key: 'SessionTag1', Value: 'SessionValue1' }], TransitiveTagKeys: ['SessionTag1'],
    });
    const keys = first.Credentials!;
    const asRole1 = s.clients({ accessKeyId: keys.AccessKeyId!, secretAccessKey: keys.SecretAccessKey!, sessionToken: keys.SessionToken! });
    for (const [step, key] of [['override-transitive-tag-error', 'SessionTag1'], ['override-transitive-tag-case-ignore-error', 'sessiontag1']] as const) {
      await s.fails(step, asRole1.sts.send(new AssumeRoleCommand({ RoleArn: role2, RoleSessionName: 'Session2SessionTagOverride', Tags: [{ Key: key, Value: 'SessionValue2' }] })));
    }
  },

  'TestSTSIntegrations::test_get_federation_token': async (s) => {
    // Recorded with no session policy: AWS still answers PackedPolicySize, as 0.
    await s.call('get-federation-token', s.admin.sts.send(new GetFederationTokenCommand({ Name: `TestName${shortUid()}`, DurationSeconds: 900 })));
  },
};

paritySuite('snapshots/sts/test_sts.snapshot.json', 'test_sts.py', steps);
