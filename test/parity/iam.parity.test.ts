/**
 * LocalStack's IAM parity tests (tests/aws/services/iam/test_iam.py), their steps written
 * anew for the v3 SDK, against a started rolegate and compared with what real AWS answered
 * in snapshots/iam/test_iam.snapshot.json. Names follow LocalStack's (`role-` + 8 hex
 * characters) because some recorded errors depend on their length.
 */
import {
  AttachRolePolicyCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  CreateServiceSpecificCredentialCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeleteServiceLinkedRoleCommand,
  DeleteRoleCommand,
  DeleteServiceSpecificCredentialCommand,
  DeleteUserCommand,
  GetGroupPolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  GetUserPolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListServiceSpecificCredentialsCommand,
  PutGroupPolicyCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  ResetServiceSpecificCredentialCommand,
  SimulatePrincipalPolicyCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateServiceSpecificCredentialCommand,
} from '@aws-sdk/client-iam';
import { serviceLinkedRoleSpecs } from '../../src/services/iam/service-linked-role-catalog.js';
import { paritySuite, type Steps } from './parity-suite.js';
import { REGION, type Scenario, shortUid } from './scenario.js';

const json = (value: unknown): string => JSON.stringify(value);
/**
 * Python's `json.dumps` with its default separators (`", "` and `": "`), as LocalStack's
 * tests wrote the documents: the simulator's statement positions count those spaces.
 */
const pyJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pyJson(v)}`).join(', ')}}`;
  return JSON.stringify(value);
};

const trustService = (service: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
const listFunctions = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['lambda:ListFunctions'], Resource: ['*'] }] };

/** The policy of the encoding tests: a resource ARN that holds another ARN, URL-encoded by the test. */
function encodingPolicies() {
  const target = encodeURIComponent(`arn:aws:apigateway:${REGION}::/restapis/aaeeieije`);
  return {
    target,
    policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['apigatway:PUT'], Resource: [`arn:aws:apigateway:${REGION}::/tags/${target}`] }] },
  };
}

/** test_role_attach_policy and test_user_attach_policy: the same four attempts on a role or a user. */
async function attachAttempts(s: Scenario, attach: (policyArn: string) => Promise<unknown>): Promise<void> {
  const policyName = `test-policy-${shortUid()}`;
  const created = await s.call('create_policy_response', s.admin.iam.send(new CreatePolicyCommand({ PolicyName: policyName, PolicyDocument: json(listFunctions) })));
  const arn = created.Policy!.Arn!;
  await s.fails('non_existent_malformed_policy_arn', attach('longpolicynamebutnoarn'));
  await s.fails('existing_policy_name_provided', attach(policyName));
  await s.fails('valid_arn_not_existent', attach(`${arn}123`));
  await s.call('valid_policy_arn', attach(arn));
}

/** Roles created under a fresh path, as the describe/list tests do. */
async function roleUnderPrefix(s: Scenario, step: string): Promise<{ roleName: string; prefix: string }> {
  const short = shortUid();
  const prefix = `/${short}/`;
  // LocalStack replaced `/<short>/` by `/<path-prefix>/`, so the placeholder is the part between the slashes.
  s.bind('<path-prefix>', short);
  const roleName = `role-${shortUid()}`;
  await s.call(step, s.admin.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: json(trustService('ec2.amazonaws.com')), Path: prefix })));
  return { roleName, prefix };
}

/**
 * The services whose service-linked role rolegate serves, as its catalog lists them: under
 * one fixed name (lifecycle and suffix-refused scenarios) or with an optional CustomSuffix
 * (lifecycle and suffixed-lifecycle scenarios). The suite requires each such scenario's row
 * in docs/aws-parity.md to say it runs, and every row that runs to have its steps, so the
 * catalog and the doc cannot drift apart.
 */
const FIXED_NAME_SERVICES = serviceLinkedRoleSpecs().filter((spec) => !spec.customSuffix).map((spec) => spec.service);
const SUFFIX_SERVICES = serviceLinkedRoleSpecs().filter((spec) => spec.customSuffix).map((spec) => spec.service);

/**
 * test_service_role_lifecycle: create the service's role (its answer is not recorded), then read it back;
 * test_service_role_lifecycle_custom_suffix the same with a CustomSuffix, which LocalStack recorded as `<suffix>`.
 */
async function serviceRoleLifecycle(s: Scenario, service: string, customSuffix?: string): Promise<void> {
  if (customSuffix !== undefined) s.bind('<suffix>', customSuffix);
  const roleName = (await s.admin.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: service, CustomSuffix: customSuffix }))).Role!.RoleName!;
  await s.call('describe-response', s.admin.iam.send(new GetRoleCommand({ RoleName: roleName })));
  await s.call('inline-role-policies', s.admin.iam.send(new ListRolePoliciesCommand({ RoleName: roleName })));
  await s.call('attached-role-policies', s.admin.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName })));
}

/** test_service_role_lifecycle_custom_suffix_not_allowed. */
async function serviceRoleSuffixRefused(s: Scenario, service: string): Promise<void> {
  await s.fails('custom-suffix-not-allowed', s.admin.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: service, CustomSuffix: 'testsuffix' })));
}

/** The service-specific credential tests: a fresh user, and a CodeCommit credential for it. */
async function userWithCredential(s: Scenario): Promise<{ userName: string; credentialId: string }> {
  const userName = `user-${shortUid()}`;
  await s.call('create-user-response', s.admin.iam.send(new CreateUserCommand({ UserName: userName })));
  const created = await s.call(
    'create-service-specific-credential-response',
    s.admin.iam.send(new CreateServiceSpecificCredentialCommand({ UserName: userName, ServiceName: 'codecommit.amazonaws.com' })),
  );
  return { userName, credentialId: created.ServiceSpecificCredential!.ServiceSpecificCredentialId! };
}

/** test_service_specific_credential_lifecycle, for one service. */
async function credentialLifecycle(s: Scenario, serviceName: string): Promise<void> {
  const userName = `user-${shortUid()}`;
  await s.call('create-user-response', s.admin.iam.send(new CreateUserCommand({ UserName: userName })));
  const created = await s.call('create-service-specific-credential-response', s.admin.iam.send(new CreateServiceSpecificCredentialCommand({ UserName: userName, ServiceName: serviceName })));
  const id = { UserName: userName, ServiceSpecificCredentialId: created.ServiceSpecificCredential!.ServiceSpecificCredentialId! };
  await s.call('list-service-specific-credentials-response-before-update', s.admin.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: userName, ServiceName: serviceName })));
  await s.call('update-service-specific-credential-response', s.admin.iam.send(new UpdateServiceSpecificCredentialCommand({ ...id, Status: 'Inactive' })));
  await s.call('list-service-specific-credentials-response-after-update', s.admin.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: userName, ServiceName: serviceName })));
  await s.call('reset-service-specific-credential-response', s.admin.iam.send(new ResetServiceSpecificCredentialCommand(id)));
  await s.call('delete-service-specific-credentials-response', s.admin.iam.send(new DeleteServiceSpecificCredentialCommand(id)));
}

/** test_id_match_user_mismatch and test_user_match_id_mismatch: Update, Reset and Delete with one wrong half. */
async function wrongCredential(s: Scenario, suffix: string, id: { UserName: string; ServiceSpecificCredentialId: string }): Promise<void> {
  await s.fails(`update-${suffix}`, s.admin.iam.send(new UpdateServiceSpecificCredentialCommand({ ...id, Status: 'Inactive' })));
  await s.fails(`reset-${suffix}`, s.admin.iam.send(new ResetServiceSpecificCredentialCommand(id)));
  await s.fails(`delete-${suffix}`, s.admin.iam.send(new DeleteServiceSpecificCredentialCommand(id)));
}

const steps: Record<string, Steps> = {
  'TestIAMIntegrations::test_update_assume_role_policy': async (s) => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] };
    const roleName = `role-${shortUid()}`;
    await s.call('created_role', s.admin.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: json(policy) })));
    await s.call('updated_policy', s.admin.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: json(policy) })));
    await s.admin.iam.send(new DeleteRoleCommand({ RoleName: roleName }));
  },

  'TestIAMExtensions::test_create_role_with_malformed_assume_role_policy_document': async (s) => {
    // The trailing comma after "Allow" makes it invalid JSON.
    const document = '\n{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": "sts:AssumeRole",\n      "Principal": "*",\n      "Effect": "Allow",\n    }\n  ]\n}\n';
    await s.fails('invalid-json', s.admin.iam.send(new CreateRoleCommand({ RoleName: `role-${shortUid()}`, AssumeRolePolicyDocument: document })));
  },

  'TestIAMIntegrations::test_list_roles_with_permission_boundary': async (s) => {
    const { roleName, prefix } = await roleUnderPrefix(s, 'created_role');
    const boundary = await s.admin.iam.send(new CreatePolicyCommand({ PolicyName: `policy-${shortUid()}`, PolicyDocument: json(listFunctions) }));
    await s.admin.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: roleName, PermissionsBoundary: boundary.Policy!.Arn! }));
    await s.call('list_roles_result', s.admin.iam.send(new ListRolesCommand({ PathPrefix: prefix })));
  },

  'TestIAMIntegrations::test_create_describe_role': async (s) => {
    const { roleName, prefix } = await roleUnderPrefix(s, 'create_role_result');
    await s.call('get_role_result', s.admin.iam.send(new GetRoleCommand({ RoleName: roleName })));
    await s.call('list_roles_result', s.admin.iam.send(new ListRolesCommand({ PathPrefix: prefix })));
  },

  'TestIAMIntegrations::test_role_attach_policy': async (s) => {
    const roleName = `test-role-${shortUid()}`;
    await s.admin.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: json(trustService('ec2.amazonaws.com')) }));
    await attachAttempts(s, (policyArn) => s.admin.iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn })));
  },

  'TestIAMIntegrations::test_user_attach_policy': async (s) => {
    const userName = `test-role-${shortUid()}`; // sic: LocalStack names the user so
    await s.admin.iam.send(new CreateUserCommand({ UserName: userName }));
    await attachAttempts(s, (policyArn) => s.admin.iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: policyArn })));
  },

  'TestIAMIntegrations::test_delete_non_existent_policy_returns_no_such_entity': async (s) => {
    await s.fails('delete-non-existent-policy-exc', s.admin.iam.send(new DeletePolicyCommand({ PolicyArn: `arn:aws:iam::${s.accountId}:policy/non-existent-policy` })));
  },

  'TestIAMExtensions::test_role_with_path_lifecycle': async (s) => {
    const roleName = `role-${shortUid()}`;
    const path = `/path${shortUid()}/`;
    s.bind('<path>', path);
    await s.call('create-role-response', s.admin.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: json(trustService('lambda.amazonaws.com')), Path: path })));
    await s.call('get-role-response', s.admin.iam.send(new GetRoleCommand({ RoleName: roleName })));
    await s.call('delete-role-response', s.admin.iam.send(new DeleteRoleCommand({ RoleName: roleName })));
  },

  'TestIAMPolicyEncoding::test_put_user_policy_encoding': async (s) => {
    const { policy } = encodingPolicies();
    const userName = `test-user-${shortUid()}`;
    const policyName = `test-policy-${shortUid()}`;
    await s.admin.iam.send(new CreateUserCommand({ UserName: userName }));
    await s.admin.iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: policyName, PolicyDocument: json(policy) }));
    await s.call('get-policy-response', s.admin.iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: policyName })));
  },

  'TestIAMPolicyEncoding::test_put_role_policy_encoding': async (s) => {
    const { policy, target } = encodingPolicies();
    const trust = { Version: '2012-10-17', Statement: [{ ...trustService('lambda.amazonaws.com').Statement[0], Condition: { StringEquals: { 'aws:SourceArn': target } } }] };
    const roleName = `test-role-${shortUid()}`;
    const policyName = `test-policy-${shortUid()}`;
    const path = `/${shortUid()}/`;
    s.bind('<path:1>', path);
    await s.call('create-role-response', s.admin.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: json(trust), Path: path })));
    await s.admin.iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: json(policy) }));
    await s.call('get-policy-response', s.admin.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })));
    await s.call('get-role-response', s.admin.iam.send(new GetRoleCommand({ RoleName: roleName })));
    await s.call('list-roles-response', s.admin.iam.send(new ListRolesCommand({ PathPrefix: path })));
  },

  'TestIAMPolicyEncoding::test_put_group_policy_encoding': async (s) => {
    const { policy } = encodingPolicies();
    const groupName = `test-group-${shortUid()}`;
    const policyName = `test-policy-${shortUid()}`;
    await s.admin.iam.send(new CreateGroupCommand({ GroupName: groupName }));
    await s.admin.iam.send(new PutGroupPolicyCommand({ GroupName: groupName, PolicyName: policyName, PolicyDocument: json(policy) }));
    await s.call('get-policy-response', s.admin.iam.send(new GetGroupPolicyCommand({ GroupName: groupName, PolicyName: policyName })));
  },

  ...Object.fromEntries((['role', 'group', 'user'] as const).map((kind) => [`TestIAMIntegrations::test_simulate_principle_policy[${kind}]`, (s: Scenario) => simulatePrinciple(s, kind)])),

  'TestRoles::test_role_with_tags': async (s) => {
    const roleName = `role-${shortUid()}`;
    const path = '/role-with-tags/';
    await s.call('create-role-response', s.admin.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: json(trustService('ec2.amazonaws.com')), Tags: [{ Key: 'test', Value: 'value' }], Path: path })));
    await s.call('get-role-response', s.admin.iam.send(new GetRoleCommand({ RoleName: roleName })));
    await s.call('list-role-response', s.admin.iam.send(new ListRolesCommand({ PathPrefix: path })));
  },

  ...Object.fromEntries(FIXED_NAME_SERVICES.flatMap((service) => [
    [`TestIAMServiceRoles::test_service_role_lifecycle[${service}]`, (s: Scenario) => serviceRoleLifecycle(s, service)],
    [`TestIAMServiceRoles::test_service_role_lifecycle_custom_suffix_not_allowed[${service}]`, (s: Scenario) => serviceRoleSuffixRefused(s, service)],
  ])),

  ...Object.fromEntries(SUFFIX_SERVICES.flatMap((service) => [
    [`TestIAMServiceRoles::test_service_role_lifecycle[${service}]`, (s: Scenario) => serviceRoleLifecycle(s, service)],
    [`TestIAMServiceRoles::test_service_role_lifecycle_custom_suffix[${service}]`, (s: Scenario) => serviceRoleLifecycle(s, service, shortUid())],
  ])),

  'TestIAMServiceRoles::test_service_role_already_exists': async (s) => {
    await s.admin.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'batch.amazonaws.com' }));
    await s.fails('role-already-exists-error', s.admin.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'batch.amazonaws.com' })));
  },

  'TestIAMServiceRoles::test_service_role_deletion': async (s) => {
    const roleName = (await s.admin.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'batch.amazonaws.com' }))).Role!.RoleName!;
    const deleted = await s.call('service-linked-role-deletion-response', s.admin.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: roleName })));
    // AWS's task had SUCCEEDED when LocalStack first asked; rolegate's has at once.
    await s.call('service-linked-role-deletion-status-response', s.admin.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: deleted.DeletionTaskId! })));
  },

  'TestIAMServiceSpecificCredentials::test_service_specific_credential_lifecycle[codecommit.amazonaws.com]': (s) => credentialLifecycle(s, 'codecommit.amazonaws.com'),

  'TestIAMServiceSpecificCredentials::test_service_specific_credential_lifecycle[cassandra.amazonaws.com]': (s) => credentialLifecycle(s, 'cassandra.amazonaws.com'),

  'TestIAMServiceSpecificCredentials::test_create_service_specific_credential_invalid_user': async (s) => {
    const create = (ServiceName: string) => s.admin.iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'non-existent-user', ServiceName }));
    await s.fails('invalid-user-name-exception', create('codecommit.amazonaws.com'));
    await s.fails('invalid-user-and-service-exception', create('nonexistentservice.amazonaws.com'));
  },

  'TestIAMServiceSpecificCredentials::test_create_service_specific_credential_invalid_service': async (s) => {
    const userName = `user-${shortUid()}`;
    await s.call('create-user-response', s.admin.iam.send(new CreateUserCommand({ UserName: userName })));
    const create = (ServiceName: string) => s.admin.iam.send(new CreateServiceSpecificCredentialCommand({ UserName: userName, ServiceName }));
    await s.fails('invalid-service-exception', create('nonexistentservice.amazonaws.com'));
    await s.fails('invalid-service-completely-malformed-exception', create('o3on3n3onosneo'));
    await s.fails('invalid-service-existing-but-unsupported-exception', create('lambda.amazonaws.com'));
  },

  'TestIAMServiceSpecificCredentials::test_list_service_specific_credential_different_service': async (s) => {
    const userName = `user-${shortUid()}`;
    await s.call('create-user-response', s.admin.iam.send(new CreateUserCommand({ UserName: userName })));
    await s.fails('list-service-specific-credentials-invalid-service', s.admin.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: userName, ServiceName: 'nonexistentservice.amazonaws.com' })));
    await s.call('create-service-specific-credential-response', s.admin.iam.send(new CreateServiceSpecificCredentialCommand({ UserName: userName, ServiceName: 'codecommit.amazonaws.com' })));
    await s.call('list-service-specific-credentials-response-wrong-service', s.admin.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: userName, ServiceName: 'cassandra.amazonaws.com' })));
  },

  'TestIAMServiceSpecificCredentials::test_delete_user_after_service_credential_created': async (s) => {
    const { userName } = await userWithCredential(s);
    await s.fails('delete-user-existing-credential', s.admin.iam.send(new DeleteUserCommand({ UserName: userName })));
  },

  'TestIAMServiceSpecificCredentials::test_id_match_user_mismatch': async (s) => {
    const { credentialId } = await userWithCredential(s);
    await wrongCredential(s, 'wrong-user-name', { UserName: 'wrong-user-name', ServiceSpecificCredentialId: credentialId });
  },

  'TestIAMServiceSpecificCredentials::test_user_match_id_mismatch[totally-wrong-credential-id-with-hyphens]': async (s) => {
    const { userName } = await userWithCredential(s);
    await wrongCredential(s, 'wrong-id', { UserName: userName, ServiceSpecificCredentialId: 'totally-wrong-credential-id-with-hyphens' });
  },

  'TestIAMServiceSpecificCredentials::test_user_match_id_mismatch[satisfiesregexbutstillinvalid]': async (s) => {
    const { userName } = await userWithCredential(s);
    await wrongCredential(s, 'wrong-id', { UserName: userName, ServiceSpecificCredentialId: 'satisfiesregexbutstillinvalid' });
  },

  'TestIAMServiceSpecificCredentials::test_invalid_update_parameters': async (s) => {
    const { credentialId } = await userWithCredential(s);
    // No UserName, and a status outside the enum: the status is refused first.
    await s.fails('update-invalid-status', s.admin.iam.send(new UpdateServiceSpecificCredentialCommand({ ServiceSpecificCredentialId: credentialId, Status: 'Invalid' as never })));
  },
};

/**
 * A principal with one managed policy allowing s3:PutObject, simulated for PutObject and
 * GetObjectVersion on a bucket. LocalStack creates the bucket in S3; here it is only a
 * name in the resource ARN, which the recording shows as `bucket`.
 */
async function simulatePrinciple(s: Scenario, kind: 'role' | 'group' | 'user'): Promise<void> {
  const policyArn = (await s.admin.iam.send(new CreatePolicyCommand({
    PolicyName: `policy-${shortUid()}`,
    PolicyDocument: pyJson({ Version: '2012-10-17', Statement: { Sid: '', Effect: 'Allow', Action: 's3:PutObject', Resource: '*' } }),
  }))).Policy!.Arn!;
  let arn: string;
  if (kind === 'role') {
    const roleName = `role-${shortUid()}`;
    const trust = { Version: '2012-10-17', Statement: { Sid: '', Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' } };
    arn = (await s.admin.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: json(trust) }))).Role!.Arn!;
    await s.admin.iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }));
  } else if (kind === 'group') {
    const groupName = `group-${shortUid()}`;
    arn = (await s.admin.iam.send(new CreateGroupCommand({ GroupName: groupName }))).Group!.Arn!;
    await s.admin.iam.send(new AttachGroupPolicyCommand({ GroupName: groupName, PolicyArn: policyArn }));
  } else {
    const userName = `user-${shortUid()}`;
    arn = (await s.admin.iam.send(new CreateUserCommand({ UserName: userName }))).User!.Arn!;
    await s.admin.iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: policyArn }));
  }
  await s.call('response', s.admin.iam.send(new SimulatePrincipalPolicyCommand({
    PolicySourceArn: arn,
    ActionNames: ['s3:PutObject', 's3:GetObjectVersion'],
    ResourceArns: ['arn:aws:s3:::bucket'],
  })));
}

paritySuite('snapshots/iam/test_iam.snapshot.json', 'test_iam.py', steps);
