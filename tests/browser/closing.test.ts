import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyContactDetails } from '@samkraft/contracts/auth';
import { readPdfText } from '../../apps/server/src/test-support/read-pdf.ts';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { getJson, sendJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';

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
  await screenshot(page, name);
  const violations = await checkAccessibility(page);
  expect(violations, formatViolations(violations)).toEqual([]);
}

describe('a contact person closes a course whose intervention has ended', () => {
  it('records the closing conversation and questionnaire, composes, edits, prints and sends the closing note', async () => {
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
    // The manual path ("Markér som sendt"): without a work phone (nor the unit's) the note cannot
    // go electronically (its author's contact point is required) — another file on this shared
    // server may have given her one. The electronic path: cross-municipal-journey.test.ts.
    const contact = await getJson<MyContactDetails>(page, '/api/me/contact');
    expect(contact.unitPhone, 'no demo unit has a phone').toBeNull();
    if (contact.phone !== null) await sendJson(page, 'PUT', '/api/me/contact', { phone: null, email: contact.email });
    // The demo course of Bruno Test Elmer: the intervention ended, no closing conversation yet.
    const courseId = await page.evaluate(async () => {
      const res = await fetch('/api/start', { headers: { accept: 'application/json' } });
      const body = (await res.json()) as { myCourses?: { courseId: string; step: string; citizen: { name: string } }[] };
      // Other files on this shared server may leave courses of their own at this step.
      return body.myCourses?.find((c) => c.step === 'closing' && c.citizen.name === 'Bruno Test Elmer')?.courseId ?? null;
    });
    expect(courseId, 'the demo contact person has a course awaiting its closing').toBeTruthy();

    await page.goto(`${server.url}/forloeb/${courseId}`);
    await page.getByRole('link', { name: /^Afslutning: afsluttende samtale og afslutningsnotat/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Afslutning af forløbet' }).waitFor();
    expect(page.url()).toBe(`${server.url}/forloeb/${courseId}/afslutning`);
    await expectAccessible('closing-page');

    // The evaluation is required: the server's field error shows next to the field.
    await page.getByRole('button', { name: 'Gem samtalen' }).click();
    const evaluation = page.getByRole('textbox', { name: 'Evaluering af forløbet' });
    await expect.poll(() => evaluation.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('main').innerText()).toContain('Skal udfyldes');

    await evaluation.fill('Målene om kontinens er nået; træner selv dagligt.');
    await page.getByRole('textbox', { name: 'Borgerens oplevelse af forløbet' }).fill('Tryg ved holdet og instruktøren.');
    await page.getByRole('textbox', { name: 'Borgerens plan fremover' }).fill('Fortsætter bækkenbundsøvelser hjemme.');
    await page.getByRole('radiogroup', { name: 'Hvor tilfreds er du med det samlede forløb?' }).getByRole('radio', { name: '4 – Tilfreds' }).check();
    await page.getByRole('radiogroup', { name: 'Hvor meget har det samlede forløb hjulpet dig?' }).getByRole('radio', { name: '5 – Rigtig meget' }).check();
    await expectAccessible('closing-conversation-form');
    await page.getByRole('button', { name: 'Gem samtalen' }).click();
    await page.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Registreret af');

    // Compose the draft, edit it, save it.
    await page.getByRole('button', { name: 'Lav udkast' }).click();
    const body = page.getByRole('textbox', { name: 'Notatets tekst' });
    await expect.poll(() => body.inputValue()).toContain('Afslutningsnotat vedrørende kræftrehabilitering for Bruno Test Elmer.');
    const draft = await body.inputValue();
    expect(draft).toContain('Evaluering: Målene om kontinens er nået; træner selv dagligt.');
    expect(draft).toContain('Plan fremover\nFortsætter bækkenbundsøvelser hjemme.');
    expect(draft).toContain('Slutnotat, ');
    await body.fill(`${draft}\n\nTilføjet af kontaktpersonen: kontakt os ved nye behov.`);
    await page.getByRole('button', { name: 'Gem notatet' }).click();
    await page.getByText(/^Senest gemt /).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent PDF' }).click()]);
    const { text } = await readPdfText(new Uint8Array(fs.readFileSync(await download.path())));
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of ['Samkraft · Gladsaxe Kommune', 'Afslutningsnotat', 'Bruno Test Elmer', 'CPR-nummer', '250947-9989', 'Egen læge', 'Målene om kontinens er nået; træner selv dagligt.', 'Tilføjet af kontaktpersonen: kontakt os ved nye behov.']) {
      expect(flat, expected).toContain(expected);
    }

    // To the hospital department only with the citizen's consent.
    await page.getByRole('checkbox', { name: 'Sendt til hospitalsafdeling' }).check();
    await page.getByRole('combobox', { name: 'Hospitalsafdeling' }).selectOption({ label: await page.getByRole('option', { name: /Urologisk ambulatorium/ }).first().innerText() });
    await page.getByRole('button', { name: 'Markér som sendt' }).click();
    await page.getByText('Borgerens samtykke skal være givet, før notatet sendes til hospitalsafdelingen').waitFor();
    await expectAccessible('closing-send-without-consent');
    await page.getByRole('checkbox', { name: /Borgeren har givet samtykke/ }).check();
    await page.getByRole('button', { name: 'Markér som sendt' }).click();
    await page.getByText(/^Afslutningsnotatet blev sendt /).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Til hospitalsafdeling:');
    expect(main).toContain('Til egen læge:');
    expect(main).toMatch(/Forløbet er afsluttet .* \(gennemført\)\./);
    expect(await page.getByRole('button', { name: 'Gem notatet' }).count()).toBe(0);
    await expectAccessible('closing-sent');
  });
});
