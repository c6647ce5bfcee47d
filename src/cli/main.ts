/**
 * The `rolegate` command. `serve` is what `npm start` runs; `account create` adds an
 * account and prints its root credentials; `keys rotate` makes a new token-sealing key;
 * `creds` and `exec` turn a profile of ~/.aws/config into credentials on a laptop; `run`
 * starts a command as on an EC2 instance or in an ECS task, with its role's credentials
 * at a metadata endpoint.
 */
import { Command, InvalidArgumentError } from 'commander';
import { KeyRingSource } from '../auth/key-ring-source.js';
import { createAccount } from '../services/accounts.js';
import { DEFAULT_DATA_DIR, openDeps } from './environment.js';
import { addAuditCommand } from './audit.js';
import { addComputeCommands } from './compute/run.js';
import { addLaptopCommands } from './laptop/commands.js';
import { DEFAULT_AUDIT_RETENTION_DAYS, serve } from './serve.js';
import { DEFAULT_KEEP_ALIVE_SECONDS, MAX_KEEP_ALIVE_SECONDS } from '../server/http-server.js';

const port = (text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is 0 to 65535');
  return n;
};

/** Up to a day: Node keeps socket timers in 32-bit milliseconds, and no balancer idles longer. */
const keepAliveSeconds = (text: string): number => {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > MAX_KEEP_ALIVE_SECONDS) throw new InvalidArgumentError(`seconds above 0, at most ${MAX_KEEP_ALIVE_SECONDS}`);
  return n;
};

const positive = (text: string): number => {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('a number above 0');
  return n;
};

interface ServeFlags {
  data: string;
  store?: string;
  host: string;
  port: number;
  logLevel: string;
  oidcCaFile?: string;
  rateLimit?: number;
  rateBurst?: number;
  auditFile?: string;
  auditRetentionDays: number;
  keepAliveTimeout: number;
}

export function program(env: NodeJS.ProcessEnv): Command {
  // Positional options let `exec` hand everything after its command to that command.
  const root = new Command('rolegate').description('Self-hosted AWS IAM and STS').showHelpAfterError().enablePositionalOptions();
  const storeFlags = (c: Command): Command =>
    c
      .option('--data <dir>', 'data directory: the embedded SQLite store and the master key file', DEFAULT_DATA_DIR)
      .option('--store <url>', 'a postgres:// URL instead of the embedded store (or ROLEGATE_STORE_URL)');

  storeFlags(root.command('serve').description('serve IAM and STS on one port'))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', port, 4555)
    .option('--log-level <level>', 'the log\'s level: fatal, error, warn, info, debug, trace or silent', 'info')
    .option('--oidc-ca-file <file>', 'PEM CA certificates trusted for OpenID Connect issuers (or ROLEGATE_OIDC_CA_FILE)')
    .option('--rate-limit <per-second>', 'requests per second per account; past it AWS\'s Throttling (off by default)', positive)
    .option('--rate-burst <requests>', 'requests an account may make at once before --rate-limit applies (default: the rate)', positive)
    .option('--audit-file <file>', 'also append every audit event to this file, one CloudTrail record per line (or ROLEGATE_AUDIT_FILE)')
    .option('--audit-retention-days <days>', 'how long audit events are kept in the store', positive, DEFAULT_AUDIT_RETENTION_DAYS)
    .option('--keep-alive-timeout <seconds>', 'how long an idle client connection is kept open; above the idle timeout of a load balancer in front', keepAliveSeconds, DEFAULT_KEEP_ALIVE_SECONDS)
    .action(async (opts: ServeFlags) => {
      const running = await serve(opts, env);
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          running.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        });
      }
    });

  const account = root.command('account').description('accounts and their root users');
  storeFlags(account.command('create').description('create an account and print its root credentials'))
    .option('--id <id>', 'the 12-digit account id (random when absent)')
    .option('--name <name>', 'a name for the account')
    .action(async (opts: { data: string; store?: string; id?: string; name?: string }) => {
      const deps = await openDeps(opts, env);
      try {
        const created = await createAccount(deps, { id: opts.id, name: opts.name });
        process.stdout.write(
          `account ${created.accountId}\naws_access_key_id = ${created.accessKeyId}\naws_secret_access_key = ${created.secretAccessKey}\n`,
        );
      } finally {
        await deps.db.close();
      }
    });

  const keys = root.command('keys').description('the key ring that seals session tokens');
  storeFlags(keys.command('rotate').description('make a new sealing key; tokens sealed by older keys keep working until they expire'))
    .action(async (opts: { data: string; store?: string }) => {
      const deps = await openDeps(opts, env);
      try {
        const rings = new KeyRingSource(deps);
        await rings.ring();
        const fresh = await rings.rotate();
        process.stdout.write(`active sealing key: ${fresh.id}\n`);
      } finally {
        await deps.db.close();
      }
    });

  addAuditCommand(root, env, storeFlags);
  addLaptopCommands(root, env);
  addComputeCommands(root, env);
  return root;
}

program(process.env)
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`rolegate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
