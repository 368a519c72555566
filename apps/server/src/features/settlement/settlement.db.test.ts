import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettlementLine, SettlementStatement } from '@samkraft/contracts/settlement';
import type { Database, Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';

/*
 * The settlement on a fixture whose every amount is computed by hand below: two tariff periods
 * (100 kr a session to 31 March, 120 kr from 1 April, for every provider), a provider's own tariff
 * that beats it (Ballerup 150 kr), a course tariff (500 kr), a citizen of Gladsaxe with two
 * providers (Ballerup and Herlev), a citizen of Ballerup in Gladsaxe, a citizen of Herlev in
 * Herlev (no unit: her own municipality), a no-show and a relative's attendance (no units), Q1
 * settled and locked, then the records of Q1 changed, which comes as correction lines in Q2.
 */

const GLADSAXE = '0159';
const BALLERUP = '0151';
const HERLEV = '0163';
const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const Q2 = { from: '2026-04-01', to: '2026-06-30' };
const Q3 = { from: '2026-07-01', to: '2026-07-10' };

let database: Database;
let app: App;
let coordinator: SignedInClient;
let gladsaxeLead: SignedInClient;
let therapist: SignedInClient;
const id: Record<string, string> = {};

async function aTeam(db: Db, offeringId: string, days: string[]): Promise<{ teamId: string; sessions: Map<string, string> }> {
  const t = await db.insertInto('team').values({ offering_id: offeringId, name: 'Hold', mode: 'rolling', capacity: 12, session_quota: 29, starts_on: '2026-01-05' }).returning('id').executeTakeFirstOrThrow();
  const sessions = new Map<string, string>();
  for (const day of days) {
    const s = await db.insertInto('team_session').values({ team_id: t.id, starts_at: new Date(`${day}T09:00:00Z`), duration_minutes: 60 }).returning('id').executeTakeFirstOrThrow();
    sessions.set(day, s.id);
  }
  return { teamId: t.id, sessions };
}

async function aStartedCrossReferral(db: Db, o: { home: string; provider: string; offeringId: string; startedOn: string }): Promise<{ crossId: string; courseId: string }> {
  const citizenId = await aCitizen(db, { homeMunicipalityCode: o.home });
  const { courseId } = await aReferralWithCourse(db, { citizenId, homeMunicipalityCode: o.home, receivedOn: '2026-01-02' });
  const crossId = await aCrossReferral(db, { courseId, offeringId: o.offeringId, interventionCode: 'trn', providerMunicipalityCode: o.provider, receivedOn: '2026-01-10' });
  await db.updateTable('cross_referral').set({ started_on: o.startedOn, provider_decision: 'accepted' }).where('id', '=', crossId).execute();
  return { crossId, courseId };
}

async function enrol(db: Db, teamId: string, crossId: string): Promise<string> {
  const e = await db.insertInto('enrolment').values({ team_id: teamId, cross_referral_id: crossId, status: 'enrolled', start_on: '2026-01-05', quota: 29 }).returning('id').executeTakeFirstOrThrow();
  return e.id;
}

async function mark(db: Db, team: { teamId: string; sessions: Map<string, string> }, enrolmentId: string, day: string, status: 'attended' | 'no_show'): Promise<void> {
  const sessionId = team.sessions.get(day);
  if (!sessionId) throw new Error(`no session on ${day}`);
  await db.insertInto('attendance').values({ team_session_id: sessionId, enrolment_id: enrolmentId, team_id: team.teamId, status }).execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, GLADSAXE, 'Gladsaxe');
  await aMunicipality(db, BALLERUP, 'Ballerup');
  await aMunicipality(db, HERLEV, 'Herlev');
  await anIntervention(db, 'trn');
  const coordinatorId = await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['coordinator'] });
  const leadId = await aStaffUser(db, { municipalityCode: GLADSAXE, roles: ['municipal_lead'] });
  const therapistId = await aStaffUser(db, { municipalityCode: BALLERUP, roles: ['therapist'] });

  const inBallerup = await anOffering(db, { interventionCode: 'trn', hostMunicipalityCode: BALLERUP });
  const inHerlev = await anOffering(db, { interventionCode: 'trn', hostMunicipalityCode: HERLEV });
  const inGladsaxe = await anOffering(db, { interventionCode: 'trn', hostMunicipalityCode: GLADSAXE });
  const ballerupTeam = await aTeam(db, inBallerup, ['2026-03-24', '2026-03-27', '2026-03-31', '2026-04-07']);
  const herlevTeam = await aTeam(db, inHerlev, ['2026-04-14', '2026-04-21']);
  const gladsaxeTeam = await aTeam(db, inGladsaxe, ['2026-03-26', '2026-03-28', '2026-03-31', '2026-04-02']);
  await db.updateTable('team_session').set({ cancelled: true, cancel_reason: 'Terapeut syg' }).where('id', '=', gladsaxeTeam.sessions.get('2026-03-28') ?? '').execute();

  // Citizen X of Gladsaxe: in Ballerup (started 20 March) and in Herlev (started 10 April).
  const xInBallerup = await aStartedCrossReferral(db, { home: GLADSAXE, provider: BALLERUP, offeringId: inBallerup, startedOn: '2026-03-20' });
  const xBallerupEnrolment = await enrol(db, ballerupTeam.teamId, xInBallerup.crossId);
  await mark(db, ballerupTeam, xBallerupEnrolment, '2026-03-24', 'attended');
  await mark(db, ballerupTeam, xBallerupEnrolment, '2026-03-31', 'attended');
  await mark(db, ballerupTeam, xBallerupEnrolment, '2026-04-07', 'no_show');
  id.xBallerupEnrolment = xBallerupEnrolment;
  id.ballerupTeam = ballerupTeam.teamId;
  id.ballerupLateSession = ballerupTeam.sessions.get('2026-03-27') ?? '';
  const xCitizen = await db.selectFrom('referral').innerJoin('course', 'course.referral_id', 'referral.id').select('referral.citizen_id').where('course.id', '=', xInBallerup.courseId).executeTakeFirstOrThrow();
  const { courseId: xSecondCourse } = await aReferralWithCourse(db, { citizenId: xCitizen.citizen_id, homeMunicipalityCode: GLADSAXE, receivedOn: '2026-04-01' });
  const xInHerlev = await aCrossReferral(db, { courseId: xSecondCourse, offeringId: inHerlev, interventionCode: 'trn', providerMunicipalityCode: HERLEV, receivedOn: '2026-04-02' });
  await db.updateTable('cross_referral').set({ started_on: '2026-04-10', provider_decision: 'accepted' }).where('id', '=', xInHerlev).execute();
  const xHerlevEnrolment = await enrol(db, herlevTeam.teamId, xInHerlev);
  await mark(db, herlevTeam, xHerlevEnrolment, '2026-04-14', 'attended');
  await mark(db, herlevTeam, xHerlevEnrolment, '2026-04-21', 'attended');

  // Citizen Z of Herlev in Herlev: her own municipality, no unit.
  const zInHerlev = await aStartedCrossReferral(db, { home: HERLEV, provider: HERLEV, offeringId: inHerlev, startedOn: '2026-04-10' });
  await mark(db, herlevTeam, await enrol(db, herlevTeam.teamId, zInHerlev.crossId), '2026-04-14', 'attended');

  // Citizen Y of Ballerup in Gladsaxe (started 25 March), with a relative who attends too.
  const yInGladsaxe = await aStartedCrossReferral(db, { home: BALLERUP, provider: GLADSAXE, offeringId: inGladsaxe, startedOn: '2026-03-25' });
  const yEnrolment = await enrol(db, gladsaxeTeam.teamId, yInGladsaxe.crossId);
  for (const day of ['2026-03-26', '2026-03-31', '2026-04-02']) await mark(db, gladsaxeTeam, yEnrolment, day, 'attended');
  id.yEnrolment = yEnrolment;
  id.gladsaxeSession0331 = gladsaxeTeam.sessions.get('2026-03-31') ?? '';
  const relative = await db
    .insertInto('course_relative')
    .values({ course_id: yInGladsaxe.courseId, name: 'Pårørende Test', relation: 'partner', consent_to_participate: true, consent_to_share_with_provider: true, consent_given_on: '2026-03-20', starts_on: '2026-03-20' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('relative_attendance').values({ team_session_id: gladsaxeTeam.sessions.get('2026-03-26') ?? '', course_relative_id: relative.id, enrolment_id: yEnrolment, team_id: gladsaxeTeam.teamId }).execute();

  app = await createTestApp(database, { now: '2026-07-15T10:00:00Z' });
  coordinator = await signIn(app, coordinatorId);
  gladsaxeLead = await signIn(app, leadId);
  therapist = await signIn(app, therapistId);

  // The tariffs, through the API: two periods for every provider, Ballerup's own, and the course.
  const add = async (body: object) => {
    const res = await app.inject({ method: 'POST', url: '/api/settlement/tariffs', headers: coordinator.headers, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ id: string }>().id;
  };
  const base = { interventionCode: 'trn', source: 'agreed', sourceNote: 'Testtakst' };
  id.q1Tariff = await add({ ...base, providerMunicipalityCode: null, unit: 'session', priceKr: 100, validFrom: '2026-01-01', validTo: null });
  const ended = await app.inject({ method: 'POST', url: `/api/settlement/tariffs/${id.q1Tariff}/end`, headers: coordinator.headers, payload: { validTo: '2026-03-31' } });
  expect(ended.statusCode, ended.body).toBe(200);
  await add({ ...base, providerMunicipalityCode: null, unit: 'session', priceKr: 120, validFrom: '2026-04-01', validTo: null });
  await add({ ...base, providerMunicipalityCode: BALLERUP, unit: 'session', priceKr: 150, validFrom: '2026-01-01', validTo: null });
  await add({ ...base, providerMunicipalityCode: null, unit: 'course', priceKr: 500, validFrom: '2026-01-01', validTo: null, source: 'indicative' });
});

afterAll(async () => {
  await app.close();
  await database.close();
});

async function statement(client: SignedInClient, period: { from: string; to: string }, mode: 'cost_neutral' | 'net'): Promise<SettlementStatement> {
  const res = await app.inject({ method: 'GET', url: `/api/settlement/statement?from=${period.from}&to=${period.to}&mode=${mode}`, headers: client.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SettlementStatement>();
}

const line = (provider: string, home: string, unit: 'session' | 'course', units: number, priceKr: number | null, amountKr: number, corrects: { from: string; to: string } | null = null): SettlementLine => ({
  provider,
  home,
  interventionCode: 'trn',
  unit,
  units,
  priceKr,
  amountKr,
  corrects,
});

const balance = (s: SettlementStatement, code: string) => s.municipalities.find((m) => m.code === code);

describe('the settlement', () => {
  it('states Q1 cost-neutral: every line and balance as computed by hand', async () => {
    const s = await statement(coordinator, Q1, 'cost_neutral');
    expect(s.lines).toEqual([
      // Ballerup's own tariff (150) beats the one for all (100): X attended 24 and 31 March.
      line(BALLERUP, GLADSAXE, 'course', 1, 500, 500),
      line(BALLERUP, GLADSAXE, 'session', 2, 150, 300),
      // Y attended 26 and 31 March (28 March was cancelled; the relative is no unit).
      line(GLADSAXE, BALLERUP, 'course', 1, 500, 500),
      line(GLADSAXE, BALLERUP, 'session', 2, 100, 200),
    ]);
    expect(balance(s, BALLERUP)).toEqual({ code: BALLERUP, name: 'Ballerup', deliveredUnits: 3, deliveredKr: 800, receivedUnits: 3, receivedKr: 700, netKr: 100, deviationShare: 0.125 });
    expect(balance(s, GLADSAXE)).toEqual({ code: GLADSAXE, name: 'Gladsaxe', deliveredUnits: 3, deliveredKr: 700, receivedUnits: 3, receivedKr: 800, netKr: -100, deviationShare: 0.125 });
    expect(balance(s, HERLEV)).toMatchObject({ deliveredKr: 0, receivedKr: 0, netKr: 0, deviationShare: null });
    expect(s.pairs).toEqual([]);
    expect(s.locked).toBeNull();
    expect(s.unpricedUnits).toBe(0);
  });

  it('settles Q1 net: Gladsaxe pays Ballerup 100 kr, and the period is locked', async () => {
    const preview = await statement(coordinator, Q1, 'net');
    expect(preview.canLock).toBe(true);
    expect(preview.pairs).toEqual([{ payer: GLADSAXE, payerName: 'Gladsaxe', payee: BALLERUP, payeeName: 'Ballerup', payerReceivedKr: 800, payeeReceivedKr: 700, amountKr: 100 }]);
    const res = await app.inject({ method: 'POST', url: '/api/settlement/settlements', headers: coordinator.headers, payload: Q1 });
    expect(res.statusCode, res.body).toBe(200);
    const locked = res.json<SettlementStatement>();
    expect(locked.locked).not.toBeNull();
    expect(locked.lines).toEqual(preview.lines);
    expect(locked.canLock).toBe(false);
  });

  it('never rewrites a settled period: the database refuses an update or delete of its lines', async () => {
    await expect(sql`update settlement_line set units = units + 1`.execute(database.db)).rejects.toThrow(/never rewritten/);
    await expect(sql`delete from settlement`.execute(database.db)).rejects.toThrow(/never rewritten/);
  });

  it('takes later changes to Q1 as correction lines in Q2, leaving the settled Q1 as it was', async () => {
    const db = database.db;
    // After the lock: a session of 27 March registered late as attended by X in Ballerup (+150),
    // and Y's attendance of 31 March in Gladsaxe corrected to a no-show (−100).
    await db.insertInto('attendance').values({ team_session_id: id.ballerupLateSession ?? '', enrolment_id: id.xBallerupEnrolment ?? '', team_id: id.ballerupTeam ?? '', status: 'attended' }).execute();
    await db.updateTable('attendance').set({ status: 'no_show' }).where('team_session_id', '=', id.gladsaxeSession0331 ?? '').where('enrolment_id', '=', id.yEnrolment ?? '').execute();

    const q1 = await statement(coordinator, Q1, 'net');
    expect(q1.locked).not.toBeNull();
    expect(q1.pairs.map((p) => p.amountKr)).toEqual([100]);

    const s = await statement(coordinator, Q2, 'net');
    expect(s.lines).toEqual([
      // Q2 itself: Y on 2 April at 120; X in Herlev 14 and 21 April at 120 and his course there;
      // X's no-show on 7 April and Z (Herlev's own citizen) are no units.
      line(GLADSAXE, BALLERUP, 'session', 1, 120, 120),
      line(HERLEV, GLADSAXE, 'course', 1, 500, 500),
      line(HERLEV, GLADSAXE, 'session', 2, 120, 240),
      // Corrections of Q1, at Q1's tariffs.
      line(BALLERUP, GLADSAXE, 'session', 1, 150, 150, Q1),
      line(GLADSAXE, BALLERUP, 'session', -1, 100, -100, Q1),
    ]);
    expect(balance(s, BALLERUP)).toMatchObject({ deliveredUnits: 1, deliveredKr: 150, receivedUnits: 0, receivedKr: 20, netKr: 130 });
    expect(balance(s, GLADSAXE)).toMatchObject({ deliveredUnits: 0, deliveredKr: 20, receivedUnits: 4, receivedKr: 890, netKr: -870 });
    expect(balance(s, HERLEV)).toMatchObject({ deliveredUnits: 3, deliveredKr: 740, receivedUnits: 0, receivedKr: 0, netKr: 740, deviationShare: 1 });
    expect(s.pairs).toEqual([
      { payer: GLADSAXE, payerName: 'Gladsaxe', payee: BALLERUP, payeeName: 'Ballerup', payerReceivedKr: 150, payeeReceivedKr: 20, amountKr: 130 },
      { payer: GLADSAXE, payerName: 'Gladsaxe', payee: HERLEV, payeeName: 'Herlev', payerReceivedKr: 740, payeeReceivedKr: 0, amountKr: 740 },
    ]);

    const res = await app.inject({ method: 'POST', url: '/api/settlement/settlements', headers: coordinator.headers, payload: Q2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SettlementStatement>().lines).toEqual(s.lines);
    // Settled in Q2, the corrections do not come again in Q3.
    expect((await statement(coordinator, Q3, 'net')).lines).toEqual([]);
    const list = await app.inject({ method: 'GET', url: '/api/settlement/settlements', headers: coordinator.headers });
    expect(list.json<{ settlements: { from: string; totalKr: number }[] }>().settlements.map((x) => [x.from, x.totalKr])).toEqual([
      [Q1.from, 100],
      [Q2.from, 870],
    ]);
  });

  it('refuses to settle a period again, one before the last, or one not yet ended, naming the field', async () => {
    for (const [payload, field, code] of [
      [Q2, 'from', 'period_settled'],
      [{ from: '2026-06-01', to: '2026-07-05' }, 'from', 'period_settled'],
      [{ from: '2026-07-01', to: '2026-07-31' }, 'to', 'future_date'],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/settlement/settlements', headers: coordinator.headers, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toMatchObject([{ field, code }]);
    }
  });

  it('refuses a tariff that overlaps another of its key, or changes a settled day', async () => {
    const overlap = await app.inject({
      method: 'POST',
      url: '/api/settlement/tariffs',
      headers: coordinator.headers,
      payload: { providerMunicipalityCode: BALLERUP, interventionCode: 'trn', unit: 'session', priceKr: 160, validFrom: '2026-08-01', validTo: null, source: 'agreed', sourceNote: 'Ny' },
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toMatchObject([{ field: 'validFrom', code: 'overlapping_tariff' }]);
    const settledDay = await app.inject({ method: 'POST', url: `/api/settlement/tariffs/${id.q1Tariff}/end`, headers: coordinator.headers, payload: { validTo: '2026-02-28' } });
    expect(settledDay.statusCode).toBe(400);
    expect(settledDay.json<{ error: { fields: { field: string; code: string }[] } }>().error.fields).toMatchObject([{ field: 'validTo', code: 'period_settled' }]);
    const byLead = await app.inject({ method: 'POST', url: '/api/settlement/tariffs', headers: gladsaxeLead.headers, payload: { providerMunicipalityCode: null, interventionCode: 'trn', unit: 'course', priceKr: 1, validFrom: '2027-01-01', validTo: null, source: 'agreed', sourceNote: 'x' } });
    expect(byLead.statusCode).toBe(403);
  });

  it('shows a lead only their own municipality, refuses other roles, and audits every statement', async () => {
    const s = await statement(gladsaxeLead, Q2, 'net');
    expect(s.municipalities.map((m) => m.code)).toEqual([GLADSAXE]);
    expect(s.lines.every((l) => l.provider === GLADSAXE || l.home === GLADSAXE)).toBe(true);
    expect(s.canLock).toBe(false);
    const refused = await app.inject({ method: 'GET', url: `/api/settlement/statement?from=${Q2.from}&to=${Q2.to}&mode=net`, headers: therapist.headers });
    expect(refused.statusCode).toBe(403);
    const lock = await app.inject({ method: 'POST', url: '/api/settlement/settlements', headers: gladsaxeLead.headers, payload: Q3 });
    expect(lock.statusCode).toBe(403);
    const events = await database.db.selectFrom('audit_event').select(['action', 'outcome']).where('action', 'like', 'settlement.%').execute();
    const count = (action: string, outcome: string) => events.filter((e) => e.action === action && e.outcome === outcome).length;
    expect(count('settlement.statement.read', 'allowed')).toBeGreaterThanOrEqual(6);
    expect(count('settlement.statement.read', 'denied')).toBe(1);
    expect(count('settlement.lock', 'allowed')).toBe(2);
    expect(count('settlement.lock', 'denied')).toBe(1);
    expect(count('settlement.tariff.create', 'allowed')).toBe(4);
    expect(count('settlement.tariff.create', 'denied')).toBe(1);
    expect(count('settlement.tariff.end', 'allowed')).toBe(1);
  });

  it('exports the statement as PDF and XLSX, audited as an export', async () => {
    for (const format of ['pdf', 'xlsx'] as const) {
      const res = await app.inject({ method: 'GET', url: `/api/settlement/statement/file?from=${Q2.from}&to=${Q2.to}&mode=net&format=${format}`, headers: coordinator.headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`afregning-2026-04-01-2026-06-30.${format}`);
      expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
    }
    const exports = await database.db.selectFrom('audit_event').select('action').where('action', '=', 'settlement.statement.export').execute();
    expect(exports).toHaveLength(2);
  });
});
