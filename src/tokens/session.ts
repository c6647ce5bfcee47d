/**
 * What a session token carries: the whole session, so that a node can authenticate a
 * request made with temporary credentials without reading the store. The reader is
 * strict even though the payload was authenticated on open: a token sealed by an older
 * or newer build must fail closed, never half-parse.
 */

export type SessionKind =
  /** AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML, instance and container credentials. */
  | 'AssumedRole'
  /** GetFederationToken. */
  | 'FederatedUser'
  /** GetSessionToken: the calling user (or root) itself, on temporary keys. */
  | 'SessionToken';

export interface SessionTag {
  readonly key: string;
  readonly value: string;
}

export interface Session {
  readonly kind: SessionKind;
  /** The temporary access key id (`ASIA…`) the token belongs to. */
  readonly accessKeyId: string;
  /** The temporary secret; only the response that issues it and the signature check see it. */
  readonly secretAccessKey: string;
  readonly accountId: string;
  /** The session's own ARN (assumed-role or federated-user), or the user's for GetSessionToken. */
  readonly arn: string;
  /** AssumedRole: the role's ARN and `AROA…` id; SessionToken: the user's `AIDA…` id. */
  readonly roleArn?: string | undefined;
  readonly principalId?: string | undefined;
  readonly sessionName?: string | undefined;
  /** Who asked for this session (an ARN), for audit and for chaining rules. */
  readonly sourceArn: string;
  /** Epoch milliseconds. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** Session policies: the inline text and managed policy ARNs given at issue. */
  readonly policy?: string | undefined;
  readonly policyArns?: readonly string[] | undefined;
  readonly tags?: readonly SessionTag[] | undefined;
  readonly transitiveTagKeys?: readonly string[] | undefined;
  readonly sourceIdentity?: string | undefined;
  /** Epoch milliseconds of the MFA check, when the session was issued with one. */
  readonly mfaAuthenticatedAt?: number | undefined;
  /** 0 for a session made from long-term keys; each role-chaining step adds one. */
  readonly chainDepth: number;
}

const KINDS: ReadonlySet<string> = new Set(['AssumedRole', 'FederatedUser', 'SessionToken']);

type Reader = (value: unknown) => boolean;
const str: Reader = (v) => typeof v === 'string' && v.length > 0 && v.length <= 4096;
const num: Reader = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const strList: Reader = (v) => Array.isArray(v) && v.length <= 64 && v.every(str);
const tagList: Reader = (v) =>
  Array.isArray(v) &&
  v.length <= 64 &&
  v.every((t) => typeof t === 'object' && t !== null && Object.keys(t).length === 2 && str((t as SessionTag).key) && typeof (t as SessionTag).value === 'string');

const FIELDS: Readonly<Record<keyof Session, { readonly read: Reader; readonly required: boolean }>> = {
  kind: { read: (v) => typeof v === 'string' && KINDS.has(v), required: true },
  accessKeyId: { read: str, required: true },
  secretAccessKey: { read: str, required: true },
  accountId: { read: (v) => typeof v === 'string' && /^[0-9]{12}$/.test(v), required: true },
  arn: { read: str, required: true },
  roleArn: { read: str, required: false },
  principalId: { read: str, required: false },
  sessionName: { read: str, required: false },
  sourceArn: { read: str, required: true },
  issuedAt: { read: num, required: true },
  expiresAt: { read: num, required: true },
  policy: { read: (v) => typeof v === 'string' && v.length <= 65536, required: false },
  policyArns: { read: strList, required: false },
  tags: { read: tagList, required: false },
  transitiveTagKeys: { read: strList, required: false },
  sourceIdentity: { read: str, required: false },
  mfaAuthenticatedAt: { read: num, required: false },
  chainDepth: { read: (v) => num(v) && (v as number) <= 64, required: true },
};

/** The session in a decrypted payload, or undefined if it is not exactly a session. */
export function readSession(value: unknown): Session | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!Object.hasOwn(FIELDS, key)) return undefined;
  for (const [key, field] of Object.entries(FIELDS)) {
    const v = record[key];
    if (v === undefined ? field.required : !field.read(v)) return undefined;
  }
  const session = record as unknown as Session;
  if (session.expiresAt <= session.issuedAt) return undefined;
  return session;
}
