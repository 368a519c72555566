import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftReferralDetail, DraftReferralList } from '@samkraft/contracts/hospital-referrals';
import type { CitizenLookup } from '@samkraft/contracts/referrals';
import { oioxml2005Schemas } from '../../apps/server/src/features/hospital-referrals/oioxml-schemas.ts';
import { validateXsd } from '../../apps/server/src/platform/xml/xsd.ts';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { getJson, sendJson } from './support/page-api.ts';
import { RECEIVING_UNITS } from './support/receiving-units.ts';
import { repoRoot } from './support/repo-root.ts';
import { screenshot } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';
import { signInAsDemoUser } from './support/sign-in.ts';

// MedCom's XREF01 test letter (refdata/medcom-oioxml), unchanged: from the GP clinic Lægehuset
// (ydernummer 079741) to EAN 5790000201389 — on the shared server Egedal's unit
// (support/receiving-units.ts) — about Ruddi Test Berggren (1502779995), whom the demo has as an
// Egedal citizen with a running course. The letter is received once per shared server (a second
// upload is the same letter: a duplicate), so this file runs once per run, as every file does.
const XREF01 = path.join(repoRoot, 'refdata/medcom-oioxml/examples/edifactconverter_XREF01_REF01_1.xml');
const RUDDI = { cpr: '1502779995', name: 'Ruddi Test Berggren' };

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

const noViolations = async () => {
  const violations = await checkAccessibility(page);
  expect(violations, formatViolations(violations)).toEqual([]);
};

describe('hospital referrals in (issue 12.5): the refdata XREF01 becomes a draft a contact person accepts', () => {
  it('is uploaded by an administrator and answered with an XCTL03 receipt valid against the XSD; the same letter again is a duplicate', async () => {
    expect(RECEIVING_UNITS.egedal.ean).toBe('5790000201389');
    await signInAsDemoUser(page, server.url, 'samkraft.admin');
    await page.getByRole('link', { name: 'Henvisninger fra sygehus' }).click();
    await page.getByRole('heading', { level: 1, name: 'Henvisninger fra sygehus' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(XREF01);
    await page.getByRole('button', { name: 'Modtag henvisningen' }).click();
    await page.getByText('Henvisningen er modtaget som kladde hos Egedal.').waitFor();
    await page.getByText('Kvittering (XCTL03)').click();
    const receipt = await page.locator('pre').innerText();
    expect(receipt).toContain('<PositiveReceipt>');
    expect(await validateXsd(oioxml2005Schemas(), receipt)).toEqual({ valid: true });
    await screenshot(page, 'hospital-referral-upload');
    await noViolations();

    await page.getByRole('button', { name: 'Modtag henvisningen' }).click();
    await page.getByText('Henvisningen var modtaget før').waitFor();
    expect(await page.locator('pre').textContent()).toBe(receipt);
  });

  it("is listed for Egedal's contact person with the count in the navigation, and opens with the letter's texts", async () => {
    await page.context().clearCookies();
    await signInAsDemoUser(page, server.url, 'egedal.kontakt');
    const nav = page.getByRole('link', { name: /Henvisninger fra sygehus/ });
    await expect.poll(() => nav.innerText()).toContain('1');
    await nav.click();
    await page.getByRole('heading', { level: 1, name: 'Henvisninger fra sygehus' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(RUDDI.name) });
    await row.waitFor();
    expect(await row.innerText()).toContain('150277-9995');
    expect(await row.innerText()).toContain('Lægehuset · Hans Jensen');
    await screenshot(page, 'hospital-referral-list');
    await noViolations();

    await row.getByRole('link', { name: RUDDI.name }).click();
    await page.getByRole('heading', { level: 1, name: 'Henvisning fra Lægehuset' }).waitFor();
    await page.getByRole('heading', { name: 'Årsag til henvisning' }).waitFor();
    await page.getByText('Hypertensionsudredning + behandling samt diætvejledning vedrørende overvægt').waitFor();
    await page.getByText('DI10 Blodtryksforhøjelse af ukendt årsag.').waitFor();
    // The intake form, prefilled: a known citizen here, with an open course.
    await page.getByText(`Kendt borger: ${RUDDI.name}`).waitFor();
    await page.getByText('Borgeren har allerede et åbent forløb').waitFor();
    expect(await page.getByRole('textbox', { name: 'CPR-nummer' }).inputValue()).toBe(RUDDI.cpr);
    expect(await page.getByRole('textbox', { name: 'Eller skriv den henvisendes navn' }).inputValue()).toBe('Lægehuset, ydernummer 079741, Hans Jensen');
    // The letter's address is the sender's word: the record's stays for a known citizen.
    await expect.poll(() => page.getByRole('textbox', { name: 'Adresse', exact: true }).first().inputValue()).toBe('');
    expect(await page.getByRole('combobox', { name: 'Diagnose (ICD-10)' }).inputValue()).toBe('');
    await screenshot(page, 'hospital-referral-draft');
    await noViolations();
  });

  it('is accepted choosing a cancer diagnosis, as a referral linked to the open course, and lands on the new course', async () => {
    const lookup = await sendJson<CitizenLookup>(page, 'POST', '/api/citizens/lookup', { cpr: RUDDI.cpr });
    const openCourseId = lookup.openCourse?.courseId;
    expect(openCourseId).toBeTruthy();
    const draftUrl = page.url();

    // Submitted without the diagnosis first: the intake's own field errors.
    await page.getByRole('button', { name: 'Tag henvisningen ind' }).click();
    await page.getByRole('link', { name: /Diagnose \(ICD-10\)/ }).waitFor();
    await screenshot(page, 'hospital-referral-accept-errors');
    await noViolations();

    await page.getByRole('combobox', { name: 'Lovgrundlag' }).selectOption('SUL119');
    await page.getByRole('combobox', { name: 'Diagnose (ICD-10)' }).selectOption('DC61');
    await page.getByRole('combobox', { name: 'Behandlingsstatus' }).selectOption('under_treatment');
    await page.getByRole('radio', { name: 'I målgruppen' }).check();
    await page.getByRole('button', { name: 'Opret alligevel som knyttet henvisning' }).click();
    await page.getByRole('heading', { level: 1, name: `Forløb for ${RUDDI.name}` }).waitFor();
    const courseId = new URL(page.url()).pathname.split('/').pop();
    expect(courseId).not.toBe(openCourseId);
    await screenshot(page, 'hospital-referral-new-course');
    await noViolations();

    const draftId = new URL(draftUrl).pathname.split('/').pop() ?? '';
    const draft = await getJson<DraftReferralDetail>(page, `/api/draft-referrals/${draftId}`);
    expect(draft).toMatchObject({ state: 'accepted', decision: { courseId, byName: 'Tina Demo Bisgaard' } });
    expect((await getJson<DraftReferralList>(page, '/api/draft-referrals')).drafts).toEqual([]);
    expect((await getJson<{ pending: number }>(page, '/api/draft-referrals/pending-count')).pending).toBe(0);
    const logs = (await server.logs()).join('\n');
    expect(logs).not.toContain(RUDDI.cpr);
    expect(logs).not.toContain('150277-9995');
  });
});
