import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseCrossReferrals, IncomingReferral, ProviderInbox } from '@samkraft/contracts/cross-referrals';
import type { CourseSuggestions } from '@samkraft/contracts/suggestions';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { createPlannedCourse, getJson, sendJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { NEW_CITIZENS, fullName } from './support/test-persons.ts';
import { sharedServer } from './support/shared-server.ts';

/*
 * Issue 10.16 as a person meets it: the contact person keeps her work phone in "Mine
 * kontaktoplysninger", shares the diagnosis with a provider by choice, and the provider's
 * therapist sees who to call at home and the diagnosis that was shared.
 */

const SLUG_OF: Record<string, string> = { '0151': 'ballerup', '0157': 'gentofte', '0159': 'gladsaxe', '0163': 'herlev', '0173': 'lyngby', '0175': 'rodovre', '0190': 'fureso', '0230': 'rudersdal', '0240': 'egedal' };
const PHONE = '39 57 51 23';

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

async function shot(name: string): Promise<void> {
  const file = await screenshot(page, `contact-details-${name}`);
  // Kept beside the work too, for looking at by hand.
  if (process.env.SAMKRAFT_SHOTS_DIR) fs.copyFileSync(file, path.join(process.env.SAMKRAFT_SHOTS_DIR, path.basename(file)));
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}

describe('contact details and the shared diagnosis', () => {
  it('the contact person keeps her work phone, the provider sees it and the diagnosis she chose to share', async () => {
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
    // From no phone and no e-mail, whatever another file on this shared server left (correspondence.test.ts clears both).
    await sendJson(page, 'PUT', '/api/me/contact', { phone: null, email: null });
    await page.reload();
    await page.getByRole('button', { name: 'Mine kontaktoplysninger' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Mine kontaktoplysninger' });
    await dialog.getByLabel('Arbejdstelefon').fill('ring mig op');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.getByText('Har ikke det rigtige format').waitFor();
    await dialog.getByLabel('Arbejdstelefon').fill(PHONE);
    // Typing again takes the refused value's message away; the dialog has settled once it has gone.
    await dialog.getByText('Har ikke det rigtige format').waitFor({ state: 'hidden' });
    // The window narrowed and widened again (a tablet turned): her button moves from the header to
    // the menu and back, the dialog stays open with what she typed.
    await page.setViewportSize({ width: 600, height: 900 });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await dialog.getByLabel('Arbejdstelefon').inputValue()).toBe(PHONE);
    await shot('profile');
    await dialog.getByRole('button', { name: 'Gem' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // A course of its own, made through the API: a plan, a diagnosis, no cross-referral yet.
    const person = NEW_CITIZENS.pia;
    const items = [{ courseId: await createPlannedCourse(page, person, { diagnosisCode: 'DC50' }) }];
    let chosen: { courseId: string; interventionName: string; hostName: string; hostCode: string; diagnosis: { code: string; title: string } } | undefined;
    for (const item of items) {
      const data = await getJson<CourseCrossReferrals>(page, `/api/courses/${item.courseId}/cross-referrals`);
      if (!data.shareOptions.plan || !data.shareOptions.diagnosis || data.crossReferrals.length > 0) continue;
      const { suggestions } = await getJson<CourseSuggestions>(page, `/api/courses/${item.courseId}/suggestions`);
      const s = suggestions.find((x) => x.providers.some((p) => p.host.code !== '0159'));
      const p = s?.providers.find((x) => x.host.code !== '0159');
      if (s && p) {
        chosen = { courseId: item.courseId, interventionName: s.nameDa, hostName: p.host.name, hostCode: p.host.code, diagnosis: data.shareOptions.diagnosis };
        break;
      }
    }
    expect(chosen, 'a Gladsaxe course with a plan, a diagnosis, no cross-referral and a provider elsewhere').toBeDefined();
    const c = chosen!;
    const diagnosisText = `${c.diagnosis.code} ${c.diagnosis.title}`;

    await page.goto(`${server.url}/forloeb/${c.courseId}`);
    await page.getByRole('link', { name: /Henvis til tværkommunal indsats/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Henvis til tværkommunal indsats' }).waitFor();
    await page.getByRole('radio', { name: new RegExp(`^${c.interventionName} — ${c.hostName}`) }).check();
    await page.getByRole('checkbox', { name: 'Vanskeligheder og behov' }).check();
    await page.getByRole('checkbox', { name: `Del diagnosen: ${diagnosisText}` }).check();
    await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    const preview = page.getByRole('region', { name: 'Forhåndsvisning — præcis dette sendes' });
    await preview.getByText(diagnosisText).waitFor();
    await shot('share-diagnosis');
    await page.getByRole('checkbox', { name: /Borgeren har givet samtykke/ }).check();
    await page.getByRole('button', { name: 'Send henvisningen' }).click();
    await page.getByText('Henvisningen er sendt.').waitFor();

    await page.context().clearCookies();
    await signInAsDemoUser(page, server.url, `${SLUG_OF[c.hostCode]}.terapeut`);
    const inbox = await getJson<ProviderInbox>(page, '/api/provider-inbox');
    const item = inbox.items.find((i) => i.state === 'new' && i.receivedOn === inbox.asOf && i.interventionName === c.interventionName && i.citizenName === fullName(person));
    expect(item, 'the referral just sent').toBeDefined();
    const incoming = await getJson<IncomingReferral>(page, `/api/provider-inbox/${item!.id}`);
    await page.goto(`${server.url}/indbakke/${item!.id}`);
    const home = page.getByRole('table', { name: 'Kontaktperson i hjemkommunen' });
    await home.getByRole('link', { name: PHONE }).waitFor();
    expect(incoming.homeContact.phone).toBe(PHONE);
    expect(await home.getByRole('cell', { name: incoming.homeContact.name ?? '—' }).count()).toBe(1);
    await page.getByText(diagnosisText).waitFor();
    await shot('provider');
  });
});
