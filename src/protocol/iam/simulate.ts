/**
 * The policy simulator on the wire: SimulateCustomPolicy and SimulatePrincipalPolicy take
 * policies, actions, resources and context entries, and answer SimulatePolicyResponse
 * (EvaluationResults, paged with Marker/MaxItems). Written from IAM's API model.
 */
import { boolean, integer, list, map, string, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import { arnType, booleanType, markerType, maxItemsType, policyDocumentType, responseMarkerType } from './common.js';

const actionNameType = string({ min: 3, max: 128 });
const resourceNameType = string({ min: 1, max: 2048 });
const decisionType = string({ enum: ['allowed', 'explicitDeny', 'implicitDeny'] });

const ContextEntry = structure({
  ContextKeyName: string({ min: 5, max: 256 }),
  ContextKeyValues: list(string()),
  ContextKeyType: string({
    enum: ['string', 'stringList', 'numeric', 'numericList', 'boolean', 'booleanList', 'ip', 'ipList', 'binary', 'binaryList', 'date', 'dateList'],
  }),
});

const simulationMembers = {
  PolicyInputList: list(policyDocumentType),
  PermissionsBoundaryPolicyInputList: list(policyDocumentType),
  ActionNames: list(actionNameType),
  ResourceArns: list(resourceNameType),
  ResourcePolicy: policyDocumentType,
  ResourceOwner: resourceNameType,
  CallerArn: resourceNameType,
  ContextEntries: list(ContextEntry),
  ResourceHandlingOption: string({ min: 1, max: 64 }),
  MaxItems: maxItemsType,
  Marker: markerType,
};

export const SimulateCustomPolicyInput = structure(simulationMembers, { required: ['PolicyInputList', 'ActionNames'] });
export type SimulateCustomPolicyInput = Infer<typeof SimulateCustomPolicyInput>;

export const SimulatePrincipalPolicyInput = structure({ PolicySourceArn: arnType, ...simulationMembers }, { required: ['PolicySourceArn', 'ActionNames'] });
export type SimulatePrincipalPolicyInput = Infer<typeof SimulatePrincipalPolicyInput>;

const Position = structure({ Line: integer(), Column: integer() });
const Statement = structure({ SourcePolicyId: string(), SourcePolicyType: string(), StartPosition: Position, EndPosition: Position });
const PermissionsBoundaryDecisionDetail = structure({ AllowedByPermissionsBoundary: booleanType });
const evalDecisionDetails = map(decisionType);

const ResourceSpecificResult = structure({
  EvalResourceName: string(),
  EvalResourceDecision: decisionType,
  MatchedStatements: list(Statement),
  MissingContextValues: list(string()),
  EvalDecisionDetails: evalDecisionDetails,
  PermissionsBoundaryDecisionDetail,
});

const EvaluationResult = structure({
  EvalActionName: string(),
  EvalResourceName: string(),
  EvalDecision: decisionType,
  MatchedStatements: list(Statement),
  MissingContextValues: list(string()),
  OrganizationsDecisionDetail: structure({ AllowedByOrganizations: boolean() }),
  PermissionsBoundaryDecisionDetail,
  EvalDecisionDetails: evalDecisionDetails,
  ResourceSpecificResults: list(ResourceSpecificResult),
});

export const SimulatePolicyResponse = structure({ EvaluationResults: list(EvaluationResult), IsTruncated: booleanType, Marker: responseMarkerType });

export const simulateOperations = {
  SimulateCustomPolicy: { name: 'SimulateCustomPolicy', input: SimulateCustomPolicyInput, output: SimulatePolicyResponse },
  SimulatePrincipalPolicy: { name: 'SimulatePrincipalPolicy', input: SimulatePrincipalPolicyInput, output: SimulatePolicyResponse },
} as const satisfies Readonly<Record<string, QueryOperation>>;
