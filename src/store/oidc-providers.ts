/**
 * IAM OpenID Connect providers: an issuer URL (kept without its `https://`, as IAM shows
 * it), the audiences it may issue tokens for, and the thumbprints of the certificate that
 * serves its keys. The ARN is the key: IAM derives it from the URL, so one URL is one
 * provider per account.
 */
import type { Queryable } from './db.js';
import type { OidcProviderRecord } from './records.js';
import { readTags, writeTags } from './rows.js';

interface Row {
  arn: string;
  account_id: string;
  url: string;
  client_ids: string;
  thumbprints: string;
  tags: string;
  created_at: number;
}

const fromRow = (r: Row): OidcProviderRecord => ({
  arn: r.arn,
  accountId: r.account_id,
  url: r.url,
  clientIds: JSON.parse(r.client_ids) as string[],
  thumbprints: JSON.parse(r.thumbprints) as string[],
  tags: readTags(r.tags),
  createdAt: r.created_at,
});

export const oidcProviders = {
  async insert(q: Queryable, p: OidcProviderRecord): Promise<void> {
    await q.run('INSERT INTO oidc_providers (arn, account_id, url, client_ids, thumbprints, tags, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      p.arn, p.accountId, p.url, JSON.stringify(p.clientIds), JSON.stringify(p.thumbprints), writeTags(p.tags), p.createdAt,
    ]);
  },
  async byArn(q: Queryable, arn: string): Promise<OidcProviderRecord | undefined> {
    const row = await q.get<Row>('SELECT * FROM oidc_providers WHERE arn = ?', [arn]);
    return row && fromRow(row);
  },
  async list(q: Queryable, accountId: string): Promise<OidcProviderRecord[]> {
    const rows = await q.all<Row>('SELECT * FROM oidc_providers WHERE account_id = ? ORDER BY arn', [accountId]);
    return rows.map(fromRow);
  },
  /** Writes the mutable fields: client ids, thumbprints, tags. False when the provider is gone. */
  async update(q: Queryable, p: OidcProviderRecord): Promise<boolean> {
    const result = await q.run('UPDATE oidc_providers SET client_ids = ?, thumbprints = ?, tags = ? WHERE arn = ?', [
      JSON.stringify(p.clientIds), JSON.stringify(p.thumbprints), writeTags(p.tags), p.arn,
    ]);
    return result.changes === 1;
  },
  async remove(q: Queryable, arn: string): Promise<boolean> {
    return (await q.run('DELETE FROM oidc_providers WHERE arn = ?', [arn])).changes === 1;
  },
};
