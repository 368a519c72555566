import { beforeAll, describe, expect, it } from 'vitest';
import type { CitizenDetail } from '@samkraft/contracts/citizens';
import type { ClosingOverview } from '@samkraft/contracts/closings';
import type { StatusNote } from '@samkraft/contracts/status-notes';
import { dEcprSystems, identifierSystem } from '@samkraft/contracts/identifiers';
import { loadR4Validators, validateBaseR4 } from '../../platform/fhir/r4-validation.ts';
import type { ReferralAttendance } from '../teams/referral-attendance.service.ts';
import { auditActionCode, toAuditEvent } from './audit-event.mapper.ts';
import { toClosingNoteCommunication, toClosingQuestionnaire, type CourseFacts } from './course.mapper.ts';
import { toCrossGoals, toCrossServiceRequest, toSharedAssessment, toSharedPlan, toTask, type CrossView } from './cross-referral.mapper.ts';
import { system } from './fhir-codes.ts';
import { toMunicipalityOrganization, toOrganization } from './organization.mapper.ts';
import { patientIdentifier, toPatient } from './patient.mapper.ts';
import { toStatusNoteCommunications } from './status-note.mapper.ts';
import { toAppointments, toEncounters } from './team-session.mapper.ts';

/* The mappers on the cases the demo data does not reach: every resource they make is valid R4. */

const C = '3f0b2c1e-0000-4000-8000-000000000001';
const K = '3f0b2c1e-0000-4000-8000-000000000002';
const X = '3f0b2c1e-0000-4000-8000-000000000003';

beforeAll(() => loadR4Validators(), 60_000);

const valid = async (r: { resourceType: string; id: string } | null) => {
  expect(r).not.toBeNull();
  expect(await validateBaseR4(r), `${r?.resourceType}/${r?.id}`).toEqual([]);
};

const citizen = (o: Partial<CitizenDetail> = {}): CitizenDetail => ({
  id: C,
  identifier: '250947-9989',
  name: 'Bruno Test Elmer',
  givenName: 'Bruno Test',
  familyName: 'Elmer',
  sex: 'M',
  birthDate: '1947-09-25',
  homeMunicipality: { code: '0159', name: 'Gladsaxe' },
  address: 'Testvej 1, 2860 Søborg',
  protected: false,
  deceasedOn: null,
  vulnerable: false,
  synthetic: false,
  gp: { id: K, name: 'Lægehuset', ydernummer: '079741', sorCode: null, address: null, phone: null },
  courses: [],
  ...o,
});

describe('Patient', () => {
  it('names the citizen by CPR, X-eCPR, D-eCPR, another replacement form, or a pseudonym', async () => {
    expect(patientIdentifier('250947-9989')).toEqual({ use: 'official', system: identifierSystem.cpr, value: '2509479989' });
    expect(patientIdentifier('070392-1VJ4')).toEqual({ use: 'temp', system: identifierSystem.xEcpr, value: '0703921VJ4' });
    expect(patientIdentifier('010180-5AB1')).toEqual({ use: 'temp', system: dEcprSystems[0], value: '0101805AB1' });
    expect(patientIdentifier('010180-AB12')).toEqual({ use: 'temp', system: system.replacementCpr, value: '010180AB12' });
    expect(patientIdentifier('P-3f0b2c1e-000')).toEqual({ use: 'secondary', system: system.pseudonym, value: 'P-3f0b2c1e-000' });
  });

  it('is valid for the home municipality, a provider, a protected, a deceased and an unnamed citizen', async () => {
    const home = toPatient(citizen());
    await valid(home);
    expect(home).toMatchObject({ name: [{ family: 'Elmer', given: ['Bruno', 'Test'] }], address: [{ text: 'Testvej 1, 2860 Søborg' }], generalPractitioner: [{ reference: `Organization/${K}` }] });
    const provider = toPatient(citizen({ address: null, gp: null, identifier: '070392-1VJ4' }));
    await valid(provider);
    expect(provider.address).toBeUndefined();
    expect(provider.generalPractitioner).toBeUndefined();
    await valid(toPatient(citizen({ protected: true, address: null, deceasedOn: '2026-01-02', sex: 'F' })));
    const unnamed = toPatient(citizen({ name: '', givenName: '', familyName: '', identifier: 'P-3f0b2c1e-000' }));
    await valid(unnamed);
    expect(unnamed.name).toBeUndefined();
  });

  it('escapes what it writes in the narrative', async () => {
    const p = toPatient(citizen({ name: 'A <script>x</script> & B', givenName: 'A', familyName: '<b>' }));
    await valid(p);
    expect(p.text.div).toContain('A &lt;script&gt;x&lt;/script&gt; &amp; B');
  });
});

describe('Organization', () => {
  it('carries SOR and ydernummer, and a municipality its DK-core code', async () => {
    const o = toOrganization({ id: K, kind: 'gp_clinic', name: 'Lægehuset', parentName: null, ydernummer: '079741', sorCode: '12345678901', address: 'Vej 1', addressable: false });
    await valid(o);
    expect(o.identifier).toEqual([
      { use: 'official', system: identifierSystem.sor, value: '12345678901' },
      { use: 'official', system: identifierSystem.ydernummer, value: '079741' },
    ]);
    await valid(toOrganization({ id: K, kind: 'hospital_department', name: 'Onkologisk afdeling', parentName: 'Herlev Hospital', ydernummer: null, sorCode: null, address: null, addressable: false }));
    const m = toMunicipalityOrganization({ code: '0159', name: 'Gladsaxe' });
    await valid(m);
    expect(m).toMatchObject({ id: 'municipality-0159', name: 'Gladsaxe Kommune', identifier: [{ system: identifierSystem.municipality, value: '0159' }] });
  });
});

const view = (o: Partial<CrossView> = {}): CrossView => ({
  side: 'provider',
  id: X,
  kind: 'cross_municipal',
  citizen: { id: C, name: 'Bruno Test Elmer' },
  home: { code: '0159', name: 'Gladsaxe' },
  provider: { code: '0157', name: null },
  interventionName: 'Træning',
  placeName: 'Træningscenter',
  consentOn: null,
  sentAt: '2026-03-01T08:30:00.000Z',
  receivedOn: '2026-03-01',
  providerDecision: null,
  providerDecisionReason: null,
  providerContactOn: null,
  startedOn: null,
  endedOn: null,
  citizenDeclined: false,
  snapshot: {
    intervention: { code: 'x', name: 'Træning' },
    placeName: 'Træningscenter',
    plan: {
      version: 2,
      agreedOn: '2026-02-20',
      difficultiesAndNeeds: 'Træthed',
      purposeAndContent: 'Træning',
      location: 'Centret',
      otherAdministrations: null,
      returnToWork: 'Gradvist',
      goals: [{ description: 'Gå 30 minutter', targetOn: '2026-06-01' }, { description: 'Cykle', targetOn: null }],
      responsibilities: [{ part: 'Træning', responsible: 'Centret' }],
    },
    assessment: { assessedOn: '2026-02-10', problems: [{ itemCode: 'physical.fatigue', area: 'physical', label: 'Træthed', note: 'om eftermiddagen' }] },
    diagnosis: { code: 'DC50', title: 'Brystkræft' },
  },
  providerGoals: [{ description: 'Gå uden pause', setOn: '2026-03-05', status: 'partly_reached' }],
  ...o,
});

describe('a cross-municipal referral', () => {
  it('gives a valid ServiceRequest, Task, shared CarePlan, Goals and assessment in every state', async () => {
    const states: Partial<CrossView>[] = [
      {},
      { providerDecision: 'accepted', providerContactOn: '2026-03-03' },
      { providerDecision: 'accepted', startedOn: '2026-03-10' },
      { providerDecision: 'accepted', startedOn: '2026-03-10', endedOn: '2026-05-10' },
      { providerDecision: 'declined', providerDecisionReason: 'Ingen plads' },
      { citizenDeclined: true },
    ];
    const tasks = states.map((s) => toTask(view(s))?.status);
    expect(tasks).toEqual(['requested', 'accepted', 'in-progress', 'completed', 'rejected', 'cancelled']);
    for (const s of states) {
      const v = view(s);
      await valid(toCrossServiceRequest(v));
      await valid(toTask(v));
      await valid(toSharedPlan(v));
      await valid(toSharedAssessment(v));
      for (const g of toCrossGoals(v)) await valid(g);
    }
    expect(toCrossGoals(view()).map((g) => [g.id, g.lifecycleStatus])).toEqual([
      [`cross-${X}-g1`, 'active'],
      [`cross-${X}-g2`, 'active'],
      [`cross-${X}-pg1`, 'completed'],
    ]);
  });

  it('shows an older snapshot as notes, and a home offer without a Task', async () => {
    const legacy = view({ snapshot: { intervention: { code: '', name: '' }, placeName: null, plan: null, assessment: null, other: [{ label: 'goals', value: 'Gå; Cykle' }] } });
    const sr = toCrossServiceRequest(legacy);
    await valid(sr);
    expect(sr.note).toEqual([{ text: 'goals: Gå; Cykle' }]);
    expect(toSharedPlan(legacy)).toBeNull();
    expect(toSharedAssessment(legacy)).toBeNull();
    const offer = view({ side: 'home', kind: 'home', sentAt: null, snapshot: null, providerGoals: [] });
    await valid(toCrossServiceRequest(offer));
    expect(toTask(offer)).toBeNull();
  });

  it('shares an assessment whose date is not one as text', async () => {
    const qr = toSharedAssessment(view({ snapshot: { ...view().snapshot!, assessment: { assessedOn: 'marts', problems: [] } } }));
    await valid(qr);
  });
});

const note = (o: Partial<StatusNote>): StatusNote => ({
  id: '3f0b2c1e-0000-4000-8000-0000000000a1',
  crossReferralId: X,
  kind: 'start',
  writtenOn: '2026-03-10',
  body: 'Startet.',
  courseEndOn: null,
  attendanceCount: null,
  goalsReached: null,
  endReason: null,
  authorName: 'Tina',
  providerMunicipalityName: 'Gentofte',
  interventionName: 'Træning',
  sentAt: '2026-03-10T13:00:00.000Z',
  readAt: null,
  readByName: null,
  ...o,
});

describe('status notes, the closing note and questionnaire', () => {
  it('number the notes in the order sent, and carry the end note’s facts', async () => {
    const parties = { crossReferralId: X, citizenId: C, homeMunicipalityCode: '0159', providerMunicipalityCode: '0157' };
    const notes = [
      note({ id: '3f0b2c1e-0000-4000-8000-0000000000a3', kind: 'end', sentAt: '2026-05-10T12:00:00.000Z', courseEndOn: '2026-05-10', attendanceCount: 20, goalsReached: 'Alle', endReason: 'completed' }),
      note({ readAt: '2026-03-10T14:00:00.000Z' }),
      note({ crossReferralId: K }),
    ];
    const communications = toStatusNoteCommunications(parties, notes);
    expect(communications.map((c) => c.id)).toEqual([`cross-${X}-sn1`, `cross-${X}-sn2`]);
    for (const c of communications) await valid(c);
    expect(communications[1]!.payload.map((p) => p.contentString)).toContain('Fremmøder: 20');
  });

  const facts: CourseFacts = { courseId: K, citizenId: C, homeMunicipalityCode: '0159', closedOn: null };
  const closing = (o: Partial<ClosingOverview>): ClosingOverview => ({
    courseId: K,
    citizenId: C,
    receivedOn: '2026-01-01',
    closedOn: null,
    closeReason: null,
    gp: null,
    endAssessments: [],
    conversation: null,
    note: null,
    channel: { electronic: false, reason: 'gp_unknown', senderReady: true },
    message: null,
    hospitalMessage: null,
    ...o,
  });
  const conversation = (questionnaire: 'answered' | 'declined' | 'not_asked') => ({
    id: '3f0b2c1e-0000-4000-8000-0000000000b1',
    heldOn: '2026-05-20',
    evaluation: 'God',
    planOnward: null,
    citizenExperience: null,
    questionnaire,
    satisfaction: questionnaire === 'answered' ? 5 : null,
    benefit: questionnaire === 'answered' ? 4 : null,
    answerSource: 'staff' as const,
    citizenQuestionnaire: null,
    endAssessment: null,
    recordedBy: 'Karen',
    recordedAt: '2026-05-20T10:00:00.000Z',
  });

  it('gives the questionnaire answered or stopped, none when not asked, and the note as a draft or sent', async () => {
    const answered = toClosingQuestionnaire(facts, closing({ conversation: conversation('answered') }));
    await valid(answered);
    expect(answered?.item.map((i) => i.linkId)).toEqual(['heldOn', 'satisfaction', 'benefit']);
    const declined = toClosingQuestionnaire(facts, closing({ conversation: conversation('declined') }));
    await valid(declined);
    expect(declined?.status).toBe('stopped');
    expect(toClosingQuestionnaire(facts, closing({ conversation: conversation('not_asked') }))).toBeNull();
    const noteOf = (sentOn: string | null) => ({
      id: '3f0b2c1e-0000-4000-8000-0000000000c1',
      body: 'Afslutningsnotat',
      composedAt: '2026-05-21T08:00:00.000Z',
      editedAt: null,
      editedBy: null,
      sentOn,
      sentToGp: sentOn !== null,
      gp: { id: K, name: 'Lægehuset' },
      sentToHospital: false,
      hospitalDepartment: null,
      hospitalConsent: false,
      sentBy: null,
    });
    await valid(toClosingNoteCommunication(facts, closing({ note: noteOf(null) })));
    const sent = toClosingNoteCommunication(facts, closing({ note: noteOf('2026-05-22') }));
    await valid(sent);
    expect(sent).toMatchObject({ status: 'completed', recipient: [{ reference: `Organization/${K}` }] });
  });
});

describe('team sessions', () => {
  it('are Appointments in every state and Encounters where attended', async () => {
    const at = (h: number) => new Date(Date.UTC(2026, 2, 10, h));
    const session = (h: number, o: Partial<ReferralAttendance['enrolments'][number]['sessions'][number]>) => ({ id: `s${h}`, startsAt: at(h), durationMinutes: 60, room: 'Sal 1', kind: 'regular' as const, cancelled: false, cancelReason: null, mark: null, ...o });
    const attendance: ReferralAttendance = {
      crossReferralId: X,
      citizenId: C,
      enrolments: [
        {
          id: 'e1',
          team: { id: 't1', name: 'Hold A', room: null, hostMunicipalityCode: '0157' },
          status: 'enrolled',
          startOn: '2026-03-10',
          endedOn: null,
          endReason: null,
          quota: 29,
          sessions: [
            session(8, { mark: { status: 'attended', cancelReason: null } }),
            session(9, { mark: { status: 'no_show', cancelReason: null } }),
            session(10, { mark: { status: 'cancelled', cancelReason: 'Syg' } }),
            session(11, { cancelled: true, cancelReason: 'Terapeut syg' }),
            session(12, { kind: 'follow_up', room: null }),
          ],
        },
      ],
    };
    const appointments = toAppointments(attendance);
    expect(appointments.map((a) => a.status)).toEqual(['fulfilled', 'noshow', 'cancelled', 'cancelled', 'booked']);
    for (const a of appointments) await valid(a);
    const encounters = toEncounters(attendance);
    expect(encounters.map((e) => e.id)).toEqual([appointments[0]!.id]);
    for (const e of encounters) await valid(e);
  });
});

describe('AuditEvent', () => {
  it('is valid with and without a citizen or a record, and says what kind of action it was', async () => {
    const event = { id: '42', at: new Date('2026-03-18T10:00:00Z'), actorUserId: C, actorLabel: 'gladsaxe.kontakt', actorMunicipality: '0159', actorRoles: ['contact_person'], action: 'citizen.read', entityType: 'citizen', entityId: C, citizenId: C, purpose: 'home', outcome: 'allowed' as const, requestId: 'r1' };
    await valid(toAuditEvent(event));
    await valid(toAuditEvent({ ...event, citizenId: null, entityType: null, entityId: null, actorUserId: null, actorRoles: [], actorMunicipality: null, purpose: null, outcome: 'denied' }));
    expect(['citizen.read', 'provider_inbox.list', 'referral.create', 'citizen.gp', 'cross_referral.send'].map(auditActionCode)).toEqual(['R', 'R', 'C', 'U', 'C']);
  });
});
