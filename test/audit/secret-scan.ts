/**
 * The audit secret scan: every line of every audit file of a test run, parsed as the JSON
 * CloudTrail record it must be, searched for every secret collected in the same run
 * (collector.ts). Findings name the event, the file and the kind of secret, never the
 * secret itself, so a failing CI log leaks nothing.
 *
 * How a secret is matched depends on its length, so that nothing is found by chance:
 * - 16 characters or more (secret keys, session tokens, JWTs, seeds, the master key): as a
 *   substring of the raw line, in each of its forms (as sent, URL-encoded, JSON-escaped,
 *   base64; a blob's decoded text; a JWT's signature alone; the master key's bytes in
 *   base64). A random string that long does not occur in an event unless it was put there.
 * - 6 to 15 characters (MFA codes: six digits): as the whole of a JSON string value
 *   anywhere in the event. As a substring, "123456" would be found inside request ids,
 *   timestamps and account ids; as a value it is found exactly where a leaked code would
 *   be, e.g. `"tokenCode":"123456"` in requestParameters. A code inside a longer string is
 *   not seen: a code is only ever sent as a parameter of its own, and the audit view copies
 *   parameters whole or not at all.
 * - shorter: not matched (counted as ignored): a value that short is no secret and
 *   would match ordinary text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_SUFFIX, SECRETS_SUFFIX, type Secret } from './collector.js';

export const SUBSTRING_MIN = 16;
export const VALUE_MIN = 6;

/** Characters a run in a line may hold and still contain a secret form found through the prefix index. */
const RUN = /[A-Za-z0-9+/=%._~-]{16,}/g;
const RUN_CHARS = /^[A-Za-z0-9+/=%._~-]+$/;

interface Form {
  readonly text: string;
  readonly kind: string;
  readonly encoding: string;
}

export interface SecretIndex {
  /** Forms by their first SUBSTRING_MIN characters, for those made of RUN characters only. */
  readonly byPrefix: Map<string, Form[]>;
  /** Forms with other characters: looked for with `includes` on every line. */
  readonly other: Form[];
  /** Short secrets: matched as a whole JSON string value. */
  readonly values: Map<string, string>;
  readonly secrets: number;
  readonly ignored: number;
}

export function indexSecrets(secrets: Iterable<Secret>): SecretIndex {
  const byPrefix = new Map<string, Form[]>();
  const other: Form[] = [];
  const values = new Map<string, string>();
  const distinct = new Map<string, string>();
  for (const s of secrets) if (!distinct.has(s.value)) distinct.set(s.value, s.kind);
  let ignored = 0;
  for (const [value, kind] of distinct) {
    if (value.length < VALUE_MIN) {
      ignored++;
      continue;
    }
    if (value.length < SUBSTRING_MIN) {
      values.set(value, kind);
      continue;
    }
    for (const form of formsOf(kind, value)) {
      if (form.text.length < SUBSTRING_MIN) continue;
      if (!RUN_CHARS.test(form.text)) {
        other.push(form);
        continue;
      }
      const prefix = form.text.slice(0, SUBSTRING_MIN);
      const list = byPrefix.get(prefix);
      if (list === undefined) byPrefix.set(prefix, [form]);
      else list.push(form);
    }
  }
  return { byPrefix, other, values, secrets: distinct.size - ignored, ignored };
}

/** Every way a secret could be written into a JSON line. */
function formsOf(kind: string, value: string): Form[] {
  const forms: Form[] = [{ text: value, kind, encoding: 'as sent' }];
  const add = (text: string, encoding: string): void => {
    if (!forms.some((f) => f.text === text)) forms.push({ text, kind, encoding });
  };
  add(encodeURIComponent(value), 'URL-encoded');
  add(JSON.stringify(value).slice(1, -1), 'JSON-escaped');
  add(Buffer.from(value, 'utf8').toString('base64'), 'base64');
  if (kind === 'Base32StringSeed' || kind === 'QRCodePNG') {
    const decoded = Buffer.from(value, 'base64');
    if (kind === 'Base32StringSeed') add(decoded.toString('latin1'), 'decoded');
  }
  if (kind === 'MasterKey') {
    // Given as 64 hex characters or as base64 (src/cli/master-key.ts): look for the other spelling too.
    const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
    if (bytes.length === 32) {
      add(bytes.toString('hex'), 'key bytes in hex');
      add(bytes.toString('base64'), 'key bytes in base64');
    }
  }
  if (kind === 'WebIdentityToken') {
    const signature = value.split('.')[2];
    if (signature !== undefined && signature.length >= SUBSTRING_MIN) add(signature, 'JWT signature');
  }
  return forms;
}

export interface Finding {
  readonly file: string;
  readonly line: number;
  /** The event's eventID, or "(unparsable)". */
  readonly eventId: string;
  readonly kind: string;
  readonly encoding: string;
}

export interface ScanResult {
  readonly events: number;
  readonly files: number;
  readonly secrets: number;
  readonly ignored: number;
  readonly findings: Finding[];
  /** Lines that are not a JSON object: file and line number, never the text. */
  readonly unparsable: { readonly file: string; readonly line: number }[];
}

/** Scans one audit file's text. */
export function scanText(index: SecretIndex, file: string, text: string): Omit<ScanResult, 'files' | 'secrets' | 'ignored'> {
  const findings: Finding[] = [];
  const unparsable: { file: string; line: number }[] = [];
  let events = 0;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      event = undefined;
    }
    const parsed = typeof event === 'object' && event !== null && !Array.isArray(event);
    if (parsed) events++;
    else unparsable.push({ file, line: i + 1 });
    const eventId = parsed && typeof (event as { eventID?: unknown }).eventID === 'string' ? (event as { eventID: string }).eventID : '(unparsable)';
    const hit = (kind: string, encoding: string): void => {
      if (!findings.some((f) => f.file === file && f.line === i + 1 && f.kind === kind && f.encoding === encoding)) findings.push({ file, line: i + 1, eventId, kind, encoding });
    };
    for (const form of substringsIn(index, line)) hit(form.kind, form.encoding);
    if (parsed && index.values.size > 0) {
      forEachString(event, (s) => {
        const kind = index.values.get(s);
        if (kind !== undefined) hit(kind, 'a JSON string value');
      });
    }
  });
  return { events, findings, unparsable };
}

function substringsIn(index: SecretIndex, line: string): Form[] {
  const found: Form[] = [];
  for (const form of index.other) if (line.includes(form.text)) found.push(form);
  if (index.byPrefix.size === 0) return found;
  for (const run of line.matchAll(RUN)) {
    const text = run[0];
    for (let i = 0; i + SUBSTRING_MIN <= text.length; i++) {
      const candidates = index.byPrefix.get(text.slice(i, i + SUBSTRING_MIN));
      if (candidates === undefined) continue;
      for (const form of candidates) if (text.startsWith(form.text, i)) found.push(form);
    }
  }
  return found;
}

function forEachString(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) forEachString(v, visit);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) forEachString(v, visit);
}

/** The secrets files of a run directory, read back; a line that does not parse is a collector bug and throws. */
export function readSecrets(dir: string): Secret[] {
  const secrets: Secret[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(SECRETS_SUFFIX))) {
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line === '') return;
        let s: Partial<Secret> | undefined;
        try {
          s = JSON.parse(line) as Partial<Secret>;
        } catch {
          s = undefined; // JSON.parse's message quotes the text: it must not reach the log
        }
        if (typeof s?.kind !== 'string' || typeof s.value !== 'string') throw new Error(`${name} line ${i + 1}: not a {kind, value} line`);
        secrets.push({ kind: s.kind, value: s.value });
      });
  }
  return secrets;
}

/** Every audit file of `dir` against every secret collected in it. */
export function scanRunDir(dir: string): ScanResult {
  const index = indexSecrets(readSecrets(dir));
  const files = readdirSync(dir).filter((n) => n.endsWith(AUDIT_SUFFIX));
  let events = 0;
  const findings: Finding[] = [];
  const unparsable: { file: string; line: number }[] = [];
  for (const name of files) {
    const result = scanText(index, name, readFileSync(join(dir, name), 'utf8'));
    events += result.events;
    findings.push(...result.findings);
    unparsable.push(...result.unparsable);
  }
  return { events, files: files.length, secrets: index.secrets, ignored: index.ignored, findings, unparsable };
}

export interface Floor {
  readonly events: number;
  readonly secrets: number;
}

/** The one line CI logs show. */
export function summaryLine(r: ScanResult): string {
  return `audit secret scan: ${r.events} events from ${r.files} servers, ${r.secrets} secrets, ${r.findings.length} found`;
}

/** Why the scan fails, one message each; empty when it passes. `floor` only for a full run. */
export function problemsOf(r: ScanResult, floor: Floor | undefined): string[] {
  const problems = r.findings.map((f) => `secret found: ${f.kind} (${f.encoding}) in event ${f.eventId} (${f.file} line ${f.line})`);
  for (const u of r.unparsable) problems.push(`not a JSON event: ${u.file} line ${u.line}`);
  if (floor !== undefined) {
    if (r.events < floor.events) problems.push(`only ${r.events} events in the full run (at least ${floor.events} expected): the scan would prove little`);
    if (r.secrets < floor.secrets) problems.push(`only ${r.secrets} secrets collected in the full run (at least ${floor.secrets} expected): the scan would prove little`);
  }
  return problems;
}
