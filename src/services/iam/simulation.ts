/**
 * One simulation, as SimulateCustomPolicy and SimulatePrincipalPolicy answer it: an
 * EvaluationResult per action (the API reference's EvaluationResult: "the simulator now
 * returns a single EvaluationResult per action, regardless of how many resource ARNs are
 * provided"), its top-level decision the most restrictive of its resources', and with
 * ResourceArns given one ResourceSpecificResult per resource. Without ResourceArns the
 * resource is `*` and no ResourceSpecificResults are sent, as recorded answers show.
 *
 * Statements are named as IAM's simulator names them (recorded answers): SourcePolicyType
 * `IAM Policy` for identity policies and `Resource Policy` for the ResourcePolicy.
 */
import { parseArn } from '../../arn/index.js';
import {
  RequestContext,
  simulate,
  type CompiledPolicy,
  type ContextValue,
  type MatchedStatement,
  type PolicyType,
  type RequestPrincipal,
  type Simulation,
} from '../../policy/index.js';
import { paginate, type PageRequest } from './pagination.js';

export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface PositionView {
  Line: number;
  Column: number;
}

export interface StatementView {
  SourcePolicyId: string;
  SourcePolicyType: string;
  StartPosition?: PositionView | undefined;
  EndPosition?: PositionView | undefined;
}

interface BoundaryDetail {
  AllowedByPermissionsBoundary: boolean;
}

export interface ResourceSpecificResultView {
  EvalResourceName: string;
  EvalResourceDecision: EvalDecision;
  MatchedStatements: StatementView[];
  MissingContextValues: string[];
  PermissionsBoundaryDecisionDetail?: BoundaryDetail | undefined;
}

export interface EvaluationResultView {
  EvalActionName: string;
  EvalResourceName: string;
  EvalDecision: EvalDecision;
  MatchedStatements: StatementView[];
  MissingContextValues: string[];
  OrganizationsDecisionDetail: { AllowedByOrganizations: boolean };
  PermissionsBoundaryDecisionDetail?: BoundaryDetail | undefined;
  EvalDecisionDetails?: Map<string, EvalDecision> | undefined;
  ResourceSpecificResults?: ResourceSpecificResultView[] | undefined;
}

export interface SimulatePolicyResult {
  EvaluationResults: EvaluationResultView[];
  IsTruncated: boolean;
  Marker?: string | undefined;
}

/** The policies a simulation runs with, compiled and named as the simulator names them. */
export interface SimulationPolicies {
  readonly identity: readonly CompiledPolicy[];
  readonly boundary: CompiledPolicy | undefined;
  readonly resource: CompiledPolicy | undefined;
}

export interface SimulationRequest extends PageRequest {
  readonly principal: RequestPrincipal;
  readonly actions: readonly string[];
  /** Undefined when the request named none: the simulation runs on `*`. */
  readonly resources: readonly string[] | undefined;
  /** The account owning resources whose ARN names none (ResourceOwner), else the principal's. */
  readonly resourceOwner: string;
  readonly context: readonly (readonly [string, ContextValue])[];
}

const SOURCE_TYPE: Readonly<Record<PolicyType, string>> = {
  identity: 'IAM Policy',
  // AWS's name for a boundary's statements is not on record; its other identity-side policies say `IAM Policy`.
  boundary: 'IAM Policy',
  session: 'IAM Policy',
  resource: 'Resource Policy',
  scp: 'IAM Policy',
  rcp: 'IAM Policy',
};

const DECISION: Readonly<Record<Simulation['decision']['effect'], EvalDecision>> = {
  Allow: 'allowed',
  ExplicitDeny: 'explicitDeny',
  ImplicitDeny: 'implicitDeny',
};
/**
 * rolegate's accounts belong to no organization, so no SCP can deny; AWS answers
 * `AllowedByOrganizations: true` in that case too (LocalStack's recording of
 * test_simulate_principle_policy).
 */
const NO_ORGANIZATION_DENIES = Object.freeze({ AllowedByOrganizations: true });

const RESTRICTIVENESS: Readonly<Record<EvalDecision, number>> = { allowed: 0, implicitDeny: 1, explicitDeny: 2 };

export function runSimulation(request: SimulationRequest, policies: SimulationPolicies): SimulatePolicyResult {
  const results = request.actions.map((action) => evaluate(action, request, policies));
  // Results keep the order of ActionNames: the page key is each result's position.
  const keyed = results.map((result, i) => ({ result, key: String(i).padStart(8, '0') }));
  const page = paginate(keyed, (k) => k.key, request);
  return { EvaluationResults: page.items.map((k) => k.result), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

function evaluate(action: string, request: SimulationRequest, policies: SimulationPolicies): EvaluationResultView {
  const context = new RequestContext(request.context);
  const run = (resource: string): Simulation =>
    simulate(
      { principal: request.principal, action, resource, resourceAccount: accountOf(resource, request.resourceOwner), context },
      { identity: policies.identity, boundary: policies.boundary, resource: policies.resource },
    );
  if (request.resources === undefined) {
    const sim = run('*');
    return {
      EvalActionName: action,
      EvalResourceName: '*',
      EvalDecision: DECISION[sim.decision.effect],
      MatchedStatements: sim.statements.map(statementView),
      MissingContextValues: [...sim.missingContextKeys],
      OrganizationsDecisionDetail: NO_ORGANIZATION_DENIES,
      PermissionsBoundaryDecisionDetail: boundaryDetail(sim),
    };
  }
  const perResource = request.resources.map((resource) => ({ resource, sim: run(resource) }));
  const specific = perResource.map(({ resource, sim }) => resourceResult(resource, sim));
  // The aggregate is the most restrictive resource's decision; its statements and missing
  // keys are those of the resources that decided so, each once.
  const worst = specific.reduce((a, b) => (RESTRICTIVENESS[b.EvalResourceDecision] > RESTRICTIVENESS[a.EvalResourceDecision] ? b : a));
  const deciding = perResource.filter((_, i) => specific[i]?.EvalResourceDecision === worst.EvalResourceDecision);
  return {
    EvalActionName: action,
    EvalResourceName: worst.EvalResourceName,
    EvalDecision: worst.EvalResourceDecision,
    MatchedStatements: unique(deciding.flatMap(({ sim }) => sim.statements)).map(statementView),
    MissingContextValues: [...new Set(perResource.flatMap(({ sim }) => sim.missingContextKeys))],
    OrganizationsDecisionDetail: NO_ORGANIZATION_DENIES,
    PermissionsBoundaryDecisionDetail: worst.PermissionsBoundaryDecisionDetail,
    // Same-account simulations on named resources carry the map, empty (API reference, EvalDecisionDetails).
    EvalDecisionDetails: new Map(),
    ResourceSpecificResults: specific,
  };
}

function resourceResult(resource: string, sim: Simulation): ResourceSpecificResultView {
  return {
    EvalResourceName: resource,
    EvalResourceDecision: DECISION[sim.decision.effect],
    MatchedStatements: sim.statements.map(statementView),
    MissingContextValues: [...sim.missingContextKeys],
    PermissionsBoundaryDecisionDetail: boundaryDetail(sim),
  };
}

const boundaryDetail = (sim: Simulation): BoundaryDetail | undefined =>
  sim.allowedByBoundary === undefined ? undefined : { AllowedByPermissionsBoundary: sim.allowedByBoundary };

function statementView(m: MatchedStatement): StatementView {
  const span = m.statement.span;
  return {
    SourcePolicyId: m.policy.id,
    SourcePolicyType: SOURCE_TYPE[m.policy.type],
    StartPosition: span === undefined ? undefined : { Line: span.lead.line, Column: span.lead.column },
    EndPosition: span === undefined ? undefined : { Line: span.end.line, Column: span.end.column },
  };
}

const unique = (statements: readonly MatchedStatement[]): MatchedStatement[] => [...new Set(statements)];

/** The account in a resource ARN, or the owner given for resources whose ARN names none (S3's). */
function accountOf(resource: string, owner: string): string {
  const account = parseArn(resource)?.account;
  return account === undefined || account === '' ? owner : account;
}
