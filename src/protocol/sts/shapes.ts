/**
 * STS on the wire: AssumeRole, GetCallerIdentity, GetSessionToken, GetAccessKeyInfo,
 * GetFederationToken, written by hand from STS's API model (2011-06-15) and named as the model names its
 * shapes. Lengths, patterns, ranges and enums are the model's; patterns are the text STS
 * prints in its messages, checked with the `u` flag so `\w`, `\d` and `\p{…}` read as
 * Java reads them.
 *
 * One member is newer than the model rolegate keeps: AssumeRole's ProvidedContexts
 * (trusted identity propagation, 2023), written from the STS API reference
 * (API_AssumeRole, API_ProvidedContext), so requests from current SDKs validate as AWS
 * validates them.
 */
import { integer, list, string, structure, timestamp, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';

/**
 * STS's ARN pattern, as printed. Read literally — as Java and a JS `u` regex both read
 * it — `\u10000-\u10FFFF` is `\u1000`, the range `0`–`\u10FF`, and `F`, `F`: astral
 * characters do not match, and DEL and C1 controls do (through that range).
 */
export const arnType = string({
  min: 20,
  max: 2048,
  pattern: /[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]+/u,
});
export const roleSessionNameType = string({ min: 2, max: 64, pattern: /[\w+=,.@-]*/u });
export const sessionPolicyDocumentType = string({ min: 1, max: 2048, pattern: /[\u0009\u000A\u000D\u0020-\u00FF]+/u });
export const roleDurationSecondsType = integer({ min: 900, max: 43200 });
export const durationSecondsType = integer({ min: 900, max: 129600 });
export const externalIdType = string({ min: 2, max: 1224, pattern: /[\w+=,.@:\/-]*/u });
export const serialNumberType = string({ min: 9, max: 256, pattern: /[\w+=/:,.@-]*/u });
export const tokenCodeType = string({ min: 6, max: 6, pattern: /[\d]*/u, sensitive: true });
export const sourceIdentityType = string({ min: 2, max: 64, pattern: /[\w+=,.@-]*/u });
/** `[\w]*` here, `[\w]+` in IAM's model; the lengths make them agree. */
export const accessKeyIdType = string({ min: 16, max: 128, pattern: /[\w]*/u });

export const PolicyDescriptorType = structure({ arn: arnType });
export const policyDescriptorListType = list(PolicyDescriptorType);

export const tagKeyType = string({ min: 1, max: 128, pattern: /[\p{L}\p{Z}\p{N}_.:/=+\-@]+/u });
export const tagValueType = string({ min: 0, max: 256, pattern: /[\p{L}\p{Z}\p{N}_.:/=+\-@]*/u });
export const Tag = structure({ Key: tagKeyType, Value: tagValueType }, { required: ['Key', 'Value'] });
export const tagListType = list(Tag, { max: 50 });
export const tagKeyListType = list(tagKeyType, { max: 50 });

export const contextAssertionType = string({ min: 4, max: 2048 });
export const ProvidedContext = structure({ ProviderArn: arnType, ContextAssertion: contextAssertionType });
export const ProvidedContextsListType = list(ProvidedContext, { max: 5 });

// Outputs.

/** Whole seconds, ISO 8601 (`2019-11-09T20:05:25Z`), as STS prints Expiration. */
export const dateType = timestamp();

export const Credentials = structure(
  { AccessKeyId: accessKeyIdType, SecretAccessKey: string({ sensitive: true }), SessionToken: string({ sensitive: true }), Expiration: dateType },
  { required: ['AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration'] },
);

export const AssumedRoleUser = structure(
  { AssumedRoleId: string({ min: 2, max: 193, pattern: /[\w+=,.@:-]*/u }), Arn: arnType },
  { required: ['AssumedRoleId', 'Arn'] },
);

// Operations.

export const AssumeRoleInput = structure(
  {
    RoleArn: arnType,
    RoleSessionName: roleSessionNameType,
    PolicyArns: policyDescriptorListType,
    Policy: sessionPolicyDocumentType,
    DurationSeconds: roleDurationSecondsType,
    Tags: tagListType,
    TransitiveTagKeys: tagKeyListType,
    ExternalId: externalIdType,
    SerialNumber: serialNumberType,
    TokenCode: tokenCodeType,
    SourceIdentity: sourceIdentityType,
    ProvidedContexts: ProvidedContextsListType,
  },
  { required: ['RoleArn', 'RoleSessionName'] },
);
export type AssumeRoleInput = Infer<typeof AssumeRoleInput>;
export const AssumeRoleOutput = structure({
  Credentials,
  AssumedRoleUser,
  PackedPolicySize: integer({ min: 0 }),
  SourceIdentity: sourceIdentityType,
});

/** GetCallerIdentity has no input members, so no input shape: a request reads as `{}`. */
export const GetCallerIdentityOutput = structure({ UserId: string(), Account: string(), Arn: arnType });

export const GetSessionTokenInput = structure({
  DurationSeconds: durationSecondsType,
  SerialNumber: serialNumberType,
  TokenCode: tokenCodeType,
});
export type GetSessionTokenInput = Infer<typeof GetSessionTokenInput>;
export const GetSessionTokenOutput = structure({ Credentials });

export const GetAccessKeyInfoInput = structure({ AccessKeyId: accessKeyIdType }, { required: ['AccessKeyId'] });
export type GetAccessKeyInfoInput = Infer<typeof GetAccessKeyInfoInput>;
export const GetAccessKeyInfoOutput = structure({ Account: string() });

export const userNameType = string({ min: 2, max: 32, pattern: /[\w+=,.@-]*/u });
export const FederatedUser = structure(
  { FederatedUserId: string({ min: 2, max: 193, pattern: /[\w+=,.@:-]*/u }), Arn: arnType },
  { required: ['FederatedUserId', 'Arn'] },
);
export const GetFederationTokenInput = structure(
  {
    Name: userNameType,
    Policy: sessionPolicyDocumentType,
    PolicyArns: policyDescriptorListType,
    DurationSeconds: durationSecondsType,
    Tags: tagListType,
  },
  { required: ['Name'] },
);
export type GetFederationTokenInput = Infer<typeof GetFederationTokenInput>;
export const GetFederationTokenOutput = structure({ Credentials, FederatedUser, PackedPolicySize: integer({ min: 0 }) });

export const AssumeRoleWithWebIdentityInput = structure(
  {
    RoleArn: arnType,
    RoleSessionName: roleSessionNameType,
    // Never echoed in a ValidationError: the token is a credential.
    WebIdentityToken: string({ min: 4, max: 20000, sensitive: true }),
    ProviderId: string({ min: 4, max: 2048 }),
    PolicyArns: policyDescriptorListType,
    Policy: sessionPolicyDocumentType,
    DurationSeconds: roleDurationSecondsType,
  },
  { required: ['RoleArn', 'RoleSessionName', 'WebIdentityToken'] },
);
export type AssumeRoleWithWebIdentityInput = Infer<typeof AssumeRoleWithWebIdentityInput>;
export const AssumeRoleWithWebIdentityOutput = structure({
  Credentials,
  SubjectFromWebIdentityToken: string({ min: 6, max: 255 }),
  AssumedRoleUser,
  PackedPolicySize: integer({ min: 0 }),
  Provider: string(),
  Audience: string(),
  SourceIdentity: sourceIdentityType,
});

export const stsOperations = {
  AssumeRole: { name: 'AssumeRole', input: AssumeRoleInput, output: AssumeRoleOutput },
  GetCallerIdentity: { name: 'GetCallerIdentity', output: GetCallerIdentityOutput },
  GetSessionToken: { name: 'GetSessionToken', input: GetSessionTokenInput, output: GetSessionTokenOutput },
  GetAccessKeyInfo: { name: 'GetAccessKeyInfo', input: GetAccessKeyInfoInput, output: GetAccessKeyInfoOutput },
  GetFederationToken: { name: 'GetFederationToken', input: GetFederationTokenInput, output: GetFederationTokenOutput },
  AssumeRoleWithWebIdentity: { name: 'AssumeRoleWithWebIdentity', input: AssumeRoleWithWebIdentityInput, output: AssumeRoleWithWebIdentityOutput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
