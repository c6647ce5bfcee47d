/**
 * What a user sees on the first start: the default account's root credentials, shown
 * once and kept in a 0600 file of the data directory, and the `~/.aws` snippets that
 * point the SDKs and the CLI at rolegate. Written to the terminal, never to the log.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RootCredentials } from '../services/accounts.js';

export const ROOT_CREDENTIALS_FILE = 'root-credentials';

export function saveRootCredentials(dataDir: string, root: RootCredentials): string {
  const file = join(dataDir, ROOT_CREDENTIALS_FILE);
  writeFileSync(
    file,
    `# rolegate: root user of account ${root.accountId}\n[default]\naws_access_key_id = ${root.accessKeyId}\naws_secret_access_key = ${root.secretAccessKey}\n`,
    { mode: 0o600 },
  );
  return file;
}

export function firstStartText(root: RootCredentials, endpoint: string, savedTo: string | undefined): string {
  const secretLine = savedTo === undefined ? '(the secret you gave in ROLEGATE_ROOT_SECRET_ACCESS_KEY)' : root.secretAccessKey;
  return [
    '',
    `First start: created account ${root.accountId} and its root user.`,
    savedTo === undefined ? '' : `Its credentials are shown this once, and kept in ${savedTo} (mode 0600).`,
    '',
    '~/.aws/credentials:',
    '  [default]',
    `  aws_access_key_id = ${root.accessKeyId}`,
    `  aws_secret_access_key = ${secretLine}`,
    '',
    '~/.aws/config:',
    '  [default]',
    '  region = us-east-1',
    `  endpoint_url = ${endpoint}`,
    '',
    '  [profile myaccount-dev]',
    `  role_arn = arn:aws:iam::${root.accountId}:role/NAME`,
    '  source_profile = default',
    `  endpoint_url = ${endpoint}`,
    '',
  ].join('\n');
}
