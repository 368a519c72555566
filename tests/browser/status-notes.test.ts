import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusNoteUnreadCount } from '@samkraft/contracts/status-notes';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { createCourseInTeam, getJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';
import { fullName, NEW_CITIZENS } from './support/test-persons.ts';

const server = sharedServer();
let browser: Browser;
let homeContext: BrowserContext;
let providerContext: BrowserContext;
let home: Page;
let provider: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  homeContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  providerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  home = await homeContext.newPage();
  provider = await providerContext.newPage();
});
afterAll(async () => {
  await Promise.all([homeContext?.close(), providerContext?.close()]);
  await browser?.close();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, `status-notes-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}


describe('status notes from provider to home municipality', () => {
  it('a provider therapist writes the end note; the Gladsaxe contact person sees it unread, opens it, and it is read', async () => {
    // A course of its own, running on Lyngby-Taarbæk's Puls og Styrke team with a start note
    // (another file on this shared server may end the demo's courses on their teams).
    await signInAsDemoUser(home, server.url, 'gladsaxe.kontakt');
    await signInAsDemoUser(provider, server.url, 'lyngby.terapeut');
    const { courseId, crossReferralId } = await createCourseInTeam(home, provider, NEW_CITIZENS.lars, { interventionCode: 'puls_styrke', hostMunicipalityCode: '0173' });
    const citizenName = fullName(NEW_CITIZENS.lars);
    const unreadBefore = await getJson<StatusNoteUnreadCount>(home, '/api/status-notes/unread-count');

    // The provider writes the end note on its page for the referral.
    await provider.goto(`${server.url}/indbakke/${crossReferralId}`);
    await provider.getByRole('heading', { level: 2, name: 'Statusnotater til hjemkommunen' }).waitFor();
    const kind = provider.getByRole('combobox', { name: 'Type', exact: true });
    await expect.poll(() => kind.locator('option[value="start"]').isDisabled()).toBe(true);
    await kind.selectOption('end');
    const body = provider.getByRole('textbox', { name: /Notat til hjemkommunen/ });
    expect(await body.inputValue()).toMatch(/^Forløbet på .+ er afsluttet\. Borgeren har deltaget \d+ gange?\./);
    const attendance = provider.getByRole('textbox', { name: /Antal fremmøder/ });
    expect(await attendance.inputValue()).toMatch(/^\d+$/);
    // Without an end reason the server names the field, and the form shows it there.
    await provider.getByRole('button', { name: 'Send statusnotat' }).click();
    const endReason = provider.getByRole('combobox', { name: /Årsag til afslutning/ });
    await expect.poll(() => endReason.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => provider.getByText('Skal udfyldes', { exact: true }).count()).toBeGreaterThan(0);
    await endReason.selectOption('completed');
    await body.fill('Forløbet er afsluttet som planlagt. Borgeren træner videre i en lokal forening.');
    await provider.getByRole('button', { name: 'Send statusnotat' }).click();
    await provider.getByRole('status').filter({ hasText: 'Statusnotatet er sendt til hjemkommunen.' }).waitFor();
    await provider.getByRole('rowheader', { name: 'Slutnotat' }).waitFor();
    await expect.poll(() => kind.locator('option[value="end"]').isDisabled()).toBe(true);
    await expectAccessible(provider, 'provider-written');

    // The home contact person: one more unread, in bold with "Ulæst".
    await home.goto(`${server.url}/statusnotater`);
    await home.getByRole('heading', { level: 1, name: 'Statusnotater' }).waitFor();
    const unreadAfter = await getJson<StatusNoteUnreadCount>(home, '/api/status-notes/unread-count');
    expect(unreadAfter.mine).toBe(unreadBefore.mine + 1);
    await expect.poll(() => home.getByRole('navigation').getByText(`${unreadAfter.mine} ulæste`).count()).toBe(1);
    const row = home.getByRole('row').filter({ hasText: citizenName }).filter({ hasText: 'Slutnotat' });
    await row.waitFor();
    expect(await row.getByText('Ulæst', { exact: true }).count()).toBe(1);
    expect(await row.getByRole('rowheader').locator('span').first().evaluate((e) => getComputedStyle(e).fontWeight)).toBe('700');
    await expectAccessible(home, 'inbox-unread');

    await row.getByRole('link', { name: `Åbn statusnotat om ${citizenName}: Slutnotat` }).click();
    await home.getByRole('heading', { level: 1, name: `Slutnotat – ${citizenName}` }).waitFor();
    await home.getByText('Forløbet er afsluttet som planlagt. Borgeren træner videre i en lokal forening.').waitFor();
    await home.getByText('Læst', { exact: true }).waitFor();
    await expectAccessible(home, 'note-opened');

    await home.getByRole('link', { name: 'Tilbage til statusnotater' }).click();
    const readRow = home.getByRole('row').filter({ hasText: citizenName }).filter({ hasText: 'Slutnotat' });
    await expect.poll(() => readRow.getByText('Læst', { exact: true }).count()).toBe(1);
    expect(await readRow.getByText('Ulæst', { exact: true }).count()).toBe(0);
    expect((await getJson<StatusNoteUnreadCount>(home, '/api/status-notes/unread-count')).mine).toBe(unreadBefore.mine);

    // The course page lists the course's notes.
    await home.goto(`${server.url}/forloeb/${courseId}`);
    await home.getByRole('heading', { level: 2, name: 'Statusnotater fra udfører' }).waitFor();
    await home.getByRole('rowheader', { name: 'Slutnotat' }).waitFor();
    await expectAccessible(home, 'course-section');
  });
});
