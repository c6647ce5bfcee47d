/** `rolegate creds` and `rolegate exec`: a laptop's profiles turned into credentials. */
import type { Command } from 'commander';
import { childEnv, runWith } from './exec.js';
import { credentialsFor, processJson, type ResolveOptions } from './resolve.js';

const profileFlags = (c: Command): Command =>
  c
    .option('--profile <name>', 'profile of the AWS config and credentials files (or AWS_PROFILE, else default)')
    .option('--token-code <code>', 'the MFA code for a role with mfa_serial (asked on the terminal otherwise)')
    .option('--endpoint-url <url>', 'the STS endpoint (or AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the profile\'s endpoint_url)');

export function addLaptopCommands(root: Command, env: NodeJS.ProcessEnv): void {
  profileFlags(root.command('creds').description('print a profile\'s credentials as credential_process JSON (Version 1)'))
    .action(async (opts: ResolveOptions) => {
      const { credentials } = await credentialsFor(opts, env);
      process.stdout.write(`${processJson(credentials)}\n`);
    });

  profileFlags(root.command('exec').description('run a command with a profile\'s credentials in its environment'))
    .argument('<command>', 'the command to run')
    .argument('[args...]', 'its arguments (put -- before the command so its flags stay its own)')
    .passThroughOptions()
    .action(async (command: string, args: string[], opts: ResolveOptions) => {
      const resolved = await credentialsFor(opts, env);
      process.exitCode = await runWith(command, args, childEnv(resolved, env));
    });
}
