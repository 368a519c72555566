import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { seedReferenceData } from './reference-data.seed.ts';
import { INTERVENTIONS } from './interventions.data.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
}, 60_000);

afterAll(async () => {
  await database.close();
});

async function counts(): Promise<Record<string, number>> {
  const tables = [
    'municipality', 'diagnosis', 'assessment_item', 'intervention', 'intervention_dose_part',
    'deadline_policy', 'closing_day', 'transport_rule', 'municipality_transport',
  ] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(database.db);
    out[t] = r.rows[0]?.n ?? -1;
  }
  return out;
}

describe('seedReferenceData', () => {
  it('seeds all 98 municipalities with the nine members flagged', async () => {
    const rows = await database.db.selectFrom('municipality').selectAll().orderBy('code').execute();
    expect(rows).toHaveLength(98);
    expect(rows.every((r) => /^[0-9]{4}$/.test(r.code))).toBe(true);
    const members = rows.filter((r) => r.is_member);
    expect(members.map((m) => m.name).sort()).toEqual(
      ['Ballerup', 'Egedal', 'Furesø', 'Gentofte', 'Gladsaxe', 'Herlev', 'Lyngby-Taarbæk', 'Rudersdal', 'Rødovre'],
    );
    expect(members.every((m) => m.lat !== null && m.lon !== null && m.site_name !== null)).toBe(true);
    const joined = Object.fromEntries(members.map((m) => [m.name, m.joined_on]));
    expect(joined['Gladsaxe']).toBe('2014-01-01');
    expect(joined['Gentofte']).toBe('2017-10-01');
    expect(joined['Rudersdal']).toBe('2017-10-01');
    expect(joined['Lyngby-Taarbæk']).toBe('2017-10-01');
  });

  it('seeds the cancer diagnoses DC00–DC97 and DD00–DD09', async () => {
    const rows = await database.db.selectFrom('diagnosis').select(['code', 'title_da']).orderBy('code').execute();
    expect(rows).toHaveLength(98);
    expect(rows[0]?.code).toBe('DC00');
    expect(rows.at(-1)?.code).toBe('DD09');
    expect(rows.map((r) => r.code)).toContain('DC50');
    expect(rows.map((r) => r.code)).not.toContain('DC27');
  });

  it('seeds the whole catalogue with the Bilag E target rules', async () => {
    const rows = await database.db.selectFrom('intervention').selectAll().execute();
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(rows).toHaveLength(INTERVENTIONS.length);
    expect(byCode.get('men_training')).toMatchObject({ target_sex: 'M', team_mode: 'rolling' });
    expect(byCode.get('prostate_pelvic_floor')).toMatchObject({ target_sex: 'M', target_diagnoses: ['DC61'] });
    expect(byCode.get('breast_training')).toMatchObject({ target_sex: 'F', target_diagnoses: ['DC50'] });
    expect(byCode.get('breast_men_individual')).toMatchObject({ target_sex: 'M', form: 'individual' });
    expect(byCode.get('young_training')).toMatchObject({ target_max_age: 39 });
    expect(byCode.get('mixed_training')).toMatchObject({ mixed_diagnoses: true, cross_municipal: false, expected_per_year: 677 });
    expect(byCode.get('hhk_home')).toMatchObject({ cross_municipal: false });
    expect(byCode.get('individual')).toMatchObject({ cross_municipal: false });
    expect(byCode.get('livskraft')).toMatchObject({ team_mode: 'cohort', cohort_follow_up_weeks: 8 });
    expect(byCode.get('hhk_cross')?.target_diagnoses).toHaveLength(18);
    const dose = await database.db.selectFrom('intervention_dose_part').selectAll().where('intervention_code', '=', 'hhk_cross').orderBy('part').execute();
    expect(dose.map((d) => [d.part, d.sessions, d.up_to, d.minutes])).toEqual([
      ['diet', 5, true, 60], ['ot', 30, true, 60], ['pt', 15, true, 60],
    ]);
    const prostate = await database.db.selectFrom('intervention_dose_part').selectAll().where('intervention_code', '=', 'prostate_pelvic_floor').executeTakeFirstOrThrow();
    expect(prostate).toMatchObject({ sessions: 29, per_week: 1, minutes: 60 });
  });

  it('seeds deadlines, closing days and transport', async () => {
    const deadlines = await database.db.selectFrom('deadline_policy').selectAll().execute();
    const d = Object.fromEntries(deadlines.map((p) => [p.kind, `${p.amount} ${p.unit} ${p.effective_from}`]));
    expect(d).toEqual({
      first_contact: '5 working_days 2014-01-01',
      initial_assessment: '10 working_days 2014-01-01',
      cross_referral: '10 working_days 2014-01-01',
      provider_contact: '5 working_days 2014-01-01',
      deeper_assessment: '5 working_days 2014-01-01',
      provider_start: '10 working_days 2014-01-01',
      closing_conversation: '1 months 2014-01-01',
      sul140_training_start: '7 calendar_days 2018-07-01',
    });
    const closing = await database.db.selectFrom('closing_day').select(['month', 'day', 'municipality_code']).orderBy('month').orderBy('day').execute();
    expect(closing).toEqual([
      { month: 6, day: 5, municipality_code: null },
      { month: 12, day: 24, municipality_code: null },
      { month: 12, day: 31, municipality_code: null },
    ]);
    const transport = await database.db.selectFrom('transport_rule').select(['effective_from', 'pensioner_min_dkk', 'non_pensioner_min_dkk', 'distance_km']).orderBy('effective_from').execute();
    expect(transport.map((t) => [t.effective_from, t.pensioner_min_dkk, t.non_pensioner_min_dkk, t.distance_km])).toEqual([
      ['2014-01-01', 25, 60, 50], ['2018-01-01', 42, 100, 50], ['2019-01-01', 43, 102, 50], ['2023-01-01', 44, 104, 50],
    ]);
    const flextur = await database.db.selectFrom('municipality_transport').select('municipality_code').where('flextur_member', '=', true).orderBy('municipality_code').execute();
    expect(flextur.map((f) => f.municipality_code)).toEqual(['0151', '0159', '0190']);
  });

  it('is idempotent and keeps local changes to configurable data', async () => {
    const before = await counts();
    await database.db.updateTable('deadline_policy').set({ amount: 10 }).where('kind', '=', 'first_contact').execute();
    await seedReferenceData(database.db);
    expect(await counts()).toEqual(before);
    const first = await database.db.selectFrom('deadline_policy').select('amount').where('kind', '=', 'first_contact').executeTakeFirstOrThrow();
    expect(first.amount).toBe(10);
  });
});
