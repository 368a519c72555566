import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';

// Issue 15.5: a user sees and ends their own sessions; an administrator ends a user's sessions.
// Jonas Demo Friis (Ballerup's demo therapist) is signed in on a "laptop" and a "phone" — two browser
// contexts, two sessions — and no other browser test signs in as him.
const server = sharedServer();
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

async function device(viewport: { width: number; height: number }, userAgent: string): Promise<Page> {
  const context = await browser.newContext({ viewport, userAgent });
  contexts.push(context);
  return context.newPage();
}

const LAPTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

/** Whether the page's session still holds: the API answers the session, or 401. */
const sessionStatus = (page: Page) => page.evaluate(async () => (await fetch('/api/auth/session')).status);

describe('sessions', () => {
  it('a user sees where they are signed in and ends the other session; an administrator ends all of a user\'s sessions', async () => {
    const laptop = await device({ width: 1280, height: 900 }, LAPTOP);
    const phone = await device({ width: 1280, height: 900 }, PHONE);
    const second = await device({ width: 1280, height: 900 }, LAPTOP);
    await signInAsDemoUser(laptop, server.url, 'ballerup.terapeut');
    await signInAsDemoUser(phone, server.url, 'ballerup.terapeut');

    // On the laptop: "Mine sessioner" lists both devices, this one marked.
    await laptop.getByRole('link', { name: 'Mine sessioner' }).first().click();
    await laptop.getByRole('heading', { level: 1, name: 'Mine sessioner' }).waitFor();
    const table = laptop.getByRole('table', { name: 'Mine sessioner' });
    await table.getByRole('rowheader', { name: /Safari på iOS/ }).waitFor();
    await expect(table.getByRole('rowheader', { name: /Edge på Windows.*Denne session/ }).count()).resolves.toBe(1);
    await expect(table.getByRole('cell', { name: 'Samkraft (brugernavn eller demobruger)' }).count()).resolves.toBe(2);
    const violations = await checkAccessibility(laptop);
    expect(violations, formatViolations(violations)).toEqual([]);
    await screenshot(laptop, 'sessions-mine');

    // Ending the phone's session signs the phone out.
    await table.getByRole('button', { name: /^Afslut sessionen fra Safari på iOS/ }).click();
    await expect(table.getByRole('rowheader', { name: /Safari på iOS/ }).waitFor({ state: 'detached' })).resolves.toBeUndefined();
    expect(await sessionStatus(phone)).toBe(401);
    expect(await sessionStatus(laptop)).toBe(200);

    // The administrator of Ballerup ends every session of the therapist (a second one opened first).
    await signInAsDemoUser(second, server.url, 'ballerup.terapeut');
    const admin = await device({ width: 1280, height: 900 }, LAPTOP);
    await signInAsDemoUser(admin, server.url, 'samkraft.admin');
    await admin.getByRole('link', { name: 'Brugere og sessioner' }).first().click();
    await admin.getByRole('heading', { level: 1, name: 'Brugere og sessioner' }).waitFor();
    await admin.getByRole('button', { name: 'Vis sessioner for Jonas Demo Friis' }).click();
    await admin.getByRole('heading', { name: 'Sessioner for Jonas Demo Friis' }).waitFor();
    const adminViolations = await checkAccessibility(admin);
    expect(adminViolations, formatViolations(adminViolations)).toEqual([]);
    await screenshot(admin, 'sessions-staff-users');
    await admin.getByRole('button', { name: 'Afslut sessioner for Jonas Demo Friis' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Afslut sessioner' });
    await dialog.getByText(/Afslut alle 2 sessioner for Jonas Demo Friis\?/).waitFor();
    await dialog.getByRole('button', { name: 'Afslut sessioner' }).click();
    await admin.getByRole('status').getByText('2 sessioner for Jonas Demo Friis er afsluttet.').waitFor();
    expect(await sessionStatus(laptop)).toBe(401);
    expect(await sessionStatus(second)).toBe(401);
    expect(await sessionStatus(admin)).toBe(200);

    // The laptop's next step lands on the sign-in page.
    await laptop.reload();
    await laptop.waitForURL(/\/login/);
  });
});
