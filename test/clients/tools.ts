/**
 * Finding the real AWS clients and running them the way a user would, but in a clean
 * environment: no inherited AWS_* variables, HOME in a temp directory (so no ~/.aws is
 * read), config and credentials files only where a test puts them.
 *
 * Debian's packages (`awscli`, `python3-boto3`, installed by .ci/run) are preferred; a
 * client found on PATH is used otherwise. ROLEGATE_TEST_AWS and ROLEGATE_TEST_PYTHON name
 * another client to test. When none is found, the suites skip and say why.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

export interface Tool {
  readonly path: string;
  readonly version: string;
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function probe(path: string, args: string[]): string | undefined {
  try {
    return execFileSync(path, args, { env: cleanEnv(tmpdir(), path), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 }).trim();
  } catch {
    return undefined;
  }
}

/** The AWS CLI: ROLEGATE_TEST_AWS, `/usr/bin/aws` (Debian's awscli) or the first `aws` on PATH. */
export function findAwsCli(): Tool | undefined {
  for (const path of [process.env['ROLEGATE_TEST_AWS'], '/usr/bin/aws', onPath('aws')]) {
    if (path === undefined || !existsSync(path)) continue;
    const version = probe(path, ['--version']);
    if (version !== undefined) return { path, version };
  }
  return undefined;
}

/** A python3 that imports boto3: ROLEGATE_TEST_PYTHON, `/usr/bin/python3` (Debian's python3-boto3) or PATH's. */
export function findBoto3(): Tool | undefined {
  for (const path of [process.env['ROLEGATE_TEST_PYTHON'], '/usr/bin/python3', onPath('python3')]) {
    if (path === undefined || !existsSync(path)) continue;
    const version = probe(path, ['-c', 'import boto3; print(boto3.__version__)']);
    if (version !== undefined) return { path, version };
  }
  return undefined;
}

/**
 * The environment of a client process: the tool's own directory and the system's on
 * PATH, HOME in `home`, and the AWS settings a test chooses. Nothing else is inherited.
 */
export function cleanEnv(home: string, tool: string, aws: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: [dirname(tool), '/usr/local/bin', '/usr/bin', '/bin'].join(delimiter),
    HOME: home,
    LANG: 'C.UTF-8',
    // Files that do not exist unless a test writes them: no stray profile is read.
    AWS_CONFIG_FILE: join(home, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials'),
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...aws,
  };
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end; a non-zero exit is a result, not an exception. */
export function run(path: string, args: readonly string[], env: NodeJS.ProcessEnv, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(path, args, { env, encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') {
        reject(new Error(`${path} ${args.join(' ')} did not run: ${error.message}\n${stderr}`));
        return;
      }
      resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/**
 * The title of a suite that runs the AWS CLI: what it tests and with which CLI version,
 * or why it is skipped (said once on the console too, so a skipped suite is seen).
 */
export function awsCliSuiteTitle(cli: Tool | undefined, what: string): string {
  if (cli !== undefined) return `${what} (${cli.version.split(' ')[0] ?? ''})`;
  const title = `${what} (skipped: no aws command; .ci/run installs Debian's awscli)`;
  console.warn(`skipped: ${title}`);
  return title;
}
