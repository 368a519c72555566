import type { MyAppointments } from '@samkraft/contracts/appointments';
import type { SessionDetail, TeamDetail } from '@samkraft/contracts/teams';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { checkPhonePage } from './support/check-phone-page.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { createCourseInTeam, getJson, sendJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { fullName, NEW_CITIZENS } from './support/test-persons.ts';

/*
 * Issue 13.2 and 13.4 on a phone: Ali Test Jensen (an official MedCom test person, registered here
 * by Gladsaxe and enrolled in Lyngby-Taarbæk's team) signs in through the demo identity provider,
 * sees "Mine aftaler", cancels a session with a reason and sees it cancelled; the therapist's
 * attendance list shows "Aflyst af borgeren (sygdom)" and the quota is unchanged; the calendar
 * link answers without a session. Every page: axe finds nothing, whatever the impact.
 */

const server = sharedServer();
const ali = NEW_CITIZENS.ali;
let browser: Browser;
let contexts: BrowserContext[];
let home: Page;
let provider: Page;
let phone: Page;

const check = (name: string) => checkPhonePage(phone, `citizen-appointments-${name}`);

const isoDay = (offset: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(Date.now() + offset * 86_400_000));

beforeAll(async () => {
  browser = await launchBrowser();
  contexts = await Promise.all([
    browser.newContext({ viewport: { width: 1280, height: 900 } }),
    browser.newContext({ viewport: { width: 1280, height: 900 } }),
    browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }),
  ]);
  [home, provider, phone] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page, Page];
});
afterAll(async () => {
  await Promise.all((contexts ?? []).map((c) => c.close()));
  await browser?.close();
});

describe('Mine aftaler on a phone', () => {
  it('the citizen sees the sessions, cancels one with a reason, and the therapist’s list shows it with the quota unchanged', async () => {
    await signInAsDemoUser(home, server.url, 'gladsaxe.kontakt');
    await signInAsDemoUser(provider, server.url, 'lyngby.terapeut');
    const { teamId } = await createCourseInTeam(home, provider, ali, { interventionCode: 'puls_styrke', hostMunicipalityCode: '0173' });
    // Sessions for the next three weeks (those that exist stay as they are).
    await sendJson(provider, 'POST', `/api/teams/${teamId}/sessions/generate`, { from: isoDay(0), to: isoDay(21) });
    const aliOnTeam = async () => (await getJson<TeamDetail>(provider, `/api/teams/${teamId}`)).enrolments.find((e) => e.citizen.name.startsWith('Ali Test'))!;
    const before = await aliOnTeam();

    await phone.goto(`${server.url}/borger`);
    await phone.getByRole('link', { name: 'Log ind med MitID', exact: true }).click();
    await phone.getByRole('heading', { name: 'Demo-login' }).waitFor();
    await phone.getByRole('button', { name: fullName(ali) }).click();
    await phone.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();
    await phone.getByRole('navigation', { name: 'Dine sider' }).getByRole('link', { name: 'Mine aftaler' }).click();
    await phone.getByRole('heading', { name: 'Mine aftaler', level: 1 }).waitFor();
    await phone.getByRole('heading', { name: 'Kommende aftaler', level: 2 }).waitFor();
    await phone.locator('article.samkraft-borger-appointment').first().waitFor();
    await check('list');

    const mine = await phone.evaluate(async () => (await fetch('/api/borger/appointments', { credentials: 'same-origin' })).json() as Promise<MyAppointments>);
    const target = mine.upcoming.find((a) => a.mayCancel);
    expect(target, 'an upcoming session Ali may still cancel').toBeDefined();
    expect(target!.interventionName).not.toBe('');
    const card = phone.locator(`article[aria-labelledby="appointment-${target!.sessionId}"]`);
    await card.getByText('Lyngby-Taarbæk Kommune').waitFor();
    await card.getByRole('button', { name: 'Meld afbud' }).click();
    await card.getByRole('group', { name: 'Hvorfor kan du ikke komme?' }).waitFor();
    await card.getByText('Sygdom', { exact: true }).click();
    await card.getByRole('textbox', { name: 'Besked til holdet (valgfri)' }).fill('Feber');
    await check('cancel-form');
    await card.getByRole('button', { name: 'Meld afbud' }).click();
    await card.getByText('Dit afbud er registreret, og din terapeut kan se det.').waitFor();
    await card.getByText('Du har meldt afbud (sygdom). Det tæller ikke med i dit forløb.').waitFor();
    await expect(card.getByRole('button', { name: 'Meld afbud' }).count()).resolves.toBe(0);
    await check('cancelled');

    // The therapist's list: the citizen's own cancellation, with the reason; the quota unchanged.
    const detail = await getJson<SessionDetail>(provider, `/api/team-sessions/${target!.sessionId}`);
    expect(detail.participants.find((p) => p.citizen.name.startsWith('Ali Test'))).toMatchObject({ status: 'cancelled', cancelledBy: 'citizen', cancelReasonCode: 'illness', cancelReason: 'Feber', sessionNumber: null });
    const after = await aliOnTeam();
    expect(after.counts.used).toBe(before.counts.used);
    expect(after.counts.cancelled).toBe(before.counts.cancelled + 1);
    expect(after.quota).toBe(before.quota);
    await provider.goto(`${server.url}/hold/${teamId}/sessioner/${target!.sessionId}`);
    await provider.getByText('Aflyst af borgeren (sygdom) — Feber').waitFor();
    await screenshot(provider, 'citizen-appointments-therapist-list');

    // Staff who run the team set the citizens' cut-off on the team page (and back to the default).
    for (const hours of ['48', '24']) {
      await provider.goto(`${server.url}/hold/${teamId}`);
      const cutoff = provider.getByRole('textbox', { name: 'Borgerens frist for afbud (timer før start)' });
      await cutoff.fill(hours);
      await provider.getByRole('button', { name: 'Gem frist' }).click();
      await expect.poll(async () => (await getJson<TeamDetail>(provider, `/api/teams/${teamId}`)).team.citizenCancelCutoffHours).toBe(Number(hours));
    }
    const staffViolations = await checkAccessibility(provider);
    expect(staffViolations, `team page: ${formatViolations(staffViolations)}`).toEqual([]);

    // The calendar link: shown once, read without a session, the cancellation as cancelled.
    await phone.getByRole('button', { name: 'Lav et kalenderlink' }).click();
    const link = await phone.getByRole('textbox', { name: 'Dit kalenderlink' }).inputValue();
    expect(link).toMatch(/\/api\/calendar-feed\/[A-Za-z0-9_-]{43}\/samkraft\.ics$/);
    await phone.getByText(/Dit kalenderlink er slået til/).waitFor();
    await check('calendar-link');
    const feed = await fetch(link);
    expect(feed.status).toBe(200);
    const ics = await feed.text();
    expect(ics).toContain('METHOD:PUBLISH');
    const event = ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${target!.sessionId}@samkraft`));
    expect(event).toContain('STATUS:CANCELLED');
    expect(event).toContain('SUMMARY:Holdtræning – Samkraft');
    expect(ics).not.toContain('Ali');
    await phone.getByRole('button', { name: 'Slå kalenderlinket fra' }).click();
    await phone.getByText('Du har ikke et kalenderlink.').waitFor();
    expect((await fetch(link)).status).toBe(404);

    await phone.getByRole('button', { name: 'English' }).click();
    await phone.getByRole('heading', { name: 'My appointments', level: 1 }).waitFor();
    await check('list-en');
    await phone.getByRole('button', { name: 'Dansk' }).click();
    await phone.getByRole('heading', { name: 'Mine aftaler', level: 1 }).waitFor();
  });
});
