/**
 * Test code: writes a request body the way an SDK's Query serializer does (botocore's
 * `QuerySerializer`, the JS SDK's `se_*Request`), from a plain value and our shape:
 * structure members as `Prefix.Name`, lists as `Name.member.N` (1-based; `Name=` for an
 * empty list), maps as `Name.entry.N.key/value`, booleans `true`/`false`, timestamps in
 * ISO 8601, and every name and value percent-encoded (RFC 3986).
 */
import { Buffer } from 'node:buffer';
import type { MemberRef, StructureShape } from '../../src/protocol/index.js';

export function queryBody(action: string, version: string, shape: StructureShape | undefined, value: object): string {
  const pairs: [string, string][] = [
    ['Action', action],
    ['Version', version],
  ];
  if (shape !== undefined) writeStructure(pairs, '', shape, value);
  return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

function writeStructure(pairs: [string, string][], prefix: string, shape: StructureShape, value: unknown): void {
  const record = value as Record<string, unknown>;
  for (const [name, ref] of Object.entries(shape.members)) {
    const v = record[name];
    if (v === undefined) continue;
    const wire = ref.locationName ?? name;
    writeMember(pairs, prefix === '' ? wire : `${prefix}.${wire}`, ref, v);
  }
}

function writeMember(pairs: [string, string][], key: string, ref: MemberRef, value: unknown): void {
  const shape = ref.shape;
  switch (shape.kind) {
    case 'structure':
      writeStructure(pairs, key, shape, value);
      return;
    case 'list': {
      const items = value as unknown[];
      if (items.length === 0) {
        pairs.push([key, '']);
        return;
      }
      const base = ref.flattened === true ? key : `${key}.${shape.member.locationName ?? 'member'}`;
      items.forEach((item, i) => writeMember(pairs, `${base}.${i + 1}`, shape.member, item));
      return;
    }
    case 'map': {
      const base = ref.flattened === true ? key : `${key}.entry`;
      [...(value as Map<string, unknown>)].forEach(([k, v], i) => {
        pairs.push([`${base}.${i + 1}.${shape.key.locationName ?? 'key'}`, k]);
        writeMember(pairs, `${base}.${i + 1}.${shape.value.locationName ?? 'value'}`, shape.value, v);
      });
      return;
    }
    case 'timestamp':
      pairs.push([key, (value as Date).toISOString().replace('.000Z', 'Z')]);
      return;
    case 'boolean':
      pairs.push([key, value ? 'true' : 'false']);
      return;
    case 'blob':
      pairs.push([key, Buffer.from(value as Uint8Array).toString('base64')]);
      return;
    default:
      pairs.push([key, String(value)]);
  }
}

function encode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
