import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../../platform/database/database.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { referenceDataFingerprint, refreshReferenceData, seedReferenceData } from './reference-data.seed.ts';
import { referenceRows } from './reference-data.rows.ts';
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

describe('refreshReferenceData', () => {
  let fresh: Database;

  beforeAll(async () => {
    fresh = await createTestDatabase();
  }, 60_000);

  afterAll(async () => {
    await fresh.close();
  });

  const titleOf = async (code: string) =>
    (await fresh.db.selectFrom('diagnosis').select('title_da').where('code', '=', code).executeTakeFirstOrThrow()).title_da;

  it('seeds an empty database, then skips while the reference data and the schema stay the same', async () => {
    expect(await refreshReferenceData(fresh.db, '0001_a')).toBe(true);
    const seeded = await titleOf('DC50');
    expect((await fresh.db.selectFrom('municipality').select('code').execute()).length).toBe(98);

    // Authority data is refreshed by a seed; an edit that survives a refresh proves it was skipped.
    await fresh.db.updateTable('diagnosis').set({ title_da: 'changed locally' }).where('code', '=', 'DC50').execute();
    expect(await refreshReferenceData(fresh.db, '0001_a')).toBe(false);
    expect(await titleOf('DC50')).toBe('changed locally');

    // A new migration seeds again (it may have reshaped a reference table).
    expect(await refreshReferenceData(fresh.db, '0002_b')).toBe(true);
    expect(await titleOf('DC50')).toBe(seeded);
    expect(await refreshReferenceData(fresh.db, '0002_b')).toBe(false);
  });

  it('seeds again when the reference data changes, and the change reaches the database', async () => {
    const rows = referenceRows();
    const changed = { ...rows, diagnosis: rows.diagnosis.map((d) => (d.code === 'DC50' ? { ...d, title_da: 'a new official title' } : d)) };
    expect(referenceDataFingerprint('0002_b', changed)).not.toBe(referenceDataFingerprint('0002_b', rows));
    expect(await refreshReferenceData(fresh.db, '0002_b', changed)).toBe(true);
    expect(await titleOf('DC50')).toBe('a new official title');
    expect(await refreshReferenceData(fresh.db, '0002_b', changed)).toBe(false);
    // Back to this release's data: seeded again.
    expect(await refreshReferenceData(fresh.db, '0002_b')).toBe(true);
    expect(await titleOf('DC50')).not.toBe('a new official title');
  });
});

describe('the sources shown with deadline policies and transport rules', () => {
  const english = /\b(the|and|within|of|after|working days|statutory|from the note|amounts|decision|confidence)\b/i;

  it('are Danish, as the administrator reads them in the Danish UI', async () => {
    const policies = await database.db.selectFrom('deadline_policy').select(['kind', 'source']).execute();
    const rules = await database.db.selectFrom('transport_rule').select(['effective_from', 'source']).execute();
    expect(policies.length).toBeGreaterThan(7);
    expect(rules.length).toBeGreaterThan(3);
    expect([...policies, ...rules].filter((r) => english.test(r.source))).toEqual([]);
  });

  it('are turned Danish on an installation seeded before (migration 0021), leaving a changed source alone', async () => {
    const db = database.db;
    const englishFirstContact = 'Note §8.9, Table 5: first contact within 5 working days of receipt (Bilag H says 10; §8.9 is the default)';
    await db.updateTable('deadline_policy').set({ source: englishFirstContact }).where('kind', '=', 'first_contact').where('effective_from', '=', '2014-01-01').execute();
    await db.updateTable('deadline_policy').set({ source: 'Byrådets beslutning 2015' }).where('kind', '=', 'provider_start').where('effective_from', '=', '2014-01-01').execute();
    const migration = fs.readFileSync(fileURLToPath(new URL('../../platform/database/migrations/0021_danish_sources.sql', import.meta.url)), 'utf8');
    // One statement at a time: a prepared statement holds one command.
    for (const statement of migration.split(/;\n/).map((x) => x.replace(/^--.*$/gm, '').trim()).filter(Boolean)) await sql.raw(statement).execute(db);
    const after = Object.fromEntries((await db.selectFrom('deadline_policy').select(['kind', 'source']).where('effective_from', '=', '2014-01-01').execute()).map((r) => [r.kind, r.source]));
    expect(after['first_contact']).toMatch(/^Samarbejdsnotatet § 8\.9, tabel 5: første kontakt senest 5 hverdage/);
    expect(after['provider_start']).toBe('Byrådets beslutning 2015');
  });
});
