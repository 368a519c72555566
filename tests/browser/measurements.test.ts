import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingReferral, ProviderInbox } from '@samkraft/contracts/cross-referrals';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { getJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';

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
  await screenshot(page, `measurements-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}

/** A demo therapist with an accepted referral in the inbox: the deeper assessment's form shows there. */
async function anAcceptedReferral(): Promise<string> {
  for (const slug of ['gentofte', 'gladsaxe', 'herlev', 'ballerup', 'rudersdal', 'lyngby', 'rodovre', 'egedal', 'fureso']) {
    await page.context().clearCookies();
    await signInAsDemoUser(page, server.url, `${slug}.terapeut`);
    const inbox = await getJson<ProviderInbox>(page, '/api/provider-inbox');
    const item = inbox.items.find((i) => i.state === 'accepted');
    if (item) return item.id;
  }
  throw new Error('no demo therapist has an accepted referral');
}

describe('numbers typed the Danish way in the deeper assessment', () => {
  it('stores "78,5" kg as 78.5, refuses -5 m and 99999 m naming the field, and corrects a value keeping its history', async () => {
    const id = await anAcceptedReferral();
    await page.goto(`${server.url}/indbakke/${id}`);
    const form = page.getByRole('form', { name: 'Uddybende udredning' });
    await form.waitFor();
    await form.getByLabel('Fund').fill('Nedsat kondition; vejer sig hjemme på badevægt');
    const weight = form.getByRole('textbox', { name: 'Vægt (kg)' });
    const walk = form.getByRole('textbox', { name: '6 minutters gangtest (m)' });
    const chair = form.getByRole('textbox', { name: /^30 sek\. rejse-sætte-sig/ });
    await weight.fill('78,5');
    await chair.fill('12');

    // Before: "-5" became 0 and "99999" was accepted; now each is refused beside the field.
    await walk.fill('-5');
    await walk.blur();
    await expect.poll(() => walk.getAttribute('aria-invalid')).toBe('true');
    const walkError = form.getByText('Skal være mellem 0 og 1.000');
    await walkError.waitFor();
    await expectAccessible('walk-refused');
    await walk.fill('99999');
    await form.getByRole('button', { name: 'Gem udredningen' }).click();
    await walkError.waitFor();
    // The browser did not send the form: nothing was recorded.
    expect((await getJson<IncomingReferral>(page, `/api/provider-inbox/${id}`)).deeperAssessments.some((a) => a.findings.startsWith('Nedsat kondition; vejer'))).toBe(false);

    await walk.fill('420');
    await form.getByRole('button', { name: 'Gem udredningen' }).click();
    const table = page.getByRole('region', { name: /^Målinger / }).last();
    await table.getByRole('cell', { name: '78,5 kg' }).waitFor();
    const recorded = (await getJson<IncomingReferral>(page, `/api/provider-inbox/${id}`)).deeperAssessments.find((a) => a.findings.startsWith('Nedsat kondition; vejer'));
    expect(recorded?.tests.map((t) => [t.testCode, t.value])).toEqual([
      ['chair_stand_30s', 12],
      ['six_minute_walk', 420],
      ['weight', 78.5],
    ]);
    await expectAccessible('recorded');

    // The server refuses what the web would: a lost decimal comma, named by its field.
    const refused = await page.evaluate(
      async ({ id, assessedOn }) => {
        const session = await (await fetch('/api/auth/session')).json();
        const res = await fetch(`/api/provider-inbox/${id}/deeper-assessments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ assessedOn, profession: 'physiotherapist', findings: 'x', tests: [{ testCode: 'weight', value: 785 }], goals: [] }),
        });
        return { status: res.status, body: await res.json() };
      },
      { id, assessedOn: recorded?.assessedOn ?? '' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toMatchObject([{ field: 'tests[0].value', code: 'out_of_range', params: { minimum: 20, maximum: 300 } }]);

    // Correct the weight, typed with a point this time: a new version, the old value kept.
    await table.getByRole('button', { name: 'Ret Vægt' }).click();
    const correction = table.getByRole('form', { name: 'Ret Vægt' });
    const newValue = correction.getByRole('textbox', { name: 'Ny værdi (kg)' });
    expect(await newValue.inputValue()).toBe('78,5');
    await newValue.fill('785');
    await correction.getByRole('textbox', { name: 'Begrundelse' }).fill('Aflæst forkert');
    await correction.getByRole('button', { name: 'Gem rettelsen' }).click();
    await correction.getByText('Skal være mellem 20 og 300').waitFor();
    await screenshot(page, 'measurements-correction-refused');
    await newValue.fill('80.2');
    await correction.getByRole('button', { name: 'Gem rettelsen' }).click();
    await table.getByRole('cell', { name: /^80,2 kg/ }).waitFor();
    await table.getByText('rettet', { exact: true }).waitFor();
    const history = table.getByRole('list', { name: 'Historik for Vægt' });
    await history.getByText(/^78,5 kg — målt .* af /).waitFor();
    await history.getByText(/^80,2 kg — rettet .* af .*: Aflæst forkert$/).waitFor();
    await expectAccessible('corrected');
  });
});
