import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogPage } from '@samkraft/contracts/access-log';
import type { MyAppointments } from '@samkraft/contracts/appointments';
import type { CourseCrossReferrals } from '@samkraft/contracts/cross-referrals';
import type { NeedsAssessmentList } from '@samkraft/contracts/assessments';
import type { NewReferralBody, NewReferralResult } from '@samkraft/contracts/referrals';
import type { Report } from '@samkraft/contracts/reports';
import type { SessionDetail, TeamDetail, TeamList } from '@samkraft/contracts/teams';
import { demoSubject } from '../../apps/server/src/features/citizen-auth/demo-test-persons.ts';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { getJson, sendJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { fullName, NEW_CITIZENS } from './support/test-persons.ts';

/*
 * Issue 13's acceptance journey, one citizen from the first letter to the closing, on a phone:
 * Gladsaxe's contact person registers Pige Test Levendefødt (2024, an official MedCom test person)
 * and sends her the preparation form; she signs in through the demo identity provider and fills it
 * in; the contact person completes the drafted needs assessment, agrees a plan and refers her to
 * Lyngby-Taarbæk's team, where the therapist enrols her. Later she sees her plan and her sessions,
 * cancels one (the therapist's list shows it, the quota is unchanged), answers the questionnaire at
 * closing (the report's indicators 4 and 5 count it, as a citizen's answer), sees the staff reads of
 * this journey in "Hvem har set mine oplysninger" and downloads her data, which holds this journey's
 * records. Every citizen page on the way: axe finds nothing, whatever the impact.
 */

const server = sharedServer();
const PIGE = NEW_CITIZENS.pige2024;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

let browser: Browser;
let contexts: BrowserContext[] = [];
let home: Page;
let provider: Page;
let coordinator: Page;
let phone: Page;
let contactName = '';
let therapistName = '';
let courseId = '';
let teamId = '';
let cancelledSessionId = '';

const isoDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + offset * 86_400_000));

beforeAll(async () => {
  browser = await launchBrowser();
  contexts = await Promise.all([browser.newContext(DESKTOP), browser.newContext(DESKTOP), browser.newContext(DESKTOP), browser.newContext(PHONE)]);
  [home, provider, coordinator, phone] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page, Page, Page];
  for (const p of [home, provider, coordinator, phone]) p.setDefaultTimeout(20_000);
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
});

async function check(name: string): Promise<void> {
  await phone.waitForLoadState('networkidle');
  await screenshot(phone, `citizen-journey-${name}`);
  const violations = await checkAccessibility(phone, { impacts: 'all' });
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}

async function goTo(linkName: string, heading: string): Promise<void> {
  await phone.getByRole('navigation', { name: 'Dine sider' }).getByRole('link', { name: linkName }).click();
  await phone.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

async function citizenReport(): Promise<{ four: Report['indicators'][number]; five: Report['indicators'][number] }> {
  const year = isoDay(0).slice(0, 4);
  const report = await getJson<Report>(coordinator, `/api/reports?from=${year}-01-01&to=${year}-12-31&municipalities=0159`);
  const four = report.indicators.find((i) => i.number === 4);
  const five = report.indicators.find((i) => i.number === 5);
  if (!four || !five) throw new Error('the report has no indicators 4 and 5');
  return { four, five };
}

describe('a citizen’s whole course through the citizen’s door, on a phone', () => {
  it('the contact person registers the referral and sends the preparation form; the citizen fills it in on her phone', async () => {
    contactName = (await signInAsDemoUser(home, server.url, 'gladsaxe.kontakt')).displayName;
    therapistName = (await signInAsDemoUser(provider, server.url, 'lyngby.terapeut')).displayName;
    await signInAsDemoUser(coordinator, server.url, 'ballerup.koordinator');
    const body: NewReferralBody = {
      citizen: { cpr: PIGE.cpr, givenName: PIGE.givenName, familyName: PIGE.familyName, addressLine: PIGE.addressLine, postalCode: '2860', city: 'Søborg' },
      receivedOn: isoDay(0),
      source: 'self',
      legalBasis: 'SUL119',
      diagnosisCode: 'DC18',
      treatmentStatus: 'treatment_ended',
      treatmentEndedOn: isoDay(-30),
      targetGroup: 'in_group',
    };
    const created = await sendJson<NewReferralResult>(home, 'POST', '/api/referrals', body);
    expect(created.citizenCreated, `${fullName(PIGE)} was registered before in this run`).toBe(true);
    courseId = created.courseId;
    const me = await getJson<{ user: { id: string } }>(home, '/api/auth/session');
    await sendJson(home, 'PUT', `/api/courses/${courseId}/contact-person`, { staffUserId: me.user.id });
    await sendJson(home, 'POST', `/api/courses/${courseId}/citizen-preparation-form`, {});

    await phone.goto(`${server.url}/borger`);
    await phone.getByRole('link', { name: 'Log ind med MitID', exact: true }).click();
    await phone.getByRole('heading', { name: 'Demo-login' }).waitFor();
    await phone.locator(`button[value="${demoSubject(PIGE.cpr.replace('-', ''))}"]`).click();
    await phone.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();
    await goTo('Forberedelse', 'Forbered din samtale');
    await check('preparation');
    await phone.getByRole('radio', { name: '7', exact: true }).check();
    await phone.getByRole('checkbox', { name: 'Træthed og manglende energi' }).check();
    await phone.getByLabel('Hvad er vigtigst for dig lige nu?').fill('At kunne cykle til arbejde igen');
    await phone.getByRole('button', { name: 'Send til din kontaktperson' }).click();
    await phone.getByText('Tak – skemaet er sendt').waitFor();
  }, 120_000);

  it('the contact person completes the drafted needs assessment, agrees a plan, and the provider enrols her', async () => {
    await home.goto(`${server.url}/forloeb/${courseId}`);
    await home.getByRole('link', { name: 'Gennemgå udkastet til behovsvurdering' }).click();
    await home.getByRole('heading', { name: 'Borgerens egen besvarelse' }).waitFor();
    const form = home.getByRole('form', { name: 'Ny behovsvurdering' });
    expect(await form.getByRole('radio', { name: '7', exact: true }).isChecked()).toBe(true);
    await form.getByLabel('Den sundhedsfaglige vurdering').fill('Træthed efter behandlingen; holdtræning tilbydes.');
    await form.getByRole('button', { name: 'Gem behovsvurdering' }).click();
    await home.locator('article').getByText(/holdtræning tilbydes/).waitFor();
    const assessments = await getJson<NeedsAssessmentList>(home, `/api/courses/${courseId}/needs-assessments`);
    expect(assessments.assessments).toEqual([expect.objectContaining({ occasion: 'initial', scaleScore: 7, whatMattersMost: 'At kunne cykle til arbejde igen' })]);

    await sendJson(home, 'POST', `/api/courses/${courseId}/action-plans`, {
      agreedOn: isoDay(0),
      difficultiesAndNeeds: 'Træthed efter behandlingen',
      purposeAndContent: 'Holdtræning to gange om ugen',
      location: 'Lyngby-Taarbæk',
      responsibilities: [{ part: 'Træning', responsible: 'Fysioterapeut' }],
      otherAdministrations: 'Ingen',
      evaluationOn: isoDay(90),
      evaluationBy: 'Kontaktpersonen',
      firstFollowUpOn: isoDay(14),
      goals: [{ description: 'Cykle til arbejde tre dage om ugen' }],
    });
    const { routedOfferings } = await getJson<CourseCrossReferrals>(home, `/api/courses/${courseId}/cross-referrals`);
    const offering = routedOfferings.find((o) => o.interventionCode === 'puls_styrke' && o.hostMunicipalityCode === '0173');
    expect(offering, 'Puls og Styrke in Lyngby-Taarbæk is routed to Gladsaxe').toBeDefined();
    const sent = await sendJson<{ id: string }>(home, 'POST', `/api/courses/${courseId}/cross-referrals`, {
      offeringId: offering!.offeringId,
      consentOn: isoDay(0),
      share: { planFields: ['difficultiesAndNeeds', 'goals'], assessmentItems: [] },
    });
    await sendJson(provider, 'POST', `/api/provider-inbox/${sent.id}/accept`, { contactOn: isoDay(0) });
    const { teams } = await getJson<TeamList>(provider, '/api/teams');
    const team = teams.find((t) => t.offering.id === offering!.offeringId && (t.endsOn === null || t.endsOn >= isoDay(0)));
    expect(team, 'a running team of the offering').toBeDefined();
    teamId = team!.id;
    await sendJson(provider, 'POST', `/api/teams/${teamId}/enrolments`, { crossReferralId: sent.id, startOn: isoDay(0) });
    await sendJson(provider, 'POST', `/api/teams/${teamId}/sessions/generate`, { from: isoDay(0), to: isoDay(21) });
  }, 120_000);

  it('the citizen sees her plan and her sessions, and cancels one: the therapist’s list shows it, the quota unchanged', async () => {
    // Later: she opens her page again and finds the plan agreed since.
    await phone.goto(`${server.url}/borger`);
    await phone.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();
    await phone.getByText('Cykle til arbejde tre dage om ugen').waitFor();
    await phone.getByText(contactName).first().waitFor();
    await check('my-course');

    await goTo('Mine aftaler', 'Mine aftaler');
    const mine = await phone.evaluate(async () => (await fetch('/api/borger/appointments', { credentials: 'same-origin' })).json() as Promise<MyAppointments>);
    const target = mine.upcoming.find((a) => a.mayCancel);
    expect(target, 'an upcoming session she may still cancel').toBeDefined();
    cancelledSessionId = target!.sessionId;
    const onTeam = async () => (await getJson<TeamDetail>(provider, `/api/teams/${teamId}`)).enrolments.find((e) => e.citizen.name.startsWith(PIGE.givenName))!;
    const before = await onTeam();
    const card = phone.locator(`article[aria-labelledby="appointment-${cancelledSessionId}"]`);
    await card.getByRole('button', { name: 'Meld afbud' }).click();
    await card.getByText('Behandling', { exact: true }).click();
    await card.getByRole('button', { name: 'Meld afbud' }).click();
    await card.getByText('Dit afbud er registreret, og din terapeut kan se det.').waitFor();
    await check('appointments-cancelled');

    const detail = await getJson<SessionDetail>(provider, `/api/team-sessions/${cancelledSessionId}`);
    expect(detail.participants.find((p) => p.citizen.name.startsWith(PIGE.givenName))).toMatchObject({ status: 'cancelled', cancelledBy: 'citizen', cancelReasonCode: 'treatment' });
    const after = await onTeam();
    expect([after.counts.used, after.quota, after.counts.cancelled]).toEqual([before.counts.used, before.quota, before.counts.cancelled + 1]);
    await provider.goto(`${server.url}/hold/${teamId}/sessioner/${cancelledSessionId}`);
    await provider.getByText(/Aflyst af borgeren \(behandling\)/).waitFor();
  }, 120_000);

  it('at closing she answers the questionnaire on her phone, and the report counts it as a citizen’s answer', async () => {
    const before = await citizenReport();
    await home.goto(`${server.url}/forloeb/${courseId}/afslutning`);
    await home.getByRole('heading', { level: 1, name: 'Afslutning af forløbet' }).waitFor();
    await home.getByRole('textbox', { name: 'Evaluering af forløbet' }).fill('Hun cykler igen to dage om ugen.');
    await home.getByRole('radiogroup', { name: 'Blev borgeren spurgt?' }).getByRole('radio', { name: 'Borgeren svarer selv på sin egen telefon' }).check();
    await home.getByRole('button', { name: 'Gem samtalen' }).click();
    await home.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();

    await goTo('Spørgeskema', 'Spørgeskema');
    await phone.getByRole('group', { name: 'Hvor tilfreds er du med det samlede forløb?' }).getByText('4 – Tilfreds', { exact: true }).click();
    await phone.getByRole('group', { name: 'Hvor meget har det samlede forløb hjulpet dig?' }).getByText('5 – Rigtig meget', { exact: true }).click();
    await check('questionnaire');
    await phone.getByRole('button', { name: 'Send svar' }).click();
    await phone.getByText('Tak for dine svar').waitFor();

    const after = await citizenReport();
    // (A count the report suppresses as small is null: none before counts as 0.)
    expect(after.four.citizenAnswers).toBe((before.four.citizenAnswers ?? 0) + 1);
    expect(after.five.citizenAnswers).toBe((before.five.citizenAnswers ?? 0) + 1);
    expect(after.four.basis).toBe((before.four.basis ?? 0) + 1);
    expect(after.five.basis).toBe((before.five.basis ?? 0) + 1);
    await home.reload();
    await home.getByText('Besvaret af borgeren', { exact: true }).waitFor();
  }, 120_000);

  it('she sees this journey’s staff reads in her access log, and her data holds this journey’s records', async () => {
    await goTo('Hvem har set mine oplysninger', 'Hvem har set mine oplysninger');
    const contactRead = phone.locator('li', { hasText: contactName }).first();
    await contactRead.waitFor();
    await expect(contactRead.innerText()).resolves.toContain('Gladsaxe Kommune');
    await check('access-log');
    // The providing municipality's therapist's reads of this journey are there too, further down (the API pages it).
    const log = await phone.evaluate(async () => (await fetch('/api/borger/access-log?limit=200', { credentials: 'same-origin' })).json() as Promise<AccessLogPage>);
    const therapistReads = log.entries.filter((e) => e.who.name === therapistName);
    expect(therapistReads.length, 'the therapist’s reads').toBeGreaterThan(0);
    expect(therapistReads[0]?.who.municipality?.name).toBe('Lyngby-Taarbæk');
    expect(log.entries.filter((e) => e.who.name === contactName).length, 'the contact person’s reads').toBeGreaterThan(0);
    const exported = await phone.evaluate(async () => (await fetch('/api/borger/access-log/fhir', { credentials: 'same-origin' })).json() as Promise<{ entry: { resource: { entity: { what: { reference?: string } }[] } }[] }>);
    expect(new Set(exported.entry.map((e) => e.resource.entity[0]?.what.reference)).size).toBe(1);

    await goTo('Mine data', 'Mine data');
    await check('my-data');
    const file = await phone.evaluate(async () => (await fetch('/api/borger/my-data?format=json', { credentials: 'same-origin' })).text());
    for (const record of [courseId, 'At kunne cykle til arbejde igen', 'holdtræning tilbydes', 'Cykle til arbejde tre dage om ugen', 'Hun cykler igen to dage om ugen.']) expect(file, record).toContain(record);
    const parsed = JSON.parse(file) as { sections: { preparationForms: { form: { answer: { scaleScore: number } } }[]; closing: unknown[] } };
    expect(parsed.sections.preparationForms[0]?.form.answer.scaleScore).toBe(7);
    expect(JSON.stringify(parsed.sections.closing)).toMatch(/"answerSource":"citizen"/);
    const pdf = await phone.evaluate(async () => {
      const res = await fetch('/api/borger/my-data?format=pdf', { credentials: 'same-origin' });
      return { status: res.status, type: res.headers.get('content-type') };
    });
    expect(pdf).toEqual({ status: 200, type: 'application/pdf' });
  }, 120_000);
});
