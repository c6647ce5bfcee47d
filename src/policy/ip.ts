/**
 * IPv4 and IPv6 addresses and CIDR blocks for the IpAddress / NotIpAddress operators.
 * An address is kept as 32-bit words (one for IPv4, four for IPv6) so containment is a
 * few integer comparisons, with no BigInt and no string work per request.
 */

export interface IpAddress {
  readonly version: 4 | 6;
  readonly words: readonly number[];
}

export interface IpBlock extends IpAddress {
  /** Prefix length: 0..32 for IPv4, 0..128 for IPv6. */
  readonly bits: number;
}

const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/** Dotted-quad IPv4, read character by character: no leading zeros, each part 0..255. */
export function parseIpv4(text: string): number | undefined {
  if (text.length < 7 || text.length > 15) return undefined;
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? 46 /* end acts as a dot */ : text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part > 255) return undefined;
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return undefined; // a leading zero
      part = part * 10 + (c - 48);
      digits++;
      if (digits > 3) return undefined;
    } else {
      return undefined;
    }
  }
  return parts === 4 ? value >>> 0 : undefined;
}

/** RFC 4291 text forms: full, `::`-compressed, and a trailing dotted IPv4 part. */
export function parseIpv6(text: string): number[] | undefined {
  if (text.length < 2 || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = hextetsOf(halves[0] as string, halves.length === 1);
  const tail = halves.length === 2 ? hextetsOf(halves[1] as string, true) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const words: number[] = [];
  for (let i = 0; i < 8; i += 2) words.push((((all[i] as number) << 16) | (all[i + 1] as number)) >>> 0);
  return words;
}

/** Hextets of one side of `::`; the last group may be a dotted IPv4 address. */
function hextetsOf(text: string, mayEndInIpv4: boolean): number[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  const out: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] as string;
    if (i === groups.length - 1 && mayEndInIpv4 && group.includes('.')) {
      const v4 = parseIpv4(group);
      if (v4 === undefined) return undefined;
      out.push(v4 >>> 16, v4 & 0xffff);
    } else if (HEXTET.test(group)) {
      out.push(parseInt(group, 16));
    } else {
      return undefined;
    }
  }
  return out;
}

export function parseIpAddress(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const words = parseIpv6(text);
    return words === undefined ? undefined : { version: 6, words };
  }
  const v4 = parseIpv4(text);
  return v4 === undefined ? undefined : { version: 4, words: [v4] };
}

/** A CIDR block, or a single address (a /32 or /128 block), as IAM accepts them. */
export function parseIpBlock(text: string): IpBlock | undefined {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash < 0 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  const max = address.version === 4 ? 32 : 128;
  if (slash < 0) return { ...address, bits: max };
  const bitsText = text.slice(slash + 1);
  if (!/^(?:0|[1-9][0-9]{0,2})$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  if (bits > max) return undefined;
  return { ...address, bits };
}

export function blockContains(block: IpBlock, address: IpAddress): boolean {
  if (block.version !== address.version) return false;
  let remaining = block.bits;
  for (let i = 0; i < block.words.length && remaining > 0; i++) {
    const take = Math.min(32, remaining);
    // A 32-bit mask is built with an unsigned shift; `-1 << 32` would be a no-op in JS.
    const mask = take === 32 ? 0xffffffff : (~(0xffffffff >>> take)) >>> 0;
    if (((block.words[i] as number) & mask) >>> 0 !== ((address.words[i] as number) & mask) >>> 0) return false;
    remaining -= take;
  }
  return true;
}
