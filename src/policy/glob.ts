/**
 * IAM's wildcard matching: `*` matches any run of characters (also none) and `?`
 * exactly one, anywhere in the text, and nothing else is special (IAM has no regular
 * expressions). A pattern is compiled once into the pieces between its stars; matching
 * is then a linear scan that places each piece at its leftmost possible position, which
 * is exact for globs (a later piece never profits from an earlier one moving right).
 */

/** One character position of a piece that matches any single character (`?`). */
type AnyMask = Uint8Array | null;

interface Piece {
  readonly text: string;
  readonly any: AnyMask;
}

/** A pattern part as the policy text gives it, after escapes are read. */
export type GlobPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'star' }
  | { readonly kind: 'one' };

/** Parses wildcard text where every `*` and `?` is a wildcard. */
export function globPartsOf(text: string): GlobPart[] {
  const parts: GlobPart[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 /* * */ || c === 63 /* ? */) {
      if (i > start) parts.push({ kind: 'text', text: text.slice(start, i) });
      parts.push(c === 42 ? { kind: 'star' } : { kind: 'one' });
      start = i + 1;
    }
  }
  if (start < text.length) parts.push({ kind: 'text', text: text.slice(start) });
  return parts;
}

const enum Kind {
  Exact,
  ExactMasked,
  All,
  Prefix,
  General,
}

/**
 * A compiled pattern. One class with a kind, rather than a closure per shape, so the
 * call sites that match patterns stay monomorphic.
 */
export class Glob {
  readonly #kind: Kind;
  readonly #text: string;
  readonly #pieces: readonly Piece[];

  constructor(pieces: readonly Piece[]) {
    this.#pieces = pieces;
    const first = pieces[0] as Piece;
    if (pieces.length === 1) {
      this.#kind = first.any === null ? Kind.Exact : Kind.ExactMasked;
    } else if (pieces.length === 2 && first.text === '' && pieces[1]?.text === '') {
      this.#kind = Kind.All;
    } else if (pieces.length === 2 && first.any === null && pieces[1]?.text === '') {
      this.#kind = Kind.Prefix;
    } else {
      this.#kind = Kind.General;
    }
    this.#text = first.text;
  }

  /** True when `input` (already lower-cased for case-insensitive globs) matches. */
  matches(input: string): boolean {
    switch (this.#kind) {
      case Kind.Exact:
        return input === this.#text;
      case Kind.ExactMasked:
        return input.length === this.#text.length && pieceAt(this.#pieces[0] as Piece, input, 0);
      case Kind.All:
        return true;
      case Kind.Prefix:
        return input.startsWith(this.#text);
      case Kind.General:
        return matchPieces(this.#pieces, input);
    }
  }
}

export function compileGlob(parts: readonly GlobPart[], ignoreCase: boolean): Glob {
  return new Glob(piecesOf(parts, ignoreCase));
}

/** Splits the parts at each star; `?` becomes a marked position inside a piece. */
function piecesOf(parts: readonly GlobPart[], ignoreCase: boolean): Piece[] {
  const pieces: Piece[] = [];
  let text = '';
  let anyAt: number[] = [];
  const close = (): void => {
    let any: AnyMask = null;
    if (anyAt.length > 0) {
      any = new Uint8Array(text.length);
      for (const i of anyAt) any[i] = 1;
    }
    pieces.push({ text, any });
    text = '';
    anyAt = [];
  };
  for (const part of parts) {
    if (part.kind === 'star') {
      close();
    } else if (part.kind === 'one') {
      anyAt.push(text.length);
      text += '?';
    } else {
      text += ignoreCase ? part.text.toLowerCase() : part.text;
    }
  }
  close();
  return pieces;
}

function pieceAt(piece: Piece, input: string, at: number): boolean {
  if (piece.any === null) return input.startsWith(piece.text, at);
  const { text, any } = piece;
  if (at + text.length > input.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (any[i] === 0 && text.charCodeAt(i) !== input.charCodeAt(at + i)) return false;
  }
  return true;
}

/** Leftmost position in [from, limit - piece length] where the piece fits, or -1. */
function findPiece(piece: Piece, input: string, from: number, limit: number): number {
  const last = limit - piece.text.length;
  if (piece.any === null) {
    const at = input.indexOf(piece.text, from);
    return at >= 0 && at <= last ? at : -1;
  }
  for (let at = from; at <= last; at++) if (pieceAt(piece, input, at)) return at;
  return -1;
}

/** pieces = [head, middle..., tail] separated by stars (at least one star). */
function matchPieces(pieces: readonly Piece[], input: string): boolean {
  const head = pieces[0] as Piece;
  const tail = pieces[pieces.length - 1] as Piece;
  const tailStart = input.length - tail.text.length;
  if (tailStart < head.text.length) return false;
  if (!pieceAt(head, input, 0) || !pieceAt(tail, input, tailStart)) return false;
  let at = head.text.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] as Piece;
    const found = findPiece(piece, input, at, tailStart);
    if (found < 0) return false;
    at = found + piece.text.length;
  }
  return true;
}
