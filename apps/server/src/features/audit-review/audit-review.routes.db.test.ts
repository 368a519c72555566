import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReviewAlerts, AuditReviewPage } from '@samkraft/contracts/audit-review';
import type { Role } from '@samkraft/contracts/common';
import { danishDate } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { aCitizen, aCrossReferral, aMunicipality, anIntervention, anOffering, aReferralWithCourse, aStaffUser } from '../../test-support/factories.ts';
import { createTestApp, signIn, type SignedInClient } from '../../test-support/test-app.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { publicHolidays } from '../calendar/calendar.rules.ts';
import { DEFAULT_THRESHOLDS, isOutsideWorkingHours } from './audit-review.rules.ts';

// Official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json), never invented.
const EINER = '0201609995';
const LONNI = '0201609996';

let database: Database;
let app: App;
const ids = {} as Record<'auditor' | 'ballerupAuditor' | 'karen' | 'snoop' | 'bo' | 'einer' | 'lonni' | 'ballerupCitizen' | 'providedCitizen', string>;
const clients = new Map<string, SignedInClient>();
const ballerupCitizens: string[] = [];
let einerCourse = '';

/** A crafted event at a chosen instant (the test database's user may set `at`; the server's role cannot rewrite). */
async function anEvent(o: { userId: string; municipality: string; roles: Role[]; citizenId: string | null; action: string; at: string; outcome?: 'allowed' | 'denied'; purpose?: string }): Promise<void> {
  await database.db
    .insertInto('audit_event')
    .values({
      at: new Date(o.at),
      actor_user_id: o.userId,
      actor_label: `user-${o.userId.slice(0, 6)}`,
      actor_municipality: o.municipality,
      actor_roles: o.roles,
      action: o.action,
      citizen_id: o.citizenId,
      entity_type: o.citizenId ? 'citizen' : null,
      entity_id: o.citizenId,
      outcome: o.outcome ?? 'allowed',
      purpose: o.purpose ?? null,
    })
    .execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await aMunicipality(db, '0159', 'Gladsaxe');
  await aMunicipality(db, '0151', 'Ballerup');
  ids.auditor = await aStaffUser(db, { municipalityCode: '0159', roles: ['auditor'], displayName: 'Tove Tilsyn' });
  ids.ballerupAuditor = await aStaffUser(db, { municipalityCode: '0151', roles: ['auditor'], displayName: 'Bent Tilsyn' });
  ids.karen = await aStaffUser(db, { municipalityCode: '0159', roles: ['contact_person'], displayName: 'Karen Kontakt' });
  ids.snoop = await aStaffUser(db, { municipalityCode: '0159', roles: ['therapist'], displayName: 'Sune Snager' });
  ids.bo = await aStaffUser(db, { municipalityCode: '0151', roles: ['municipal_lead'], displayName: 'Bo Ballerup' });
  ids.einer = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: EINER, givenName: 'Einer Test', familyName: 'Lauridsen', sex: 'M', birthDate: '1960-01-02' });
  ids.lonni = await aCitizen(db, { homeMunicipalityCode: '0159', cpr: LONNI, givenName: 'Lonni Test', familyName: 'Lauridsen', sex: 'F', birthDate: '1960-01-02' });
  ids.ballerupCitizen = await aCitizen(db, { homeMunicipalityCode: '0151', givenName: 'Bodil', familyName: 'Ballerupborger' });
  einerCourse = (await aReferralWithCourse(db, { citizenId: ids.einer, homeMunicipalityCode: '0159', contactPersonId: ids.karen })).courseId;
  // A Ballerup citizen referred to a Gladsaxe team: the snoop's own through the team enrolment.
  ids.providedCitizen = await aCitizen(db, { homeMunicipalityCode: '0151', givenName: 'Pia', familyName: 'Provideret' });
  const provided = await aReferralWithCourse(db, { citizenId: ids.providedCitizen, homeMunicipalityCode: '0151' });
  await anIntervention(db, 'audit_training');
  const offeringId = await anOffering(db, { interventionCode: 'audit_training', hostMunicipalityCode: '0159' });
  await aCrossReferral(db, { courseId: provided.courseId, offeringId, providerMunicipalityCode: '0159', interventionCode: 'audit_training' });
  for (let i = 0; i < 5; i++) ballerupCitizens.push(await aCitizen(db, { homeMunicipalityCode: '0151', givenName: `Borger${i}`, familyName: 'Ballerup' }));

  const gladsaxe = (userId: string, roles: Role[]) => ({ userId, municipality: '0159', roles });
  // Week of Monday 2 November 2026 (CET, UTC+1).
  await anEvent({ ...gladsaxe(ids.karen, ['contact_person']), citizenId: ids.einer, action: 'course.read', at: '2026-11-03T09:00:00Z' });
  await anEvent({ ...gladsaxe(ids.karen, ['contact_person']), citizenId: ids.lonni, action: 'citizen.read', at: '2026-11-03T09:05:00Z' });
  await anEvent({ ...gladsaxe(ids.karen, ['contact_person']), citizenId: ids.einer, action: 'course.close', at: '2026-11-03T09:10:00Z' });
  await anEvent({ ...gladsaxe(ids.karen, ['contact_person']), citizenId: ids.lonni, action: 'course.read', at: '2026-11-03T09:15:00Z', outcome: 'denied' });
  // Ballerup's lead reads a Gladsaxe citizen (in Gladsaxe's scope) and a Ballerup citizen (not).
  await anEvent({ userId: ids.bo, municipality: '0151', roles: ['municipal_lead'], citizenId: ids.lonni, action: 'course.read', at: '2026-11-04T10:00:00Z' });
  await anEvent({ userId: ids.bo, municipality: '0151', roles: ['municipal_lead'], citizenId: ids.ballerupCitizen, action: 'course.read', at: '2026-11-04T10:01:00Z' });
  // The snoop: five Ballerup citizens who are not theirs, on a Tuesday at 10, one of them again on Saturday;
  // the team's citizen (theirs); and reads at the edges of the working day.
  for (const [i, c] of ballerupCitizens.entries()) await anEvent({ ...gladsaxe(ids.snoop, ['therapist']), citizenId: c, action: 'citizen.read', at: `2026-11-03T09:0${i}:00Z` });
  await anEvent({ ...gladsaxe(ids.snoop, ['therapist']), citizenId: ballerupCitizens[0]!, action: 'course.read', at: '2026-11-07T12:00:00Z' });
  await anEvent({ ...gladsaxe(ids.snoop, ['therapist']), citizenId: ids.providedCitizen, action: 'team.read', at: '2026-11-03T05:59:00Z' }); // 06:59 CET: outside
  await anEvent({ ...gladsaxe(ids.snoop, ['therapist']), citizenId: ids.providedCitizen, action: 'team.read', at: '2026-11-03T06:00:00Z' }); // 07:00: inside
  await anEvent({ ...gladsaxe(ids.snoop, ['therapist']), citizenId: ids.providedCitizen, action: 'team.read', at: '2026-11-03T16:59:00Z' }); // 17:59: inside
  await anEvent({ ...gladsaxe(ids.snoop, ['therapist']), citizenId: ids.providedCitizen, action: 'team.read', at: '2026-11-03T17:00:00Z' }); // 18:00: outside
  // Karen on Christmas Day (a Friday, a public holiday), at 11 — her own citizen.
  await anEvent({ ...gladsaxe(ids.karen, ['contact_person']), citizenId: ids.einer, action: 'course.read', at: '2026-12-25T10:00:00Z' });

  app = await createTestApp(database);
  for (const [name, id] of Object.entries(ids)) if (['auditor', 'ballerupAuditor', 'karen', 'bo'].includes(name)) clients.set(name, await signIn(app, id));
  for (const role of ['coordinator', 'administrator', 'municipal_lead'] as const) clients.set(role, await signIn(app, await aStaffUser(db, { municipalityCode: '0159', roles: [role] })));
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: clients.get(who)!.headers });
const events = async (who: string, query: string) => {
  const res = await get(who, `/api/audit-review/events?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AuditReviewPage>();
};
const NOVEMBER_WEEK = 'from=2026-11-02&to=2026-11-08';

describe('Tilsyn med adgang: who may read the audit log', () => {
  it('refuses every other role — the coordinator and the administrator too — and audits the refusal', async () => {
    for (const who of ['karen', 'coordinator', 'administrator', 'municipal_lead']) {
      for (const url of ['/api/audit-review/events', '/api/audit-review/events/export?format=csv', '/api/audit-review/alerts?from=2026-11-01&to=2026-11-30']) {
        expect((await get(who, url)).statusCode, `${who} ${url}`).toBe(403);
      }
      const lookup = await app.inject({ method: 'POST', url: '/api/audit-review/citizen-lookup', headers: clients.get(who)!.headers, payload: { cpr: EINER } });
      expect(lookup.statusCode).toBe(403);
    }
    const denied = await database.db.selectFrom('audit_event').select(['action']).where('actor_user_id', '=', ids.karen).where('outcome', '=', 'denied').where('action', 'like', 'audit_review.%').execute();
    expect(denied.map((d) => d.action).sort()).toEqual(['audit_review.alerts', 'audit_review.citizen_lookup', 'audit_review.export', 'audit_review.read']);
  });

  it('gives the auditor no citizen record: not the course, the citizen, the search or the worklist', async () => {
    expect((await get('auditor', `/api/courses/${einerCourse}`)).statusCode).toBe(403);
    expect((await get('auditor', `/api/citizens/${ids.einer}`)).statusCode).toBe(403);
    expect((await get('auditor', '/api/worklist')).statusCode).toBe(403);
    const search = await app.inject({ method: 'POST', url: '/api/citizens/search', headers: clients.get('auditor')!.headers, payload: { query: 'Lauridsen' } });
    expect(search.statusCode).toBe(403);
  });

  it("shows the auditor their municipality's events — by its staff, or about its citizens — and nothing else", async () => {
    const page = await events('auditor', `${NOVEMBER_WEEK}&limit=200`);
    const about = (id: string) => page.events.filter((e) => e.citizen?.id === id);
    expect(about(ids.lonni).some((e) => e.who.name === 'Bo Ballerup')).toBe(true); // another municipality's user, our citizen
    expect(about(ids.ballerupCitizen)).toEqual([]); // another municipality's user, its own citizen
    expect(about(ballerupCitizens[0]!).length).toBe(2); // our user, another municipality's citizen
    const ballerup = await events('ballerupAuditor', `${NOVEMBER_WEEK}&limit=200`);
    expect(ballerup.events.some((e) => e.citizen?.id === ids.einer)).toBe(false);
    expect(ballerup.events.some((e) => e.citizen?.id === ids.ballerupCitizen)).toBe(true);
    expect(ballerup.events.some((e) => e.citizen?.id === ids.lonni && e.who.name === 'Bo Ballerup')).toBe(true);
  });

  it('words who, what and why, as the access log does, and a change as a change', async () => {
    const page = await events('auditor', `${NOVEMBER_WEEK}&userId=${ids.karen}`);
    expect(page.events.map((e) => e.action)).toEqual(['course.read', 'course.close', 'citizen.read', 'course.read']);
    expect(page.events[3]).toMatchObject({
      who: { kind: 'staff', userId: ids.karen, name: 'Karen Kontakt', municipality: { code: '0159', name: 'Gladsaxe' }, roles: [{ da: 'kontaktperson' }] },
      kind: 'read',
      what: { da: 'dit forløb' },
      why: { da: 'behandling af dit forløb' },
      outcome: 'allowed',
      citizen: { id: ids.einer, name: 'Einer Test Lauridsen' },
    });
    expect(page.events[1]).toMatchObject({ kind: 'write', what: { da: 'ændring: course.close' } });
  });
});

describe('filters and paging', () => {
  it('finds a citizen by CPR (in the body) only in the own municipality, and filters by them', async () => {
    const lookup = (who: string, cpr: string) => app.inject({ method: 'POST', url: '/api/audit-review/citizen-lookup', headers: clients.get(who)!.headers, payload: { cpr } });
    const found = await lookup('auditor', '020160-9995');
    expect(found.json()).toEqual({ citizen: { id: ids.einer, name: 'Einer Test Lauridsen' } });
    expect((await lookup('ballerupAuditor', EINER)).json()).toEqual({ citizen: null });
    expect((await lookup('auditor', 'not a cpr')).statusCode).toBe(400);
    const page = await events('auditor', `${NOVEMBER_WEEK}&citizenId=${ids.einer}`);
    expect(page.events.map((e) => [e.action, e.citizen?.id])).toEqual([
      ['course.close', ids.einer],
      ['course.read', ids.einer],
    ]);
  });

  it('filters by action, outcome and period (Danish days, the last included)', async () => {
    expect((await events('auditor', `${NOVEMBER_WEEK}&outcome=denied`)).events.map((e) => [e.action, e.citizen?.id])).toEqual([['course.read', ids.lonni]]);
    const teamReads = await events('auditor', `${NOVEMBER_WEEK}&action=team.read`);
    expect(teamReads.events).toHaveLength(4);
    // Saturday 7 November in Denmark only: the snoop's one weekend read.
    expect((await events('auditor', 'from=2026-11-07&to=2026-11-07')).events.map((e) => e.at)).toEqual(['2026-11-07T12:00:00.000Z']);
    expect((await get('auditor', '/api/audit-review/events?from=2026-11-08&to=2026-11-02')).statusCode).toBe(400);
    expect((await get('auditor', '/api/audit-review/events?action=DROP')).statusCode).toBe(400);
  });

  it('pages by cursor, newest first, without a gap or a repeat', async () => {
    const all = (await events('auditor', `${NOVEMBER_WEEK}&limit=200`)).events.map((e) => e.id);
    const paged: string[] = [];
    let next: string | null = null;
    do {
      const page: AuditReviewPage = await events('auditor', `${NOVEMBER_WEEK}&limit=3${next ? `&before=${next}` : ''}`);
      paged.push(...page.events.map((e) => e.id));
      next = page.next;
    } while (next);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(10);
  });

  it("audits the auditor's read: the read with its filters, and each citizen shown, so the citizen's own log says so", async () => {
    await events('auditor', `${NOVEMBER_WEEK}&citizenId=${ids.lonni}`);
    const rows = await database.db
      .selectFrom('audit_event')
      .select(['action', 'citizen_id', 'purpose', 'detail'])
      .where('actor_user_id', '=', ids.auditor)
      .where('action', '=', 'audit_review.read')
      .where('citizen_id', '=', ids.lonni)
      .execute();
    expect(rows.at(-1)).toMatchObject({ purpose: 'audit_review', detail: expect.objectContaining({ citizenId: ids.lonni, from: '2026-11-02', to: '2026-11-08' }) });
  });
});

describe('export', () => {
  it('gives the filtered events as CSV in Danish words and Danish time, and as XLSX, and audits it', async () => {
    const csv = await get('auditor', `/api/audit-review/events/export?format=csv&${NOVEMBER_WEEK}&userId=${ids.karen}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Tidspunkt (dansk tid);Bruger;Brugernavn;Kommune;Roller;Handling;Hvad;Hvorfor;Borger;Udfald;Post;Hændelse nr.');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/^2026-11-03 10:00:00;Karen Kontakt;[^;]*;Gladsaxe;kontaktperson;course\.read;dit forløb;behandling af dit forløb;Einer Test Lauridsen;tilladt;citizen /);
    const xlsx = await get('auditor', `/api/audit-review/events/export?format=xlsx&${NOVEMBER_WEEK}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const { default: excel } = await import('exceljs');
    const wb = new excel.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Adgangslog')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Tidspunkt (dansk tid)');
    expect(sheet.rowCount).toBeGreaterThan(10);
    const audited = await database.db.selectFrom('audit_event').select('detail').where('actor_user_id', '=', ids.auditor).where('action', '=', 'audit_review.export').where('citizen_id', 'is', null).execute();
    expect(audited.length).toBe(2);
    expect((await get('auditor', '/api/audit-review/events/export?format=pdf')).statusCode).toBe(400);
  });
});

describe('unusual reads', () => {
  const alerts = async (query: string) => {
    const res = await get('auditor', `/api/audit-review/alerts?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AuditReviewAlerts>();
  };

  it('flags a user reading many citizens few of whom are theirs, and reads outside working hours — the same as the pure rule', async () => {
    const r = await alerts(`${NOVEMBER_WEEK}&minCitizens=3&maxOwnPercent=50`);
    expect(r.alerts.map((a) => [a.user.name, a.reasons, a.citizens, a.ownCitizens, a.reads, a.outsideHours])).toEqual([['Sune Snager', ['many_not_own', 'outside_hours'], 6, 1, 10, 3]]);
    // The SQL's count of hours outside agrees with isOutsideWorkingHours on the same instants.
    const snoopAts = await database.db.selectFrom('audit_event').select('at').where('actor_user_id', '=', ids.snoop).execute();
    const holidays = new Set(publicHolidays(2026).keys());
    expect(snoopAts.filter((e) => isOutsideWorkingHours(new Date(e.at), holidays, DEFAULT_THRESHOLDS)).length).toBe(3);
  });

  it("counts a read once when it is both by the municipality's staff and of its citizen, and another municipality's read only when it is of its citizen", async () => {
    // Every user with a read is flagged at these thresholds, so every user's counts are shown.
    const r = await alerts(`${NOVEMBER_WEEK}&minCitizens=1&maxOwnPercent=100`);
    const counts = r.alerts.map((a) => [a.user.name, a.reads, a.citizens, a.ownCitizens, a.outsideHours]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(counts).toEqual([
      // Bo's read of Lonni (a Gladsaxe citizen) only; his read of a Ballerup citizen is not Gladsaxe's.
      ['Bo Ballerup', 1, 1, 0, 0],
      // Karen's two allowed reads, each by Gladsaxe's staff of Gladsaxe's citizen: once each (the close is no read, the refusal not counted).
      ['Karen Kontakt', 2, 2, 1, 0],
      ['Sune Snager', 10, 6, 1, 3],
    ]);
  });

  it("counts a read on a Danish public holiday as outside working hours, and a municipality's course as the user's own", async () => {
    const r = await alerts('from=2026-12-24&to=2026-12-27');
    expect(r.alerts.map((a) => [a.user.name, a.reasons, a.citizens, a.ownCitizens, a.outsideHours])).toEqual([['Karen Kontakt', ['outside_hours'], 1, 1, 1]]);
  });

  it('takes its thresholds and working hours from the request, and refuses a period over a year', async () => {
    expect((await alerts(`${NOVEMBER_WEEK}&minCitizens=7`)).alerts.map((a) => a.reasons)).toEqual([['outside_hours']]);
    expect((await alerts(`${NOVEMBER_WEEK}&minCitizens=100&workStartHour=6&workEndHour=19`)).alerts.map((a) => a.outsideHours)).toEqual([1]);
    expect((await get('auditor', '/api/audit-review/alerts?from=2026-01-01&to=2026-12-31')).statusCode).toBe(200);
    expect((await get('auditor', '/api/audit-review/alerts?from=2025-12-30&to=2026-12-31')).statusCode).toBe(400);
    expect((await get('auditor', '/api/audit-review/alerts?from=2026-11-01&to=2026-11-30&workStartHour=18&workEndHour=7')).statusCode).toBe(400);
    // The review's own reads of the log (today, per citizen shown) are never an alert.
    const today = danishDate(new Date());
    const own = await alerts(`from=${today}&to=${today}&minCitizens=1&maxOwnPercent=100`);
    expect(own.alerts.map((a) => a.user.name)).not.toContain('Tove Tilsyn');
    const audited = await database.db.selectFrom('audit_event').select('action').where('actor_user_id', '=', ids.auditor).where('action', '=', 'audit_review.alerts').execute();
    expect(audited.length).toBeGreaterThanOrEqual(4);
  });
});
