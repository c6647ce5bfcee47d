/**
 * The audit secret scan's own checks: it finds a planted secret and names the event and
 * the kind without printing the secret, passes a clean file, fails a line that is not
 * JSON, and the collector reads the secrets off a Query exchange.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { secretsOfExchange } from './collector.js';
import { indexSecrets, problemsOf, scanRunDir, scanText, summaryLine } from './secret-scan.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE+TOKEN/with=padding0123456789';
const CODE = '482913';

const event = (id: string, extra: object = {}): string =>
  JSON.stringify({ eventVersion: '1.08', eventID: id, eventName: 'AssumeRole', requestParameters: { roleArn: 'arn:aws:iam::000000000000:role/r', tokenCode: 'HIDDEN_DUE_TO_SECURITY_REASONS' }, responseElements: { credentials: { accessKeyId: 'ASIAEXAMPLE' } }, ...extra });

const index = indexSecrets([
  { kind: 'SecretAccessKey', value: SECRET },
  { kind: 'SessionToken', value: TOKEN },
  { kind: 'TokenCode', value: CODE },
  { kind: 'TokenCode', value: '12' },
]);

describe('the audit secret scan', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('passes a file of clean events', () => {
    const result = scanText(index, 'clean.audit.jsonl', `${event('e-1')}\n${event('e-2')}\n`);
    expect(result).toEqual({ events: 2, findings: [], unparsable: [] });
  });

  it('finds a planted secret key and reports the event id and the kind, never the value', () => {
    const text = `${event('e-1')}\n${event('e-2', { responseElements: { credentials: { secretAccessKey: SECRET } } })}\n`;
    const result = scanText(index, 'leak.audit.jsonl', text);
    expect(result.findings).toEqual([{ file: 'leak.audit.jsonl', line: 2, eventId: 'e-2', kind: 'SecretAccessKey', encoding: 'as sent' }]);
    const messages = problemsOf({ ...result, files: 1, secrets: index.secrets, ignored: index.ignored }, undefined).join('\n');
    expect(messages).toContain('SecretAccessKey');
    expect(messages).toContain('e-2');
    expect(messages).not.toContain(SECRET);
    expect(messages).not.toContain(SECRET.slice(0, 10));
  });

  it('finds a secret inside a longer string, URL-encoded, and base64-encoded', () => {
    const text = [
      event('e-1', { userAgent: `prefix${TOKEN}suffix` }),
      event('e-2', { requestParameters: { body: `Token=${encodeURIComponent(TOKEN)}&x=1` } }),
      event('e-3', { additionalEventData: { blob: Buffer.from(SECRET).toString('base64') } }),
    ].join('\n');
    const found = scanText(index, 'f', text).findings.map((f) => [f.eventId, f.kind, f.encoding]);
    expect(found).toEqual([
      ['e-1', 'SessionToken', 'as sent'],
      ['e-2', 'SessionToken', 'URL-encoded'],
      ['e-3', 'SecretAccessKey', 'base64'],
    ]);
  });

  it('finds a six-digit MFA code only as a whole JSON string value', () => {
    const leak = event('e-1', { requestParameters: { tokenCode: CODE } });
    const innocent = event('e-2', { requestID: `abc${CODE}def`, eventTime: `2025-01-01T${CODE}` });
    expect(scanText(index, 'f', `${leak}\n${innocent}`).findings).toEqual([{ file: 'f', line: 1, eventId: 'e-1', kind: 'TokenCode', encoding: 'a JSON string value' }]);
    expect(index.ignored).toBe(1); // "12" is no secret and would match ordinary text
  });

  it('fails a line that is not a JSON event, naming its file and line only', () => {
    const result = scanText(index, 'bad.audit.jsonl', `${event('e-1')}\n{"eventID": "e-2", trunc\n[1,2]\n`);
    expect(result.events).toBe(1);
    expect(result.unparsable).toEqual([
      { file: 'bad.audit.jsonl', line: 2 },
      { file: 'bad.audit.jsonl', line: 3 },
    ]);
    expect(problemsOf({ ...result, files: 1, secrets: 1, ignored: 0 }, undefined)).toEqual(['not a JSON event: bad.audit.jsonl line 2', 'not a JSON event: bad.audit.jsonl line 3']);
  });

  it('scans a run directory and enforces the floor only when asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolegate-scan-test-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'a.secrets.jsonl'), `${JSON.stringify({ kind: 'SecretAccessKey', value: SECRET })}\n`);
    writeFileSync(join(dir, 'a.audit.jsonl'), `${event('e-1')}\n${event('e-2')}\n`);
    writeFileSync(join(dir, 'b.audit.jsonl'), '');
    const result = scanRunDir(dir);
    expect(summaryLine(result)).toBe('audit secret scan: 2 events from 2 servers, 1 secrets, 0 found');
    expect(problemsOf(result, undefined)).toEqual([]);
    expect(problemsOf(result, { events: 500, secrets: 50 })).toHaveLength(2);
  });
});

describe('the collector', () => {
  it('reads the secrets of a Query exchange: response members, MFA codes, web identity tokens, the session token header', () => {
    const secrets = secretsOfExchange({
      url: '/?X-Amz-Security-Token=query-token-0123456789abcdef',
      headers: { 'x-amz-security-token': 'header-token-0123456789abcdef' },
      requestBody: `Action=AssumeRole&TokenCode=${CODE}&WebIdentityToken=a.b.c`,
      responseBody: `<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>${SECRET}</SecretAccessKey><SessionToken>${TOKEN}</SessionToken></Credentials><VirtualMFADevice><Base32StringSeed>QUJD</Base32StringSeed></VirtualMFADevice>`,
    });
    expect(secrets).toEqual([
      { kind: 'SessionToken', value: 'query-token-0123456789abcdef' },
      { kind: 'TokenCode', value: CODE },
      { kind: 'WebIdentityToken', value: 'a.b.c' },
      { kind: 'SessionToken', value: 'header-token-0123456789abcdef' },
      { kind: 'SecretAccessKey', value: SECRET },
      { kind: 'SessionToken', value: TOKEN },
      { kind: 'Base32StringSeed', value: 'QUJD' },
    ]);
  });
});
