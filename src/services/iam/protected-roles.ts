/**
 * Service-linked roles are their service's to change: IAM refuses a customer's change to
 * one's trust policy, permissions, boundary or existence with UnmodifiableEntity (the
 * error IAM's API model lists for those operations) and deletes one only through
 * DeleteServiceLinkedRole. Other entities pass.
 */
import { unmodifiableRole } from './errors.js';

export function refuseIfServiceLinked(entity: { readonly name: string; readonly linkedService?: string | undefined }): void {
  if (entity.linkedService !== undefined) throw unmodifiableRole(entity.name);
}
