/**
 * The shape of one service-linked role policy file in this folder: the facts AWS
 * publishes for it (name, description, default version, its dates and document), to which
 * rolegate adds the path and an id of its own.
 */
import { createHash } from 'node:crypto';
import type { AwsManagedPolicyEntry } from '../aws-managed-policies.js';

export const SERVICE_ROLE_POLICY_PATH = '/aws-service-role/';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The reference gives no policy ids: rolegate derives one from the ARN (`ANPA` and 17
 * base-32 characters of its SHA-256), stable across restarts and nodes; it is rolegate's
 * own and will not equal the id AWS shows.
 */
function derivedId(name: string): string {
  const digest = createHash('sha256').update(`arn:aws:iam::aws:policy${SERVICE_ROLE_POLICY_PATH}${name}`).digest();
  let id = 'ANPA';
  for (let i = 0; id.length < 21; i++) id += BASE32[digest[i]! % 32];
  return id;
}

export function serviceRolePolicy(facts: Omit<AwsManagedPolicyEntry, 'id' | 'path'>): AwsManagedPolicyEntry {
  return { ...facts, id: derivedId(facts.name), path: SERVICE_ROLE_POLICY_PATH };
}
