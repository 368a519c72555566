import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseCrossReferrals, ProviderInbox } from '@samkraft/contracts/cross-referrals';
import type { CourseSuggestions } from '@samkraft/contracts/suggestions';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { createPlannedCourse, getJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { NEW_CITIZENS, fullName } from './support/test-persons.ts';
import { sharedServer } from './support/shared-server.ts';

const SLUG_OF: Record<string, string> = { '0151': 'ballerup', '0157': 'gentofte', '0159': 'gladsaxe', '0163': 'herlev', '0173': 'lyngby', '0175': 'rodovre', '0190': 'fureso', '0230': 'rudersdal', '0240': 'egedal' };

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

async function expectAccessible(name: string): Promise<void> {
  await screenshot(page, `cross-referral-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}


describe('cross-municipal referral and the provider inbox', () => {
  it('Gladsaxe sends a plan with consent and preview; the provider sees it with its deadline and records contact', async () => {
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
    // A course of its own, made through the API, with a plan that has not been referred yet; and a
    // suggested offering in another municipality.
    const person = NEW_CITIZENS.gitte;
    const items = [{ courseId: await createPlannedCourse(page, person, { diagnosisCode: 'DC50' }) }];
    let chosen: { courseId: string; offering: { interventionName: string; hostMunicipalityName: string; hostMunicipalityCode: string } } | undefined;
    for (const item of items) {
      const data = await getJson<CourseCrossReferrals>(page, `/api/courses/${item.courseId}/cross-referrals`);
      if (!data.shareOptions.plan || data.crossReferrals.length > 0) continue;
      const { suggestions } = await getJson<CourseSuggestions>(page, `/api/courses/${item.courseId}/suggestions`);
      const s = suggestions.find((x) => x.providers.some((p) => p.host.code !== '0159'));
      const p = s?.providers.find((x) => x.host.code !== '0159');
      if (s && p) {
        chosen = { courseId: item.courseId, offering: { interventionName: s.nameDa, hostMunicipalityName: p.host.name, hostMunicipalityCode: p.host.code } };
        break;
      }
    }
    expect(chosen, 'a Gladsaxe course with a plan, no cross-referral and a suggested provider elsewhere').toBeDefined();
    const { courseId, offering } = chosen!;

    await page.goto(`${server.url}/forloeb/${courseId}`);
    await page.getByRole('link', { name: /Henvis til tværkommunal indsats/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Henvis til tværkommunal indsats' }).waitFor();
    await page.getByRole('radio', { name: new RegExp(`^${offering.interventionName} — ${offering.hostMunicipalityName}`) }).check();
    await page.getByRole('checkbox', { name: 'Vanskeligheder og behov' }).check();
    await page.getByRole('checkbox', { name: 'Mål', exact: true }).check();
    await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    const preview = page.getByRole('region', { name: 'Forhåndsvisning — præcis dette sendes' });
    await preview.waitFor();
    await preview.getByRole('rowheader', { name: 'Vanskeligheder og behov' }).waitFor();
    expect(await preview.getByRole('rowheader', { name: 'Formål og indhold' }).count()).toBe(0);
    await expectAccessible('preview');
    await page.getByRole('checkbox', { name: /Borgeren har givet samtykke/ }).check();
    await page.getByRole('button', { name: 'Send henvisningen' }).click();
    await page.getByText('Henvisningen er sendt.').waitFor();
    await page.getByRole('article', { name: `${offering.interventionName} — ${offering.hostMunicipalityName}` }).getByText('Afventer').waitFor();
    await expectAccessible('sent');

    // The providing municipality's therapist.
    await page.context().clearCookies();
    await signInAsDemoUser(page, server.url, `${SLUG_OF[offering.hostMunicipalityCode]}.terapeut`);
    await page.locator('a[href="/indbakke"]:visible').first().click();
    await page.getByRole('heading', { level: 1, name: 'Indbakke' }).waitFor();
    const inbox = await getJson<ProviderInbox>(page, '/api/provider-inbox');
    const item = inbox.items.find((i) => i.state === 'new' && i.receivedOn === inbox.asOf && i.interventionName === offering.interventionName && i.citizenName === fullName(person));
    expect(item, 'the referral just sent').toBeDefined();
    expect(item!.deadlines.find((d) => d.kind === 'provider_contact')?.state).toMatch(/open|due_soon/);
    const row = page.getByRole('row').filter({ has: page.locator(`a[href="/indbakke/${item!.id}"]`) });
    await row.getByText(/^Kontakt senest /).waitFor();
    await expectAccessible('inbox');

    await row.getByRole('link', { name: item!.citizenName }).click();
    await page.getByRole('heading', { level: 1, name: `Henvisning: ${offering.interventionName}` }).waitFor();
    await page.getByRole('rowheader', { name: 'Vanskeligheder og behov' }).waitFor();
    expect(await page.getByRole('rowheader', { name: 'Formål og indhold' }).count()).toBe(0);
    await expectAccessible('incoming');
    await page.getByRole('button', { name: 'Accepter og registrér kontakt' }).click();
    await page.getByText(/^Accepteret — borgeren kontaktet /).waitFor();
    await page.getByText(/^Kontakt senest .*\(overholdt\)/).waitFor();
    await expectAccessible('accepted');
  });
});
