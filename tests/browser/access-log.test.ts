import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogPage } from '@samkraft/contracts/access-log';
import { checkPhonePage } from './support/check-phone-page.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { createPlannedCourse, getJson } from './support/page-api.ts';
import { screenshot, screenshotDir } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { fullName, NEW_CITIZENS } from './support/test-persons.ts';

/*
 * Issue 13 items 6 and 7 on a phone: Gladsaxe's contact person registers Pige Test Levendefødt's
 * referral and reads her course; Pige signs in through the demo identity provider, finds that read
 * in "Hvem har set mine oplysninger" (name, municipality, role — and only reads of her own data),
 * and downloads her data under "Mine data" (PDF and JSON). Every citizen page: axe finds nothing,
 * whatever the impact, and nothing scrolls sideways.
 */

const PIGE = NEW_CITIZENS.pige;
const server = sharedServer();
let browser: Browser;
let page: Page;
let staffName = '';
let courseId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

async function check(name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await checkPhonePage(page, `access-log-${name}`);
}

/** A GET from inside the page with its cookies: status, type and the first bytes. */
async function download(path: string): Promise<{ status: number; type: string; disposition: string; head: string; body: string }> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const body = new TextDecoder().decode(bytes);
    return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', head: body.slice(0, 5), body };
  }, path);
}

describe('who has seen my information, and my data, on a phone', () => {
  it('a contact person registers Pige’s referral and reads her course', async () => {
    staffName = (await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt')).displayName;
    courseId = await createPlannedCourse(page, PIGE, { diagnosisCode: 'DC50' });
    await page.goto(`${server.url}/forloeb/${courseId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(fullName(PIGE)) }).waitFor();
    // The course page shows the same log to staff, read only when asked for.
    await page.getByText('Hvem har set borgerens oplysninger').click();
    await page.getByRole('button', { name: 'Vis listen' }).click();
    // Her log holds this staff member's reading of it, on top.
    await page.getByRole('cell', { name: 'listen over, hvem der har set dine oplysninger' }).first().waitFor();
    await screenshot(page, 'access-log-staff-course');
    await page.getByRole('heading', { name: 'Hvem har set borgerens oplysninger' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'access-log-staff-section.png') });
  });

  it('Pige signs in and sees that read — name, municipality, role — and only reads of her own data', async () => {
    await page.goto(`${server.url}/borger/auth/log-ind`);
    await page.getByRole('heading', { name: 'Demo-login' }).waitFor();
    await page.locator('li', { hasText: 'født 13.10.2016' }).getByRole('button', { name: fullName(PIGE) }).click();
    await page.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();

    await page.getByRole('navigation', { name: 'Dine sider' }).getByRole('link', { name: 'Hvem har set mine oplysninger' }).click();
    await page.getByRole('heading', { name: 'Hvem har set mine oplysninger', level: 1 }).waitFor();
    const staffRead = page.locator('li', { hasText: staffName }).filter({ hasText: 'Så dit forløb' }).first();
    await staffRead.waitFor();
    await expect(staffRead.innerText()).resolves.toMatch(/kontaktperson/);
    await expect(staffRead.innerText()).resolves.toContain('Gladsaxe Kommune');
    await page.getByText('Dig selv').first().waitFor();
    await check('citizen-log');

    // Every read in her log is of her data: the export names one patient, and her own reads are hers.
    const exported = await download('/api/borger/access-log/fhir');
    expect(exported.status).toBe(200);
    const bundle = JSON.parse(exported.body) as { entry: { resource: { entity: { what: { reference?: string } }[] } }[] };
    const patients = new Set(bundle.entry.map((e) => e.resource.entity[0]?.what.reference));
    expect(patients.size).toBe(1);
    const log = await getJson<AccessLogPage>(page, '/api/borger/access-log?limit=200');
    expect(log.entries.length).toBeLessThanOrEqual(bundle.entry.length + 2);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Who has seen my information', level: 1 }).waitFor();
    await page.getByText('Looked at your course').first().waitFor();
    await check('citizen-log-en');
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { name: 'Hvem har set mine oplysninger', level: 1 }).waitFor();
  });

  it('Pige downloads her data as a PDF and as a machine-readable file', async () => {
    await page.getByRole('navigation', { name: 'Dine sider' }).getByRole('link', { name: 'Mine data' }).click();
    await page.getByRole('heading', { name: 'Mine data', level: 1 }).waitFor();
    await check('citizen-my-data');

    const pdfHref = await page.getByRole('link', { name: 'Hent PDF' }).getAttribute('href');
    const pdf = await download(pdfHref!);
    expect([pdf.status, pdf.type, pdf.head]).toEqual([200, 'application/pdf', '%PDF-']);
    expect(pdf.disposition).toContain('attachment');

    const jsonHref = await page.getByRole('link', { name: 'Hent fil (JSON)' }).getAttribute('href');
    const json = await download(jsonHref!);
    expect(json.status).toBe(200);
    expect(json.type).toContain('application/json');
    const file = JSON.parse(json.body) as { citizen: { name: string }; fhir: { resourceType: string; entry: { resource: { resourceType: string } }[] }; sections: Record<string, unknown[]> };
    expect(file.citizen.name).toBe(fullName(PIGE));
    expect(file.fhir.resourceType).toBe('Bundle');
    expect(file.fhir.entry.map((e) => e.resource.resourceType)).toEqual(expect.arrayContaining(['Patient', 'ServiceRequest', 'CarePlan', 'QuestionnaireResponse']));
    expect(json.body).toContain(courseId);
    expect(json.body).toContain('At komme i gang igen');

    // The download is in her log too.
    await page.getByRole('navigation', { name: 'Dine sider' }).getByRole('link', { name: 'Hvem har set mine oplysninger' }).click();
    await page.getByText('Så alle dine oplysninger (aktindsigt)').first().waitFor();
  });
});
