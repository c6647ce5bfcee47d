/** The AWS Query protocol as IAM and STS speak it: the one place that knows the wire. */
export { DEFAULT_FORM_LIMITS, readQueryParams, decodeComponent } from './form.js';
export type { FormLimits, QueryParams } from './form.js';
export {
  blob,
  boolean,
  float,
  integer,
  list,
  long,
  map,
  member,
  recursiveStructure,
  string,
  structure,
  timestamp,
} from './schema.js';
export type {
  BlobShape,
  BooleanShape,
  FloatShape,
  Infer,
  IntegerShape,
  ListShape,
  MapShape,
  MemberRef,
  Members,
  Pattern,
  Shape,
  StringShape,
  StructureShape,
  TimestampFormat,
  TimestampShape,
} from './schema.js';
export { deserializeInput, RESERVED_PARAMETERS } from './deserialize.js';
export type { DeserializeOptions } from './deserialize.js';
export { IAM_VALIDATION_STYLE, STS_VALIDATION_STYLE, validationError, violationText, constraintText, pathSegment } from './validation.js';
export type { Constraint, ShownValue, ValidationStyle, Violation } from './validation.js';
export { formatTimestamp, parseTimestamp } from './timestamp.js';
export { escapeAttribute, escapeText, XmlWriter } from './xml.js';
export { serializeResponse } from './serialize.js';
export type { ResponseEnvelope } from './serialize.js';
export { serializeError, toAwsError } from './errors.js';
export type { ErrorEnvelope, WireError } from './errors.js';
export { resolveOperation } from './operation.js';
export type { QueryOperation, QueryService } from './operation.js';
export { iamService, IAM_OPERATIONS } from './iam/service.js';
export type { IamOperationName } from './iam/service.js';
export { stsService, STS_OPERATIONS } from './sts/service.js';
export type { StsOperationName } from './sts/service.js';
export { auditView, HIDDEN } from './audit-view.js';
export type { AuditValue, AuditViewOptions } from './audit-view.js';
export { CLOUDTRAIL_JSON_CONTENT_TYPE, cloudTrailOperation, readJsonBody, serializeJsonError } from './cloudtrail/json.js';
export type { JsonWireError } from './cloudtrail/json.js';
export { LOOKUP_ATTRIBUTE_KEYS, readLookupEventsInput, writeLookupEventsOutput } from './cloudtrail/lookup-events.js';
export type { LookupAttributeKey, LookupEventsInput, LookupEventsOutput } from './cloudtrail/lookup-events.js';
