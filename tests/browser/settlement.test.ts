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
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  try {
    await fn(page);
  } finally {
    await context.close();
  }
}

/** A Danish amount as the page shows it ("1.234,50") as a number. */
const kroner = (text: string): number => Number(text.trim().replaceAll('.', '').replace(',', '.'));

describe('Afregning', () => {
  it("shows the coordinator the demo data's cost-neutral statement in kroner, and prints it as a PDF", async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'ballerup.koordinator');
      await page.getByRole('link', { name: 'Afregning' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Afregning' }).waitFor();
      await page.getByRole('heading', { name: /^Opgørelse \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/ }).waitFor();
      await page.getByText('Ikke låst: beregnet af registreringerne nu.').waitFor();

      // Per municipality: the demo's cross-municipal courses deliver units valued by its example tariffs,
      // and what all deliver is what all receive — so the nets add up to 0.
      const table = page.getByRole('table', { name: 'Pr. kommune', exact: true });
      const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
      expect(await rows.count()).toBeGreaterThanOrEqual(6);
      let delivered = 0;
      let received = 0;
      let net = 0;
      for (const row of await rows.all()) {
        const cells = await row.getByRole('cell').allInnerTexts();
        delivered += kroner(cells[1] ?? '');
        received += kroner(cells[3] ?? '');
        net += kroner(cells[4] ?? '');
      }
      expect(delivered).toBeGreaterThan(0);
      expect(Math.round(delivered * 100)).toBe(Math.round(received * 100));
      expect(Math.round(net * 100)).toBe(0);
      await expect(page.getByRole('table', { name: 'Pr. kommunepar' }).count()).resolves.toBe(0);

      // The example tariffs say what they are and where they come from.
      const tariffs = page.getByRole('table', { name: 'Takster' });
      await tariffs.getByText(/^EKSEMPELDATA \(demo\), ikke vedtaget/).first().waitFor();

      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'settlement-cost-neutral');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent PDF (til udskrift)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^udgiftsneutralitet-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
      expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });

  it('shows a municipal lead their own municipality only, per pair in net mode, without tariff editing', async () => {
    await withPage(async (page) => {
      await signInAsDemoUser(page, server.url, 'gladsaxe.leder');
      await page.getByRole('link', { name: 'Afregning' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Afregning' }).waitFor();
      await page.locator('label', { hasText: 'Nettoafregning' }).click();
      expect(await page.getByRole('radio', { name: 'Nettoafregning' }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Vis opgørelse' }).click();
      await page.getByRole('table', { name: 'Pr. kommunepar' }).or(page.getByText('Intet at afregne mellem kommunerne i perioden.')).first().waitFor();
      const table = page.getByRole('table', { name: 'Pr. kommune', exact: true });
      await expect(table.getByRole('rowheader').allInnerTexts()).resolves.toEqual(['Gladsaxe']);
      // The other municipality of a line is named, though its row is not shown.
      for (const provider of await page.getByRole('table', { name: 'Linjer' }).getByRole('rowheader').allInnerTexts()) expect(provider).toMatch(/^\p{L}[\p{L} -]+$/u);
      await page.getByText('Kun koordinatoren kan tilføje og afslutte takster.').waitFor();
      await expect(page.getByRole('button', { name: 'Afregn og lås perioden' }).count()).resolves.toBe(0);
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'settlement-lead-net');
    });
  });

  it('fits a phone: no sideways scrolling at 390 px, each table row a card', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await signInAsDemoUser(page, server.url, 'ballerup.koordinator');
      await page.goto(`${server.url}/afregning`);
      await page.getByRole('table', { name: 'Pr. kommune', exact: true }).waitFor();
      await page.getByRole('table', { name: 'Takster' }).waitFor();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, `the page is ${scrollWidth} px wide in a ${innerWidth} px viewport`).toBeLessThanOrEqual(innerWidth);
      const hidden = await page.locator('[role="region"]').evaluateAll((regions) => regions.filter((r) => r.scrollWidth > r.clientWidth + 1).map((r) => r.getAttribute('aria-label')));
      expect(hidden).toEqual([]);
      await screenshot(page, 'settlement-390');
    } finally {
      await context.close();
    }
  });

  it('settles a period net and locks it after a confirmation, then lists it as settled', async () => {
    await withPage(async (page) => {
      // The twelve whole months before this one (ended, so they can be settled), in Danish days.
      const [y = 0, m = 0] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date()).split('-').map(Number);
      const iso = (d: Date) => d.toISOString().slice(0, 10);
      const from = iso(new Date(Date.UTC(y - 1, m - 1, 1)));
      const to = iso(new Date(Date.UTC(y, m - 1, 0)));
      await signInAsDemoUser(page, server.url, 'ballerup.koordinator');
      await page.goto(`${server.url}/afregning`);
      await page.getByRole('heading', { level: 1, name: 'Afregning' }).waitFor();
      await page.getByLabel(/^Fra/).fill(from);
      await page.getByLabel(/^Til og med/).fill(to);
      await page.locator('label', { hasText: 'Nettoafregning' }).click();
      await page.getByRole('button', { name: 'Vis opgørelse' }).click();
      await page.getByRole('heading', { name: `Opgørelse ${from} – ${to}` }).waitFor();
      await page.getByRole('table', { name: 'Pr. kommunepar' }).or(page.getByText('Intet at afregne mellem kommunerne i perioden.')).first().waitFor();

      await page.getByRole('button', { name: 'Afregn og lås perioden' }).click();
      const confirm = page.getByRole('alertdialog', { name: `Afregn og lås ${from} – ${to}?` });
      await confirm.getByText('Det kan ikke fortrydes.').waitFor();
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'settlement-lock-confirm');
      await confirm.getByRole('button', { name: 'Ja, afregn og lås' }).click();
      // The page then shows the settled statement as stored, and offers no second lock.
      await page.getByText(/^Afregnet og låst .* af Charlotte Demo Koordinator\./).waitFor();
      await expect(page.getByRole('button', { name: 'Afregn og lås perioden' }).count()).resolves.toBe(0);

      await page.getByText('Afregnede perioder', { exact: true }).click();
      await page.getByRole('table', { name: 'Afregnede perioder' }).getByRole('rowheader', { name: `${from} – ${to}` }).waitFor();
      await screenshot(page, 'settlement-locked');
    });
  });
});
