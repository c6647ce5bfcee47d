/**
 * The role credentials of the instance or task `rolegate run` starts, fetched from the
 * server's rolegate:GetInstanceCredentials / GetTaskCredentials and fed to the metadata
 * endpoint, which asks again when they are due.
 */
import type { RoleCredentials } from '../../metadata/credential-feed.js';
import type { Caller } from './caller.js';
import { callRolegate } from './rolegate-api.js';

export type Workload = { readonly kind: 'instance'; readonly instanceProfile: string; readonly instanceId: string } | { readonly kind: 'task'; readonly roleArn: string; readonly taskId: string };

export function fetcher(caller: Caller, workload: Workload): () => Promise<RoleCredentials> {
  return async () => {
    const credentials = await caller.credentials();
    const result =
      workload.kind === 'instance'
        ? await callRolegate(caller.target, credentials, 'GetInstanceCredentials', { InstanceProfileName: workload.instanceProfile, InstanceId: workload.instanceId })
        : await callRolegate(caller.target, credentials, 'GetTaskCredentials', { RoleArn: workload.roleArn, TaskId: workload.taskId });
    const c = result['Credentials'] as Record<string, string | undefined> | undefined;
    const user = result['AssumedRoleUser'] as Record<string, string | undefined> | undefined;
    const expiresAt = Date.parse(c?.['Expiration'] ?? '');
    if (c?.['AccessKeyId'] === undefined || c['SecretAccessKey'] === undefined || c['SessionToken'] === undefined || Number.isNaN(expiresAt) || user?.['Arn'] === undefined) {
      throw new Error('the server answered without credentials');
    }
    const text = (name: string): string | undefined => (typeof result[name] === 'string' ? result[name] : undefined);
    // A session's ARN (arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION) names the role without its path.
    const roleName = text('RoleName') ?? user['Arn'].split('/')[1] ?? '';
    return {
      accessKeyId: c['AccessKeyId'],
      secretAccessKey: c['SecretAccessKey'],
      sessionToken: c['SessionToken'],
      expiresAt,
      roleName,
      roleArn: workload.kind === 'task' ? workload.roleArn : (text('RoleArn') ?? ''),
      instanceProfileArn: text('InstanceProfileArn'),
      instanceProfileId: text('InstanceProfileId'),
    };
  };
}
