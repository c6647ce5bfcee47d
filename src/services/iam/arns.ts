/** The ARNs IAM authorizes its actions on. */
import { iamArn } from '../../arn/index.js';

export const userResource = (account: string, path: string, name: string): string => iamArn(account, 'user', path, name);
export const roleResource = (account: string, path: string, name: string): string => iamArn(account, 'role', path, name);
export const groupResource = (account: string, path: string, name: string): string => iamArn(account, 'group', path, name);
export const policyResource = (account: string, path: string, name: string): string => iamArn(account, 'policy', path, name);
export const instanceProfileResource = (account: string, path: string, name: string): string => iamArn(account, 'instance-profile', path, name);
/** A virtual MFA device's ARN, which is also its SerialNumber. */
export const mfaResource = (account: string, path: string, name: string): string => iamArn(account, 'mfa', path, name);
