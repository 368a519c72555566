import type { Page } from 'playwright-core';
import type { NewReferralBody, NewReferralResult } from '@samkraft/contracts/referrals';
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
