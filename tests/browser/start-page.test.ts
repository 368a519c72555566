import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PERSONS } from '../../apps/server/src/features/demo/demo-people.data.ts';
import { DEMO_SCENARIOS } from '../../apps/server/src/features/demo/demo-scenarios.data.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { NEW_CITIZENS } from './support/test-persons.ts';
import { sharedServer } from './support/shared-server.ts';

const GLADSAXE = '0159';
const formatted = (cpr: string) => `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
// The oracle is the demo's own plan of who lives where, not anything the server computes; and
// the run shares its server, so Gladsaxe also has the new citizens other tests register there.
const cprsOf = (home: (h: string) => boolean) => new Set(DEMO_SCENARIOS.filter((s) => home(s.home)).map((s) => formatted(TEST_PERSONS[s.person].cpr)));
const registeredInGladsaxe = Object.values(NEW_CITIZENS).map((p) => p.cpr);

const server = sharedServer();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

describe('a contact person in Gladsaxe', () => {
  it("sees Gladsaxe's citizens on the start page and no other municipality's", async () => {
    await page.goto(server.url);
    await page.waitForURL('**/login');
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
    await page.getByRole('heading', { name: 'Mine borgere' }).waitFor();
    await page.getByRole('heading', { name: 'Ikke tildelt' }).waitFor();
    await screenshot(page, 'start-gladsaxe-contact-person');

    const text = await page.locator('main').innerText();
    const shown = new Set(text.match(/\b\d{6}-\d{4}\b/g) ?? []);
    const gladsaxe = new Set([...cprsOf((h) => h === GLADSAXE), ...registeredInGladsaxe]);
    const others = cprsOf((h) => h !== GLADSAXE);
    expect(shown.size).toBeGreaterThanOrEqual(5);
    for (const cpr of shown) expect(gladsaxe.has(cpr), `${cpr} is not a Gladsaxe citizen`).toBe(true);
    for (const cpr of others) expect(shown.has(cpr), `${cpr} of another municipality is shown`).toBe(false);
  });
});

describe('the sign-in form', () => {
  it('says in Danish that the username or password is wrong, and stays on the sign-in page', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${server.url}/login`);
    await p.getByRole('textbox', { name: 'Brugernavn', exact: true }).fill('gladsaxe.kontakt');
    await p.locator('input[name="password"]').fill('not the password');
    await p.getByRole('button', { name: 'Log ind', exact: true }).click();
    await p.getByText('Brugernavn eller adgangskode er forkert').waitFor();
    expect(new URL(p.url()).pathname).toBe('/login');
    await screenshot(p, 'login-wrong-password');
    await context.close();
  });
});
