import { describe, expect, it } from 'vitest';
import { awsPrincipals, rewriteAwsPrincipals } from '../../../src/services/iam/trust-rewrite.js';

describe('rewriting the AWS principals of a trust policy', () => {
  const text = `{
  "Version" : "2012-10-17",
  "Statement": [
    { "Sid": "a", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:user/x" }, "Action": "sts:AssumeRole",
      "Condition": { "StringEquals": { "aws:PrincipalArn": "arn:aws:iam::111122223333:user/x" } } },
    { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com", "AWS": [ "444455556666", "arn:aws:iam::111122223333:role/r" ] },
      "Action": ["sts:AssumeRole", "sts:TagSession"] }
  ]
}`;

  it('finds the strings of Principal.AWS and nothing else', () => {
    expect(awsPrincipals(text)).toEqual(['arn:aws:iam::111122223333:user/x', '444455556666', 'arn:aws:iam::111122223333:role/r']);
  });

  it('replaces only those strings, keeping every other byte as written', () => {
    const map = new Map([['arn:aws:iam::111122223333:user/x', 'AIDAXXXXXXXXXXXXXXXXX'], ['444455556666', 'arn:aws:iam::444455556666:root']]);
    const out = rewriteAwsPrincipals(text, (v) => map.get(v));
    expect(out).toBe(
      text
        .replace('"AWS": "arn:aws:iam::111122223333:user/x"', '"AWS": "AIDAXXXXXXXXXXXXXXXXX"')
        .replace('"444455556666"', '"arn:aws:iam::444455556666:root"'),
    );
    expect(out).toContain('"aws:PrincipalArn": "arn:aws:iam::111122223333:user/x"');
    expect(rewriteAwsPrincipals(out, () => undefined)).toBe(out);
  });

  it('reads a single statement object and escaped strings', () => {
    const single = '{"Statement":{"Effect":"Allow","Principal":{"AWS":"a\\"b"},"Action":"sts:AssumeRole"}}';
    expect(awsPrincipals(single)).toEqual(['a"b']);
    expect(rewriteAwsPrincipals(single, () => 'c')).toBe('{"Statement":{"Effect":"Allow","Principal":{"AWS":"c"},"Action":"sts:AssumeRole"}}');
  });
});
