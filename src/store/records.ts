/** The rows of the store as the rest of rolegate sees them. Times are epoch milliseconds. */

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

export interface AccountRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
}

export interface UserRecord {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  readonly createdAt: number;
  readonly boundaryArn: string | undefined;
  readonly tags: readonly Tag[];
}

export interface GroupRecord {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  readonly createdAt: number;
}

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKeyRecord {
  readonly id: string;
  readonly accountId: string;
  /** undefined for the account's root user. */
  readonly userId: string | undefined;
  /** The secret, wrapped under the master key (see tokens/wrap.ts); never stored in clear. */
  readonly wrappedSecret: string;
  readonly status: AccessKeyStatus;
  readonly createdAt: number;
  readonly lastUsedAt: number | undefined;
  readonly lastUsedService: string | undefined;
  readonly lastUsedRegion: string | undefined;
}

export interface ServiceCredentialRecord {
  readonly id: string;
  readonly accountId: string;
  readonly userId: string;
  /** `codecommit.amazonaws.com`, `cassandra.amazonaws.com`. */
  readonly serviceName: string;
  /** The password, wrapped under the master key (see tokens/wrap.ts); never stored in clear. */
  readonly wrappedPassword: string;
  readonly status: AccessKeyStatus;
  readonly createdAt: number;
}

export interface MfaDeviceRecord {
  /** The device's ARN, `arn:aws:iam::ACCOUNT:mfa/PATH/NAME`: IAM's SerialNumber. */
  readonly serial: string;
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  /** The TOTP seed, wrapped under the master key (see tokens/wrap.ts); never stored in clear. */
  readonly wrappedSeed: string;
  readonly tags: readonly Tag[];
  readonly createdAt: number;
  /** Set while the device is enabled for a user (EnableMFADevice until DeactivateMFADevice). */
  readonly userId: string | undefined;
  readonly enabledAt: number | undefined;
  /** The newest TOTP time step accepted from this device. */
  readonly lastStep: number | undefined;
}

export interface RoleRecord {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  readonly trustPolicy: string;
  readonly description: string | undefined;
  readonly maxSessionDuration: number;
  readonly createdAt: number;
  readonly boundaryArn: string | undefined;
  readonly tags: readonly Tag[];
  readonly lastUsedAt: number | undefined;
  readonly lastUsedRegion: string | undefined;
  /** For a service-linked role, the service it is linked to (`batch.amazonaws.com`). */
  readonly linkedService?: string | undefined;
}

export interface InstanceProfileRecord {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly path: string;
  readonly createdAt: number;
  readonly tags: readonly Tag[];
}

/** A DeleteServiceLinkedRole task. rolegate's complete at once, so their status is SUCCEEDED. */
export interface DeletionTaskRecord {
  readonly id: string;
  readonly accountId: string;
  readonly status: 'SUCCEEDED';
  readonly createdAt: number;
}

export interface InlinePolicyRecord {
  readonly ownerId: string;
  readonly name: string;
  readonly document: string;
}

export interface ManagedPolicyRecord {
  readonly id: string;
  readonly accountId: string;
  readonly arn: string;
  readonly name: string;
  readonly path: string;
  readonly description: string | undefined;
  readonly defaultVersion: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly tags: readonly Tag[];
}

export interface PolicyVersionRecord {
  readonly policyId: string;
  readonly versionId: string;
  readonly document: string;
  readonly createdAt: number;
}

export type OwnerKind = 'user' | 'role' | 'group';

export interface SealingKeyRecord {
  readonly id: string;
  /** The key material, wrapped under the master key. */
  readonly wrapped: string;
  readonly createdAt: number;
  readonly retiredAt: number | undefined;
}

export interface OidcProviderRecord {
  /** `arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH`. */
  readonly arn: string;
  readonly accountId: string;
  /** The issuer URL without `https://`, as IAM returns it. */
  readonly url: string;
  readonly clientIds: readonly string[];
  /** Lower-case hex SHA-1 digests of the top certificate serving the provider's keys. */
  readonly thumbprints: readonly string[];
  readonly tags: readonly Tag[];
  readonly createdAt: number;
}

/** A resource an audit event names, as LookupEvents lists it (`AWS::IAM::Role`, an ARN or name). */
export interface AuditResource {
  readonly type: string;
  readonly name: string;
}

/** One CloudTrail event, kept in the account it is recorded in. */
export interface AuditEventRecord {
  readonly eventId: string;
  /** The account the event is recorded in (its recipientAccountId). */
  readonly accountId: string;
  readonly eventTime: number;
  readonly eventName: string;
  readonly eventSource: string;
  readonly readOnly: boolean;
  /** The name LookupEvents shows as the event's user (a user name, a session name, `root`). */
  readonly username: string | undefined;
  readonly accessKeyId: string | undefined;
  readonly resources: readonly AuditResource[];
  /** The CloudTrail record as JSON text, exactly as LookupEvents returns it. */
  readonly record: string;
}
