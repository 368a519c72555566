import { describe, expect, it } from 'vitest';
import { recordsToTables, toCsv } from './extract-format.rules.ts';
import { planImport, type StoredReferral } from './extract-diff.rules.ts';
import type { RawTable } from './extract-parse.rules.ts';
import { normaliseMunicipality, parseExtractDate, validateExtract, type KnownCodes } from './extract-validate.rules.ts';

const known: KnownCodes = { municipalities: new Set(['0151', '0159']), interventions: new Set(['diet', 'puls_styrke']), diagnoses: new Set(['DC50']) };
const TODAY = '2026-11-22';

const table = (file: string, rows: string[][]): RawTable => ({ file, header: rows[0] ?? [], rows: rows.slice(1).map((cells, i) => ({ row: i + 2, cells })) });
const referralsHeader = ['referral_id', 'home_municipality', 'citizen', 'sex', 'birth_date', 'received', 'source', 'first_contact', 'closing_conversation'];
const interventionsHeader = ['referral_id', 'intervention', 'provider_municipality', 'referred', 'start', 'end', 'attendances', 'end_reason'];

const run = (referrals: string[][], interventions: string[][] = []) =>
  validateExtract({ referrals: table('r.csv', [referralsHeader, ...referrals]), interventions: table('i.csv', [interventionsHeader, ...interventions]) }, known, TODAY);
const reasons = (r: ReturnType<typeof run>) => r.errors.map((e) => `${e.file}:${e.row}:${e.column}:${e.reason}`);

describe('parseExtractDate and normaliseMunicipality', () => {
  it('accepts ISO and Danish dates of real days only', () => {
    expect(parseExtractDate('2024-02-29')).toBe('2024-02-29');
    expect(parseExtractDate('29-02-2024')).toBe('2024-02-29');
    expect(parseExtractDate('2023-02-29')).toBeNull();
    expect(parseExtractDate('2024/02/01')).toBeNull();
    expect(parseExtractDate('1-2-2024')).toBeNull();
  });
  it('pads 3-digit codes', () => {
    expect(normaliseMunicipality('151')).toBe('0151');
    expect(normaliseMunicipality('0151')).toBe('0151');
    expect(normaliseMunicipality('15')).toBeNull();
    expect(normaliseMunicipality('01511')).toBeNull();
  });
});

describe('validateExtract', () => {
  const good = ['A', '159', 'P-1', 'F', '1960-01-01', '2025-01-06', 'gp', '2025-01-08', '2025-06-01'];

  it('turns valid rows into records', () => {
    const r = run([good], [['A', 'diet', '151', '2025-01-10', '2025-01-12', '2025-05-01', '9', 'completed']]);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([2]);
    expect(r.records).toEqual([
      {
        referralId: 'A',
        homeMunicipality: '0159',
        citizen: { kind: 'pseudonym', value: 'P-1' },
        sex: 'F',
        birthDate: '1960-01-01',
        received: '2025-01-06',
        source: 'gp',
        legalBasis: null,
        diagnosis: null,
        firstContact: '2025-01-08',
        needsAssessed: null,
        actionPlan: null,
        declined: null,
        declineReason: null,
        closingConversation: '2025-06-01',
        closingNoteSent: null,
        interventions: [{ intervention: 'diet', providerMunicipality: '0151', referred: '2025-01-10', providerContact: null, deeperAssessment: null, start: '2025-01-12', end: '2025-05-01', attendances: 9, endReason: 'completed' }],
      },
    ]);
  });

  it('derives the birth date from a CPR number and refuses one that disagrees', () => {
    const cpr = ['B', '159', '020160-9996', 'F', '', '2025-01-06', 'gp', '', ''];
    expect(run([cpr]).records[0]?.birthDate).toBe('1960-01-02');
    expect(reasons(run([['B', '159', '0201609996', 'F', '1960-01-03', '2025-01-06', 'gp', '', '']]))).toEqual(['r.csv:2:birth_date:birth_date_mismatch']);
  });

  it("refuses a sex that contradicts the CPR number's last digit, naming row and column", () => {
    // 0201609996: last digit even, a woman.
    const mismatch = run([['B', '159', '0201609996', 'M', '', '2025-01-06', 'gp', '', '']]);
    expect(reasons(mismatch)).toEqual(['r.csv:2:sex:sex_mismatch']);
    // The facts the web words the detail from in Danish.
    expect(mismatch.errors[0]).toMatchObject({ value: 'M', other: { column: 'citizen', value: 'F' } });
    // 0504909989: odd, a man; a replacement CPR ending in a letter says nothing.
    expect(reasons(run([['B', '159', '0504909989', 'M', '', '2025-01-06', 'gp', '', '']]))).toEqual([]);
    expect(reasons(run([['B', '159', '0703921VJ4', 'F', '', '2025-01-06', 'gp', '', '']]))).toEqual([]);
  });

  it('requires birth_date for a pseudonym, and refuses a received date before it', () => {
    expect(reasons(run([['A', '159', 'P-1', 'F', '', '2025-01-06', 'gp', '', '']]))).toEqual(['r.csv:2:birth_date:required']);
    expect(reasons(run([['A', '159', 'P-1', 'F', '2025-02-01', '2025-01-06', 'gp', '', '']]))).toEqual(['r.csv:2:received:out_of_order']);
  });

  it('refuses a date after today, and the closing conversation before the latest end', () => {
    expect(reasons(run([['A', '159', 'P-1', 'F', '1960-01-01', '2026-11-23', 'gp', '', '']]))).toEqual(['r.csv:2:received:future_date']);
    const late = run([good], [['A', 'diet', '151', '2025-01-10', '2025-01-12', '2025-06-02', '9', 'completed']]);
    expect(reasons(late)).toEqual(['r.csv:2:closing_conversation:out_of_order']);
    expect(late.errors[0]).toMatchObject({ value: good[8], other: { file: 'i.csv', column: 'end', value: '2025-06-02' } });
  });

  it('refuses unknown codes and orphans, each with its row and column', () => {
    const r = run([good], [['A', 'yoga', '999', '2025-01-10', '', '', '', ''], ['Z', 'diet', '151', '2025-01-10', '', '', '', '']]);
    expect(reasons(r)).toEqual(['i.csv:2:intervention:unknown_intervention', 'i.csv:2:provider_municipality:unknown_municipality', 'i.csv:3:referral_id:orphan_referral_id']);
    expect(r.errors.map((e) => e.value)).toEqual(['yoga', '0999', 'Z']);
    expect(run([['A', '159', 'P-1', 'X', '1960-01-01', '2025-01-06', 'gp', '', '']]).errors[0]).toMatchObject({ reason: 'invalid_value', value: 'X', allowed: ['F', 'M'] });
  });
});

describe('planImport', () => {
  const records = run([['A', '159', 'P-1', 'F', '1960-01-01', '2025-01-06', 'gp', '2025-01-08', '']]).records;
  const record = records[0];
  if (!record) throw new Error('fixture record missing');
  const stored = (origin: string, changes: Partial<typeof record> = {}): Map<string, StoredReferral> =>
    new Map([['0159|A', { id: 'x', courseId: 'c', citizenId: 'p', origin, record: { ...record, ...changes } }]]);

  it('creates new, leaves equal, updates changed imported records with the changed fields', () => {
    expect(planImport(records, new Map()).map((s) => s.kind)).toEqual(['create']);
    expect(planImport(records, stored('import')).map((s) => s.kind)).toEqual(['unchanged']);
    const step = planImport(records, stored('import', { firstContact: '2025-01-07' }))[0];
    expect(step?.kind === 'update' ? step.changes : null).toEqual({ firstContact: { from: '2025-01-07', to: '2025-01-08' } });
  });
  it('never changes a record made in Samkraft', () => {
    expect(planImport(records, stored('ui', { source: 'self' })).map((s) => s.kind)).toEqual(['refuse']);
    expect(planImport(records, stored('ui')).map((s) => s.kind)).toEqual(['unchanged']);
  });
});

describe('recordsToTables and toCsv', () => {
  it('writes the header and one row per referral and intervention, ; separated with a BOM', () => {
    const records = run([['A', '159', 'P-1', 'F', '1960-01-01', '2025-01-06', 'gp', '', '']], [['A', 'diet', '159', '2025-01-10', '', '', '', '']]).records;
    const tables = recordsToTables(records);
    expect(tables.interventions).toEqual([
      ['referral_id', 'intervention', 'provider_municipality', 'referred', 'provider_contact', 'deeper_assessment', 'start', 'end', 'attendances', 'end_reason'],
      ['A', 'diet', '0159', '2025-01-10', '', '', '', '', '', ''],
    ]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(toCsv([['a;b', 'c"d'], ['1', '']]))).toBe('\uFEFF"a;b";"c""d"\r\n1;\r\n');
  });
});
