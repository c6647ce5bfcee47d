/**
 * The operations rolegate serves, by service: each operation's wire shapes come from
 * protocol/, its handler from services/. A name served without a handler, or a handler
 * without a shape, fails at start, not at the first request.
 */
import { iamService } from '../protocol/iam/service.js';
import { stsService } from '../protocol/sts/service.js';
import { rolegateService } from '../protocol/rolegate/service.js';
import type { QueryService } from '../protocol/index.js';
import type { Operation, UnsignedOperation } from '../services/context.js';
import * as accessKeys from '../services/iam/access-keys.js';
import { getAccountAuthorizationDetails } from '../services/iam/authorization-details.js';
import * as account from '../services/iam/account.js';
import * as inline from '../services/iam/inline-policies.js';
import * as managed from '../services/iam/managed-policies.js';
import * as groups from '../services/iam/groups.js';
import * as profiles from '../services/iam/instance-profiles.js';
import * as profileRoles from '../services/iam/instance-profile-roles.js';
import * as entities from '../services/iam/policy-entities.js';
import * as versions from '../services/iam/policy-versions.js';
import * as roles from '../services/iam/roles.js';
import * as simulation from '../services/iam/simulate.js';
import * as serviceLinkedRoles from '../services/iam/service-linked-roles.js';
import * as users from '../services/iam/users.js';
import * as serviceCredentials from '../services/iam/service-credentials.js';
import * as oidc from '../services/iam/oidc-providers.js';
import * as mfa from '../services/iam/mfa-devices.js';
import { getInstanceCredentials } from '../services/compute/instance-credentials.js';
import { getTaskCredentials } from '../services/compute/task-credentials.js';
import { assumeRole } from '../services/sts/assume-role.js';
import { getAccessKeyInfo, getCallerIdentity } from '../services/sts/caller-identity.js';
import { getFederationToken } from '../services/sts/federation-token.js';
import { getSessionToken } from '../services/sts/session-token.js';
import { assumeRoleWithWebIdentity } from '../services/sts/web-identity.js';
import type { ApiTable, ServedService } from './api-table.js';

// A handler's input type is what its operation's input shape reads; the pairing by name
// below is checked against the shapes when the table is built.
type AnyOperation = Operation<never, unknown>;
type AnyUnsignedOperation = UnsignedOperation<never, unknown>;

const STS_HANDLERS: Readonly<Record<string, AnyOperation>> = {
  AssumeRole: assumeRole as AnyOperation,
  GetCallerIdentity: getCallerIdentity as AnyOperation,
  GetSessionToken: getSessionToken as AnyOperation,
  GetAccessKeyInfo: getAccessKeyInfo as AnyOperation,
  GetFederationToken: getFederationToken as AnyOperation,
};

/** STS's calls that AWS serves unsigned: the token they carry is the proof of identity. */
const STS_UNSIGNED: Readonly<Record<string, AnyUnsignedOperation>> = {
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity as AnyUnsignedOperation,
};

const IAM_HANDLERS: Readonly<Record<string, AnyOperation>> = {
  CreateUser: users.createUser as AnyOperation,
  GetUser: users.getUser as AnyOperation,
  ListUsers: users.listUsers as AnyOperation,
  DeleteUser: users.deleteUser as AnyOperation,
  TagUser: users.tagUser as AnyOperation,
  UntagUser: users.untagUser as AnyOperation,
  ListUserTags: users.listUserTags as AnyOperation,
  PutUserPermissionsBoundary: users.putUserPermissionsBoundary as AnyOperation,
  DeleteUserPermissionsBoundary: users.deleteUserPermissionsBoundary as AnyOperation,
  CreateAccessKey: accessKeys.createAccessKey as AnyOperation,
  ListAccessKeys: accessKeys.listAccessKeys as AnyOperation,
  UpdateAccessKey: accessKeys.updateAccessKey as AnyOperation,
  DeleteAccessKey: accessKeys.deleteAccessKey as AnyOperation,
  CreateRole: roles.createRole as AnyOperation,
  GetRole: roles.getRole as AnyOperation,
  ListRoles: roles.listRoles as AnyOperation,
  UpdateRole: roles.updateRole as AnyOperation,
  UpdateAssumeRolePolicy: roles.updateAssumeRolePolicy as AnyOperation,
  DeleteRole: roles.deleteRole as AnyOperation,
  TagRole: roles.tagRole as AnyOperation,
  UntagRole: roles.untagRole as AnyOperation,
  ListRoleTags: roles.listRoleTags as AnyOperation,
  PutRolePermissionsBoundary: roles.putRolePermissionsBoundary as AnyOperation,
  DeleteRolePermissionsBoundary: roles.deleteRolePermissionsBoundary as AnyOperation,
  PutUserPolicy: inline.putUserPolicy as AnyOperation,
  GetUserPolicy: inline.getUserPolicy as AnyOperation,
  DeleteUserPolicy: inline.deleteUserPolicy as AnyOperation,
  ListUserPolicies: inline.listUserPolicies as AnyOperation,
  PutRolePolicy: inline.putRolePolicy as AnyOperation,
  GetRolePolicy: inline.getRolePolicy as AnyOperation,
  DeleteRolePolicy: inline.deleteRolePolicy as AnyOperation,
  ListRolePolicies: inline.listRolePolicies as AnyOperation,
  CreatePolicy: managed.createPolicy as AnyOperation,
  GetPolicy: managed.getPolicy as AnyOperation,
  DeletePolicy: managed.deletePolicy as AnyOperation,
  ListPolicies: managed.listPolicies as AnyOperation,
  ListEntitiesForPolicy: entities.listEntitiesForPolicy as AnyOperation,
  CreatePolicyVersion: versions.createPolicyVersion as AnyOperation,
  GetPolicyVersion: versions.getPolicyVersion as AnyOperation,
  ListPolicyVersions: versions.listPolicyVersions as AnyOperation,
  SetDefaultPolicyVersion: versions.setDefaultPolicyVersion as AnyOperation,
  DeletePolicyVersion: versions.deletePolicyVersion as AnyOperation,
  TagPolicy: managed.tagPolicy as AnyOperation,
  UntagPolicy: managed.untagPolicy as AnyOperation,
  ListPolicyTags: managed.listPolicyTags as AnyOperation,
  AttachUserPolicy: managed.attachUserPolicy as AnyOperation,
  DetachUserPolicy: managed.detachUserPolicy as AnyOperation,
  ListAttachedUserPolicies: managed.listAttachedUserPolicies as AnyOperation,
  AttachRolePolicy: managed.attachRolePolicy as AnyOperation,
  DetachRolePolicy: managed.detachRolePolicy as AnyOperation,
  ListAttachedRolePolicies: managed.listAttachedRolePolicies as AnyOperation,
  CreateGroup: groups.createGroup as AnyOperation,
  GetGroup: groups.getGroup as AnyOperation,
  ListGroups: groups.listGroups as AnyOperation,
  UpdateGroup: groups.updateGroup as AnyOperation,
  DeleteGroup: groups.deleteGroup as AnyOperation,
  AddUserToGroup: groups.addUserToGroup as AnyOperation,
  RemoveUserFromGroup: groups.removeUserFromGroup as AnyOperation,
  ListGroupsForUser: groups.listGroupsForUser as AnyOperation,
  PutGroupPolicy: inline.putGroupPolicy as AnyOperation,
  GetGroupPolicy: inline.getGroupPolicy as AnyOperation,
  DeleteGroupPolicy: inline.deleteGroupPolicy as AnyOperation,
  ListGroupPolicies: inline.listGroupPolicies as AnyOperation,
  AttachGroupPolicy: managed.attachGroupPolicy as AnyOperation,
  DetachGroupPolicy: managed.detachGroupPolicy as AnyOperation,
  ListAttachedGroupPolicies: managed.listAttachedGroupPolicies as AnyOperation,
  CreateInstanceProfile: profiles.createInstanceProfile as AnyOperation,
  GetInstanceProfile: profiles.getInstanceProfile as AnyOperation,
  ListInstanceProfiles: profiles.listInstanceProfiles as AnyOperation,
  DeleteInstanceProfile: profiles.deleteInstanceProfile as AnyOperation,
  TagInstanceProfile: profiles.tagInstanceProfile as AnyOperation,
  UntagInstanceProfile: profiles.untagInstanceProfile as AnyOperation,
  ListInstanceProfileTags: profiles.listInstanceProfileTags as AnyOperation,
  AddRoleToInstanceProfile: profileRoles.addRoleToInstanceProfile as AnyOperation,
  RemoveRoleFromInstanceProfile: profileRoles.removeRoleFromInstanceProfile as AnyOperation,
  ListInstanceProfilesForRole: profileRoles.listInstanceProfilesForRole as AnyOperation,
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails as AnyOperation,
  CreateAccountAlias: account.createAccountAlias as AnyOperation,
  DeleteAccountAlias: account.deleteAccountAlias as AnyOperation,
  ListAccountAliases: account.listAccountAliases as AnyOperation,
  GetAccountSummary: account.getAccountSummary as AnyOperation,
  SimulateCustomPolicy: simulation.simulateCustomPolicy as AnyOperation,
  SimulatePrincipalPolicy: simulation.simulatePrincipalPolicy as AnyOperation,
  CreateServiceLinkedRole: serviceLinkedRoles.createServiceLinkedRole as AnyOperation,
  DeleteServiceLinkedRole: serviceLinkedRoles.deleteServiceLinkedRole as AnyOperation,
  GetServiceLinkedRoleDeletionStatus: serviceLinkedRoles.getServiceLinkedRoleDeletionStatus as AnyOperation,
  CreateServiceSpecificCredential: serviceCredentials.createServiceSpecificCredential as AnyOperation,
  ListServiceSpecificCredentials: serviceCredentials.listServiceSpecificCredentials as AnyOperation,
  UpdateServiceSpecificCredential: serviceCredentials.updateServiceSpecificCredential as AnyOperation,
  ResetServiceSpecificCredential: serviceCredentials.resetServiceSpecificCredential as AnyOperation,
  DeleteServiceSpecificCredential: serviceCredentials.deleteServiceSpecificCredential as AnyOperation,
  CreateOpenIDConnectProvider: oidc.createOpenIDConnectProvider as AnyOperation,
  GetOpenIDConnectProvider: oidc.getOpenIDConnectProvider as AnyOperation,
  ListOpenIDConnectProviders: oidc.listOpenIDConnectProviders as AnyOperation,
  DeleteOpenIDConnectProvider: oidc.deleteOpenIDConnectProvider as AnyOperation,
  UpdateOpenIDConnectProviderThumbprint: oidc.updateOpenIDConnectProviderThumbprint as AnyOperation,
  AddClientIDToOpenIDConnectProvider: oidc.addClientIDToOpenIDConnectProvider as AnyOperation,
  RemoveClientIDFromOpenIDConnectProvider: oidc.removeClientIDFromOpenIDConnectProvider as AnyOperation,
  TagOpenIDConnectProvider: oidc.tagOpenIDConnectProvider as AnyOperation,
  UntagOpenIDConnectProvider: oidc.untagOpenIDConnectProvider as AnyOperation,
  ListOpenIDConnectProviderTags: oidc.listOpenIDConnectProviderTags as AnyOperation,
  CreateVirtualMFADevice: mfa.createVirtualMFADevice as AnyOperation,
  EnableMFADevice: mfa.enableMFADevice as AnyOperation,
  DeactivateMFADevice: mfa.deactivateMFADevice as AnyOperation,
  ListMFADevices: mfa.listMFADevices as AnyOperation,
  ListVirtualMFADevices: mfa.listVirtualMFADevices as AnyOperation,
  DeleteVirtualMFADevice: mfa.deleteVirtualMFADevice as AnyOperation,
};

/** rolegate's own API: what EC2 and ECS do for the instances and tasks `rolegate run` starts. */
const ROLEGATE_HANDLERS: Readonly<Record<string, AnyOperation>> = {
  GetInstanceCredentials: getInstanceCredentials as AnyOperation,
  GetTaskCredentials: getTaskCredentials as AnyOperation,
};

function served(
  signingName: string,
  protocol: QueryService,
  handlers: Readonly<Record<string, AnyOperation>>,
  unsigned: Readonly<Record<string, AnyUnsignedOperation>> = {},
): ServedService {
  const names = new Set([...protocol.operations.keys(), ...Object.keys(handlers), ...Object.keys(unsigned)]);
  for (const name of names) {
    // Exactly one handler per shape: a name cannot be both signed and unsigned.
    if (!protocol.operations.has(name) || Object.hasOwn(handlers, name) === Object.hasOwn(unsigned, name)) {
      throw new Error(`${signingName}:${name} needs both a wire shape and a handler`);
    }
  }
  return { signingName, protocol, handlers: new Map(Object.entries(handlers)), unsigned: new Map(Object.entries(unsigned)) };
}

export function apiTable(): ApiTable {
  return new Map([
    ['sts', served('sts', stsService, STS_HANDLERS, STS_UNSIGNED)],
    ['iam', served('iam', iamService, IAM_HANDLERS)],
    ['rolegate', served('rolegate', rolegateService, ROLEGATE_HANDLERS)],
  ]);
}
