/**
 * Binding a trust policy's IAM principals to the entities they name, as IAM does: a
 * user or role ARN of an account this rolegate serves must name an existing entity
 * (else MalformedPolicyDocument "Invalid principal in policy") and is stored as that
 * entity's unique id, so a user or role deleted and re-created under the same name is
 * not trusted; a bare account id is stored as the account's root ARN. When the policy
 * is shown, ids whose entity still exists read as its ARN again, and the id of one that
 * is gone stays visible, as in AWS.
 */
import { parseIamEntityArn, uniqueIdKind } from '../../arn/index.js';
import { roleArn, userArn } from '../../auth/caller.js';
import { rootArn } from '../../policy/index.js';
import { accounts, roles, users, type Queryable } from '../../store/index.js';
import { invalidPrincipal } from './errors.js';
import { awsPrincipals, rewriteAwsPrincipals } from './trust-rewrite.js';

const ACCOUNT_ID = /^[0-9]{12}$/;

/** The text to store for a validated trust policy; throws on a principal that does not exist. */
export async function bindTrustPrincipals(q: Queryable, text: string): Promise<string> {
  const bound = new Map<string, string>();
  for (const value of awsPrincipals(text)) {
    if (bound.has(value)) continue;
    const id = await boundId(q, value);
    if (id !== undefined) bound.set(value, id);
  }
  return rewriteAwsPrincipals(text, (value) => bound.get(value));
}

/** The stored trust policy as IAM shows it: ids of existing users and roles as their ARNs. */
export async function showTrustPrincipals(q: Queryable, stored: string): Promise<string> {
  const shown = new Map<string, string>();
  for (const value of awsPrincipals(stored)) {
    const kind = uniqueIdKind(value);
    if (kind === 'user') {
      const user = await users.byId(q, value);
      if (user !== undefined) shown.set(value, userArn(user));
    } else if (kind === 'role') {
      const role = await roles.byId(q, value);
      if (role !== undefined) shown.set(value, roleArn(role));
    }
  }
  return rewriteAwsPrincipals(stored, (value) => shown.get(value));
}

async function boundId(q: Queryable, value: string): Promise<string | undefined> {
  if (ACCOUNT_ID.test(value)) return rootArn(value);
  const arn = parseIamEntityArn(value);
  if (arn === undefined || (arn.type !== 'user' && arn.type !== 'role')) return undefined;
  // Accounts rolegate does not serve are someone else's to check.
  if ((await accounts.get(q, arn.account)) === undefined) return undefined;
  const entity = arn.type === 'user' ? await users.byName(q, arn.account, arn.name) : await roles.byName(q, arn.account, arn.name);
  if (entity === undefined || entity.path !== arn.path) throw invalidPrincipal(value);
  return entity.id;
}
