import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseCrossReferrals } from '@samkraft/contracts/cross-referrals';
import type { SessionRelatives } from '@samkraft/contracts/relatives';
import type { SessionDetail, TeamDetail, TeamSummary } from '@samkraft/contracts/teams';
import { demoSubject } from '../../apps/server/src/features/citizen-auth/demo-test-persons.ts';
import { readPdfText } from '../../apps/server/src/test-support/read-pdf.ts';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { checkPhonePage } from './support/check-phone-page.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { createPlannedCourse, getJson, sendJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { fullName, NEW_CITIZENS } from './support/test-persons.ts';

/*
 * Issue 13 items 8 and 2: Gladsaxe's contact person registers a relative on Dreng Test
 * Levendefødt's course (with his consent to take part and to share the name); Lyngby-Taarbæk's
 * therapist, whose team he joins, ticks "pårørende deltog" — his own attendance and quota are
 * untouched; on a phone he sees the relative on "Mit forløb" and downloads his letter and plan on
 * "Mine dokumenter". The relative is named after another official test person, Pige Test
 * Levendefødt (no CPR is stored for a relative).
 */

const server = sharedServer();
const dreng = NEW_CITIZENS.dreng;
const RELATIVE = 'Pige Test Levendefødt';
let browser: Browser;
let contexts: BrowserContext[];
let home: Page;
let provider: Page;
let citizen: Page;

const isoToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
const isoWeekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;

beforeAll(async () => {
  browser = await launchBrowser();
  contexts = await Promise.all([
    browser.newContext({ viewport: { width: 1280, height: 900 } }),
    browser.newContext({ viewport: { width: 1280, height: 900 } }),
    browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true }),
  ]);
  [home, provider, citizen] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page, Page];
});
afterAll(async () => {
  await Promise.all((contexts ?? []).map((c) => c.close()));
  await browser?.close();
});

async function staffAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, `relatives-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}

/** A citizen page on a phone: axe finds nothing whatever the impact, and nothing scrolls sideways. */
const citizenAccessible = (name: string) => checkPhonePage(citizen, `relatives-citizen-${name}`);

describe('relatives and the citizen’s documents', () => {
  it('staff register a relative, the provider ticks “pårørende deltog” without using the quota, and the citizen sees the relative and downloads his documents', async () => {
    const today = isoToday();
    await signInAsDemoUser(home, server.url, 'gladsaxe.kontakt');
    await signInAsDemoUser(provider, server.url, 'lyngby.terapeut');

    // Through the API: the course with its plan, the first contact and the preparation letter sent today,
    // the referral to Lyngby-Taarbæk's "Puls og Styrke", accepted, and a team of its own meeting today.
    const courseId = await createPlannedCourse(home, dreng, { diagnosisCode: 'DC18' });
    await sendJson(home, 'POST', `/api/courses/${courseId}/contacts`, { contactedOn: today, channel: 'phone', reached: true });
    await sendJson(home, 'POST', `/api/courses/${courseId}/preparation-form`, { sentOn: today });
    const { routedOfferings } = await getJson<CourseCrossReferrals>(home, `/api/courses/${courseId}/cross-referrals`);
    const offering = routedOfferings.find((o) => o.interventionCode === 'puls_styrke' && o.hostMunicipalityCode === '0173');
    expect(offering, 'Puls og Styrke in Lyngby-Taarbæk is routed from Gladsaxe').toBeDefined();
    const sent = await sendJson<{ id: string }>(home, 'POST', `/api/courses/${courseId}/cross-referrals`, {
      offeringId: offering!.offeringId,
      consentOn: today,
      share: { planFields: ['difficultiesAndNeeds', 'goals'], assessmentItems: [] },
    });
    await sendJson(provider, 'POST', `/api/provider-inbox/${sent.id}/accept`, { contactOn: today });
    const team = await sendJson<TeamSummary>(provider, 'POST', '/api/teams', {
      offeringId: offering!.offeringId,
      name: 'Puls og Styrke med pårørende',
      mode: 'rolling',
      capacity: 12,
      sessionQuota: 24,
      startsOn: today,
      room: 'Sal 2',
      schedule: [{ weekday: isoWeekday(today), startTime: '08:00', durationMinutes: 60 }],
    });
    await sendJson(provider, 'POST', `/api/teams/${team.id}/sessions/generate`, { from: today, to: today });
    const session = (await getJson<TeamDetail>(provider, `/api/teams/${team.id}`)).sessions.find((s) => s.date === today);
    expect(session, 'a session today (not a public holiday)').toBeDefined();
    await sendJson(provider, 'POST', `/api/teams/${team.id}/enrolments`, { crossReferralId: sent.id, startOn: today });

    // The contact person registers the relative on the course page: first without the consent to take part (refused, naming it).
    await home.goto(`${server.url}/forloeb/${courseId}`);
    // A course with no relatives has the section folded away under its heading: open it.
    await home.getByRole('heading', { name: 'Pårørende', level: 2 }).click();
    await home.getByRole('button', { name: 'Tilføj pårørende' }).click();
    const form = home.getByRole('form', { name: 'Tilføj pårørende' });
    await form.getByRole('textbox', { name: 'Navn' }).fill(RELATIVE);
    await form.getByRole('combobox', { name: 'Relation til borgeren' }).selectOption('sibling');
    await form.getByRole('textbox', { name: 'Telefon' }).fill('22 33 44 55');
    await form.getByRole('button', { name: 'Gem' }).click();
    await form.getByText('Borgeren skal give samtykke til, at den pårørende deltager').waitFor();
    await form.getByRole('checkbox', { name: /den pårørende deltager i forløbet/ }).check();
    await form.getByRole('checkbox', { name: /navn deles med den leverende kommune/ }).check();
    await form.getByRole('button', { name: 'Gem' }).click();
    const card = home.getByTestId('course-relative');
    await card.getByText(`${RELATIVE} · Søskende · 22 33 44 55`).waitFor();
    await card.getByText('Navnet må deles med den leverende kommune', { exact: false }).waitFor();
    await staffAccessible(home, 'course');

    // The providing municipality's therapist ticks "pårørende deltog" on today's list.
    await provider.goto(`${server.url}/hold/${team.id}/sessioner/${session!.id}`);
    await provider.getByRole('heading', { level: 1, name: /^Fremmøde:/ }).waitFor();
    const tick = provider.getByRole('checkbox', { name: `Pårørende deltog: ${RELATIVE} (Søskende)` });
    await tick.waitFor();
    await staffAccessible(provider, 'session');
    await tick.check();
    await expect.poll(async () => (await getJson<SessionRelatives>(provider, `/api/team-sessions/${session!.id}/relatives`)).relatives.map((r) => [r.name, r.attended])).toEqual([[RELATIVE, true]]);
    expect(await tick.isChecked()).toBe(true);
    const detail = await getJson<SessionDetail>(provider, `/api/team-sessions/${session!.id}`);
    expect(detail.participants.map((p) => [p.citizen.name, p.status, p.counts.used])).toEqual([[fullName(dreng), null, 0]]);
    await staffAccessible(provider, 'session-ticked');

    // On his phone, Dreng sees the relative on Mit forløb.
    await citizen.goto(`${server.url}/borger/auth/log-ind`);
    await citizen.getByRole('heading', { name: 'Demo-login' }).waitFor();
    await citizen.locator(`button[value="${demoSubject(dreng.cpr.replace('-', ''))}"]`).click();
    await citizen.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();
    const relatives = citizen.getByRole('region', { name: 'Dine pårørende i forløbet' });
    await relatives.getByRole('heading', { name: RELATIVE }).waitFor();
    await relatives.getByText('Søskende').waitFor();
    await citizenAccessible('my-course');

    // Mine dokumenter: the letter and the plan, each a PDF of his own.
    await citizen.getByRole('navigation', { name: 'Dine sider' }).getByRole('link', { name: 'Mine dokumenter' }).click();
    await citizen.getByRole('heading', { name: 'Mine dokumenter', level: 1 }).waitFor();
    const list = citizen.getByRole('list', { name: 'Mine dokumenter' });
    await list.getByRole('heading', { name: 'Din plan (handleplan)' }).waitFor();
    await list.getByRole('heading', { name: /^Brev om samtalen/ }).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(2);
    await citizenAccessible('documents');
    const [download] = await Promise.all([citizen.waitForEvent('download'), list.getByRole('link', { name: /^Hent som PDF.*Brev om samtalen/ }).click()]);
    const pdf = fs.readFileSync(await download.path());
    const text = (await readPdfText(pdf)).text;
    expect(text).toContain(fullName(dreng));
    expect(text).toContain('Støtte til livet med kræft');

    await citizen.getByRole('button', { name: 'English' }).click();
    await citizen.getByRole('heading', { name: 'My documents', level: 1 }).waitFor();
    await citizenAccessible('documents-en');
    await citizen.getByRole('button', { name: 'Dansk' }).click();
    await citizen.getByRole('heading', { name: 'Mine dokumenter', level: 1 }).waitFor();
  });
});
