/**
 * `rolegate run`: a command started as EC2 starts a program on an instance with an
 * instance profile, or as ECS starts a task with a task role. The command finds the
 * role's credentials by itself, as an unmodified SDK does on AWS: at an instance metadata
 * endpoint (AWS_EC2_METADATA_SERVICE_ENDPOINT) or a container credentials endpoint
 * (AWS_CONTAINER_CREDENTIALS_FULL_URI), both served by this process on 127.0.0.1 for as
 * long as the command runs, with credentials from the server renewed before they are due.
 */
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { containerHandler } from '../../metadata/container.js';
import { CredentialFeed } from '../../metadata/credential-feed.js';
import { listen, type MetadataHandler } from '../../metadata/http.js';
import { imdsHandler } from '../../metadata/imds.js';
import { ImdsTokens } from '../../metadata/imds-token.js';
import { runWith } from '../laptop/exec.js';
import { findCaller, type CallerOptions } from './caller.js';
import { computeEnv, type Door } from './compute-env.js';
import { fetcher, type Workload } from './compute-credentials.js';

interface RunOptions extends CallerOptions {
  readonly instanceProfile?: string | undefined;
  readonly role?: string | undefined;
  readonly container?: boolean | undefined;
  readonly imdsv1?: boolean | undefined;
}

export function addComputeCommands(root: Command, env: NodeJS.ProcessEnv): void {
  root
    .command('run')
    .description('run a command as on EC2 (--instance-profile) or ECS (--role ARN --container): its SDK finds the role\'s credentials at a metadata endpoint')
    .option('--instance-profile <name>', 'the instance profile whose role the command gets, EC2 style')
    .option('--role <arn>', 'the task role the command gets, ECS style (with --container)')
    .option('--container', 'serve a container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI)')
    .option('--imdsv1', 'also answer instance metadata GETs that carry no session token (IMDSv1)')
    .option('--profile <name>', 'who launches: a profile of the AWS config files (else the environment\'s keys, AWS_PROFILE, default)')
    .option('--endpoint-url <url>', 'the rolegate endpoint (or AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL, the profile\'s endpoint_url)')
    .option('--region <region>', 'the region of the instance or task (or AWS_REGION, the profile\'s region, us-east-1)')
    .option('--token-code <code>', 'the MFA code, when the launching profile assumes a role with mfa_serial')
    .argument('<command>', 'the command to run')
    .argument('[args...]', 'its arguments (put -- before the command so its flags stay its own)')
    .passThroughOptions()
    .action(async (command: string, args: string[], opts: RunOptions) => {
      process.exitCode = await run(command, args, opts, env);
    });
}

async function run(command: string, args: readonly string[], opts: RunOptions, env: NodeJS.ProcessEnv): Promise<number> {
  const workload = workloadOf(opts);
  const caller = await findCaller(opts, env);
  let lastError: unknown;
  const feed = new CredentialFeed(fetcher(caller, workload), Date.now, (error) => {
    lastError = error;
    process.stderr.write(`rolegate run: renewing the role's credentials failed: ${message(error)}\n`);
  });
  // The launch fails as RunInstances or RunTask would: no PassRole, no trust, no credentials.
  const first = await feed.current();
  if (first === undefined) throw new Error(`cannot start ${what(workload)}: ${message(lastError)}`);

  const launchedAt = Date.now();
  let handler: MetadataHandler;
  let door: Door;
  if (workload.kind === 'instance') {
    const accountId = first.roleArn.split(':')[4] ?? '';
    const instance = { instanceId: workload.instanceId, accountId, region: caller.target.region, launchedAt };
    handler = imdsHandler({ instance, feed, tokens: new ImdsTokens(randomBytes(32)), allowV1: opts.imdsv1 === true, now: Date.now });
    door = { kind: 'instance' };
  } else {
    const path = `/v2/credentials/${randomBytes(16).toString('hex')}`;
    const authorizationToken = randomBytes(32).toString('base64url');
    handler = containerHandler({ path, authorizationToken, feed });
    door = { kind: 'container', path, authorizationToken };
  }
  const listener = await listen(handler, (error) => process.stderr.write(`rolegate run: metadata request failed: ${message(error)}\n`));
  process.stderr.write(`rolegate run: ${what(workload)} with role ${first.roleName}, credentials at ${listener.url}\n`);
  try {
    return await runWith(command, args, computeEnv(env, { ...door, url: listener.url }, caller.target));
  } finally {
    await listener.close();
  }
}

function workloadOf(opts: RunOptions): Workload {
  const id = (bytes: number): string => randomBytes(bytes).toString('hex');
  if (opts.instanceProfile !== undefined) {
    if (opts.role !== undefined || opts.container === true) throw new Error('give --instance-profile (EC2) or --role with --container (ECS), not both');
    // `i-` and 17 hex digits, EC2's form.
    return { kind: 'instance', instanceProfile: opts.instanceProfile, instanceId: `i-${id(9).slice(0, 17)}` };
  }
  if (opts.role !== undefined && opts.container === true) return { kind: 'task', roleArn: opts.role, taskId: id(16) };
  if (opts.role !== undefined) throw new Error('--role is for containers: add --container (an EC2-style run takes --instance-profile)');
  throw new Error('give --instance-profile NAME, or --role ARN --container');
}

const what = (w: Workload): string => (w.kind === 'instance' ? `instance ${w.instanceId} (instance profile ${w.instanceProfile})` : `task ${w.taskId}`);
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
