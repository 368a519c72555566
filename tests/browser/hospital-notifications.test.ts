import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FhirBundle } from '../../apps/server/src/platform/fhir/fhir-json.ts';
import { aboutCitizen, asDeathNotice, hospitalNotificationFixture, ofStay } from '../../apps/server/src/features/medcom/hospitalnotification.test-helpers.ts';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { BROWSER_MESSAGES_TOKEN } from './support/messages-token.ts';
import { createCourseInTeam } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';
import { fullName, NEW_CITIZENS } from './support/test-persons.ts';

const server = sharedServer();
const bo = NEW_CITIZENS.bo;
const EPISODE = 'browser-hospital-notifications-bo';
let browser: Browser;
let contexts: BrowserContext[];
let admin: Page;
let home: Page;
let provider: Page;

/** A notification of Samkraft's fixtures about Bo, posted as the health network's proxy would; returns the acknowledgement's code. */
async function notify(name: 'STIN' | 'STOR' | 'SLHJ' | 'death'): Promise<string> {
  const stay = (n: 'STIN' | 'STOR' | 'SLHJ'): FhirBundle => aboutCitizen(ofStay(hospitalNotificationFixture(n), 8, EPISODE), { cpr: bo.cpr, family: bo.familyName, given: bo.givenName.split(' ') });
  // The death notification (MORS): the discharged stay's message again with Patient.deceased, sent now.
  const bundle = name === 'death' ? asDeathNotice(stay('SLHJ'), new Date().toISOString()) : stay(name);
  const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${BROWSER_MESSAGES_TOKEN}` }, body: JSON.stringify(bundle) });
  expect(res.status).toBe(200);
  const ack = (await res.json()) as FhirBundle;
  const header = ack.entry.find((e) => e.resource.resourceType === 'MessageHeader')?.resource as { response?: { code?: string } } | undefined;
  return header?.response?.code ?? 'none';
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, `hospital-notifications-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}

beforeAll(async () => {
  browser = await launchBrowser();
  contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ viewport: { width: 1280, height: 900 } })));
  [admin, home, provider] = await Promise.all(contexts.map((c) => c.newPage())) as [Page, Page, Page];
});
afterAll(async () => {
  await Promise.all((contexts ?? []).map((c) => c.close()));
  await browser?.close();
});

describe('hospital notifications, once Gladsaxe acts on them', () => {
  it('an admission flags the course page with the date and department, and the provider’s team list only with “Indlagt”; the discharge clears both; a reported death leads the contact person to record it', async () => {
    await signInAsDemoUser(home, server.url, 'gladsaxe.kontakt');
    await signInAsDemoUser(provider, server.url, 'lyngby.terapeut');
    const { courseId, teamId } = await createCourseInTeam(home, provider, bo, { interventionCode: 'puls_styrke', hostMunicipalityCode: '0173' });

    // Off by default: the notification is acknowledged, and nothing shows.
    expect(await notify('STIN')).toBe('ok');
    await home.goto(`${server.url}/forloeb/${courseId}`);
    await home.getByRole('heading', { level: 1, name: new RegExp(fullName(bo)) }).waitFor();
    expect(await home.getByText(/Indlagt siden/).count()).toBe(0);

    // An administrator turns it on for Gladsaxe under "Organisationer".
    await signInAsDemoUser(admin, server.url, 'samkraft.admin');
    await admin.goto(`${server.url}/organisationer`);
    const gladsaxe = admin.getByRole('switch', { name: 'Brug advis om sygehusophold i Gladsaxe' });
    await gladsaxe.waitFor();
    expect(await gladsaxe.isChecked()).toBe(false);
    await admin.getByText(/retssikkerhedslovens § 12 c/).waitFor();
    await gladsaxe.click();
    await admin.getByRole('status').filter({ hasText: 'Advis om sygehusophold bruges nu i Gladsaxe.' }).waitFor();
    expect(await gladsaxe.isChecked()).toBe(true);
    await gladsaxe.scrollIntoViewIfNeeded();
    await expectAccessible(admin, 'setting');

    // The admission (sent again by the hospital, as a new stay's first notification would be) now flags the course.
    expect(await notify('STOR')).toBe('ok');
    await home.reload();
    const flag = home.getByRole('status').filter({ hasText: 'Indlagt siden 2. 3. 2026, Hjerteafdelingen på Herlev og Gentofte hospital' });
    await flag.waitFor();
    await flag.getByText('På orlov fra sygehuset siden 5. 3. 2026.').waitFor();
    await expectAccessible(home, 'course');

    // The provider's team list says only that Bo is at hospital: no department, no date.
    await provider.goto(`${server.url}/hold/${teamId}`);
    const row = provider.getByRole('row').filter({ hasText: fullName(bo) });
    await row.getByText('Indlagt', { exact: true }).waitFor();
    expect(await provider.getByText(/Hjerteafdeling/).count()).toBe(0);
    await row.scrollIntoViewIfNeeded();
    await expectAccessible(provider, 'team');

    // The discharge clears both.
    expect(await notify('SLHJ')).toBe('ok');
    await home.reload();
    await home.getByRole('heading', { level: 1, name: new RegExp(fullName(bo)) }).waitFor();
    await expect.poll(() => home.getByText(/Indlagt siden/).count()).toBe(0);
    await provider.reload();
    await provider.getByRole('row').filter({ hasText: fullName(bo) }).first().waitFor();
    expect(await provider.getByRole('row').filter({ hasText: fullName(bo) }).getByText('Indlagt', { exact: true }).count()).toBe(0);

    // The hospital reports Bo's death: the course page says so and leads to recording it, the date filled in.
    expect(await notify('death')).toBe('ok');
    await home.reload();
    const death = home.getByRole('alert').filter({ hasText: 'Sygehuset har meddelt, at borgeren er død' });
    await death.getByText(/Meddelt .* af Hjerteafdelingen på Herlev og Gentofte hospital/).waitFor();
    await expectAccessible(home, 'death-reported');
    await death.getByRole('link', { name: 'Gå til Dødsfald' }).click();
    const record = home.getByRole('form', { name: 'Registrér dødsfald' });
    await record.getByText(/Sygehuset meddelte .*, at borgeren er død/).waitFor();
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
    expect(await record.getByLabel('Dødsdato').inputValue()).toBe(today);
    await screenshot(home, 'hospital-notifications-death-form');
    await record.getByRole('checkbox', { name: /Jeg bekræfter, at borgeren er død/ }).check();
    await record.getByRole('button', { name: 'Registrér dødsfald' }).click();
    await home.getByText(/Dødsfaldet er registreret/).waitFor();
    await expect.poll(() => death.count()).toBe(0);

    // Off again: the demo's Gladsaxe as the other files expect it.
    await admin.reload();
    await gladsaxe.click();
    await admin.getByRole('status').filter({ hasText: /bruges ikke længere i Gladsaxe/ }).waitFor();
  });
});
