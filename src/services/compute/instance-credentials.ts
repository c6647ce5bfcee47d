/**
 * rolegate:GetInstanceCredentials — the credentials EC2 serves an instance launched with
 * an instance profile: the caller launches (PassRole on the profile's role, for
 * ec2.amazonaws.com), and EC2 assumes the role with the instance id as session name.
 */
import { roleArn } from '../../auth/caller.js';
import { instanceProfiles } from '../../store/index.js';
import type { ServiceContext } from '../context.js';
import { AwsError } from '../../errors.js';
import { noSuchInstanceProfile } from '../iam/errors.js';
import { instanceProfileArn } from '../iam/instance-profiles.js';
import { issueServiceSession, requirePassRole, type ComputeSession } from './service-session.js';

export interface GetInstanceCredentialsInput {
  readonly InstanceProfileName: string;
  readonly InstanceId: string;
}

export interface GetInstanceCredentialsOutput extends ComputeSession {
  readonly InstanceProfileArn: string;
  readonly InstanceProfileId: string;
  readonly RoleName: string;
  readonly RoleArn: string;
}

const SERVICE = 'ec2.amazonaws.com';

/**
 * Not AWS's: EC2 launches an instance whose profile holds no role, and its metadata then
 * lists no credentials. rolegate has no instance to launch, so it says why at once.
 */
const noInstanceProfileRole = (name: string): AwsError => new AwsError('NoSuchEntity', `Instance Profile ${name} holds no role.`);

export async function getInstanceCredentials(input: GetInstanceCredentialsInput, ctx: ServiceContext): Promise<GetInstanceCredentialsOutput> {
  const account = ctx.caller.accountId;
  const profile = await instanceProfiles.byName(ctx.deps.db, account, input.InstanceProfileName);
  if (profile === undefined) throw noSuchInstanceProfile(input.InstanceProfileName);
  const [role] = await instanceProfiles.roles(ctx.deps.db, profile.id);
  if (role === undefined) throw noInstanceProfileRole(input.InstanceProfileName);
  const instanceArn = `arn:aws:ec2:${ctx.facts.region}:${account}:instance/${input.InstanceId}`;
  await requirePassRole(ctx, roleArn(role), SERVICE, instanceArn);
  const session = await issueServiceSession({ service: SERVICE, role, sessionName: input.InstanceId, resourceArn: instanceArn, trustContext: [] }, ctx);
  return { ...session, InstanceProfileArn: instanceProfileArn(profile), InstanceProfileId: profile.id, RoleName: role.name, RoleArn: roleArn(role) };
}
