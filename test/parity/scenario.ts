/**
 * One parity scenario against a started rolegate: the steps of one LocalStack test, each
 * compared with the step AWS answered in the recording. A scenario gets clients signed as
 * an IAM user with every permission — LocalStack records with such a user, not with the
 * root user, which for one may not assume roles.
 */
import { randomBytes } from 'node:crypto';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startRolegate, type Started } from '../server/harness.js';
import { Bindings } from './placeholders.js';
import { compareStep, type SdkOutcome } from './snapshot-match.js';

export const REGION = 'us-east-1';

/** LocalStack's `short_uid()`, 8 hex characters: names keep its lengths, which some recorded errors depend on. */
export const shortUid = (): string => randomBytes(4).toString('hex');

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Clients for both services with the given credentials, against one server. */
export interface Clients {
  readonly iam: IAMClient;
  readonly sts: STSClient;
}

export class Scenario {
  private readonly seen = new Set<string>();
  private readonly differences: string[] = [];
  readonly bindings: Bindings;

  private constructor(
    readonly server: Started,
    readonly accountId: string,
    readonly admin: Clients,
    private readonly recorded: Readonly<Record<string, unknown>>,
  ) {
    this.bindings = new Bindings({ accountId, region: REGION });
  }

  static async start(recorded: Readonly<Record<string, unknown>>): Promise<Scenario> {
    const server = await startRolegate();
    const root = clientsFor(server.url, server.root);
    const accountId = (await root.sts.send(new GetCallerIdentityCommand({}))).Account!;
    await root.iam.send(new CreateUserCommand({ UserName: 'parity-admin' }));
    const everything = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    await root.iam.send(new PutUserPolicyCommand({ UserName: 'parity-admin', PolicyName: 'everything', PolicyDocument: everything }));
    const key = (await root.iam.send(new CreateAccessKeyCommand({ UserName: 'parity-admin' }))).AccessKey!;
    const admin = clientsFor(server.url, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    return new Scenario(server, accountId, admin, recorded);
  }

  /** Binds a placeholder to a value the scenario chose itself (a path it made up, say). */
  bind(placeholder: string, value: string): void {
    const problem = this.bindings.bind(placeholder, value);
    if (problem !== undefined) throw new Error(problem);
  }

  /** Clients signed with other credentials (an assumed role's, say). */
  clients(credentials: Credentials): Clients {
    return clientsFor(this.server.url, credentials);
  }

  /** A step AWS answered with a response: compared, and its output handed on for the next steps. */
  async call<T>(step: string, request: Promise<T>): Promise<T> {
    const outcome = await settle(request);
    this.compare(step, outcome);
    if (!outcome.ok) throw new Error(`step ${step} failed, so the scenario cannot go on:\n${this.differences.join('\n')}`);
    return outcome.output as T;
  }

  /** A step AWS answered with an error. */
  async fails(step: string, request: Promise<unknown>): Promise<void> {
    this.compare(step, await settle(request));
  }

  /** A step that records a value of the test itself (LocalStack snapshots some inputs). */
  value(step: string, value: unknown): void {
    this.compare(step, { ok: true, output: value });
  }

  /** Every difference, plus recorded steps the scenario never performed. */
  finish(): string[] {
    const unperformed = Object.keys(this.recorded).filter((step) => !this.seen.has(step));
    return [...this.differences, ...unperformed.map((step) => `${step}: recorded but not performed`)];
  }

  async close(): Promise<void> {
    await this.server.close();
  }

  private compare(step: string, outcome: SdkOutcome): void {
    if (this.seen.has(step)) throw new Error(`step ${step} performed twice`);
    this.seen.add(step);
    if (!(step in this.recorded)) return void this.differences.push(`${step}: not in the recording`);
    for (const difference of compareStep(this.recorded[step], outcome, this.bindings)) this.differences.push(`${step}: ${difference}`);
  }
}

function clientsFor(endpoint: string, credentials: Credentials): Clients {
  const config = { endpoint, region: REGION, credentials, maxAttempts: 1 };
  return { iam: new IAMClient(config), sts: new STSClient(config) };
}

async function settle(request: Promise<unknown>): Promise<SdkOutcome> {
  try {
    return { ok: true, output: await request };
  } catch (error) {
    return { ok: false, error };
  }
}
