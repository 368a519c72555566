import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { centuryFromDigit7, formatCpr, normaliseCpr, parseCpr } from './cpr.ts';

type TestPerson = { identifiers: string[]; gender?: string; birthDate?: string; title?: string };

const testPersons = JSON.parse(
  fs.readFileSync(new URL('../../../refdata/cpr/dkcore_medcom_test_patients.json', import.meta.url), 'utf8'),
) as TestPerson[];

// The one row whose source birth date disagrees with its CPR (refdata/README.md): the CPR wins.
const KNOWN_DISAGREEMENT: Record<string, string> = { '0201919990': '1991-01-02' };

describe('official test persons (refdata/cpr/dkcore_medcom_test_patients.json)', () => {
  it('has the persons the file promises', () => {
    expect(testPersons.length).toBe(46);
  });

  for (const [i, person] of testPersons.entries()) {
    const cpr = person.identifiers[0] ?? '';
    it(`#${i} ${cpr} parses to its listed sex and birth date`, () => {
      const result = parseCpr(cpr);
      if (!result.ok) throw new Error(result.message);
      if (person.gender !== undefined) expect(result.cpr.sex).toBe(person.gender === 'male' ? 'M' : 'F');
      const expected = KNOWN_DISAGREEMENT[cpr] ?? person.birthDate;
      if (expected !== undefined) expect(result.cpr.birthDate).toBe(expected);
    });
  }

  it('the known disagreement: 0201919990 is born 1991-01-02 although one source row says 1991-02-02', () => {
    const rows = testPersons.filter((p) => p.identifiers[0] === '0201919990');
    expect(rows.map((r) => r.birthDate).sort()).toEqual(['1991-01-02', '1991-02-02']);
    const result = parseCpr('0201919990');
    expect(result.ok && result.cpr.birthDate).toBe('1991-01-02');
  });
});

describe('normaliseCpr', () => {
  it('accepts DDMMYY-SSSS and 10 characters', () => {
    expect(normaliseCpr('020160-9995')).toBe('0201609995');
    expect(normaliseCpr('0201609995')).toBe('0201609995');
    expect(normaliseCpr(' 020160 9995 ')).toBe('0201609995');
    expect(normaliseCpr('070392-1vj4')).toBe('0703921VJ4');
  });
  it('rejects other shapes', () => {
    for (const bad of ['', '020160999', '02016099955', '02-01-60-9995', 'AB0160-9995', '020160_9995', '0201609995x']) {
      expect(normaliseCpr(bad)).toBeNull();
    }
  });
});

describe('parseCpr', () => {
  it('reads the century from digit 7 at every boundary', () => {
    const cases: [string, string][] = [
      ['0101000000', '1900-01-01'], // 0–3 → 1900
      ['0101993999', '1999-01-01'],
      ['0101364000', '2036-01-01'], // 4 → 2000 if yy ≤ 36
      ['0101374000', '1937-01-01'], // else 1900
      ['0101369000', '2036-01-01'], // 9 likewise
      ['0101379000', '1937-01-01'],
      ['0101575000', '2057-01-01'], // 5–8 → 2000 if yy ≤ 57
      ['0101585000', '1858-01-01'], // else 1800
      ['0101578000', '2057-01-01'],
      ['0101998000', '1899-01-01'],
    ];
    for (const [cpr, date] of cases) {
      const r = parseCpr(cpr);
      expect(r.ok && r.cpr.birthDate, cpr).toBe(date);
    }
    expect(centuryFromDigit7(6, 57)).toBe(2000);
    expect(centuryFromDigit7(6, 58)).toBe(1800);
  });

  it('takes sex from digit 10: odd male, even female', () => {
    expect(parseCpr('0201609995')).toMatchObject({ ok: true, cpr: { sex: 'M' } });
    expect(parseCpr('0201609996')).toMatchObject({ ok: true, cpr: { sex: 'F' } });
    expect(parseCpr('0201609990')).toMatchObject({ ok: true, cpr: { sex: 'F' } });
  });

  it('never applies modulus 11', () => {
    // 0201609995 fails modulus 11 (weights 4,3,2,7,6,5,4,3,2,1) and is an official test person.
    const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    const sum = [...'0201609995'].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
    expect(sum % 11).not.toBe(0);
    expect(parseCpr('0201609995').ok).toBe(true);
  });

  it('accepts 29 February only in leap years of the derived century', () => {
    expect(parseCpr('2902000000')).toMatchObject({ ok: false, code: 'not_leap_year' }); // 1900: not leap
    expect(parseCpr('2902004000')).toMatchObject({ ok: true, cpr: { birthDate: '2000-02-29' } }); // 2000: leap
    expect(parseCpr('2902963000')).toMatchObject({ ok: true, cpr: { birthDate: '1996-02-29' } });
    expect(parseCpr('2902973000')).toMatchObject({ ok: false, code: 'not_leap_year' });
    expect(parseCpr('2902005000')).toMatchObject({ ok: true, cpr: { birthDate: '2000-02-29' } });
    const r = parseCpr('290200-0000');
    expect(!r.ok && r.message).toContain('1900');
  });

  it('rejects impossible months and days with a message naming the part', () => {
    expect(parseCpr('0113601234')).toMatchObject({ ok: false, code: 'invalid_month' });
    expect(parseCpr('0100601234')).toMatchObject({ ok: false, code: 'invalid_month' });
    expect(parseCpr('3204601234')).toMatchObject({ ok: false, code: 'invalid_day' });
    expect(parseCpr('3104601234')).toMatchObject({ ok: false, code: 'invalid_day' });
    expect(parseCpr('0001601234')).toMatchObject({ ok: false, code: 'invalid_day' });
    expect(parseCpr('3002921234')).toMatchObject({ ok: false, code: 'invalid_day' });
    const r = parseCpr('3104601234');
    expect(!r.ok && r.message).toMatch(/day 31.*month 04/);
  });

  it('rejects empty and malformed input', () => {
    expect(parseCpr('  ')).toMatchObject({ ok: false, code: 'empty' });
    expect(parseCpr('12345')).toMatchObject({ ok: false, code: 'format' });
    expect(parseCpr('AB12609995')).toMatchObject({ ok: false, code: 'format' });
  });

  it('accepts replacement CPRs with letters in positions 7–10', () => {
    expect(parseCpr('0703921VJ4')).toEqual({
      ok: true,
      cpr: { value: '0703921VJ4', kind: 'replacement', birthDate: '1992-03-07', sex: 'F', centuryAssumed: false },
    });
    expect(parseCpr('1206550VK9')).toMatchObject({ ok: true, cpr: { kind: 'replacement', birthDate: '1955-06-12', sex: 'M' } });
    // A letter in position 7 carries no century: assumed, and said so.
    expect(parseCpr('010180ABC1')).toMatchObject({ ok: true, cpr: { birthDate: '1980-01-01', sex: 'M', centuryAssumed: true } });
    expect(parseCpr('010120ABCD')).toMatchObject({ ok: true, cpr: { birthDate: '2020-01-01', sex: null, centuryAssumed: true } });
    // The date part is still checked.
    expect(parseCpr('3102921VJ4')).toMatchObject({ ok: false, code: 'invalid_day' });
  });

  it('marks plain CPRs as such', () => {
    expect(parseCpr('020160-9995')).toMatchObject({ ok: true, cpr: { value: '0201609995', kind: 'cpr', centuryAssumed: false } });
  });
});

describe('formatCpr', () => {
  it('shows DDMMYY-SSSS', () => {
    expect(formatCpr('0201609995')).toBe('020160-9995');
    expect(formatCpr('020160-9995')).toBe('020160-9995');
    expect(formatCpr('0703921vj4')).toBe('070392-1VJ4');
    expect(formatCpr('not a cpr')).toBe('not a cpr');
  });
});
