import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportTable } from '@samkraft/contracts/reports';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { getReport } from './report.service.ts';
import { insertRecords, seedReportBasics, type ReferralSpec } from '../../test-support/report-records.ts';

/**
 * A hand-made fixture: 28 referrals in 2017 in Ballerup (0151), Gladsaxe (0159), Herlev (0163)
 * and Rødovre (0175), an Egedal (0240) referral to Herlev, two in 2016 and one in 2018. Every
 * expected number below was counted by hand from the specs, not by the code under test.
 */
const B = '0151';
const G = '0159';
const H = '0163';
const R = '0175';
const E = '0240';

const referrals: ReferralSpec[] = [
  // Ballerup
  { home: B, sex: 'F', birthDate: '1950-06-15', receivedOn: '2017-01-10', source: 'gp', assessedOn: '2017-01-20', plan: true, closed: { on: '2017-05-25', reason: 'completed' },
    closing: { heldOn: '2017-05-20', satisfaction: 5, benefit: 4 },
    interventions: [{ provider: B, intervention: 'blandede', endedOn: '2017-05-01', attendance: ['attended', 'attended', 'no_show'], recorded: 99 }] },
  { home: B, sex: 'M', birthDate: '1977-07-01', receivedOn: '2017-06-30', source: 'hospital_gop', assessedOn: '2017-07-05',
    interventions: [{ provider: G, intervention: 'maend', endedOn: '2017-10-01', endReason: 'dropped_out', recorded: 7 }] },
  { home: B, sex: 'M', birthDate: '1960-01-01', receivedOn: '2017-03-01', source: 'hospital_ref01', assessedOn: '2017-03-20', interventions: [{ provider: G, intervention: 'maend' }] },
  { home: B, sex: 'F', birthDate: '1985-02-02', receivedOn: '2017-04-03', source: 'self', assessedOn: '2017-04-10', declines: [{ reason: 'not_relevant', on: '2017-04-12' }] },
  { home: B, sex: 'F', birthDate: '1955-09-09', receivedOn: '2017-08-14', source: 'municipal', assessedOn: '2017-09-30', interventions: [{ provider: R, intervention: 'livskraft', endedOn: '2017-11-30', recorded: 6 }] },
  { home: B, sex: 'M', birthDate: '1948-11-11', receivedOn: '2017-10-02', source: 'hospital_gop', declines: [{ reason: 'too_far', on: '2017-10-04' }], closed: { on: '2017-10-05', reason: 'declined' } },
  { home: B, sex: 'F', birthDate: '1970-03-03', receivedOn: '2017-12-28', source: 'gp' },
  // Gladsaxe
  { home: G, sex: 'F', birthDate: '1965-05-05', receivedOn: '2017-01-16', source: 'hospital_gop', assessedOn: '2017-01-25', plan: true, closed: { on: '2017-06-15', reason: 'completed' },
    closing: { heldOn: '2017-06-10', satisfaction: 4, benefit: 5 }, interventions: [{ provider: G, intervention: 'blandede', endedOn: '2017-06-01', recorded: 20 }] },
  { home: G, sex: 'M', birthDate: '1952-02-20', receivedOn: '2017-02-06', source: 'hospital_gop', assessedOn: '2017-02-10', closed: { on: '2017-07-20', reason: 'completed' },
    closing: { heldOn: '2017-07-15', satisfaction: 2, benefit: 3 }, interventions: [{ provider: E, intervention: 'maend', endedOn: '2017-07-01', recorded: 25 }] },
  { home: G, sex: 'F', birthDate: '1999-08-01', receivedOn: '2017-03-13', source: 'hospital_ref01', assessedOn: '2017-03-15', interventions: [{ provider: R, intervention: 'livskraft', endedOn: '2017-09-01', recorded: 5 }] },
  { home: G, sex: 'F', birthDate: '1980-10-10', receivedOn: '2017-05-02', source: 'other', assessedOn: '2017-05-05',
    declines: [{ reason: 'already_in_home_course', on: '2017-05-10' }, { reason: 'other', on: '2017-05-11' }] },
  { home: G, sex: 'M', birthDate: '1958-12-12', receivedOn: '2017-07-03', source: 'gp', assessedOn: '2017-07-31', interventions: [{ provider: G, intervention: 'maend', endedOn: '2017-12-15', endReason: 'health_worsened' }] },
  { home: G, sex: 'F', birthDate: '1962-04-04', receivedOn: '2017-09-04', source: 'hospital_gop', assessedOn: '2017-10-06', pause: { pausedOn: '2017-09-11', resumedOn: '2017-09-18' } },
  { home: G, sex: 'M', birthDate: '1949-01-31', receivedOn: '2017-11-06', source: 'hospital_ref01', pause: { pausedOn: '2017-11-20', resumedOn: null } },
  { home: G, sex: 'F', birthDate: '1975-06-06', receivedOn: '2017-12-01', source: 'gp' },
  // Herlev
  { home: H, sex: 'F', birthDate: '1957-03-03', receivedOn: '2017-02-01', source: 'hospital_gop', assessedOn: '2017-02-08',
    interventions: [{ provider: H, intervention: 'blandede', endedOn: '2017-08-01', attendance: ['attended', 'attended', 'attended'] }] },
  { home: H, sex: 'M', birthDate: '1951-07-07', receivedOn: '2017-02-15', source: 'hospital_gop', assessedOn: '2017-02-20', closing: { heldOn: '2017-10-01', satisfaction: 5, benefit: 5 },
    interventions: [{ provider: G, intervention: 'maend', endedOn: '2017-09-15', recorded: 29 }] },
  { home: H, sex: 'M', birthDate: '1990-09-09', receivedOn: '2017-04-18', source: 'gp', assessedOn: '2017-05-01',
    interventions: [{ provider: R, intervention: 'livskraft' }, { provider: G, intervention: 'maend' }] },
  { home: H, sex: 'F', birthDate: '1968-08-08', receivedOn: '2017-06-01', source: 'hospital_ref01', assessedOn: '2017-06-20', declines: [{ reason: 'too_far', on: '2017-06-25' }] },
  { home: H, sex: 'F', birthDate: '1959-05-15', receivedOn: '2017-08-01', source: 'self', assessedOn: '2017-08-10', plan: true, closed: { on: '2017-12-22', reason: 'completed' },
    interventions: [{ provider: H, intervention: 'blandede', endedOn: '2017-12-20', recorded: 12 }] },
  { home: H, sex: 'M', birthDate: '1946-12-24', receivedOn: '2017-10-16', source: 'hospital_gop', assessedOn: '2017-11-30' },
  { home: H, sex: 'F', birthDate: '1972-02-29', receivedOn: '2017-11-20', source: 'hospital_ref01', closed: { on: '2017-11-25', reason: 'other' } },
  // Rødovre
  { home: R, sex: 'F', birthDate: '1953-04-04', receivedOn: '2017-01-09', source: 'hospital_gop', assessedOn: '2017-01-16', plan: true, closed: { on: '2017-05-12', reason: 'completed' },
    closing: { heldOn: '2017-05-10', satisfaction: 4, benefit: 2 }, interventions: [{ provider: R, intervention: 'blandede', endedOn: '2017-04-30', recorded: 15 }] },
  { home: R, sex: 'M', birthDate: '1963-03-03', receivedOn: '2017-03-06', source: 'hospital_ref01', assessedOn: '2017-03-10', closing: { heldOn: '2017-09-10', satisfaction: null, benefit: null },
    interventions: [{ provider: G, intervention: 'maend', endedOn: '2017-08-30', recorded: 20 }] },
  { home: R, sex: 'F', birthDate: '1988-08-18', receivedOn: '2017-03-20', source: 'hospital_gop', assessedOn: '2017-03-25', interventions: [{ provider: R, intervention: 'livskraft' }] },
  { home: R, sex: 'F', birthDate: '1950-10-10', receivedOn: '2017-07-10', source: 'municipal', assessedOn: '2017-07-12', interventions: [{ provider: R, intervention: 'blandede', endedOn: '2018-01-05', recorded: 10 }] },
  { home: R, sex: 'M', birthDate: '1945-05-05', receivedOn: '2017-09-18', source: 'gp', assessedOn: '2017-09-25', declines: [{ reason: 'not_relevant', on: '2017-09-28' }] },
  { home: R, sex: 'F', birthDate: '1960-06-06', receivedOn: '2017-12-11', source: 'hospital_gop' },
  // Outside the selection or the period.
  { home: E, sex: 'F', birthDate: '1955-01-01', receivedOn: '2017-04-04', source: 'gp', assessedOn: '2017-04-10', interventions: [{ provider: H, intervention: 'blandede', endedOn: '2017-10-10', recorded: 8 }] },
  { home: B, sex: 'M', birthDate: '1950-01-01', receivedOn: '2016-05-05', source: 'gp', assessedOn: '2016-05-10', interventions: [{ provider: G, intervention: 'maend', endedOn: '2016-12-01', recorded: 20 }] },
  { home: G, sex: 'F', birthDate: '1960-01-01', receivedOn: '2016-09-09', source: 'hospital_gop', assessedOn: '2016-09-12' },
  { home: R, sex: 'M', birthDate: '1961-01-01', receivedOn: '2018-02-01', source: 'gp' },
];

let database: Database;
let report: Report;

const cellsOf = (t: ReportTable | undefined) => (t ? t.rows.map((r) => [r.label, ...r.cells]) : []);
const tableOf = (id: string, r: Report = report) => r.tables.find((t) => t.id === id);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReportBasics(db);
  await db
    .insertInto('cancer_potential')
    .values([
      { municipality_code: B, year: 2016, new_cases: 352, rehab_share: 0.4, source: 'test' },
      { municipality_code: G, year: 2016, new_cases: 425, rehab_share: 0.4, source: 'test' },
      { municipality_code: H, year: 2016, new_cases: 195, rehab_share: 0.4, source: 'test' },
    ])
    .execute();
  await insertRecords(db, referrals);
  const ctx = { db, actor: { kind: 'system' as const, name: 'test' }, clock: fixedClock('2018-01-10T10:00:00Z') };
  report = await getReport(ctx, { from: '2017-01-01', to: '2017-12-31', compareFrom: '2016-01-01', compareTo: '2016-12-31', municipalities: [B, G, H, R] });
});
afterAll(async () => {
  await database.close();
});

describe('the report on a hand-counted fixture', () => {
  it('summary for two periods side by side, and the trend per half-year', () => {
    expect(tableOf('summary')?.columns.map((c) => c.label)).toEqual(['2017', '2016']);
    expect(cellsOf(tableOf('summary'))).toEqual([
      ['Borgere, der er blevet henvist til kræftrehabilitering', 28, 2],
      ['Borgere, der er blevet tilbudt indsatser i det tværkommunale samarbejde, herunder blandede diagnoser og individuel indsats', 16, 1],
      ['Borgere, der har modtaget indsats i anden kommune end bopælskommune', 8, 1],
      ['Afsluttede indsatser (uanset afslutningsårsag)', 12, 1],
    ]);
    expect(cellsOf(tableOf('trend'))).toEqual([
      ['1. halvår 2016', 1, 1, 1, 0],
      ['2. halvår 2016', 1, 0, 0, 1],
      ['1. halvår 2017', 15, 12, 7, 3],
      ['2. halvår 2017', 13, 4, 1, 9],
    ]);
  });

  it('received from and referred to other municipalities, and the full flow matrix', () => {
    expect(cellsOf(tableOf('exchange'))).toEqual([
      ['Ballerup', 0, 3],
      ['Gladsaxe', 5, 2],
      ['Herlev', 1, 2],
      ['Rødovre', 3, 1],
      ['I alt', 9, 8],
    ]);
    expect(tableOf('flows')?.columns.map((c) => c.label)).toEqual(['Ballerup', 'Egedal', 'Gladsaxe', 'Herlev', 'Rødovre', 'I alt']);
    expect(cellsOf(tableOf('flows'))).toEqual([
      ['Ballerup', 1, 0, 2, 0, 1, 4],
      ['Egedal', 0, 0, 0, 1, 0, 1],
      ['Gladsaxe', 0, 1, 2, 0, 1, 4],
      ['Herlev', 0, 0, 2, 2, 1, 5],
      ['Rødovre', 0, 0, 1, 0, 3, 4],
      ['I alt', 1, 1, 7, 3, 6, 18],
    ]);
  });

  it('referrals by sex and age band at receipt', () => {
    expect(tableOf('sex_age')?.columns.map((c) => c.label)).toEqual(['Kvinde', 'Mand', '0–17 år', '18–39 år', '40+ år', 'I alt']);
    expect(cellsOf(tableOf('sex_age'))).toEqual([
      ['Ballerup', 4, 3, 0, 2, 5, 7],
      ['Gladsaxe', 5, 3, 1, 1, 6, 8],
      ['Herlev', 4, 3, 0, 1, 6, 7],
      ['Rødovre', 4, 2, 0, 1, 5, 6],
      ['I alt', 17, 11, 1, 5, 22, 28],
    ]);
  });

  it('referrals by source, in counts and shares', () => {
    expect(tableOf('source_counts')?.columns.map((c) => c.label)).toEqual(['Almen praksis', 'Andet', 'Hospital (genoptræningsplan)', 'Hospital (forløbsprogram, REF01)', 'I alt']);
    expect(cellsOf(tableOf('source_counts'))).toEqual([
      ['Ballerup', 2, 2, 2, 1, 7],
      ['Gladsaxe', 2, 1, 3, 2, 8],
      ['Herlev', 1, 1, 3, 2, 7],
      ['Rødovre', 1, 1, 3, 1, 6],
      ['I alt', 6, 5, 11, 6, 28],
    ]);
    expect(cellsOf(tableOf('source_shares'))).toEqual([
      ['Ballerup', 2 / 7, 2 / 7, 2 / 7, 1 / 7, 1],
      ['Gladsaxe', 2 / 8, 1 / 8, 3 / 8, 2 / 8, 1],
      ['Herlev', 1 / 7, 1 / 7, 3 / 7, 2 / 7, 1],
      ['Rødovre', 1 / 6, 1 / 6, 3 / 6, 1 / 6, 1],
      ['I alt', 6 / 28, 5 / 28, 11 / 28, 6 / 28, 1],
    ]);
  });

  it('course length per intervention and providing municipality: attendance rows first, else the recorded number', () => {
    expect(cellsOf(tableOf('course_length'))).toEqual([
      ['Blandede diagnoser — Ballerup', 1, 2, 2, 2, 0],
      ['Blandede diagnoser — Gladsaxe', 1, 20, 20, 20, 0],
      ['Blandede diagnoser — Herlev', 3, 3, 12, 7.67, 0],
      ['Blandede diagnoser — Rødovre', 1, 15, 15, 15, 0],
      ['Livskraft — Rødovre', 2, 5, 6, 5.5, 0],
      ['Træning for mænd — Gladsaxe', 3, 7, 29, 18.67, 1],
    ]);
  });

  it("the note's pilot table: referred, assessed, declined by reason, referred on", () => {
    expect(tableOf('pilot')?.columns.map((c) => c.label)).toEqual(['Ballerup', 'Gladsaxe', 'Herlev', 'Rødovre', 'I alt']);
    expect(tableOf('pilot')?.rows.map((r) => [r.key, ...r.cells])).toEqual([
      ['referred', 7, 8, 7, 6, 28],
      ['assessed', 5, 6, 6, 5, 22],
      ['declined', 2, 1, 1, 1, 5],
      ['declinedNotRelevant', 1, 0, 0, 1, 2],
      ['declinedTooFar', 1, 0, 1, 0, 2],
      ['declinedAlreadyInHomeCourse', 0, 1, 0, 0, 1],
      ['declinedOther', 0, 1, 0, 0, 1],
      ['referredOn', 3, 2, 2, 1, 8],
    ]);
  });

  it('the five indicators against their targets; indicator 2 from the deadline engine, paused clocks apart', () => {
    expect(report.indicators.map((i) => [i.number, i.value, i.compareValue, i.targetValue, i.basis, i.status])).toEqual([
      [1, 28, 2, null, null, 'met'],
      [2, 20 / 23, null, 0.9, 23, 'not_met'],
      [3, 8, 1, null, null, 'met'],
      [4, 4 / 5, null, 0.5, 5, 'met'],
      [5, 3 / 5, null, 0.5, 5, 'met'],
    ]);
    expect(tableOf('indicators')?.rows.map((r) => [r.key, ...r.cells, r.note])).toEqual([
      ['indicator_1', 28, null, 2, null, 'Opfyldt (mål: Stiger hvert år)'],
      ['indicator_1_gp', 6, null, null, null, null],
      ['indicator_1_other', 5, null, null, null, null],
      ['indicator_1_hospital_gop', 11, null, null, null, null],
      ['indicator_1_hospital_ref01', 6, null, null, null, null],
      ['indicator_2', 23, 20 / 23, null, 0.9, 'Ikke opfyldt (mål: 90 %)'],
      ['indicator_2_onTime', 19, null, null, null, null],
      ['indicator_2_onTimePaused', 1, null, null, null, null],
      ['indicator_2_late', 3, null, null, null, null],
      ['indicator_2_paused', 1, null, null, null, null],
      ['indicator_2_pending', 2, null, null, null, null],
      ['indicator_2_notApplicable', 2, null, null, null, null],
      ['indicator_3', 8, null, 1, null, 'Opfyldt (mål: Stiger)'],
      ['indicator_4', 5, 4 / 5, null, 0.5, 'Opfyldt (mål: Hovedparten)'],
      // Every answer of the fixture was entered by staff (issue 13.5: none from the citizens' phones).
      ['indicator_4_citizen', 0, null, null, null, null],
      ['indicator_5', 5, 3 / 5, null, 0.5, 'Opfyldt (mål: Hovedparten)'],
      ['indicator_5_citizen', 0, null, null, null, null],
    ]);
  });

  it('coverage against the potential (new cases × 40 %), with a municipality without figures shown', () => {
    expect(tableOf('coverage')?.rows.map((r) => [r.label, ...r.cells, r.note])).toEqual([
      ['Ballerup', 7, 352, 140.8, 7 / 140.8, '2016: 40 % af nye kræfttilfælde'],
      ['Gladsaxe', 8, 425, 170, 8 / 170, '2016: 40 % af nye kræfttilfælde'],
      ['Herlev', 7, 195, 78, 7 / 78, '2016: 40 % af nye kræfttilfælde'],
      ['Rødovre', 6, null, null, null, 'Ingen tal for potentialet'],
      ['I alt', 28, 972, 388.8, 22 / 388.8, null],
    ]);
  });

  it('data completeness per municipality and quarter, quarters without data shown', () => {
    expect(tableOf('completeness')?.rows.map((r) => [r.label, ...r.cells, r.note])).toEqual([
      ['Ballerup, 1. kvt. 2017', 2, 1, 0, 0, 0, 0, null],
      ['Ballerup, 2. kvt. 2017', 2, 0, 0, 0, 0, 0, null],
      ['Ballerup, 3. kvt. 2017', 1, 0, 0, 0, 0, 0, null],
      ['Ballerup, 4. kvt. 2017', 2, 0, 0, 0, 0, 0, null],
      ['Gladsaxe, 1. kvt. 2017', 3, 2, 0, 1, 0, 0, null],
      ['Gladsaxe, 2. kvt. 2017', 1, 0, 0, 0, 0, 0, null],
      ['Gladsaxe, 3. kvt. 2017', 2, 0, 0, 0, 0, 1, null],
      ['Gladsaxe, 4. kvt. 2017', 2, 0, 0, 0, 0, 0, null],
      ['Herlev, 1. kvt. 2017', 2, 0, 0, 0, 0, 0, null],
      ['Herlev, 2. kvt. 2017', 2, 0, 0, 0, 0, 0, null],
      ['Herlev, 3. kvt. 2017', 1, 1, 0, 0, 1, 0, null],
      ['Herlev, 4. kvt. 2017', 2, 0, 0, 0, 0, 0, null],
      ['Rødovre, 1. kvt. 2017', 3, 1, 0, 0, 0, 0, null],
      ['Rødovre, 2. kvt. 2017', 0, 0, 0, 0, 0, 0, 'Ingen data i kvartalet'],
      ['Rødovre, 3. kvt. 2017', 2, 0, 0, 0, 0, 0, null],
      ['Rødovre, 4. kvt. 2017', 1, 0, 0, 0, 0, 0, null],
    ]);
  });

  it('suppresses numbers under 5 for publication, with complementary cells so no total reveals one', async () => {
    const ctx = { db: database.db, actor: { kind: 'system' as const, name: 'test' }, clock: fixedClock('2018-01-10T10:00:00Z') };
    const published = await getReport(ctx, { from: '2017-01-01', to: '2017-12-31', municipalities: [B, G, H, R], suppress: true });
    // Received: 1 (Herlev) and 3 (Rødovre) are small, two in the column: enough. Referred: all four are small.
    expect(cellsOf(tableOf('exchange', published))).toEqual([
      ['Ballerup', 0, null],
      ['Gladsaxe', 5, null],
      ['Herlev', null, null],
      ['Rødovre', null, null],
      ['I alt', 9, 8],
    ]);
    // Every part of Herlev's and Rødovre's source rows is small; Ballerup's and Gladsaxe's too.
    expect(tableOf('source_counts', published)?.rows.map((r) => r.suppressed)).toEqual([
      [true, true, true, true, false],
      [true, true, true, true, false],
      [true, true, true, true, false],
      [true, true, true, true, false],
      [false, false, false, false, false],
    ]);
    // Course length: min, max and mean of fewer than five citizens are hidden with the count.
    expect(cellsOf(tableOf('course_length', published))[2]).toEqual(['Blandede diagnoser — Herlev', null, null, null, null, 0]);
    expect(published.indicators.map((i) => [i.number, i.value, i.status])).toEqual([
      [1, 28, 'no_data'],
      [2, 20 / 23, 'not_met'],
      [3, 8, 'no_data'],
      [4, 4 / 5, 'met'],
      [5, 3 / 5, 'met'],
    ]);
  });
});
