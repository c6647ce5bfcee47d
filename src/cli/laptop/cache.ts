/**
 * The AWS CLI's cache of assumed-role credentials, so that `rolegate creds`, the AWS CLI
 * and boto3 with the CLI's cache share one set of files: ~/.aws/cli/cache/<key>.json,
 * where the key is the SHA-1 of the AssumeRole arguments as botocore serialises them,
 * and the file holds the AssumeRole response. Entries are used until 15 minutes before
 * they expire, botocore's window, so a caller never gets credentials about to lapse.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const REFRESH_WINDOW_MS = 15 * 60 * 1000;

/** What is sent to AssumeRole apart from the session name botocore generates. */
export interface AssumeArgs {
  readonly RoleArn: string;
  /** Only a session name set in the profile is part of the key; a generated one is not. */
  readonly RoleSessionName?: string | undefined;
  readonly ExternalId?: string | undefined;
  readonly SerialNumber?: string | undefined;
  readonly DurationSeconds?: number | undefined;
}

export interface SessionCredentials {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken: string;
  /** ISO 8601. */
  readonly Expiration: string;
}

/** A cached AssumeRole response, in the shape the AWS CLI writes. */
export interface CachedResponse {
  readonly Credentials: SessionCredentials;
  readonly AssumedRoleUser?: { readonly AssumedRoleId?: string | undefined; readonly Arn?: string | undefined } | undefined;
}

/**
 * Python's `json.dumps(args, sort_keys=True)`: ", " and ": " separators, and every
 * character outside printable ASCII escaped, since the hash is of those exact bytes.
 */
function pythonJson(args: AssumeArgs): string {
  const entries = Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = (v: unknown): string =>
    JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `{${entries.map(([k, v]) => `${text(k)}: ${text(v)}`).join(', ')}}`;
}

export function cacheKey(args: AssumeArgs): string {
  return createHash('sha1').update(pythonJson(args), 'utf8').digest('hex');
}

/** botocore writes `2026-01-01T00:00:00UTC` (strftime with %Z); ISO forms parse as they are. */
export function expiryMs(expiration: string): number {
  return Date.parse(expiration.replace(/UTC$/, 'Z'));
}

export class CredentialCache {
  constructor(private readonly dir: string) {}

  /** A cached response still good for longer than the refresh window, or undefined. */
  fresh(key: string, now: number): CachedResponse | undefined {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.file(key), 'utf8'));
    } catch {
      return undefined; // absent or unreadable: the role is assumed again and the file replaced
    }
    const c = (parsed as { Credentials?: Partial<Record<keyof SessionCredentials, unknown>> } | null)?.Credentials;
    if (typeof c?.AccessKeyId !== 'string' || typeof c.SecretAccessKey !== 'string' || typeof c.SessionToken !== 'string' || typeof c.Expiration !== 'string') {
      return undefined;
    }
    const expires = expiryMs(c.Expiration);
    if (!Number.isFinite(expires) || expires - now < REFRESH_WINDOW_MS) return undefined;
    return parsed as CachedResponse;
  }

  /** Written whole under a temporary name and renamed, so a reader never sees half a file. */
  store(key: string, response: CachedResponse): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // A directory made earlier by another tool may be group-readable; these are secrets.
    chmodSync(this.dir, 0o700);
    const temp = join(this.dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      writeFileSync(temp, JSON.stringify(response), { mode: 0o600, flag: 'wx' });
      renameSync(temp, this.file(key));
    } finally {
      rmSync(temp, { force: true });
    }
  }

  private file(key: string): string {
    return join(this.dir, `${key}.json`);
  }
}
