import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aMunicipality, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

let database: Database;
let app: App;
const c: Record<string, SignedInClient> = {};
const ids: Record<string, string> = {};

/** Livskraft as the note describes it: a cohort, 7 sessions weekly, follow-up after 8 weeks. */
const livskraft = {
  nameDa: 'Livskraft – hverdagen med kræft',
  nameEn: 'Livskraft',
  category: 'patient_education',
  form: 'team',
  teamMode: 'cohort',
  descriptionDa: null,
  purposeDa: null,
  targetSex: null,
  targetMinAge: 18,
  targetMaxAge: null,
  targetDiagnoses: null,
  targetTreatment: ['treatment_ended', 'late_effects'],
  targetTextDa: 'Alle diagnoser',
  legalBases: ['SUL119'],
  professions: ['nurse', 'physiotherapist'],
  mixedDiagnoses: false,
  crossMunicipal: true,
  expectedPerYear: 677,
  cohortFollowUpWeeks: 8,
  active: true,
  dose: [{ part: 'teaching', profession: null, sessions: 7, upTo: false, perWeek: 1, minutes: 150 }],
};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await db.insertInto('diagnosis').values([{ code: 'DC50', title_da: 'Brystkræft' }, { code: 'DC01', title_da: 'Kræft i tungens basis' }, { code: 'DC02', title_da: 'Kræft i tungen' }]).execute();
  ids.admin = await aStaffUser(db, { municipalityCode: '0159', roles: ['administrator'] });
  ids.contact = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'] });
  app = await createTestApp(database, { now: '2026-11-22T10:00:00Z' });
  c.admin = await signIn(app, ids.admin);
  c.contact = await signIn(app, ids.contact);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (who: string, payload: unknown) => app.inject({ method: 'POST', url: '/api/catalogue/interventions', headers: c[who]!.headers, payload: payload as Record<string, unknown> });
const put = (who: string, code: string, payload: unknown) => app.inject({ method: 'PUT', url: `/api/catalogue/interventions/${code}`, headers: c[who]!.headers, payload: payload as Record<string, unknown> });
const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: c[who]!.headers });
const audits = (action: string) => database.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute();
const fieldsOf = (body: { error: { fields: { field: string; code: string }[] } }) => body.error.fields.map((f) => [f.field, f.code]);

describe('intervention editing', () => {
  it('refuses a contact person creating an intervention, audited, nothing stored', async () => {
    const res = await post('contact', { ...livskraft, code: 'livskraft' });
    expect(res.statusCode).toBe(403);
    expect((await audits('catalogue.intervention.create')).map((e) => [e.outcome, e.actor_user_id])).toEqual([['denied', ids.contact]]);
    expect(await database.db.selectFrom('intervention').select('code').execute()).toEqual([]);
  });

  it('lets an administrator create a new code with its dose, audited', async () => {
    const res = await post('admin', { ...livskraft, code: 'livskraft' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'livskraft', teamMode: 'cohort', cohortFollowUpWeeks: 8, targetMinAge: 18, dose: [{ part: 'teaching', sessions: 7, perWeek: 1, minutes: 150 }] });
    expect((await audits('catalogue.intervention.create')).map((e) => e.outcome)).toEqual(['denied', 'allowed']);
    expect((await post('admin', { ...livskraft, code: 'livskraft' })).json().error.fields[0]).toMatchObject({ field: 'code', code: 'taken' });
  });

  it('shows the catalogue to all staff, a retired intervention only when asked', async () => {
    expect((await get('contact', '/api/catalogue/interventions')).json().map((i: { code: string }) => i.code)).toEqual(['livskraft']);
    expect((await get('contact', '/api/catalogue/interventions/livskraft')).json()).toMatchObject({ legalBases: ['SUL119'], targetTreatment: ['treatment_ended', 'late_effects'] });
    expect((await get('contact', '/api/catalogue/interventions/nope')).statusCode).toBe(404);
  });

  it.each([
    [{ targetMinAge: 40, targetMaxAge: 39 }, [['targetMaxAge', 'below_min_age']]],
    [{ dose: [{ ...livskraft.dose[0], sessions: 0 }] }, [['dose[0].sessions', 'too_small']]],
    [{ dose: [{ ...livskraft.dose[0], minutes: -5 }] }, [['dose[0].minutes', 'too_small']]],
    [{ dose: [livskraft.dose[0], livskraft.dose[0]] }, [['dose[1].part', 'duplicate']]],
    [{ targetDiagnoses: ['DC50', 'DC99'] }, [['targetDiagnoses[1]', 'unknown_diagnosis']]],
    [{ teamMode: null }, [['teamMode', 'team_mode_required'], ['cohortFollowUpWeeks', 'cohort_only']]],
    [{ teamMode: 'rolling' }, [['cohortFollowUpWeeks', 'cohort_only']]],
    [{ legalBases: ['SUL999'] }, [['legalBases[0]', 'invalid_value']]],
    [{ targetSex: 'X' }, [['targetSex', 'invalid_value']]],
    [{ seats: 4 }, [['seats', 'unknown_field']]],
  ])('names the bad field of %j and changes nothing', async (change, expected) => {
    const res = await put('admin', 'livskraft', { ...livskraft, ...change });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res.json())).toEqual(expected);
    expect((await get('admin', '/api/catalogue/interventions/livskraft')).json()).toMatchObject({ targetMinAge: 18, dose: [{ sessions: 7, minutes: 150 }] });
  });

  it('replaces target rules and dose parts (HHK: three parts), audited with old and new values', async () => {
    const hhkDose = [
      { part: 'ot', profession: 'occupational_therapist', sessions: 30, upTo: true, perWeek: null, minutes: 60 },
      { part: 'pt', profession: 'physiotherapist', sessions: 15, upTo: true, perWeek: null, minutes: 60 },
      { part: 'diet', profession: 'dietitian', sessions: 5, upTo: true, perWeek: null, minutes: 60 },
    ];
    const res = await put('admin', 'livskraft', { ...livskraft, targetMinAge: 20, targetMaxAge: 80, targetDiagnoses: ['dc01', 'DC0', 'DC01'], dose: hhkDose });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ targetMinAge: 20, targetMaxAge: 80, targetDiagnoses: ['DC01', 'DC0'] });
    expect(res.json().dose.map((d: { part: string; sessions: number }) => [d.part, d.sessions])).toEqual([['diet', 5], ['ot', 30], ['pt', 15]]);
    const ok = (await audits('catalogue.intervention.update')).filter((e) => e.outcome === 'allowed');
    expect(ok).toHaveLength(1);
    expect(Object.keys(ok[0]!.detail as object).sort()).toEqual(['dose', 'targetDiagnoses', 'targetMaxAge', 'targetMinAge']);
    expect(ok[0]!.detail).toMatchObject({ targetMinAge: { from: 18, to: 20 } });
  });

  it('refuses a contact person editing, audited, and retires for administrators', async () => {
    expect((await put('contact', 'livskraft', { ...livskraft, active: false })).statusCode).toBe(403);
    expect((await audits('catalogue.intervention.update')).filter((e) => e.outcome === 'denied').map((e) => e.actor_user_id)).toEqual([ids.contact]);
    expect((await put('admin', 'livskraft', { ...livskraft, active: false })).statusCode).toBe(200);
    expect((await get('contact', '/api/catalogue/interventions')).json()).toEqual([]);
    expect((await get('contact', '/api/catalogue/interventions?retired=include')).json()).toEqual([expect.objectContaining({ code: 'livskraft', active: false })]);
    expect((await put('admin', 'nope', livskraft)).statusCode).toBe(404);
  });
});
