/**
 * Policy values that may hold policy variables: `${aws:username}`,
 * `${aws:PrincipalTag/team, 'default'}`, and the escapes `${*}`, `${?}`, `${$}` that stand
 * for a literal `*`, `?` and `$`. Variables are read only in 2012-10-17 policies; in
 * 2008-10-17 policies the text is literal. A value taken from the request is always
 * literal text: a `*` inside a tag value never acts as a wildcard.
 */
import { compileGlob, type Glob, type GlobPart } from './glob.js';
import type { RequestContext } from './context.js';
import { lowerName } from './names.js';

export type TemplatePart =
  | GlobPart
  | { readonly kind: 'variable'; readonly key: string; readonly fallback: string | undefined };

export interface TemplateSyntax {
  /** `*` and `?` are wildcards (Resource, StringLike, ArnLike...). */
  readonly wildcards: boolean;
  /** `${...}` is read (policy version 2012-10-17). */
  readonly variables: boolean;
}

export class TemplateError extends Error {}

const ESCAPES: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };
const VARIABLE = /^\s*([^\s,'{}$]+)\s*(?:,\s*'([^']*)'\s*)?$/;

export function parseTemplate(text: string, syntax: TemplateSyntax): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (syntax.variables && c === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i + 2);
      if (end < 0) throw new TemplateError(`Unclosed policy variable in ${text}`);
      const body = text.slice(i + 2, end);
      const escaped = ESCAPES[body];
      if (escaped !== undefined) {
        literal += escaped;
      } else {
        const m = VARIABLE.exec(body);
        if (m === null) throw new TemplateError(`Invalid policy variable \${${body}}`);
        flush();
        parts.push({ kind: 'variable', key: lowerName(m[1] as string), fallback: m[2] });
      }
      i = end;
    } else if (syntax.wildcards && (c === '*' || c === '?')) {
      flush();
      parts.push(c === '*' ? { kind: 'star' } : { kind: 'one' });
    } else {
      literal += c;
    }
  }
  flush();
  return parts;
}

export function hasVariables(parts: readonly TemplatePart[]): boolean {
  return parts.some((p) => p.kind === 'variable');
}

/**
 * Replaces variables with their request values. Undefined when a variable has no value
 * and no default: such a policy value matches nothing (AWS: "Policy variables with no
 * value"). A multi-valued key cannot be a variable and counts as having no value.
 */
export function resolveParts(parts: readonly TemplatePart[], context: RequestContext): GlobPart[] | undefined {
  const out: GlobPart[] = [];
  for (const part of parts) {
    if (part.kind !== 'variable') {
      out.push(part);
      continue;
    }
    const value = context.single(part.key) ?? part.fallback;
    if (value === undefined) return undefined;
    out.push({ kind: 'text', text: value });
  }
  return out;
}

/** The plain text of resolved parts (for operators without wildcards). */
export function textOf(parts: readonly GlobPart[]): string {
  let text = '';
  for (const part of parts) text += part.kind === 'text' ? part.text : part.kind === 'star' ? '*' : '?';
  return text;
}

/**
 * A pattern that may hold variables, compiled as far as the policy alone allows: a
 * pattern without variables is compiled once, one with variables per request.
 */
export class TemplateGlob {
  readonly #parts: readonly TemplatePart[];
  readonly #ignoreCase: boolean;
  readonly #static: Glob | undefined;

  constructor(parts: readonly TemplatePart[], ignoreCase: boolean) {
    this.#parts = parts;
    this.#ignoreCase = ignoreCase;
    this.#static = hasVariables(parts) ? undefined : compileGlob(parts as GlobPart[], ignoreCase);
  }

  get isStatic(): boolean {
    return this.#static !== undefined;
  }

  /** True, false, or undefined when a variable has no value (matches nothing). */
  matches(input: string, context: RequestContext): boolean | undefined {
    if (this.#static !== undefined) return this.#static.matches(input);
    const resolved = resolveParts(this.#parts, context);
    if (resolved === undefined) return undefined;
    return compileGlob(resolved, this.#ignoreCase).matches(input);
  }
}
