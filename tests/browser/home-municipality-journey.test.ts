import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worklist } from '@samkraft/contracts/worklist';
import { TEST_PERSONS } from '../../apps/server/src/features/demo/demo-people.data.ts';
import { readPdfText } from '../../apps/server/src/test-support/read-pdf.ts';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { NEW_CITIZENS } from './support/test-persons.ts';
import { sharedServer } from './support/shared-server.ts';

// Muhammed Test Abdul, an official MedCom test person (refdata/cpr) whom the demo does not use
// and no other test registers.
const CPR = NEW_CITIZENS.muhammed.cpr;
const NAME = 'Muhammed Test Abdul';
// Received Monday 2 November 2026. The cross-municipal referral is due 10 working days later:
// Monday 16 November 2026 (no holidays in between) — counted by hand, not by the code under test.
const RECEIVED = '2026-11-02';
const DUE_DANISH = '16. 11. 2026';

const server = sharedServer();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

async function expectAccessible(name: string): Promise<void> {
  await screenshot(page, `journey-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());

describe('the home municipality: from referral to plan, and the worklist', () => {
  it('uses a test person the demo does not', () => {
    expect(Object.values(TEST_PERSONS).map((p) => p.cpr)).not.toContain(CPR.replace('-', ''));
  });

  it('registers a GP referral, makes first contact, assesses needs, agrees a plan; the worklist shows the next deadline', async () => {
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');

    // Referral
    await page.getByRole('link', { name: 'Ny henvisning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny henvisning' }).waitFor();
    await page.getByRole('textbox', { name: 'CPR-nummer' }).fill(CPR);
    await page.getByText('Ny borger, født 10. 7. 2005').waitFor();
    await page.getByRole('textbox', { name: 'Fornavn(e)' }).fill('Muhammed Test');
    await page.getByRole('textbox', { name: 'Efternavn' }).fill('Abdul');
    await page.getByRole('textbox', { name: 'Adresse' }).fill('Testvej 4');
    await page.getByRole('textbox', { name: 'Postnr.' }).fill('2860');
    await page.getByRole('textbox', { name: 'By' }).fill('Søborg');
    await page.getByLabel('Modtaget den').fill(RECEIVED);
    await page.getByRole('combobox', { name: 'Henvist af' }).selectOption('gp');
    await page.getByRole('combobox', { name: 'Lovgrundlag' }).selectOption('SUL119');
    await page.getByRole('combobox', { name: 'Henvisende enhed' }).selectOption({ label: 'Lægehuset Demogården (fiktiv)' });
    await page.getByRole('combobox', { name: 'Diagnose (ICD-10)' }).selectOption('DC61');
    await page.getByRole('combobox', { name: 'Behandlingsstatus' }).selectOption('under_treatment');
    await page.getByRole('radio', { name: 'I målgruppen' }).check();
    await page.getByRole('button', { name: 'Registrér henvisning' }).click();
    await page.getByRole('heading', { level: 1, name: `Forløb for ${NAME}` }).waitFor();
    const courseId = new URL(page.url()).pathname.split('/')[2]!;

    // Contact person and first contact
    await page.getByRole('button', { name: 'Bliv kontaktperson' }).click();
    await page.getByRole('button', { name: 'Bliv kontaktperson' }).waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'Dato for kontakt' }).fill('2026-11-03');
    await page.getByRole('textbox', { name: 'Note' }).fill('Ringet op, samtale aftalt');
    await page.getByRole('button', { name: 'Gem kontakt' }).click();
    await page.getByRole('cell', { name: 'Ringet op, samtale aftalt' }).waitFor();
    await expectAccessible('course');

    // Needs assessment
    await page.goto(`${server.url}/forloeb/${courseId}/behovsvurdering`);
    await page.getByRole('heading', { level: 1, name: 'Behovsvurdering' }).waitFor();
    await page.getByRole('radio', { name: 'Indledende' }).check();
    await page.getByLabel('Dato for vurderingen').fill('2026-11-05');
    await page.getByRole('radio', { name: '7', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Træthed og manglende energi' }).check();
    await page.getByRole('textbox', { name: 'Hvad er vigtigst for borgeren lige nu?' }).fill('At kunne cykle på arbejde');
    await page.getByRole('textbox', { name: 'Den sundhedsfaglige vurdering' }).fill('Behov for fysisk træning');
    await page.getByRole('button', { name: 'Gem behovsvurdering' }).click();
    await page.getByRole('heading', { name: /^Indledende ·/ }).waitFor();
    await expectAccessible('assessment');

    // Action plan with two goals and the first follow-up
    await page.goto(`${server.url}/forloeb/${courseId}/handleplan`);
    await page.getByRole('heading', { level: 1, name: 'Handleplan' }).waitFor();
    await page.getByRole('textbox', { name: 'Borgerens vanskeligheder og behov' }).fill('Træthed efter strålebehandling');
    await page.getByRole('textbox', { name: 'Formålet med indsatsen, og hvad den skal bestå i' }).fill('Træning for mænd to gange om ugen');
    await page.getByRole('textbox', { name: 'Hvor indsatsen foregår' }).fill('Træningscenter Gladsaxe');
    await page.getByRole('textbox', { name: 'Del 1', exact: true }).fill('Træning');
    await page.getByRole('textbox', { name: 'Ansvarlig for del 1' }).fill('Fysioterapeut på holdet');
    await page.getByRole('textbox', { name: 'Andre forvaltninger eller centre, der er involveret' }).fill('Ingen');
    await page.getByLabel('Evalueres den').fill(addDays(today, 90));
    await page.getByRole('textbox', { name: 'Evalueres af' }).fill('Kontaktpersonen');
    await page.getByLabel('Første opfølgning').fill(addDays(today, 14));
    await page.getByRole('textbox', { name: 'Mål 1', exact: true }).fill('Cykle 5 km til arbejde');
    await page.getByRole('button', { name: 'Tilføj mål' }).click();
    await page.getByRole('textbox', { name: 'Mål 2', exact: true }).fill('Sove igennem om natten');
    await page.getByRole('button', { name: 'Gem handleplan' }).click();
    await page.getByRole('heading', { name: 'Gældende handleplan (version 1)' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent PDF af version 1' }).click()]);
    const pdf = (await readPdfText(new Uint8Array(fs.readFileSync(await download.path())))).text.replace(/\s+/g, ' ');
    for (const expected of [NAME, 'Træthed efter strålebehandling', 'Træningscenter Gladsaxe', 'Fysioterapeut på holdet', 'Cykle 5 km til arbejde', 'Sove igennem om natten']) {
      expect(pdf, expected).toContain(expected);
    }

    // Worklist: the next deadline is the cross-municipal referral, due 16 November, overdue now
    await page.getByRole('link', { name: 'Arbejdsliste' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbejdsliste' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: NAME });
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('Henvisning til tværkommunal indsats');
    expect(rowText).toContain(DUE_DANISH);
    expect(rowText).toContain('Overskredet');
    await expectAccessible('worklist');

    // One implementation: the state and date in the page are the API's.
    const api = await page.evaluate(async () => (await (await fetch('/api/worklist?scope=mine')).json()) as Worklist);
    const item = api.items.find((i) => i.courseId === courseId);
    expect(item?.nextDeadline).toMatchObject({ kind: 'cross_referral', dueOn: '2026-11-16', state: 'overdue' });
    expect(await row.getByTestId('deadline-state').getAttribute('data-state')).toBe(item?.state);
  });

  it("writes no citizen's CPR number or name to the server's log over the whole journey", async () => {
    // The journey typed the CPR into the look-up (one request per keystroke once it was whole)
    // and showed the demo citizens on the worklist; none of it may reach a log line.
    const secrets = [CPR, CPR.replace('-', ''), NAME, 'Abdul'];
    for (const p of Object.values(TEST_PERSONS)) secrets.push(p.cpr, `${p.cpr.slice(0, 6)}-${p.cpr.slice(6)}`, `${p.givenName} ${p.familyName}`);
    // The run's one server: its log holds the journey among every other file's requests.
    const logs = await server.logs();
    expect(logs.length).toBeGreaterThan(50);
    expect(logs.some((line) => line.includes('"url"'))).toBe(true);
    const leaks = logs.flatMap((line) => secrets.filter((secret) => line.includes(secret)).map((secret) => `${secret}: ${line}`));
    expect(leaks).toEqual([]);
  });
});
