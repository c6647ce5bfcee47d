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

/**
 * RFC 4291 text forms: full, `::`-compressed, and a trailing dotted IPv4 part; read
 * character by character into 16-bit groups, then packed into four 32-bit words.
 */
export function parseIpv6(text: string): number[] | undefined {
  if (text.length < 2 || text.length > 45) return undefined;
  const groups: number[] = [];
  let gap = -1; // where `::` stands, as a group index
  let i = 0;
  if (text.startsWith('::')) {
    gap = 0;
    i = 2;
  }
  while (i < text.length) {
    // One group: up to four hex digits, or a dotted IPv4 address as the last two groups.
    let value = 0;
    let digits = 0;
    const start = i;
    while (i < text.length && digits <= 4) {
      const c = text.charCodeAt(i);
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (d < 0) break;
      value = value * 16 + d;
      digits++;
      i++;
    }
    if (i < text.length && text.charCodeAt(i) === 46 /* . */) {
      const v4 = parseIpv4(text.slice(start));
      if (v4 === undefined) return undefined;
      groups.push(v4 >>> 16, v4 & 0xffff);
      i = text.length;
      break;
    }
    if (digits === 0 || digits > 4) return undefined;
    groups.push(value);
    if (i === text.length) break;
    if (text.charCodeAt(i) !== 58 /* : */) return undefined;
    i++;
    if (i < text.length && text.charCodeAt(i) === 58) {
      if (gap >= 0) return undefined; // a second `::`
      gap = groups.length;
      i++;
    } else if (i === text.length) {
      return undefined; // a single trailing `:`
    }
  }
  if (groups.length > 8 || (gap < 0 && groups.length !== 8) || (gap >= 0 && groups.length > 7)) return undefined;
  const all = gap < 0 ? groups : [...groups.slice(0, gap), ...new Array<number>(8 - groups.length).fill(0), ...groups.slice(gap)];
  const words: number[] = [];
  for (let g = 0; g < 8; g += 2) words.push((((all[g] as number) << 16) | (all[g + 1] as number)) >>> 0);
  return words;
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
