/** Virtual MFA devices, by serial number (case-insensitively, as IAM names are). */
import type { Queryable } from './db.js';
import type { MfaDeviceRecord } from './records.js';
import { nameKey, nullable, optional, readTags, writeTags } from './rows.js';

interface Row {
  serial: string;
  account_id: string;
  name: string;
  path: string;
  seed: string;
  tags: string;
  created_at: number;
  user_id: string | null;
  enabled_at: number | null;
  last_step: number | null;
}

const num = (v: number | null): number | undefined => (v === null ? undefined : Number(v));

const fromRow = (r: Row): MfaDeviceRecord => ({
  serial: r.serial,
  accountId: r.account_id,
  name: r.name,
  path: r.path,
  wrappedSeed: r.seed,
  tags: readTags(r.tags),
  createdAt: Number(r.created_at),
  userId: optional(r.user_id),
  enabledAt: num(r.enabled_at),
  lastStep: num(r.last_step),
});

export const mfaDevices = {
  async insert(q: Queryable, d: MfaDeviceRecord): Promise<void> {
    await q.run(
      'INSERT INTO mfa_devices (serial_key, serial, account_id, name, path, seed, tags, created_at, user_id, enabled_at, last_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [nameKey(d.serial), d.serial, d.accountId, d.name, d.path, d.wrappedSeed, writeTags(d.tags), d.createdAt, nullable(d.userId), nullable(d.enabledAt), nullable(d.lastStep)],
    );
  },
  async bySerial(q: Queryable, serial: string): Promise<MfaDeviceRecord | undefined> {
    const row = await q.get<Row>('SELECT * FROM mfa_devices WHERE serial_key = ?', [nameKey(serial)]);
    return row && fromRow(row);
  },
  /** The account's devices, by serial number. */
  async list(q: Queryable, accountId: string): Promise<MfaDeviceRecord[]> {
    const rows = await q.all<Row>('SELECT * FROM mfa_devices WHERE account_id = ? ORDER BY serial_key', [accountId]);
    return rows.map(fromRow);
  },
  /** The devices enabled for the user, oldest enabled first. */
  async forUser(q: Queryable, userId: string): Promise<MfaDeviceRecord[]> {
    const rows = await q.all<Row>('SELECT * FROM mfa_devices WHERE user_id = ? ORDER BY enabled_at, serial_key', [userId]);
    return rows.map(fromRow);
  },
  /**
   * Enables an unassigned device for the user, recording `lastStep` as used; false if it
   * is gone, already enabled, or `lastStep` is not newer than a step it accepted before.
   */
  async enable(q: Queryable, serial: string, userId: string, enabledAt: number, lastStep: number): Promise<boolean> {
    const result = await q.run(
      'UPDATE mfa_devices SET user_id = ?, enabled_at = ?, last_step = ? WHERE serial_key = ? AND user_id IS NULL AND (last_step IS NULL OR last_step < ?)',
      [userId, enabledAt, lastStep, nameKey(serial), lastStep],
    );
    return result.changes === 1;
  },
  /** Detaches the device from its user; false if it was not enabled for that user. */
  async deactivate(q: Queryable, serial: string, userId: string): Promise<boolean> {
    const result = await q.run('UPDATE mfa_devices SET user_id = NULL, enabled_at = NULL WHERE serial_key = ? AND user_id = ?', [nameKey(serial), userId]);
    return result.changes === 1;
  },
  /**
   * Records `step` as used, in the same statement that checks it is newer than every
   * step accepted before: of two requests racing with one code, exactly one gets true.
   */
  async acceptStep(q: Queryable, serial: string, userId: string, step: number): Promise<boolean> {
    const result = await q.run(
      'UPDATE mfa_devices SET last_step = ? WHERE serial_key = ? AND user_id = ? AND (last_step IS NULL OR last_step < ?)',
      [step, nameKey(serial), userId, step],
    );
    return result.changes === 1;
  },
  /** Deletes an unassigned device; false if it is gone or still enabled. */
  async remove(q: Queryable, serial: string): Promise<boolean> {
    return (await q.run('DELETE FROM mfa_devices WHERE serial_key = ? AND user_id IS NULL', [nameKey(serial)])).changes === 1;
  },
};
