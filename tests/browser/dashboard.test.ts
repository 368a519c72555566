import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot, screenshotDir } from './support/screenshot.ts';
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

const PANELS = [
  { id: 'referrals', title: 'Henvisninger pr. halvår og hjemkommune' },
  { id: 'flows', title: 'Henvisninger fra hjemkommune (rækker) til udførende kommune (kolonner)' },
  { id: 'indicators', title: 'De fem indikatorer over tid, mod deres mål' },
  { id: 'waiting', title: 'Ventetid fra henvisning til start pr. indsats (dage)' },
  { id: 'teams', title: 'Holdenes belægning og ventelister pr. udførende kommune' },
  // The demo's example tariffs price the period, so the balance is in kroner (units without a tariff).
  { id: 'balance', title: 'Mellemkommunal balance i kr.' },
] as const;

async function openDashboard(page: Page, username: string): Promise<void> {
  await signInAsDemoUser(page, server.url, username);
  await page.getByRole('link', { name: 'Overblik' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Overblik' }).waitFor();
  for (const p of PANELS) await page.locator(`figure[data-panel="${p.id}"] [data-chart] svg`).waitFor();
  // ECharts draws its first frame after the SVG element appears; animations run ~1 s.
  await page.waitForTimeout(1500);
}

const chart = (page: Page, id: string): Locator => page.locator(`figure[data-panel="${id}"] [data-chart]`);

/** The centre of the largest drawn shape of a chart (a bar, a Sankey flow), in page coordinates. */
async function largestShape(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await chart(page, id).evaluate((element) => {
    let best: DOMRect | null = null;
    const frame = element.getBoundingClientRect();
    for (const path of Array.from(element.querySelectorAll('svg path'))) {
      const fill = path.getAttribute('fill') ?? '';
      if (fill === 'none' || fill === '' || fill === 'transparent') continue;
      const r = path.getBoundingClientRect();
      // Leave out the legend's small icons and anything as wide as the chart (the background).
      if (r.width < 6 || r.height < 6 || r.width > element.clientWidth * 0.9) continue;
      // Leave out the legend under the plot (the last 70 pixels).
      if (r.bottom > frame.bottom - 70) continue;
      if (!best || r.width * r.height > best.width * best.height) best = r;
    }
    return best ? { x: best.x + best.width / 2, y: best.y + best.height / 2 } : null;
  });
  if (!box) throw new Error(`no shape drawn in the ${id} chart`);
  return box;
}

describe('Overblik (the dashboard)', () => {
  it('shows a coordinator every chart drawn from the demo data, each with its table, and passes axe', async () => {
    await withPage(async (page) => {
      await openDashboard(page, 'ballerup.koordinator');
      for (const p of PANELS) {
        await page.getByRole('heading', { name: p.title }).waitFor();
        const svg = chart(page, p.id).locator('svg');
        // Drawn: the SVG has shapes and text (axis labels, node names, legend).
        expect(await svg.locator('path').count(), p.id).toBeGreaterThan(3);
        expect((await svg.textContent())?.trim().length ?? 0, p.id).toBeGreaterThan(0);
        expect(await chart(page, p.id).getAttribute('role')).toBe('img');
        expect(await chart(page, p.id).getAttribute('aria-label')).toContain(p.title);
        await chart(page, p.id).scrollIntoViewIfNeeded();
        fs.mkdirSync(screenshotDir, { recursive: true });
        await page.locator(`figure[data-panel="${p.id}"]`).screenshot({ path: path.join(screenshotDir, `dashboard-${p.id}.png`) });
      }
      // The legends name the series: one per municipality in the referrals, the five indicators.
      const indicatorLegend = await chart(page, 'indicators').locator('svg text').allTextContents();
      for (const n of ['1.', '2.', '3.', '4.', '5.']) expect(indicatorLegend.some((t) => t.startsWith(n))).toBe(true);
      const referralsLegend = await chart(page, 'referrals').locator('svg text').allTextContents();
      for (const m of ['Ballerup', 'Gladsaxe']) expect(referralsLegend).toContain(m);
      // Priced, the balance is not said to be in units.
      expect(await page.getByText(/Enheder, ikke kroner/).count()).toBe(0);

      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await screenshot(page, 'dashboard-coordinator');
    });
  });

  it('drills from a bar and from a Sankey flow into the table, filtered to that row', async () => {
    await withPage(async (page) => {
      await openDashboard(page, 'ballerup.koordinator');
      const referrals = page.locator('figure[data-panel="referrals"]').locator('..');
      await chart(page, 'referrals').scrollIntoViewIfNeeded();
      const bar = await largestShape(page, 'referrals');
      await page.mouse.click(bar.x, bar.y);
      await referrals.getByText(/^Tabellen viser kun: \d\. halvår \d{4}\.$/).waitFor();
      const table = referrals.getByRole('table', { name: 'Henvisninger pr. halvår og hjemkommune' });
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBe(1);
      await referrals.getByRole('button', { name: 'Vis alle rækker' }).click();
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);

      const flows = page.locator('figure[data-panel="flows"]').locator('..');
      await chart(page, 'flows').scrollIntoViewIfNeeded();
      const flow = await largestShape(page, 'flows');
      await page.mouse.click(flow.x, flow.y);
      await flows.getByText(/^Tabellen viser kun: /).waitFor();
      const flowTable = flows.getByRole('table', { name: 'Henvisninger fra hjemkommune (rækker) til udførende kommune (kolonner)' });
      expect(await flowTable.locator('tbody tr').count()).toBe(1);
      await screenshot(page, 'dashboard-drilled');

      // "Vis tabel" is the keyboard's way to the same figures.
      const teams = page.locator('figure[data-panel="teams"]').locator('..');
      await teams.getByRole('button', { name: 'Vis tabel' }).click();
      await teams.getByRole('table', { name: 'Holdenes belægning og ventelister pr. udførende kommune' }).waitFor();
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    });
  });

  it("shows a municipal lead their own municipality's figures", async () => {
    await withPage(async (page) => {
      await openDashboard(page, 'gladsaxe.leder');
      await page.getByText('Du ser din egen kommunes tal.').waitFor();
      await page.getByText(/· Gladsaxe · opgjort/).waitFor();
      await screenshot(page, 'dashboard-lead');
    });
  });
});
