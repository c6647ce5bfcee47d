/**
 * The IAM shapes several resource families share, written by hand from IAM's API model
 * (2010-05-08) and named as the model names them, so a reader can look each one up.
 * Lengths, patterns, ranges and enums are the model's; a pattern is the text IAM prints
 * in its validation messages, checked by the same expression in JS (`u` flag: `\p{L}`
 * and `\w` read as Java reads them).
 *
 * Output-only members carry no constraints: the serializer checks kinds, not limits.
 */
import { boolean, integer, list, string, structure, timestamp } from '../schema.js';

// Names and paths.

export const userNameType = string({ min: 1, max: 64, pattern: /[\w+=,.@-]+/u });
/** The model lets operations on an existing user name up to 128 characters, a new user 64. */
export const existingUserNameType = string({ min: 1, max: 128, pattern: /[\w+=,.@-]+/u });
export const roleNameType = string({ min: 1, max: 64, pattern: /[\w+=,.@-]+/u });
export const groupNameType = string({ min: 1, max: 128, pattern: /[\w+=,.@-]+/u });
export const policyNameType = string({ min: 1, max: 128, pattern: /[\w+=,.@-]+/u });

export const pathType = string({ min: 1, max: 512, pattern: /(\u002F)|(\u002F[\u0021-\u007F]+\u002F)/u });
export const pathPrefixType = string({ min: 1, max: 512, pattern: /\u002F[\u0021-\u007F]*/u });
/** Managed policies' paths (and ListAttached*Policies' PathPrefix) use a stricter grammar. */
export const policyPathType = string({
  min: 1,
  max: 512,
  pattern: /((\/[A-Za-z0-9\.,\+@=_-]+)*)\//u,
  patternText: String.raw`((/[A-Za-z0-9\.,\+@=_-]+)*)/`,
});

/** IAM's arnType has lengths only (STS's has a pattern too). */
export const arnType = string({ min: 20, max: 2048 });
export const idType = string({ min: 16, max: 128, pattern: /[\w]+/u });

// Documents and descriptions.

export const policyDocumentType = string({ min: 1, max: 131072, pattern: /[\u0009\u000A\u000D\u0020-\u00FF]+/u });
/**
 * A policy document in a response: IAM sends it percent-encoded (RFC 3986) — snapshot
 * `TestIAMPolicyEncoding`, where botocore's one decode leaves the document's own `%3A`.
 */
export const encodedPolicyDocumentType = string({ urlEncoded: true });
export const roleDescriptionType = string({ max: 1000, pattern: /[\p{L}\p{M}\p{Z}\p{S}\p{N}\p{P}]*/u });
export const policyDescriptionType = string({ max: 1000 });
export const roleMaxSessionDurationType = integer({ min: 3600, max: 43200 });

// Pagination: every List* operation takes Marker and MaxItems and answers IsTruncated and Marker.

export const markerType = string({ min: 1, max: 320, pattern: /[\u0020-\u00FF]+/u });
export const maxItemsType = integer({ min: 1, max: 1000 });
export const responseMarkerType = string();
export const booleanType = boolean();

// Tags.

export const tagKeyType = string({ min: 1, max: 128, pattern: /[\p{L}\p{Z}\p{N}_.:/=+\-@]+/u });
export const tagValueType = string({ min: 0, max: 256, pattern: /[\p{L}\p{Z}\p{N}_.:/=+\-@]*/u });
export const Tag = structure({ Key: tagKeyType, Value: tagValueType }, { required: ['Key', 'Value'] });
export const tagListType = list(Tag, { max: 50 });
export const tagKeyListType = list(tagKeyType, { max: 50 });

// Output building blocks.

/** Whole seconds, ISO 8601 (`2019-11-09T20:05:25Z`), as IAM prints every date. */
export const dateType = timestamp();
export const stringType = string();

/**
 * The model's enum for PermissionsBoundaryType is `PermissionsBoundaryPolicy`; what IAM
 * sends is recorded in services/iam (`Policy`), so the output member is a plain string.
 */
export const AttachedPermissionsBoundary = structure({
  PermissionsBoundaryType: string(),
  PermissionsBoundaryArn: arnType,
});
