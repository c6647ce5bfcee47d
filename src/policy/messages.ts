/**
 * IAM's MalformedPolicyDocument texts. The ones marked "seen" were returned by AWS in
 * recorded responses or pasted AWS output; where AWS's exact text for a case is not
 * known, the case gets IAM's general answer for a document it cannot read.
 */
export const POLICY_MESSAGES = {
  /** seen: CreateRole with a document that is not JSON. */
  invalidJson: 'This policy contains invalid Json',
  /** seen: valid JSON that is not a valid policy (wrong shapes, unknown elements). */
  syntax: 'Syntax errors in policy.',
  /** seen: a malformed Resource ARN; also a wrongly cased Effect. */
  legacy: 'The policy failed legacy parsing',
  /** seen: PutRolePolicy with a Principal in an identity policy. */
  principalInIdentity: 'Policy document should not specify a principal.',
  /** seen: a trust policy statement without a Principal. */
  noPrincipal:
    'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
  /** seen */
  duplicateSid: 'Statement IDs (SID) in a single policy must be unique.',
  /** seen */
  sidFormat: 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  /** seen */
  noActions: 'Policy statement must contain actions.',
  /** seen */
  noResources: 'Policy statement must contain resources.',
  /** seen */
  twoColons: 'Actions/Condition can contain only one colon.',
  noVendor: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  prohibitedField: (field: string): string => `Has prohibited field ${field}`,
  vendor: (vendor: string): string => `Vendor ${vendor} is not valid`,
  /** seen, for a trust policy naming a principal that does not exist. */
  invalidPrincipal: (type: string, value: string): string => `Invalid principal in policy: "${type}":"${value}"`,
} as const;
