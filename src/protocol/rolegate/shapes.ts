/**
 * rolegate's own API, in the Query protocol IAM and STS speak: what EC2 and ECS do inside
 * AWS when they fetch a role's credentials for an instance or a task, done here for
 * `rolegate run` (cli/compute), which serves them to the program it starts through an
 * instance metadata or container credentials endpoint. No AWS SDK calls these; they are
 * signed with SigV4 under the signing name `rolegate`.
 */
import { string, structure, type Infer } from '../schema.js';
import type { QueryOperation } from '../operation.js';
import { instanceProfileNameType } from '../iam/instance-profiles.js';
import { arnType, AssumedRoleUser, Credentials } from '../sts/shapes.js';

/** An EC2 instance id as EC2 writes them today: `i-` and 17 hexadecimal digits. */
export const instanceIdType = string({ min: 19, max: 19, pattern: /i-[0-9a-f]{17}/u });
/** An ECS task id: 32 hexadecimal digits, the last part of a task's ARN. */
export const taskIdType = string({ min: 32, max: 32, pattern: /[0-9a-f]{32}/u });

export const GetInstanceCredentialsInput = structure(
  { InstanceProfileName: instanceProfileNameType, InstanceId: instanceIdType },
  { required: ['InstanceProfileName', 'InstanceId'] },
);
export type GetInstanceCredentialsInput = Infer<typeof GetInstanceCredentialsInput>;
export const GetInstanceCredentialsOutput = structure({
  Credentials,
  AssumedRoleUser,
  InstanceProfileArn: arnType,
  InstanceProfileId: string(),
  RoleName: string(),
  RoleArn: arnType,
});

export const GetTaskCredentialsInput = structure({ RoleArn: arnType, TaskId: taskIdType }, { required: ['RoleArn', 'TaskId'] });
export type GetTaskCredentialsInput = Infer<typeof GetTaskCredentialsInput>;
export const GetTaskCredentialsOutput = structure({ Credentials, AssumedRoleUser });

export const rolegateOperations = {
  GetInstanceCredentials: { name: 'GetInstanceCredentials', input: GetInstanceCredentialsInput, output: GetInstanceCredentialsOutput },
  GetTaskCredentials: { name: 'GetTaskCredentials', input: GetTaskCredentialsInput, output: GetTaskCredentialsOutput },
} as const satisfies Readonly<Record<string, QueryOperation>>;
