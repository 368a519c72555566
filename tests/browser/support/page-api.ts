import type { Page } from 'playwright-core';
import type { CourseCrossReferrals } from '@samkraft/contracts/cross-referrals';
import type { NewReferralBody, NewReferralResult } from '@samkraft/contracts/referrals';
import type { TeamList } from '@samkraft/contracts/teams';
import type { NewTestCitizen } from './test-persons.ts';

/** GET an API path from inside the page, with the signed-in user's session cookie. */
export async function getJson<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p, { credentials: 'same-origin' })).json(), path) as Promise<T>;
}

/**
 * POST or PUT JSON from inside the page as the signed-in user (session cookie and CSRF token);
 * throws unless the server answers 2xx. Returns the body, or null for 204.
 */
export async function sendJson<T>(page: Page, method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/auth/session', { credentials: 'same-origin' })).json();
      const res = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: res.status, text: await res.text() };
    },
    { method, path, body },
  );
  if (answer.status < 200 || answer.status > 299) throw new Error(`${method} ${path}: ${answer.status} ${answer.text.slice(0, 500)}`);
  return (answer.text ? JSON.parse(answer.text) : null) as T;
}

const isoToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * Through the API, as the signed-in contact person: registers a referral of a new citizen (one
 * of NEW_CITIZENS, never registered before in this run), takes the course, records an initial
 * needs assessment and agrees an action plan — the state the demo's "planned" course has, for a
 * test to work on alone. Returns the course's id.
 */
export async function createPlannedCourse(page: Page, person: NewTestCitizen, referral: { diagnosisCode: string; source?: NewReferralBody['source'] }): Promise<string> {
  const today = isoToday();
  const body: NewReferralBody = {
    citizen: { cpr: person.cpr, givenName: person.givenName, familyName: person.familyName, addressLine: person.addressLine, postalCode: '2860', city: 'Søborg' },
    receivedOn: today,
    source: referral.source ?? 'self',
    legalBasis: 'SUL119',
    diagnosisCode: referral.diagnosisCode,
    treatmentStatus: 'treatment_ended',
    treatmentEndedOn: addDays(today, -30),
    targetGroup: 'in_group',
  };
  const created = await sendJson<NewReferralResult>(page, 'POST', '/api/referrals', body);
  if (!created.citizenCreated) throw new Error(`${person.givenName} ${person.familyName} was registered before in this run: give the test a test person of its own (test-persons.ts)`);
  const session = await getJson<{ user: { id: string } }>(page, '/api/auth/session');
  await sendJson(page, 'PUT', `/api/courses/${created.courseId}/contact-person`, { staffUserId: session.user.id });
  await sendJson(page, 'POST', `/api/courses/${created.courseId}/needs-assessments`, {
    occasion: 'initial',
    assessedOn: today,
    scaleScore: 6,
    problems: [{ itemCode: 'physical.fatigue' }],
    whatMattersMost: 'At komme i gang igen',
    professionalAssessment: 'Behov for træning',
  });
  await sendJson(page, 'POST', `/api/courses/${created.courseId}/action-plans`, {
    agreedOn: today,
    difficultiesAndNeeds: 'Træthed efter behandlingen',
    purposeAndContent: 'Holdtræning',
    location: 'Efter henvisning',
    responsibilities: [{ part: 'Træning', responsible: 'Fysioterapeut' }],
    otherAdministrations: 'Ingen',
    evaluationOn: addDays(today, 90),
    evaluationBy: 'Kontaktpersonen',
    firstFollowUpOn: addDays(today, 14),
    goals: [{ description: 'Gå en tur hver dag' }],
  });
  return created.courseId;
}

/**
 * Through the API: a planned course of a new citizen of Gladsaxe (`createPlannedCourse`, as the
 * signed-in `home` contact person), sent with consent to the offering of `interventionCode` at
 * `host`, accepted by the `provider` page's therapist there (signed in by the caller) and enrolled
 * in that offering's running team from today, with a start note — the state of the demo's
 * "in team" course, for a test of its own. Returns the ids.
 */
export async function createCourseInTeam(
  home: Page,
  provider: Page,
  person: NewTestCitizen,
  at: { interventionCode: string; hostMunicipalityCode: string },
): Promise<{ courseId: string; crossReferralId: string; teamId: string }> {
  const today = isoToday();
  const courseId = await createPlannedCourse(home, person, { diagnosisCode: 'DC18' });
  const { routedOfferings } = await getJson<CourseCrossReferrals>(home, `/api/courses/${courseId}/cross-referrals`);
  const offering = routedOfferings.find((o) => o.interventionCode === at.interventionCode && o.hostMunicipalityCode === at.hostMunicipalityCode);
  if (!offering) throw new Error(`no ${at.interventionCode} at ${at.hostMunicipalityCode} routed to the course: ${routedOfferings.map((o) => `${o.interventionCode}@${o.hostMunicipalityCode}`).join(', ')}`);
  const sent = await sendJson<{ id: string }>(home, 'POST', `/api/courses/${courseId}/cross-referrals`, {
    offeringId: offering.offeringId,
    consentOn: today,
    share: { planFields: ['difficultiesAndNeeds', 'goals'], assessmentItems: [] },
  });
  await sendJson(provider, 'POST', `/api/provider-inbox/${sent.id}/accept`, { contactOn: today });
  const { teams } = await getJson<TeamList>(provider, '/api/teams');
  const team = teams.find((t) => t.offering.id === offering.offeringId && (t.endsOn === null || t.endsOn >= today));
  if (!team) throw new Error(`no running team of ${at.interventionCode} at ${at.hostMunicipalityCode}`);
  await sendJson(provider, 'POST', `/api/teams/${team.id}/enrolments`, { crossReferralId: sent.id, startOn: today });
  await sendJson(provider, 'POST', `/api/provider-inbox/${sent.id}/status-notes`, { kind: 'start', body: 'Borgeren er startet på holdet.' });
  return { courseId, crossReferralId: sent.id, teamId: team.id };
}
