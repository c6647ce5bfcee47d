/**
 * IPv4 and IPv6 text forms (RFC 4291 section 2.2 for IPv6: full, `::`-compressed, and a
 * trailing dotted IPv4 part) and CIDR containment for IpAddress / NotIpAddress. Node's
 * own `net.isIP` is the reference for which texts are addresses, and a BigInt model is
 * the reference for addresses and containment.
 */
import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockContains, parseIpAddress, parseIpBlock, type IpAddress } from '../../src/policy/ip.js';

/** The address as one BigInt (32 or 128 bits). */
function toBig(address: IpAddress): bigint {
  return address.words.reduce((acc, w) => (acc << 32n) | BigInt(w), 0n);
}

const MAX6 = (1n << 128n) - 1n;

function v6Full(n: bigint): string {
  return Array.from({ length: 8 }, (_, i) => ((n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');
}

/** RFC 5952 text: the longest run (two or more) of zero groups becomes `::`. */
function v6Compressed(n: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function v6WithIpv4(n: bigint): string {
  const head = Array.from({ length: 6 }, (_, i) => ((n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');
  const low = Number(n & 0xffffffffn);
  return `${head}:${low >>> 24}.${(low >>> 16) & 255}.${(low >>> 8) & 255}.${low & 255}`;
}

const v4Text = (n: number): string => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

const big128 = fc.bigInt({ min: 0n, max: MAX6 });
const uint32 = fc.integer({ min: 0, max: 0xffffffff });

describe('IP address parsing', () => {
  const valid: readonly [string, bigint][] = [
    ['0.0.0.0', 0n],
    ['255.255.255.255', 0xffffffffn],
    ['203.0.113.5', 0xcb007105n],
    ['::', 0n],
    ['::1', 1n],
    ['1::', 1n << 112n],
    ['2001:DB8:1234:5678::', 0x20010db8123456780000000000000000n],
    ['2001:db8::1', 0x20010db8000000000000000000000001n],
    ['::ffff:192.0.2.1', 0xffffc0000201n],
    ['::192.0.2.1', 0xc0000201n],
    ['1:2:3:4:5:6:7:8', 0x00010002000300040005000600070008n],
    ['1:2:3:4:5:6:1.2.3.4', 0x00010002000300040005000601020304n],
    ['ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255', MAX6],
  ];
  it.each(valid)('reads %s.', (text, value) => {
    const address = parseIpAddress(text);
    expect(address).toBeDefined();
    expect(toBig(address as IpAddress)).toBe(value);
  });

  const invalid = [
    '', '1.2.3', '1.2.3.4.5', '256.0.0.1', '01.2.3.4', '1.2.3.-4', '1.2.3.4 ', ' 1.2.3.4', '1..2.3',
    ':', ':::', '1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::8:9', '12345::', 'g::1',
    '::1.2.3', '1.2.3.4::', '::ffff:256.1.1.1', '1:2:3:4:5:6:7:1.2.3.4', 'example.com', 'fe80::1%eth0',
  ];
  it.each(invalid)('refuses %j.', (text) => {
    expect(parseIpAddress(text)).toBeUndefined();
  });

  it('reads every IPv4 address written in dotted decimal.', () => {
    fc.assert(fc.property(uint32, (n) => toBig(parseIpAddress(v4Text(n)) as IpAddress) === BigInt(n)), { seed: 1, numRuns: 2_000 });
  });

  it('reads every IPv6 address in full, compressed and embedded-IPv4 forms to the same 128 bits.', () => {
    fc.assert(
      fc.property(big128, fc.boolean(), (n, upper) => {
        const forms = [v6Full(n), v6Compressed(n), v6WithIpv4(n)].map((t) => (upper ? t.toUpperCase() : t));
        return forms.every((t) => {
          const a = parseIpAddress(t);
          return a !== undefined && a.version === 6 && toBig(a) === n;
        });
      }),
      { seed: 2, numRuns: 3_000 },
    );
  });

  it('reads IPv6 addresses with long zero runs, compressed anywhere.', () => {
    const sparse = fc.array(fc.constantFrom<bigint>(0n, 0n, 0n, 1n, 0xffffn), { minLength: 8, maxLength: 8 }).map((gs) => gs.reduce<bigint>((acc, g) => (acc << 16n) | g, 0n));
    fc.assert(fc.property(sparse, (n) => toBig(parseIpAddress(v6Compressed(n)) as IpAddress) === n), { seed: 3, numRuns: 2_000 });
  });

  it('accepts exactly the texts Node accepts as IP addresses, over random address-like strings.', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', 'a', 'f', 'F', ':', ':', '.', '.'), maxLength: 16 });
    fc.assert(fc.property(text, (t) => (parseIpAddress(t) !== undefined) === (isIP(t) !== 0)), { seed: 4, numRuns: 20_000 });
  });
});

describe('CIDR blocks', () => {
  it('reads a block with its prefix length, and a lone address as /32 or /128.', () => {
    expect(parseIpBlock('203.0.113.0/24')).toMatchObject({ version: 4, bits: 24 });
    expect(parseIpBlock('192.0.2.1')).toMatchObject({ version: 4, bits: 32 });
    expect(parseIpBlock('2001:DB8:1234:5678::/64')).toMatchObject({ version: 6, bits: 64 });
    expect(parseIpBlock('2001:db8::1')).toMatchObject({ version: 6, bits: 128 });
    expect(parseIpBlock('0.0.0.0/0')).toMatchObject({ bits: 0 });
    expect(parseIpBlock('::/0')).toMatchObject({ bits: 0 });
    expect(parseIpBlock('::1/128')).toMatchObject({ bits: 128 });
  });

  it.each(['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/08', '10.0.0.0/8/8', '/8', '10.0.0.0/ 8', '10.0.0.0/x'])(
    'refuses the block %j.',
    (text) => expect(parseIpBlock(text)).toBeUndefined(),
  );

  it('puts every address of its family in a /0 block and none of the other family.', () => {
    const all4 = parseIpBlock('0.0.0.0/0');
    const all6 = parseIpBlock('::/0');
    if (all4 === undefined || all6 === undefined) throw new Error('unreadable');
    fc.assert(
      fc.property(uint32, big128, (n, m) => {
        const a4 = parseIpAddress(v4Text(n)) as IpAddress;
        const a6 = parseIpAddress(v6Full(m)) as IpAddress;
        return blockContains(all4, a4) && blockContains(all6, a6) && !blockContains(all4, a6) && !blockContains(all6, a4);
      }),
      { seed: 5, numRuns: 1_000 },
    );
  });

  it('decides IPv6 containment as the BigInt model does, at every prefix length.', () => {
    fc.assert(
      fc.property(big128, big128, fc.integer({ min: 0, max: 128 }), fc.integer({ min: 0, max: 128 }), (base, other, bits, shared) => {
        // Half the time, make the address share `shared` leading bits with the block.
        const keep = shared === 0 ? 0n : (MAX6 >> BigInt(128 - shared)) << BigInt(128 - shared);
        const address = (base & keep) | (other & ~keep & MAX6);
        const block = parseIpBlock(`${v6Compressed(base)}/${bits}`);
        const a = parseIpAddress(v6Full(address));
        if (block === undefined || a === undefined) return false;
        const shift = BigInt(128 - bits);
        return blockContains(block, a) === (base >> shift === address >> shift);
      }),
      { seed: 6, numRuns: 10_000 },
    );
  });

  it('decides IPv4 containment as the BigInt model does, at every prefix length.', () => {
    fc.assert(
      fc.property(uint32, uint32, fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 32 }), (base, other, bits, shared) => {
        const keep = shared === 0 ? 0 : (0xffffffff << (32 - shared)) >>> 0;
        const address = ((base & keep) | (other & ~keep)) >>> 0;
        const block = parseIpBlock(`${v4Text(base)}/${bits}`);
        const a = parseIpAddress(v4Text(address));
        if (block === undefined || a === undefined) return false;
        const shift = BigInt(32 - bits);
        return blockContains(block, a) === (BigInt(base) >> shift === BigInt(address) >> shift);
      }),
      { seed: 7, numRuns: 10_000 },
    );
  });

  it('contains the AWS examples: 203.0.113.0/24 holds 203.0.113.255 and not 203.0.114.0.', () => {
    const block = parseIpBlock('203.0.113.0/24');
    if (block === undefined) throw new Error('unreadable');
    expect(blockContains(block, parseIpAddress('203.0.113.255') as IpAddress)).toBe(true);
    expect(blockContains(block, parseIpAddress('203.0.114.0') as IpAddress)).toBe(false);
  });
});
