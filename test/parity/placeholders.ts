/**
 * LocalStack's snapshot placeholders (`<role-id:1>`, `<partition>`, …) as patterns a
 * rolegate value must fit. LocalStack replaced every value that changes between runs by a
 * placeholder, numbered in order of appearance: the same placeholder stands for the same
 * value everywhere in one test, and two numbers of one kind for two different values. So a
 * placeholder here binds on first sight and must then repeat exactly; a value that fits no
 * shape, or a second number given an already bound value, is a difference.
 */

/** What each placeholder kind looks like in AWS's answers (regex sources, no capture groups). */
const SHAPES: Readonly<Record<string, string>> = {
  // IAM unique ids: a four-letter prefix per entity kind, then 17 upper-case base32 characters.
  'role-id': 'AROA[A-Z0-9]{17}',
  'user-id': 'AIDA[A-Z0-9]{17}',
  'policy-id': 'ANPA[A-Z0-9]{17}',
  'group-id': 'AGPA[A-Z0-9]{17}',
  // AKIA for long-term keys, ASIA for temporary ones; 20 characters in all.
  'access-key-id': '(?:AKIA|ASIA)[A-Z0-9]{16}',
  'secret-access-key': '[A-Za-z0-9/+]{40}',
  // A service-specific credential: an ACCA unique id, and a password of 44 base64
  // characters as AWS's documented examples show.
  'service-specific-credential-id': 'ACCA[A-Z0-9]{17}',
  'service-password': '[A-Za-z0-9/+]{43}=',
  // Opaque to clients; AWS's are base64, so no spaces or separators.
  'session-token': '[A-Za-z0-9/+=_-]{16,}',
  // IAM names and session names: the model's name patterns.
  'role-name': '[\\w+=,.@-]{1,64}',
  'user-name': '[\\w+=,.@-]{1,64}',
  'group-name': '[\\w+=,.@-]{1,128}',
  'policy-name': '[\\w+=,.@-]{1,128}',
  resource: '[\\w+=,.@-]{1,128}',
  // The simulator names a managed policy by its name, an inline one as `user_NAME_POLICY`, … .
  'source-policy-id': '[\\w+=,.@-]{1,300}',
  'role-session-name': '[\\w+=,.@-]{2,64}',
  'account-id': '[0-9]{12}',
  // An IAM path is `/` or `/…/`; LocalStack's `<path-prefix>` stands for the part between the slashes.
  path: '/(?:[\\x21-\\x7e]*/)?',
  'path-prefix': '[\\x21-\\x2e\\x30-\\x7e]+',
  // A CreateServiceLinkedRole CustomSuffix, as the model's customSuffixType allows (LocalStack's test sends its short_uid()).
  suffix: '[\\w+=,.@-]{1,64}',
  // LocalStack's PATTERN_UUID (a deletion task id ends in one): lower-case hex, 8-4-4-4-12.
  uuid: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
};

/** The account id every snapshot shows in place of the recording account's. */
export const RECORDED_ACCOUNT = '111111111111';

const PLACEHOLDER = /<([a-z][a-z0-9-]*)(?::(\d+))?>/g;

export interface Environment {
  /** The account of the rolegate server, which `111111111111` stands for. */
  readonly accountId: string;
  /** The region the clients sign for, which `<region>` stands for. */
  readonly region: string;
}

/** The values placeholders took so far in one scenario. */
export class Bindings {
  private readonly values = new Map<string, string>();

  constructor(readonly env: Environment) {}

  get(placeholder: string): string | undefined {
    return this.values.get(placeholder);
  }

  /**
   * Binds `placeholder` (e.g. `<role-name:1>`) to `value`, or says why it cannot: a different
   * value already bound, a value of the wrong shape, or the value already taken by another
   * number of the same kind.
   */
  bind(placeholder: string, value: string): string | undefined {
    const parsed = parsePlaceholder(placeholder);
    if (parsed === undefined) return `${placeholder} is not a placeholder`;
    const shape = SHAPES[parsed.kind];
    if (shape === undefined) return `${placeholder} has no known shape`;
    const bound = this.values.get(placeholder);
    if (bound !== undefined) return bound === value ? undefined : `${placeholder} is ${JSON.stringify(bound)}, not ${JSON.stringify(value)}`;
    if (!new RegExp(`^(?:${shape})$`).test(value)) return `${JSON.stringify(value)} does not look like ${placeholder}`;
    if (parsed.number !== undefined) {
      for (const [other, v] of this.values) {
        const o = parsePlaceholder(other);
        if (o?.kind === parsed.kind && o.number !== parsed.number && v === value) return `${placeholder} and ${other} are both ${JSON.stringify(value)}`;
      }
    }
    this.values.set(placeholder, value);
    return undefined;
  }
}

function parsePlaceholder(text: string): { kind: string; number: string | undefined } | undefined {
  const m = /^<([a-z][a-z0-9-]*)(?::(\d+))?>$/.exec(text);
  return m === null ? undefined : { kind: m[1]!, number: m[2] };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches `actual` against a recorded string that may hold placeholders, binding the ones
 * seen for the first time. Returns the differences (empty when it matches).
 *
 * @example
 *   const b = new Bindings({ accountId: '000000000000', region: 'us-east-1' });
 *   matchTemplate('arn:<partition>:iam::111111111111:role/<role-name:1>', 'arn:aws:iam::000000000000:role/r1', b) // []
 *   b.get('<role-name:1>') // 'r1'
 */
export function matchTemplate(recorded: string, actual: string, bindings: Bindings): string[] {
  const template = recorded.replaceAll(RECORDED_ACCOUNT, bindings.env.accountId);
  let source = '';
  let last = 0;
  const captured: string[] = []; // placeholder text per capture group, in group order
  for (const m of template.matchAll(PLACEHOLDER)) {
    source += escape(template.slice(last, m.index));
    last = m.index + m[0].length;
    const [text, kind] = m as unknown as [string, string];
    if (kind === 'partition') source += 'aws';
    else if (kind === 'region') source += escape(bindings.env.region);
    else if (kind === 'datetime') return [`${JSON.stringify(recorded)} holds <datetime> inside a string, which this matcher does not read`];
    else if (SHAPES[kind] === undefined) return [`unknown placeholder ${text} in ${JSON.stringify(recorded)}`];
    else {
      const bound = bindings.get(text);
      const earlier = captured.indexOf(text);
      if (bound !== undefined) source += escape(bound);
      else if (earlier >= 0) source += `\\k<p${earlier}>`;
      else {
        source += `(?<p${captured.length}>${SHAPES[kind]})`;
        captured.push(text);
      }
    }
  }
  source += escape(template.slice(last));
  const match = new RegExp(`^${source}$`).exec(actual);
  if (match === null) {
    // Show the recorded text with the account mapped and the bound placeholders filled in.
    const rendered = template.replace(PLACEHOLDER, (text) => bindings.get(text) ?? text);
    return [`expected ${JSON.stringify(rendered)}${rendered !== recorded ? ` (recorded ${JSON.stringify(recorded)})` : ''}, got ${JSON.stringify(actual)}`];
  }
  const problems: string[] = [];
  captured.forEach((text, i) => {
    const problem = bindings.bind(text, match.groups![`p${i}`]!);
    if (problem !== undefined) problems.push(problem);
  });
  return problems;
}
