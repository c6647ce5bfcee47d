/**
 * ARNs: `arn:partition:service:region:account:resource`, split at the first five
 * colons (the resource part may hold more). rolegate serves the `aws` partition.
 */

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

export function parseArn(text: string): Arn | undefined {
  if (text.length > 2048 || !text.startsWith('arn:')) return undefined;
  const parts: string[] = [];
  let from = 4;
  for (let i = 0; i < 4; i++) {
    const colon = text.indexOf(':', from);
    if (colon < 0) return undefined;
    parts.push(text.slice(from, colon));
    from = colon + 1;
  }
  const [partition, service, region, account] = parts as [string, string, string, string];
  const resource = text.slice(from);
  if (partition === '' || service === '' || resource === '') return undefined;
  return { partition, service, region, account, resource };
}

export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
}

export const ACCOUNT_ID = /^[0-9]{12}$/;

/** An IAM entity ARN's parts: `role/path/name` -> type `role`, path `/path/`, name `name`. */
export interface IamEntityArn {
  readonly account: string;
  readonly type: string;
  readonly path: string;
  readonly name: string;
}

export function parseIamEntityArn(text: string, service: 'iam' | 'sts' = 'iam'): IamEntityArn | undefined {
  const arn = parseArn(text);
  if (arn === undefined || arn.partition !== 'aws' || arn.service !== service || arn.region !== '' || !ACCOUNT_ID.test(arn.account)) {
    return undefined;
  }
  const slash = arn.resource.indexOf('/');
  const last = arn.resource.lastIndexOf('/');
  if (slash <= 0 || last === arn.resource.length - 1) return undefined;
  return {
    account: arn.account,
    type: arn.resource.slice(0, slash),
    path: arn.resource.slice(slash, last + 1),
    name: arn.resource.slice(last + 1),
  };
}

export function iamArn(account: string, type: string, path: string, name: string): string {
  return `arn:aws:iam::${account}:${type}${path}${name}`;
}

export function assumedRoleArn(account: string, roleName: string, sessionName: string): string {
  return `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`;
}

export function federatedUserArn(account: string, name: string): string {
  return `arn:aws:sts::${account}:federated-user/${name}`;
}
