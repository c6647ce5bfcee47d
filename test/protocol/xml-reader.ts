/**
 * Test code: reads Query XML the way an SDK does, with an independent parser
 * (fast-xml-parser, devDependency) and our shapes, into the suites' JSON form. Used on
 * AWS's sample bodies and on ours alike, so the two are compared as data.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseTimestamp, type Shape, type StructureShape } from '../../src/protocol/index.js';

/** One element: its name, attributes and children (text nodes as strings). */
export interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (Element | string)[];
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
});

type Raw = Record<string, unknown>;

export function parseXml(xml: string): Element {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid)}`);
  const roots = (parser.parse(xml) as Raw[]).map(toElement).filter((e): e is Element => typeof e !== 'string');
  if (roots.length !== 1) throw new Error(`expected one root, got ${roots.length}`);
  return roots[0] as Element;
}

function toElement(raw: Raw): Element | string {
  if ('#text' in raw) return String(raw['#text']);
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (name === undefined) throw new Error('empty node');
  const attrs = (raw[':@'] ?? {}) as Record<string, string>;
  return { name, attributes: attrs, children: (raw[name] as Raw[]).map(toElement) };
}

export function childElements(e: Element, name?: string): Element[] {
  return e.children.filter((c): c is Element => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function child(e: Element, name: string): Element | undefined {
  return childElements(e, name)[0];
}

export function textOf(e: Element): string {
  return e.children.filter((c): c is string => typeof c === 'string').join('');
}

/** The `<XResult>` contents of a response, read with the output shape. */
export function readResult(xml: string, action: string, shape: StructureShape | undefined): unknown {
  const root = parseXml(xml);
  if (root.name !== `${action}Response`) throw new Error(`root is ${root.name}`);
  const result = child(root, `${action}Result`);
  if (result === undefined || shape === undefined) return {};
  return readStructure(result, shape);
}

function readStructure(e: Element, shape: StructureShape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members)) {
    const wire = ref.locationName ?? name;
    const s = ref.shape;
    if (ref.flattened === true && (s.kind === 'list' || s.kind === 'map')) {
      const items = childElements(e, wire);
      if (items.length === 0) continue;
      out[name] = s.kind === 'list' ? items.map((i) => readValue(i, s.member.shape)) : readEntries(items, s);
      continue;
    }
    const c = child(e, wire);
    if (c !== undefined) out[name] = readValue(c, s);
  }
  return out;
}

function readEntries(entries: Element[], shape: Extract<Shape, { kind: 'map' }>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of entries) {
    const k = child(entry, shape.key.locationName ?? 'key');
    const v = child(entry, shape.value.locationName ?? 'value');
    if (k === undefined || v === undefined) throw new Error('entry without key or value');
    out[textOf(k)] = readValue(v, shape.value.shape);
  }
  return out;
}

function readValue(e: Element, shape: Shape): unknown {
  const text = textOf(e);
  switch (shape.kind) {
    case 'structure':
      return readStructure(e, shape);
    case 'list':
      return childElements(e, shape.member.locationName ?? 'member').map((i) => readValue(i, shape.member.shape));
    case 'map':
      return readEntries(childElements(e, 'entry'), shape);
    case 'string':
      // What botocore does with IAM's policy documents: decode them once.
      return shape.urlEncoded === true ? decodeURIComponent(text) : text;
    case 'integer':
    case 'long':
      return Number(text);
    case 'float':
      return text === 'NaN' || text === 'Infinity' || text === '-Infinity' ? text : Number(text);
    case 'boolean':
      return text === 'true';
    case 'timestamp': {
      const d = parseTimestamp(text.trim(), shape.format);
      if (d === undefined) throw new Error(`bad timestamp ${text}`);
      return d.getTime() / 1000;
    }
    case 'blob':
      return Buffer.from(text, 'base64').toString('utf8');
  }
}
