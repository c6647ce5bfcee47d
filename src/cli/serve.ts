/**
 * `rolegate serve`: open the store, make sure the key ring and the default account
 * exist, and serve every service on one port until SIGTERM or SIGINT, which drain the
 * connections in flight and exit 0.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import { Authorizer } from '../auth/authorizer.js';
import { EntityCache } from '../auth/entity-cache.js';
import type { Clock } from '../auth/deps.js';
import { KeyRingSource } from '../auth/key-ring-source.js';
import { OidcKeySource } from '../auth/oidc-keys.js';
import { PolicyCache } from '../auth/policy-cache.js';
import { ensureDefaultAccount } from '../services/accounts.js';
import { AuditTrail } from '../services/audit/trail.js';
import { createRolegateServer } from '../server/http-server.js';
import { ServerMetrics } from '../server/metrics.js';
import { RateLimiter } from '../server/rate-limiter.js';
import { apiTable } from '../server/table.js';
import { SigningKeyCache } from '../sigv4/index.js';
import { describeLocation, openDeps, type StoreOptions } from './environment.js';
import { firstStartText, saveRootCredentials } from './first-start.js';

export interface ServeOptions extends StoreOptions {
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  /** PEM CA certificates trusted for OpenID Connect issuers (besides providers' thumbprints). */
  readonly oidcCaFile?: string | undefined;
  /** Requests per second per account (a token bucket of `rateBurst`); no limit when absent. */
  readonly rateLimit?: number | undefined;
  readonly rateBurst?: number | undefined;
  /** Where every audit event is also appended as a JSON line; ROLEGATE_AUDIT_FILE when absent. */
  readonly auditFile?: string | undefined;
  /** Seconds an idle keep-alive connection is kept (see DEFAULT_KEEP_ALIVE_SECONDS). */
  readonly keepAliveTimeout?: number | undefined;
  /** Days audit events are kept in the store (CloudTrail's event history keeps 90). */
  readonly auditRetentionDays?: number | undefined;
  /** The server's time; only tests set it, to move past a token's expiry. */
  readonly clock?: Clock | undefined;
  /** Where the log goes instead of stdout; only tests set it, to read what is logged. */
  readonly logStream?: NodeJS.WritableStream | undefined;
}

export const DEFAULT_AUDIT_RETENTION_DAYS = 90;
/** How often events past their retention are deleted. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions, env: NodeJS.ProcessEnv, out: NodeJS.WritableStream = process.stdout): Promise<RunningServer> {
  // `name`, not `service`: each request's line has its own `service` (sts or iam), and a
  // JSON line must not carry one key twice.
  const logOptions = { level: options.logLevel, base: { name: 'rolegate' } };
  const logger: Logger = options.logStream === undefined ? pino(logOptions) : pino(logOptions, options.logStream);
  const deps = await openDeps(options, env, options.clock);
  const keyRings = new KeyRingSource(deps);
  await keyRings.ring();
  const created = await ensureDefaultAccount(deps, rootKeyFromEnv(env));
  const auditFile = options.auditFile ?? nonEmpty(env['ROLEGATE_AUDIT_FILE']);
  const trail = new AuditTrail(deps.db, {
    file: auditFile === undefined ? undefined : resolve(auditFile),
    onFileError: (error) => logger.error({ err: error, file: auditFile }, 'cannot append to the audit file'),
  });
  const retentionMs = (options.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS) * DAY_MS;
  const prune = (): void => {
    trail.prune(deps.clock.now() - retentionMs).catch((error: unknown) => logger.warn({ err: error }, 'audit retention: prune failed; retried in an hour'));
  };
  prune();
  const pruning = setInterval(prune, PRUNE_EVERY_MS).unref();

  const entities = new EntityCache(deps);
  const policies = new PolicyCache(deps);
  const signingKeys = new SigningKeyCache();
  const metrics = new ServerMetrics({
    keyRing: () => keyRings.loaded,
    caches: {
      entities: () => entities.entityCounts,
      callers: () => entities.callerCounts,
      policies: () => policies.policyCounts,
      trust_policies: () => policies.trustCounts,
      session_tokens: () => keyRings.openedCounts,
      signing_keys: () => signingKeys.counts,
    },
    audit: () => trail.counts,
  });
  const server = createRolegateServer({
    api: {
      core: deps,
      keyRings,
      entities,
      authorizer: new Authorizer(deps, policies, metrics.countDecision),
      signingKeys,
      table: apiTable(),
      oidcKeys: new OidcKeySource(deps.clock, oidcCaBundle(options, env)),
      rateLimiter: options.rateLimit === undefined ? undefined : new RateLimiter(options.rateLimit, options.rateBurst ?? Math.max(1, options.rateLimit)),
      trail,
    },
    logger,
    metrics,
  }, options.keepAliveTimeout);
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  out.write(`rolegate serving on ${url} (store: ${describeLocation(deps.location)}; master key: ${deps.masterKeySource})\n`);
  if (created !== undefined) {
    const fromEnv = env['ROLEGATE_ROOT_ACCESS_KEY_ID'] !== undefined;
    const savedTo = fromEnv ? undefined : saveRootCredentials(resolve(options.data), created);
    out.write(firstStartText(created, url, savedTo));
  }
  logger.info({ url }, 'listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    close: () =>
      (closing ??= (async () => {
        clearInterval(pruning);
        server.close();
        server.closeIdleConnections();
        await once(server, 'close');
        await trail.close();
        await deps.db.close();
      })()),
  };
}

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

function rootKeyFromEnv(env: NodeJS.ProcessEnv): { accessKeyId: string; secretAccessKey: string } | undefined {
  const id = env['ROLEGATE_ROOT_ACCESS_KEY_ID'];
  const secret = env['ROLEGATE_ROOT_SECRET_ACCESS_KEY'];
  if (id === undefined && secret === undefined) return undefined;
  if (id === undefined || secret === undefined) {
    throw new Error('Set both ROLEGATE_ROOT_ACCESS_KEY_ID and ROLEGATE_ROOT_SECRET_ACCESS_KEY, or neither');
  }
  return { accessKeyId: id, secretAccessKey: secret };
}

/**
 * The CA bundle for OpenID Connect issuers: `--oidc-ca-file`, else ROLEGATE_OIDC_CA_FILE.
 * Without one, an issuer is trusted only through its provider's thumbprints.
 */
function oidcCaBundle(options: ServeOptions, env: NodeJS.ProcessEnv): string | undefined {
  const file = options.oidcCaFile ?? env['ROLEGATE_OIDC_CA_FILE'];
  return file === undefined || file === '' ? undefined : readFileSync(file, 'utf8');
}
