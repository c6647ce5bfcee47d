/**
 * Typed condition values. Dates: AWS takes "W3C implementations of the ISO 8601 date
 * formats" or epoch (UNIX) time (IAM User Guide, "Date condition operators"); numbers,
 * booleans and base-64 binary for the Numeric, Bool and BinaryEquals operators.
 * JavaScript's own Date is the reference for instants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBinary, parseBool, parseDate, parseNumber } from '../../src/policy/values.js';

describe('dates', () => {
  const valid: readonly [string, string][] = [
    ['0', '1970-01-01T00:00:00.000Z'],
    ['1589544000', '2020-05-15T12:00:00.000Z'],
    ['2020-05-15T12:00:00Z', '2020-05-15T12:00:00.000Z'],
    ['2020-05-15', '2020-05-15T00:00:00.000Z'],
    ['2020-05-15T12:00Z', '2020-05-15T12:00:00.000Z'],
    ['2020-05-15T12:00:00.5Z', '2020-05-15T12:00:00.500Z'],
    ['2020-05-15T12:00:00.123456789Z', '2020-05-15T12:00:00.123Z'],
    ['2020-05-15T13:00:00+01:00', '2020-05-15T12:00:00.000Z'],
    ['2020-05-15T07:00:00-05:00', '2020-05-15T12:00:00.000Z'],
    ['2020-01-01T00:30:00+00:30', '2020-01-01T00:00:00.000Z'],
    ['2020-02-29', '2020-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
  ];
  it.each(valid)('reads %j as the instant %s.', (text, iso) => {
    expect(parseDate(text)).toBe(Date.parse(iso));
  });

  it('reads a negative epoch time as an instant before 1970.', () => {
    expect(parseDate('-86400')).toBe(Date.parse('1969-12-31T00:00:00Z'));
  });

  const invalid = [
    '', 'yesterday', '2020-13-01', '2020-00-10', '2020-02-30', '2021-02-29', '1900-02-29', '2020-04-31', '2020-05-15T24:00:00Z',
    '2020-05-15T12:60:00Z', '2020-05-15 12:00:00Z', '2020-5-15', '2020-05-15T12', '2020-05-15T12:00:00ZZ',
    '2020-05-15T12:00:00+1:00', '1.5', '1e9', ' 1589544000', '2020-05-15T12:00:00Z ',
  ];
  it.each(invalid)('refuses %j.', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  const instant = fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true });

  it('reads every ISO 8601 UTC time as the instant JavaScript reads.', () => {
    fc.assert(fc.property(instant, (d) => parseDate(d.toISOString()) === d.getTime()), { seed: 11, numRuns: 5_000 });
  });

  it('reads epoch seconds as the same instant as the ISO form of that second.', () => {
    fc.assert(
      fc.property(instant, (d) => {
        const seconds = Math.floor(d.getTime() / 1000);
        return parseDate(String(seconds)) === parseDate(new Date(seconds * 1000).toISOString());
      }),
      { seed: 12, numRuns: 5_000 },
    );
  });

  it('reads a time with a zone offset as the instant it names.', () => {
    const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(instant, offset, (d, minutes) => {
        const seconds = Math.floor(d.getTime() / 1000) * 1000;
        const local = new Date(seconds + minutes * 60_000).toISOString().slice(0, 19);
        const sign = minutes < 0 ? '-' : '+';
        const abs = Math.abs(minutes);
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        return parseDate(`${local}${zone}`) === seconds;
      }),
      { seed: 13, numRuns: 5_000 },
    );
  });
});

describe('numbers', () => {
  const valid: readonly [string, number][] = [
    ['10', 10], ['0', 0], ['-1', -1], ['+7', 7], ['3.5', 3.5], ['-0.25', -0.25], ['1e3', 1000], ['1E-2', 0.01], ['10.0', 10],
  ];
  it.each(valid)('reads %j as %d.', (text, value) => expect(parseNumber(text)).toBe(value));

  it.each(['', 'ten', '0x10', '1_000', 'Infinity', '-Infinity', 'NaN', '1e400', '1,5', ' 1', '1 ', '--1', '1e'])('refuses %j.', (text) =>
    expect(parseNumber(text)).toBeUndefined(),
  );

  it('reads every finite number from its JavaScript text.', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => parseNumber(String(x)) === x || (x === 0 && parseNumber(String(x)) === 0)), {
      seed: 14,
      numRuns: 5_000,
    });
  });
});

describe('booleans and binary', () => {
  it('reads true and false without regard to case, and nothing else.', () => {
    expect(parseBool('true')).toBe(true);
    expect(parseBool('FALSE')).toBe(false);
    expect(parseBool('yes')).toBeUndefined();
    expect(parseBool('')).toBeUndefined();
    expect(parseBool('1')).toBeUndefined();
  });

  it('reads base-64 text, so equal bytes compare equal, and refuses anything else.', () => {
    expect(parseBinary('QmluYXJ5VmFsdWVJbkJhc2U2NA==')).toBe(Buffer.from('BinaryValueInBase64').toString('base64'));
    expect(parseBinary('')).toBe('');
    expect(parseBinary('not base64!')).toBeUndefined();
    expect(parseBinary('QQ')).toBeUndefined();
    expect(parseBinary('QQ=')).toBeUndefined();
  });

  it('reads the base-64 of any bytes back to the same bytes.', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        return parseBinary(text) === text;
      }),
      { seed: 15, numRuns: 2_000 },
    );
  });
});
