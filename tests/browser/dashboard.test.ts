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

/** The centre of the tallest provider (right-hand) node of the Sankey, in page coordinates, and its name. */
async function providerNode(page: Page): Promise<{ x: number; y: number; name: string }> {
  const found = await chart(page, 'flows').evaluate((element) => {
    const nodes: DOMRect[] = [];
    for (const path of Array.from(element.querySelectorAll('svg path'))) {
      const fill = path.getAttribute('fill') ?? '';
      if (fill === 'none' || fill === '' || fill === 'transparent') continue;
      const r = path.getBoundingClientRect();
      // A node is a narrow upright bar (ECharts' default node width is 20 pixels); a flow is wide.
      if (r.width < 10 || r.width > 30 || r.height < 6) continue;
      nodes.push(r);
    }
    // The providers are the right-hand column; the tallest receives the most.
    const right = Math.max(...nodes.map((r) => r.x));
    const best = nodes.filter((r) => r.x > right - 2).sort((a, b) => b.height - a.height)[0];
    if (!best) return null;
    // Its name is the label just right of it.
    let name = '';
    let distance = Infinity;
    for (const text of Array.from(element.querySelectorAll('svg text'))) {
      const t = text.getBoundingClientRect();
      const d = Math.abs(t.x - best.right) + Math.abs(t.y + t.height / 2 - (best.y + best.height / 2));
      if (t.x >= best.right - 2 && d < distance) {
        distance = d;
        name = text.textContent ?? '';
      }
    }
    return { x: best.x + best.width / 2, y: best.y + best.height / 2, name };
  });
  if (!found) throw new Error('no provider node drawn in the flows chart');
  return found;
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
      // Focus went to the table's caption, the status line says what it shows.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CAPTION');
      await referrals.getByRole('status').getByText(/^Tabellen viser nu: \d\. halvår \d{4}\.$/).waitFor({ state: 'attached' });
      const table = referrals.getByRole('table', { name: 'Henvisninger pr. halvår og hjemkommune' });
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBe(1);
      await referrals.getByRole('button', { name: 'Vis alle rækker' }).click();
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
      // The button went with the filter; focus is on the whole table's caption, not lost to the page.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tabellen viser alle rækker.');

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

  it('drills by keyboard only into one municipality\'s row, announced, and back to all rows', async () => {
    await withPage(async (page) => {
      await openDashboard(page, 'ballerup.koordinator');
      const teams = page.locator('figure[data-panel="teams"]').locator('..');
      const select = teams.getByRole('combobox', { name: 'Vis tal for en kommune' });
      const focused = (l: Locator) => l.evaluate((e) => e === document.activeElement);
      // Tab through the page, as a keyboard user does, to the teams chart's "Vis tal for".
      await page.locator('body').evaluate((b) => (b as HTMLElement).focus());
      let tabs = 0;
      while (!(await focused(select))) {
        expect(tabs++, 'Tab reaches "Vis tal for"').toBeLessThan(120);
        await page.keyboard.press('Tab');
      }
      // The arrow keys move through the municipalities; each choice filters the table at once.
      let steps = 0;
      while ((await select.evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent)) !== 'Ballerup') {
        expect(steps++, 'Ballerup is offered').toBeLessThan(30);
        await page.keyboard.press('ArrowDown');
      }
      expect(await focused(select)).toBe(true);
      const table = teams.getByRole('table', { name: 'Holdenes belægning og ventelister pr. udførende kommune' });
      await table.waitFor();
      expect(await table.locator('tbody tr').allTextContents()).toHaveLength(1);
      expect(await table.locator('tbody tr th').textContent()).toBe('Ballerup');
      await teams.getByText('Tabellen viser kun: Ballerup.').waitFor();
      await teams.getByRole('status').getByText('Tabellen viser nu: Ballerup.').waitFor({ state: 'attached' });
      await screenshot(page, 'dashboard-keyboard-drilled');
      await teams.screenshot({ path: path.join(screenshotDir, 'dashboard-keyboard-drilled-teams.png') });

      // Tab on to "Vis alle rækker", Enter: every row again, focus on the table's caption.
      await page.keyboard.press('Tab');
      expect(await focused(teams.getByRole('button', { name: 'Vis alle rækker' }))).toBe(true);
      await page.keyboard.press('Enter');
      await teams.getByRole('status').getByText('Tabellen viser nu alle rækker.').waitFor({ state: 'attached' });
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CAPTION');
      expect(await select.inputValue()).toBe('');
      const violations = await checkAccessibility(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    });
  });

  it('drills from a Sankey provider node into the flows into that provider', async () => {
    await withPage(async (page) => {
      await openDashboard(page, 'ballerup.koordinator');
      const flows = page.locator('figure[data-panel="flows"]').locator('..');
      await chart(page, 'flows').scrollIntoViewIfNeeded();
      const node = await providerNode(page);
      expect(node.name).toMatch(/ \(udfører\)$/);
      await page.mouse.click(node.x, node.y);
      await flows.getByText(`Tabellen viser kun: ${node.name}.`).waitFor();
      const table = flows.getByRole('table', { name: 'Henvisninger fra hjemkommune (rækker) til udførende kommune (kolonner)' });
      // The home municipality and that provider's column only, the rows with a flow into it and the total.
      const provider = node.name.replace(/ \(udfører\)$/, '');
      expect(await table.locator('thead th').allTextContents()).toEqual(['Hjemkommune', provider]);
      const rows = await table.locator('tbody tr').allTextContents();
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.at(-1)).toMatch(/^I alt/);
      for (const cell of await table.locator('tbody td').allTextContents()) expect(cell).not.toBe('0');
      // The keyboard's select says the same choice.
      expect(await flows.getByRole('combobox', { name: 'Vis tal for en kommune' }).evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(node.name);
      await flows.screenshot({ path: path.join(screenshotDir, 'dashboard-provider-drilled.png') });
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
