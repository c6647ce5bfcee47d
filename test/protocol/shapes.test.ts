/**
 * Our hand-written IAM and STS shapes against AWS's API models, read in place from
 * ../shared/aws-reference (never copied into the project): every input member with the
 * model's constraints and nothing the model lacks, every output member in the model's
 * order and wire form. Then every operation end to end: a request as a client writes it
 * reads back as the input, and what the services return writes XML that reads back as
 * the same values.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  deserializeInput,
  IAM_OPERATIONS,
  iamService,
  type Infer,
  type MemberRef,
  type QueryOperation,
  type QueryService,
  readQueryParams,
  resolveOperation,
  serializeResponse,
  type Shape,
  STS_OPERATIONS,
  stsService,
  type StructureShape,
} from '../../src/protocol/index.js';
import { toJsonForm } from './botocore-shapes.js';
import { queryBody } from './query-client.js';
import { type HandlerOutput, type Handlers, INPUTS, type InputOf, MORE_OUTPUTS, type Operations, OUTPUTS, TRUST_POLICY } from './shape-samples.js';
import { child, parseXml, readResult, textOf } from './xml-reader.js';

const REFERENCE = path.resolve(import.meta.dirname, '../../../shared/aws-reference');
const MODEL_FILES = { sts: path.join(REFERENCE, 'sts.service-2.json'), iam: path.join(REFERENCE, 'iam.service-2.json') } as const;
const SNAPSHOT = path.join(REFERENCE, 'snapshots/iam/test_iam.snapshot.json');
const HAVE_MODELS = existsSync(MODEL_FILES.sts) && existsSync(MODEL_FILES.iam);
const NO_MODELS = 'skipped: the AWS API models are not at ../shared/aws-reference (reference data kept outside the project)';

/** The operations rolegate serves today; a new one must be added here and to its service. */
const SERVED = {
  sts: ['AssumeRole', 'GetCallerIdentity', 'GetSessionToken', 'GetAccessKeyInfo', 'GetFederationToken', 'AssumeRoleWithWebIdentity'],
  iam: [
    'CreateUser', 'GetUser', 'ListUsers', 'DeleteUser', 'TagUser', 'UntagUser', 'ListUserTags',
    'PutUserPermissionsBoundary', 'DeleteUserPermissionsBoundary',
    'CreateAccessKey', 'ListAccessKeys', 'UpdateAccessKey', 'DeleteAccessKey',
    'CreateRole', 'GetRole', 'ListRoles', 'UpdateRole', 'UpdateAssumeRolePolicy', 'DeleteRole', 'TagRole', 'UntagRole', 'ListRoleTags',
    'PutRolePermissionsBoundary', 'DeleteRolePermissionsBoundary',
    'PutUserPolicy', 'GetUserPolicy', 'DeleteUserPolicy', 'ListUserPolicies', 'PutRolePolicy', 'GetRolePolicy', 'DeleteRolePolicy', 'ListRolePolicies',
    'CreatePolicy', 'GetPolicy', 'DeletePolicy', 'ListPolicies', 'ListEntitiesForPolicy',
    'CreatePolicyVersion', 'GetPolicyVersion', 'ListPolicyVersions', 'SetDefaultPolicyVersion', 'DeletePolicyVersion', 'TagPolicy', 'UntagPolicy', 'ListPolicyTags', 'AttachUserPolicy', 'DetachUserPolicy', 'ListAttachedUserPolicies',
    'AttachRolePolicy', 'DetachRolePolicy', 'ListAttachedRolePolicies',
    'CreateGroup', 'GetGroup', 'ListGroups', 'UpdateGroup', 'DeleteGroup', 'AddUserToGroup', 'RemoveUserFromGroup', 'ListGroupsForUser',
    'PutGroupPolicy', 'GetGroupPolicy', 'DeleteGroupPolicy', 'ListGroupPolicies', 'AttachGroupPolicy', 'DetachGroupPolicy', 'ListAttachedGroupPolicies',
    'CreateInstanceProfile', 'GetInstanceProfile', 'ListInstanceProfiles', 'DeleteInstanceProfile', 'AddRoleToInstanceProfile',
    'RemoveRoleFromInstanceProfile', 'ListInstanceProfilesForRole', 'TagInstanceProfile', 'UntagInstanceProfile', 'ListInstanceProfileTags',
    'GetAccountAuthorizationDetails',
    'CreateAccountAlias', 'DeleteAccountAlias', 'ListAccountAliases', 'GetAccountSummary',
    'SimulateCustomPolicy', 'SimulatePrincipalPolicy',
    'CreateServiceLinkedRole', 'DeleteServiceLinkedRole', 'GetServiceLinkedRoleDeletionStatus',
    'CreateServiceSpecificCredential', 'ListServiceSpecificCredentials', 'UpdateServiceSpecificCredential', 'ResetServiceSpecificCredential',
    'DeleteServiceSpecificCredential',
    'CreateOpenIDConnectProvider', 'GetOpenIDConnectProvider', 'ListOpenIDConnectProviders', 'DeleteOpenIDConnectProvider',
    'UpdateOpenIDConnectProviderThumbprint', 'AddClientIDToOpenIDConnectProvider', 'RemoveClientIDFromOpenIDConnectProvider',
    'TagOpenIDConnectProvider', 'UntagOpenIDConnectProvider', 'ListOpenIDConnectProviderTags',
    'CreateVirtualMFADevice', 'EnableMFADevice', 'DeactivateMFADevice', 'ListMFADevices', 'ListVirtualMFADevices', 'DeleteVirtualMFADevice',
  ],
} as const;

/** Input members we have and the 2022 model does not, each with its reason and source. */
const NEWER_THAN_MODEL: Readonly<Record<string, string>> = {
  'AssumeRole.ProvidedContexts': 'added to STS in 2023 (trusted identity propagation); written from the STS API reference, API_AssumeRole and API_ProvidedContext',
};

/** Model input members we leave out, each with its reason. None today. */
const LEFT_OUT: Readonly<Record<string, string>> = {};

/** The members IAM sends URL-encoded (TestIAMPolicyEncoding): policy documents in responses. */
const URL_ENCODED = [
  'CreateRole.Role.AssumeRolePolicyDocument',
  'GetRole.Role.AssumeRolePolicyDocument',
  'ListRoles.Roles.member.AssumeRolePolicyDocument',
  'GetUserPolicy.PolicyDocument',
  'GetRolePolicy.PolicyDocument',
  'GetGroupPolicy.PolicyDocument',
  // PolicyVersion.Document: returned by GetPolicyVersion only, URL-encoded (the model's documentation).
  'CreatePolicyVersion.PolicyVersion.Document',
  'GetPolicyVersion.PolicyVersion.Document',
  'ListPolicyVersions.Versions.member.Document',
  'GetAccountAuthorizationDetails.UserDetailList.member.UserPolicyList.member.PolicyDocument',
  'GetAccountAuthorizationDetails.GroupDetailList.member.GroupPolicyList.member.PolicyDocument',
  'GetAccountAuthorizationDetails.RoleDetailList.member.AssumeRolePolicyDocument',
  'GetAccountAuthorizationDetails.RoleDetailList.member.InstanceProfileList.member.Roles.member.AssumeRolePolicyDocument',
  'GetAccountAuthorizationDetails.RoleDetailList.member.RolePolicyList.member.PolicyDocument',
  'GetAccountAuthorizationDetails.Policies.member.PolicyVersionList.member.Document',
  'CreateServiceLinkedRole.Role.AssumeRolePolicyDocument',
  'CreateInstanceProfile.InstanceProfile.Roles.member.AssumeRolePolicyDocument',
  'GetInstanceProfile.InstanceProfile.Roles.member.AssumeRolePolicyDocument',
  'ListInstanceProfiles.InstanceProfiles.member.Roles.member.AssumeRolePolicyDocument',
  'ListInstanceProfilesForRole.InstanceProfiles.member.Roles.member.AssumeRolePolicyDocument',
];

interface ModelRef {
  readonly shape: string;
  readonly locationName?: string;
  readonly flattened?: boolean;
}
interface ModelShape {
  readonly type: string;
  readonly members?: Readonly<Record<string, ModelRef>>;
  readonly required?: readonly string[];
  readonly member?: ModelRef;
  readonly key?: ModelRef;
  readonly value?: ModelRef;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly flattened?: boolean;
  readonly timestampFormat?: string;
}
interface Model {
  readonly metadata: { readonly apiVersion: string; readonly xmlNamespace: string; readonly protocol: string };
  readonly operations: Readonly<Record<string, { readonly input?: { readonly shape: string }; readonly output?: { readonly shape: string; readonly resultWrapper?: string } }>>;
  readonly shapes: Readonly<Record<string, ModelShape>>;
}

const KIND: Readonly<Record<string, Shape['kind']>> = {
  string: 'string', integer: 'integer', long: 'long', boolean: 'boolean', timestamp: 'timestamp',
  blob: 'blob', float: 'float', double: 'float', list: 'list', map: 'map', structure: 'structure',
};

const services = { sts: { service: stsService, ops: STS_OPERATIONS }, iam: { service: iamService, ops: IAM_OPERATIONS } } as const;
const served = (['sts', 'iam'] as const).flatMap((svc) => SERVED[svc].map((name) => ({ svc, name })));
const operationOf = (svc: 'sts' | 'iam', name: string): QueryOperation => {
  const op = services[svc].service.operations.get(name);
  if (op === undefined) throw new Error(`${name} is not served`);
  return op;
};

/** Differences between one of our members and the model's, as readable lines. */
class Comparison {
  readonly diffs: string[] = [];
  readonly encoded: string[] = [];
  constructor(
    private readonly model: Model,
    private readonly mode: 'input' | 'output',
  ) {}

  ref(ours: MemberRef, theirs: ModelRef, at: string): void {
    const m = this.model.shapes[theirs.shape];
    if (m === undefined) return void this.diffs.push(`${at}: model shape ${theirs.shape} missing`);
    const s = ours.shape;
    if (KIND[m.type] !== s.kind) return void this.diffs.push(`${at}: kind ${s.kind}, model ${m.type}`);
    this.same(at, 'locationName', ours.locationName, theirs.locationName);
    this.same(at, 'flattened', ours.flattened === true, theirs.flattened === true || m.flattened === true);
    if (s.kind === 'string' && s.urlEncoded === true) this.encoded.push(at);
    if (this.mode === 'input') this.constraints(s, m, at);
    if (s.kind === 'timestamp') {
      this.same(at, 'timestamp format', s.format, m.timestampFormat ?? 'iso8601');
      this.same(at, 'fractional seconds', s.fractionalSeconds, false);
    }
    if (s.kind === 'list' && m.member !== undefined) this.ref(s.member, m.member, `${at}.member`);
    if (s.kind === 'map' && m.key !== undefined && m.value !== undefined) {
      this.ref(s.key, m.key, `${at}.key`);
      this.ref(s.value, m.value, `${at}.value`);
    }
    if (s.kind === 'structure') this.structure(s, m, at);
  }

  structure(s: StructureShape, m: ModelShape, at: string): void {
    const ours = Object.keys(s.members);
    const theirs = Object.keys(m.members ?? {});
    const extra = ours.filter((n) => !theirs.includes(n) && !(this.mode === 'input' && `${at}.${n}` in NEWER_THAN_MODEL));
    const missing = theirs.filter((n) => !ours.includes(n) && !(this.mode === 'input' && `${at}.${n}` in LEFT_OUT));
    if (extra.length > 0) this.diffs.push(`${at}: not in the model: ${extra.join(', ')}`);
    if (missing.length > 0) this.diffs.push(`${at}: model members missing: ${missing.join(', ')}`);
    if (this.mode === 'output') this.same(at, 'member order', ours.join(','), theirs.join(','));
    if (this.mode === 'input') this.same(at, 'required', [...s.required].sort().join(','), [...(m.required ?? [])].sort().join(','));
    for (const [name, ref] of Object.entries(s.members)) {
      const theirRef = m.members?.[name];
      if (theirRef !== undefined) this.ref(ref, theirRef, `${at}.${name}`);
    }
  }

  private constraints(s: Shape, m: ModelShape, at: string): void {
    if (s.kind === 'string' || s.kind === 'integer' || s.kind === 'long' || s.kind === 'list' || s.kind === 'map') {
      this.same(at, 'min', s.min, m.min);
      this.same(at, 'max', s.max, m.max);
    }
    if (s.kind === 'string') {
      this.same(at, 'pattern', s.pattern?.text, m.pattern);
      this.same(at, 'enum', s.enum?.join('|'), m.enum?.join('|'));
    }
  }

  private same(at: string, what: string, ours: unknown, theirs: unknown): void {
    if (ours !== theirs) this.diffs.push(`${at}: ${what} ${String(ours)}, model ${String(theirs)}`);
  }
}

const models: { sts: Model; iam: Model } | undefined = HAVE_MODELS
  ? { sts: JSON.parse(readFileSync(MODEL_FILES.sts, 'utf8')) as Model, iam: JSON.parse(readFileSync(MODEL_FILES.iam, 'utf8')) as Model }
  : undefined;

describe('the services rolegate serves', () => {
  it.each([['sts'], ['iam']] as const)('%s serves exactly the operations of the brief, each under its own name', (svc) => {
    const { service, ops } = services[svc];
    expect([...service.operations.keys()].sort()).toEqual([...SERVED[svc]].sort());
    for (const [key, op] of Object.entries(ops)) expect(op.name).toBe(key);
  });

  it.each(served.map((o) => [o.name, o.svc] as const))('%s resolves by Action and Version', (name, svc) => {
    const { service } = services[svc];
    expect(resolveOperation(readQueryParams(`Action=${name}&Version=${service.version}`, ''), service).name).toBe(name);
  });
});

describe.skipIf(!HAVE_MODELS)(`our shapes against AWS's API models (${HAVE_MODELS ? 'read in place' : NO_MODELS})`, () => {
  const model = (svc: 'sts' | 'iam'): Model => models![svc];

  it.each([['sts'], ['iam']] as const)('%s answers in the model’s version and namespace', (svc) => {
    const service: QueryService = services[svc].service;
    expect(model(svc).metadata.protocol).toBe('query');
    expect(service.version).toBe(model(svc).metadata.apiVersion);
    expect(service.xmlNamespace).toBe(model(svc).metadata.xmlNamespace);
  });

  it.each(served.map((o) => [o.name, o.svc] as const))('%s takes the model’s input members with the model’s constraints', (name, svc) => {
    const spec = model(svc).operations[name];
    expect(spec, `${name} is in the model`).toBeDefined();
    const op = operationOf(svc, name);
    const theirs = spec?.input === undefined ? undefined : model(svc).shapes[spec.input.shape];
    if (op.input === undefined) {
      expect(Object.keys(theirs?.members ?? {})).toEqual([]);
      return;
    }
    expect(theirs).toBeDefined();
    const cmp = new Comparison(model(svc), 'input');
    cmp.structure(op.input, theirs!, name);
    expect(cmp.diffs).toEqual([]);
    expect(cmp.encoded, 'URL-encoding is for responses only').toEqual([]);
  });

  it.each(served.map((o) => [o.name, o.svc] as const))('%s answers with the model’s output members, in order, in the model’s wire form', (name, svc) => {
    const spec = model(svc).operations[name];
    const op = operationOf(svc, name);
    if (spec?.output === undefined) {
      expect(op.output).toBeUndefined();
      return;
    }
    expect(spec.output.resultWrapper).toBe(`${name}Result`);
    expect(op.output).toBeDefined();
    const cmp = new Comparison(model(svc), 'output');
    cmp.structure(op.output!, model(svc).shapes[spec.output.shape]!, name);
    expect(cmp.diffs).toEqual([]);
    expect(cmp.encoded).toEqual(URL_ENCODED.filter((p) => p.startsWith(`${name}.`)));
  });

  it.each(Object.entries(NEWER_THAN_MODEL))('%s is newer than the model: %s', (where) => {
    const [opName, member] = where.split('.') as [string, string];
    expect(model('sts').operations[opName]).toBeDefined();
    expect(model('sts').shapes[`${opName}Request`]?.members?.[member]).toBeUndefined();
  });

  it('takes ProvidedContexts as the STS API reference documents it: at most 5 of {ProviderArn 20–2048 with the ARN pattern, ContextAssertion 4–2048}', () => {
    const contexts = STS_OPERATIONS.AssumeRole.input.members.ProvidedContexts.shape;
    expect(contexts.max).toBe(5);
    const element = contexts.member.shape;
    const arn = model('sts').shapes['arnType']!;
    expect(element.members.ProviderArn.shape).toMatchObject({ min: arn.min, max: arn.max, pattern: { text: arn.pattern } });
    expect(element.members.ContextAssertion.shape).toMatchObject({ min: 4, max: 2048 });
    expect(element.members.ContextAssertion.shape.pattern).toBeUndefined();
    expect(element.required).toEqual([]);
  });

  it('checks every pattern the way its printed text reads as a JS `u` regex', () => {
    const probes = [...Array.from({ length: 0x250 }, (_, i) => String.fromCodePoint(i)), '\u1000', '\u10ff', '\u2028', '\ud7ff', '\ue000', '\ufffd', '😀', '€'];
    const seen = new Set<string>();
    const visit = (s: Shape): void => {
      if (s.kind === 'structure') Object.values(s.members).forEach((r) => visit(r.shape));
      if (s.kind === 'list') visit(s.member.shape);
      if (s.kind !== 'string' || s.pattern === undefined || seen.has(s.pattern.text)) return;
      seen.add(s.pattern.text);
      const fromText = new RegExp(`^(?:${s.pattern.text})$`, 'u');
      for (const c of probes) {
        for (const sample of [c, `${c}${c}`, `/${c}/`, `a${c}`, `v1.${c}`, `/a${c}/b/`]) {
          expect(s.pattern.regex.test(sample), `${s.pattern.text} on ${JSON.stringify(sample)}`).toBe(fromText.test(sample));
        }
      }
    };
    for (const { svc, name } of served) {
      const op = operationOf(svc, name);
      if (op.input !== undefined) visit(op.input);
      if (op.output !== undefined) visit(op.output);
    }
    expect(seen.size).toBeGreaterThan(15);
  });
});

describe('every operation, end to end', () => {
  it.each(served.map((o) => [o.name, o.svc] as const))('%s: a request as an SDK writes it reads back as the input', (name, svc) => {
    const { service } = services[svc];
    const sample = (INPUTS as Readonly<Record<string, object>>)[name] ?? {};
    const params = readQueryParams(queryBody(name, service.version, operationOf(svc, name).input, sample), '');
    const op = resolveOperation(params, service);
    expect(deserializeInput(params, op.input, { style: service.validationStyle, unknownParameters: 'reject' })).toEqual(sample);
  });

  const outputs = [
    ...Object.entries(OUTPUTS).map(([name, value]) => ({ name, value, note: '' })),
    ...MORE_OUTPUTS.map(([name, value]) => ({ name, value, note: ' (another case)' })),
  ].map(({ name, value, note }) => [`${name}${note}`, name, value] as const);

  it.each(outputs)('%s: what the service returns writes XML that reads back as the same values', (_title, name, value) => {
    const svc = (SERVED.sts as readonly string[]).includes(name) ? 'sts' : 'iam';
    const shape = operationOf(svc, name).output!;
    expect(unknownMembers(value, shape, name)).toEqual([]);
    const xml = serializeResponse({ action: name, xmlNamespace: services[svc].service.xmlNamespace, requestId: 'req-1' }, shape, value);
    expect(readResult(xml, name, shape)).toEqual(toJsonForm(value, shape));
    expect(parseXml(xml).attributes['xmlns']).toBe(services[svc].service.xmlNamespace);
  });

  it('sends policy documents URL-encoded, RFC 3986 (`*` as %2A, space as %20), decoding once to the text', () => {
    const xml = serializeResponse({ action: 'GetRole', xmlNamespace: iamService.xmlNamespace, requestId: 'r' }, IAM_OPERATIONS.GetRole.output, OUTPUTS.GetRole);
    const doc = textOf(child(child(child(parseXml(xml), 'GetRoleResult')!, 'Role')!, 'AssumeRolePolicyDocument')!);
    expect(doc).toMatch(/^%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22%2C/);
    expect(doc).toContain('a%20b%2Bc%253A%2A');
    expect(doc).toMatch(/^[A-Za-z0-9%._~-]+$/);
    expect(decodeURIComponent(doc)).toBe(TRUST_POLICY);
  });

  it.skipIf(!existsSync(SNAPSHOT))('reads like IAM’s recorded answer: a document holding its own %3A shows it once decoded (TestIAMPolicyEncoding)', () => {
    const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, { 'recorded-content': Record<string, { PolicyDocument: unknown; Role?: { AssumeRolePolicyDocument: unknown } }> }>;
    const recorded = snapshot['tests/aws/services/iam/test_iam.py::TestIAMPolicyEncoding::test_put_role_policy_encoding']!['recorded-content'];
    const policy = recorded['get-policy-response']!.PolicyDocument;
    const trust = recorded['get-role-response']!.Role!.AssumeRolePolicyDocument;
    const get = serializeResponse({ action: 'GetRolePolicy', xmlNamespace: iamService.xmlNamespace, requestId: 'r' }, IAM_OPERATIONS.GetRolePolicy.output, {
      RoleName: 'r', PolicyName: 'p', PolicyDocument: JSON.stringify(policy),
    });
    expect(JSON.parse((readResult(get, 'GetRolePolicy', IAM_OPERATIONS.GetRolePolicy.output) as { PolicyDocument: string }).PolicyDocument)).toEqual(policy);
    const role = serializeResponse({ action: 'GetRole', xmlNamespace: iamService.xmlNamespace, requestId: 'r' }, IAM_OPERATIONS.GetRole.output, {
      Role: { ...OUTPUTS.GetRole.Role, AssumeRolePolicyDocument: JSON.stringify(trust) },
    });
    const read = readResult(role, 'GetRole', IAM_OPERATIONS.GetRole.output) as { Role: { AssumeRolePolicyDocument: string } };
    expect(JSON.parse(read.Role.AssumeRolePolicyDocument)).toEqual(trust);
  });
});

/** Members of a service's result that the shape does not have (they would be dropped silently). */
function unknownMembers(value: unknown, shape: Shape, at: string): string[] {
  if (value === undefined || value === null) return [];
  if (shape.kind === 'list') return (value as unknown[]).flatMap((v, i) => unknownMembers(v, shape.member.shape, `${at}.${i + 1}`));
  if (shape.kind !== 'structure') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const ref = shape.members[k];
    return ref === undefined ? [`${at}.${k}`] : unknownMembers(v, ref.shape, `${at}.${k}`);
  });
}

// Types: what deserializeInput gives each handler, and what each handler returns, against the shapes.

/** Names of members `A` has that `B` lacks, at any depth (`never` when none). */
type MissingKeys<A, B> = A extends Date | string | number | boolean
  ? never
  : A extends readonly (infer E)[]
    ? B extends readonly (infer F)[]
      ? MissingKeys<E, F>
      : 'not a list'
    : A extends object
      ? string extends keyof A
        ? never
        : { [K in keyof A & string]-?: K extends keyof B ? MissingKeys<NonNullable<A[K]>, NonNullable<B[K]>> : K }[keyof A & string]
      : never;

type HandlerInput<N extends keyof Handlers> = Parameters<Handlers[N]>[0];
type OutputOf<O> = O extends { output: infer S } ? Infer<S> : undefined;

type Problems = {
  [N in keyof Handlers & keyof Operations]:
    | (InputOf<Operations[N]> extends HandlerInput<N> ? never : `${N}: the deserialized input does not fit the handler`)
    | (MissingKeys<HandlerInput<N>, InputOf<Operations[N]>> extends infer K extends string ? `${N}: handler reads ${K}, not in the input shape` : never)
    | (OutputOf<Operations[N]> extends undefined
        ? HandlerOutput<N> extends Record<string, never> ? never : `${N}: handler returns members but the operation has no output`
        : MissingKeys<HandlerOutput<N>, OutputOf<Operations[N]>> extends infer K extends string ? `${N}: handler returns ${K}, not in the output shape` : never);
}[keyof Handlers & keyof Operations];

describe('types', () => {
  it('give every handler the input it declares, and let every handler return only members the output shape has', () => {
    expectTypeOf<Problems>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Operations, keyof Handlers>>().toEqualTypeOf<never>();
  });
});
