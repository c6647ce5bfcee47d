import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../src/errors.js';
import {
  escapeAttribute,
  escapeText,
  integer,
  list,
  map,
  serializeError,
  serializeResponse,
  string,
  structure,
  timestamp,
  boolean,
  XmlWriter,
} from '../../src/protocol/index.js';
import { child, childElements, parseXml, textOf } from './xml-reader.js';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** XML 1.0 `Char`: what a document may hold at all. */
const XML_CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

const Credentials = structure(
  { AccessKeyId: string(), SecretAccessKey: string(), SessionToken: string(), Expiration: timestamp() },
  { required: ['AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration'] },
);
const AssumeRoleOutput = structure({
  Credentials,
  AssumedRoleUser: structure({ AssumedRoleId: string(), Arn: string() }),
  PackedPolicySize: integer(),
  SourceIdentity: string(),
});

describe('serializeResponse', () => {
  it('writes the envelope IAM and STS send, byte for byte', () => {
    const xml = serializeResponse(
      { action: 'AssumeRole', xmlNamespace: STS_NS, requestId: 'r-1' },
      AssumeRoleOutput,
      {
        Credentials: { AccessKeyId: 'ASIA', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date('2019-11-09T20:05:25.123Z') },
        AssumedRoleUser: { AssumedRoleId: 'AROA:s1', Arn: 'arn:aws:sts::123456789012:assumed-role/demo/s1' },
        PackedPolicySize: 6,
      },
    );
    expect(xml).toBe(
      `<AssumeRoleResponse xmlns="${STS_NS}"><AssumeRoleResult>` +
        '<Credentials><AccessKeyId>ASIA</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>' +
        '<Expiration>2019-11-09T20:05:25Z</Expiration></Credentials>' +
        '<AssumedRoleUser><AssumedRoleId>AROA:s1</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/demo/s1</Arn></AssumedRoleUser>' +
        '<PackedPolicySize>6</PackedPolicySize>' +
        '</AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>',
    );
  });

  it('writes only ResponseMetadata for an operation without output (IAM DeleteRole)', () => {
    expect(serializeResponse({ action: 'DeleteRole', xmlNamespace: IAM_NS, requestId: 'r-2' }, undefined, undefined)).toBe(
      `<DeleteRoleResponse xmlns="${IAM_NS}"><ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata></DeleteRoleResponse>`,
    );
  });

  it('writes lists as <member>, empty lists as an empty element, maps as <entry>, booleans as true/false', () => {
    const Out = structure({ Roles: list(structure({ RoleName: string() })), Keys: list(string()), IsTruncated: boolean(), Attrs: map(string()) });
    const xml = serializeResponse({ action: 'ListRoles', xmlNamespace: IAM_NS, requestId: 'r' }, Out, {
      Roles: [{ RoleName: 'a' }, { RoleName: 'b' }],
      Keys: [],
      IsTruncated: false,
      Attrs: new Map([['k', 'v']]),
    });
    expect(xml).toContain('<Roles><member><RoleName>a</RoleName></member><member><RoleName>b</RoleName></member></Roles><Keys></Keys><IsTruncated>false</IsTruncated>');
    expect(xml).toContain('<Attrs><entry><key>k</key><value>v</value></entry></Attrs>');
  });

  it('writes a map of integers entry by entry in the order given, as IAM writes GetAccountSummary', () => {
    const Out = structure({ SummaryMap: map(integer()) });
    const envelope = { action: 'GetAccountSummary', xmlNamespace: IAM_NS, requestId: 'r' };
    const xml = serializeResponse(envelope, Out, { SummaryMap: new Map([['Users', 3], ['UsersQuota', 5000]]) });
    expect(xml).toBe(
      `<GetAccountSummaryResponse xmlns="${IAM_NS}"><GetAccountSummaryResult><SummaryMap>` +
        '<entry><key>Users</key><value>3</value></entry><entry><key>UsersQuota</key><value>5000</value></entry>' +
        '</SummaryMap></GetAccountSummaryResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetAccountSummaryResponse>',
    );
    expect(serializeResponse(envelope, Out, { SummaryMap: new Map() })).toContain('<SummaryMap></SummaryMap>');
    expect(() => serializeResponse(envelope, Out, { SummaryMap: new Map([['Users', 1.5]]) })).toThrow(AwsError);
  });

  it('reports a result that does not fit its shape as InternalFailure (500, Receiver)', () => {
    const Out = structure({ N: integer() });
    try {
      serializeResponse({ action: 'X', xmlNamespace: IAM_NS, requestId: 'r' }, Out, { N: 'seven' });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'InternalFailure', status: 500, fault: 'Receiver' });
    }
  });

  it('keeps every string of a result intact through an XML parser (security.md §2.7)', () => {
    const Out = structure({ RoleName: string(), Tags: list(structure({ Key: string(), Value: string() })) });
    const xmlString = fc.string({ unit: 'binary', maxLength: 60 }).filter((s) => XML_CHAR.test(s));
    fc.assert(
      fc.property(xmlString, fc.array(fc.tuple(xmlString, xmlString), { maxLength: 3 }), fc.string({ maxLength: 20 }), (name, tags, requestId) => {
        const xml = serializeResponse({ action: 'GetRole', xmlNamespace: IAM_NS, requestId: requestId.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/gu, '') }, Out, {
          RoleName: name,
          Tags: tags.map(([Key, Value]) => ({ Key, Value })),
        });
        expect(xml).toMatch(XML_CHAR);
        const result = child(parseXml(xml), 'GetRoleResult')!;
        expect(textOf(child(result, 'RoleName')!)).toBe(name);
        const members = childElements(child(result, 'Tags')!, 'member');
        expect(members.map((m) => [textOf(child(m, 'Key')!), textOf(child(m, 'Value')!)])).toEqual(tags);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('urlEncoded strings (IAM policy documents in responses)', () => {
  const Out = structure({ PolicyDocument: string({ urlEncoded: true }), PolicyName: string() });
  const write = (doc: string, name = 'n') =>
    textOf(child(child(parseXml(serializeResponse({ action: 'GetRolePolicy', xmlNamespace: IAM_NS, requestId: 'r' }, Out, { PolicyDocument: doc, PolicyName: name })), 'GetRolePolicyResult')!, 'PolicyDocument')!);

  it('percent-encodes every octet but RFC 3986’s unreserved characters, as IAM sends documents', () => {
    expect(write('{"Resource": "arn:aws:s3:::b/*"}\n')).toBe('%7B%22Resource%22%3A%20%22arn%3Aaws%3As3%3A%3A%3Ab%2F%2A%22%7D%0A');
    expect(write("!'()~-._ +%3A&<>é😀")).toBe('%21%27%28%29~-._%20%2B%253A%26%3C%3E%C3%A9%F0%9F%98%80');
  });

  it('leaves other strings as they are', () => {
    const xml = serializeResponse({ action: 'GetRolePolicy', xmlNamespace: IAM_NS, requestId: 'r' }, Out, { PolicyDocument: '{}', PolicyName: 'a b*' });
    expect(xml).toContain('<PolicyName>a b*</PolicyName>');
  });

  it('writes a lone surrogate as U+FFFD instead of throwing, and decodes once to the text otherwise', () => {
    expect(write('a\ud800b')).toBe('a%EF%BF%BDb');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (doc) => {
        const wire = write(doc);
        expect(wire).toMatch(/^[A-Za-z0-9%._~-]*$/);
        expect(decodeURIComponent(wire)).toBe(doc);
      }),
      { numRuns: 500 },
    );
  });
});

describe('XML escaping', () => {
  it.each([
    ['markup', `<a href="x">&'`, '&lt;a href=&quot;x&quot;&gt;&amp;&apos;'],
    ['a CR, which parsers would turn into LF', 'a\r\nb', 'a&#13;\nb'],
    ['an entity lookalike, escaped once', '&amp;#13;', '&amp;amp;#13;'],
    ['a surrogate pair, kept', '😀', '😀'],
  ])('escapes %s', (_what, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('escapes tab and LF in attributes, where parsers would normalise them', () => {
    expect(escapeAttribute('a\tb\nc"')).toBe('a&#9;b&#10;c&quot;');
  });

  it('replaces what XML 1.0 cannot carry (C0 controls, lone surrogates, U+FFFE/U+FFFF) with U+FFFD', () => {
    expect(escapeText('a\u0000b\u0001c\u000bd\ud800e\udc00f\ufffeg\uffff')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffd');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const xml = new XmlWriter().open('a', [['v', s]]).text(s).close().toString();
        expect(xml).toMatch(XML_CHAR);
        const e = parseXml(xml);
        const expected = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
        expect(textOf(e)).toBe(expected);
        expect(e.attributes['v']).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses element names that are not XML names (a schema bug, not input)', () => {
    expect(() => new XmlWriter().open('a b')).toThrow(AwsError);
    expect(() => new XmlWriter().leaf('<x>', '')).toThrow(AwsError);
  });
});

describe('serializeError', () => {
  it('writes AWS’s envelope, namespace included, with the error’s status', () => {
    const wire = serializeError(
      new AwsError('ValidationError', "1 validation error detected: Value 'a<b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"),
      { xmlNamespace: STS_NS, requestId: 'r-3' },
    );
    expect(wire.status).toBe(400);
    expect(wire.body).toBe(
      `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>ValidationError</Code>` +
        "<Message>1 validation error detected: Value &apos;a&lt;b&apos; at &apos;roleSessionName&apos; failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*</Message>" +
        '</Error><RequestId>r-3</RequestId></ErrorResponse>',
    );
  });

  it('hides anything that is not an AwsError behind a 500 InternalFailure', () => {
    const wire = serializeError(new Error('secret detail: key=abc'), { xmlNamespace: IAM_NS, requestId: 'r' });
    expect(wire.status).toBe(500);
    expect(wire.body).not.toContain('secret');
    const e = child(parseXml(wire.body), 'Error')!;
    expect(textOf(child(e, 'Type')!)).toBe('Receiver');
    expect(textOf(child(e, 'Code')!)).toBe('InternalFailure');
  });

  it('uses the statuses AWS documents for the protocol errors', () => {
    const status = (code: ConstructorParameters<typeof AwsError>[0]) => serializeError(new AwsError(code, 'm'), { xmlNamespace: IAM_NS, requestId: 'r' }).status;
    expect([status('MissingAction'), status('InvalidAction'), status('MissingParameter'), status('MalformedQueryString'), status('InvalidQueryParameter')]).toEqual([400, 400, 400, 404, 400]);
  });
});
