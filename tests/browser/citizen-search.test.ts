import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PERSONS } from '../../apps/server/src/features/demo/demo-people.data.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';

// Demo citizens of Gladsaxe (official test persons): Nancy's course is closed, Einer's is open.
const NANCY = TEST_PERSONS.nancy;
const EINER = TEST_PERSONS.einer;
const formatted = (cpr: string) => `${cpr.slice(0, 6)}-${cpr.slice(6)}`;

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

async function searchFor(query: string) {
  await page.getByRole('textbox', { name: 'CPR-nummer eller navn' }).fill(query);
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
}

describe('a contact person in Gladsaxe finds a citizen', () => {
  it('by part of the name, in any case, and opens the closed course', async () => {
    await page.goto(server.url);
    await page.waitForURL('**/login');
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
    await page.getByRole('search', { name: 'Find borger' }).waitFor();
    await searchFor(NANCY.familyName.slice(0, 6).toLowerCase());
    const result = page.getByTestId('citizen-search-result').filter({ hasText: formatted(NANCY.cpr) });
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain(`${NANCY.givenName} ${NANCY.familyName}`);
    await expect(result.innerText()).resolves.toMatch(/afsluttet/);
    await screenshot(page, 'citizen-search-by-name');
    await result.getByRole('link').first().click();
    await page.waitForURL('**/forloeb/*');
    await page.getByText(formatted(NANCY.cpr)).first().waitFor();
  });

  it('by CPR number without the dash, and opens the course', async () => {
    await page.getByRole('link', { name: 'Start', exact: true }).click();
    await searchFor(EINER.cpr);
    const results = page.getByTestId('citizen-search-result');
    await results.first().waitFor();
    expect(await results.count()).toBe(1);
    await expect(results.first().innerText()).resolves.toContain(formatted(EINER.cpr));
    await screenshot(page, 'citizen-search-by-cpr');
    await results.first().getByRole('link').first().click();
    await page.waitForURL('**/forloeb/*');
    await page.getByText(formatted(EINER.cpr)).first().waitFor();
  });

  it('names the field when the query is part of a CPR number', async () => {
    await page.getByRole('link', { name: 'Start', exact: true }).click();
    await searchFor(EINER.cpr.slice(0, 6));
    await page.getByText('Har ikke det rigtige format').waitFor();
    await screenshot(page, 'citizen-search-bad-query');
  });

  it('finds the closed course again under the worklist\'s closed courses', async () => {
    await page.getByRole('link', { name: 'Arbejdsliste', exact: true }).click();
    await page.getByText('Afsluttede', { exact: true }).click();
    await page.getByRole('heading', { name: 'Afsluttede forløb, senest afsluttede først' }).waitFor();
    await page.getByRole('link', { name: `${NANCY.givenName} ${NANCY.familyName}` }).waitFor();
    await screenshot(page, 'worklist-closed-courses');
  });

  it('left no CPR number or name of the searches in the server log', async () => {
    // The run's one server: its log holds these searches among every other file's requests.
    const log = (await server.logs()).join('\n');
    for (const needle of [NANCY.cpr, EINER.cpr, formatted(EINER.cpr), NANCY.familyName.slice(0, 6).toLowerCase()]) expect(log).not.toContain(needle);
  });
});
