import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';

const server = sharedServer();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage(fn: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await fn(page);
  } finally {
    await context.close();
  }
}

const LUNG = 'Tværfaglig indsats for borgere med lungekræft';

describe('Katalog: administration af indsatser og ruter', () => {
  it("lets the administrator edit an intervention's dose and target age, end a route and add one", async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'samkraft.admin');
      await page.goto(`${server.url}/katalog/lung`);
      await page.getByRole('heading', { level: 1, name: LUNG }).waitFor();

      await page.getByRole('button', { name: 'Ret indsatsen' }).click();
      const form = page.getByRole('form', { name: 'Ret indsatsen' });
      await form.getByRole('textbox', { name: 'Alder fra' }).fill('18');
      await form.getByRole('button', { name: 'Tilføj del' }).click();
      const part = form.getByRole('group', { name: 'Del 1' });
      await part.getByRole('textbox', { name: /^Del \(kode\)/ }).fill('training');
      await part.getByRole('combobox', { name: 'Faggruppe' }).selectOption('physiotherapist');
      await part.getByRole('textbox', { name: /^Gange/ }).fill('12');
      await part.getByRole('textbox', { name: 'Pr. uge' }).fill('2');
      await part.getByRole('textbox', { name: /^Minutter/ }).fill('60');
      // A reversed age range first: the server names the field and the form shows it beside the input.
      await form.getByRole('textbox', { name: 'Alder til' }).fill('10');
      await form.getByRole('button', { name: 'Gem indsatsen' }).click();
      await form.getByText('Må ikke være lavere end minimumsalderen (18 år)').waitFor();
      await form.getByRole('textbox', { name: 'Alder til' }).fill('');
      await page.waitForLoadState('networkidle');
      const formViolations = await checkAccessibility(page);
      expect(formViolations, formatViolations(formViolations)).toEqual([]);
      await screenshot(page, 'catalogue-editing-intervention-form');
      await form.getByRole('button', { name: 'Gem indsatsen' }).click();
      await page.getByRole('status').filter({ hasText: 'Indsatsen er gemt.' }).waitFor();
      await page.getByText('12 gange, 2 pr. uge à 60 min.').waitFor();
      await page.getByText('18 år og derover').waitFor();

      // End Gladsaxe's route to Furesø on 30 June 2027 …
      const routes = page.getByRole('table', { name: 'Ruter for indsatsen' });
      await routes.getByRole('rowheader', { name: 'Gladsaxe' }).waitFor();
      await page.getByRole('combobox', { name: 'Vis hjemkommune' }).selectOption({ label: 'Gladsaxe' });
      await page.getByRole('button', { name: 'Afslut ruten Gladsaxe → Furesø' }).click();
      const endForm = page.getByRole('form', { name: 'Afslut ruten Gladsaxe → Furesø' });
      await endForm.getByLabel('Sidste dag').fill('2027-06-30');
      await endForm.getByRole('button', { name: 'Afslut ruten' }).click();
      await page.getByRole('status').filter({ hasText: 'Ruten er afsluttet.' }).waitFor();
      await routes.getByRole('cell', { name: /30\. 6\. 2027/ }).waitFor();

      // … an overlapping new route is refused on its start date, the day after the end is accepted.
      const addForm = page.getByRole('form', { name: 'Tilføj rute' });
      await addForm.getByRole('combobox', { name: /^Hjemkommune/ }).selectOption({ label: 'Gladsaxe' });
      await addForm.getByRole('combobox', { name: /^Udbud/ }).selectOption({ index: 1 });
      await addForm.getByLabel(/^Gyldig fra/).fill('2027-06-01');
      await addForm.getByRole('button', { name: 'Tilføj ruten' }).click();
      await addForm.getByText(/Overlapper en anden rute/).waitFor();
      await addForm.getByLabel(/^Gyldig fra/).fill('2027-07-01');
      await addForm.getByLabel('Note').fill('Ny aftale fra juli 2027');
      await addForm.getByRole('button', { name: 'Tilføj ruten' }).click();
      await page.getByRole('status').filter({ hasText: 'Ruten er tilføjet.' }).waitFor();
      await expect.poll(() => routes.getByRole('row').count()).toBe(3);
      await page.waitForLoadState('networkidle');
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'catalogue-editing-routes');

      const history = await page.evaluate(async () => (await fetch('/api/catalogue/routing/history?intervention=lung')).json());
      const gladsaxe = history.filter((r: { homeMunicipalityCode: string }) => r.homeMunicipalityCode === '0159');
      expect(gladsaxe.map((r: { validFrom: string; validTo: string | null }) => [r.validFrom, r.validTo])).toEqual([
        ['2017-10-01', '2027-06-30'],
        ['2027-07-01', null],
      ]);
    });
  });

  it('shows a contact person the catalogue without edit controls, and the API refuses their change', async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
      await page.goto(`${server.url}/katalog/lung`);
      await page.getByRole('heading', { level: 1, name: LUNG }).waitFor();
      await page.getByRole('table', { name: 'Ruter for indsatsen' }).getByRole('rowheader', { name: 'Gladsaxe' }).first().waitFor();
      await page.getByText('Kun administratorer kan rette kataloget.').waitFor();
      expect(await page.getByRole('button', { name: 'Ret indsatsen' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Afslut/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Bekræft/ }).count()).toBe(0);
      expect(await page.getByRole('form', { name: 'Tilføj rute' }).count()).toBe(0);
      const status = await page.evaluate(async () => {
        const session = await (await fetch('/api/auth/session')).json();
        const detail = await (await fetch('/api/catalogue/interventions/lung')).json();
        const { code: _code, ...fields } = detail;
        const res = await fetch('/api/catalogue/interventions/lung', {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ ...fields, targetMinAge: 99 }),
        });
        return res.status;
      });
      expect(status).toBe(403);
      await page.waitForLoadState('networkidle');
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'catalogue-editing-contact-person');
    });
  });

  it('lets the administrator add a new intervention code, which opens on its own page', async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'samkraft.admin');
      await page.goto(`${server.url}/katalog`);
      await page.getByRole('button', { name: 'Opret ny indsats' }).click();
      const form = page.getByRole('form', { name: 'Ny indsats' });
      await form.getByRole('textbox', { name: /^Kode/ }).fill('nordic_walking');
      await form.getByRole('textbox', { name: /^Navn \(dansk\)/ }).fill('Stavgang');
      await form.getByRole('textbox', { name: /^Navn \(engelsk\)/ }).fill('Nordic walking');
      await form.getByRole('textbox', { name: /^Diagnoser/ }).fill('DC50, DC99');
      await form.getByRole('button', { name: 'Opret indsatsen' }).click();
      await form.getByText('Diagnosen findes ikke på diagnoselisten (ICD-10 DC00–DD09)').waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'catalogue-editing-new-intervention');
      await form.getByRole('textbox', { name: /^Diagnoser/ }).fill('DC50');
      await form.getByRole('button', { name: 'Opret indsatsen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Stavgang' }).waitFor();
      expect(page.url()).toBe(`${server.url}/katalog/nordic_walking`);
    });
  });
});
