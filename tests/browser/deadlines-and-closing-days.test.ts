import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseDeadlines } from '@samkraft/contracts/deadlines';
import type { Worklist } from '@samkraft/contracts/worklist';
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
  await screenshot(page, `deadlines-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}

/** Reads JSON with the signed-in browser's session, to choose a demo course to work on. */

describe('deadlines on the course page, closing days and deadline policies', () => {
  it('lets the contact person pause and resume a running deadline and see its state change', async () => {
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
    const worklist = await getJson<Worklist>(page, '/api/worklist?scope=mine');
    let target: { courseId: string; kind: string } | undefined;
    for (const item of worklist.items) {
      const { deadlines } = await getJson<CourseDeadlines>(page, `/api/courses/${item.courseId}/deadlines`);
      const running = deadlines.find((d) => d.actor === 'home' && d.metOn === null && d.openPauseId === null);
      if (running) {
        target = { courseId: item.courseId, kind: running.kind };
        break;
      }
    }
    expect(target, 'a demo course of gladsaxe.kontakt with a running home deadline').toBeDefined();
    await page.goto(`${server.url}/forloeb/${target!.courseId}`);
    await page.getByRole('heading', { level: 2, name: 'Frister' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Sæt en frist i bero' }).waitFor();
    await expectAccessible('course');
    // The pause form is folded away under its heading until opened.
    expect(await page.getByRole('combobox', { name: 'Frist' }).isVisible()).toBe(false);
    await page.getByRole('heading', { level: 3, name: 'Sæt en frist i bero' }).click();

    const deadlines = page.getByRole('table', { name: 'Frister' });
    await page.getByRole('combobox', { name: 'Frist' }).selectOption(target!.kind);
    await page.getByRole('combobox', { name: 'Årsag' }).selectOption('hospital_admission');
    await page.getByRole('textbox', { name: 'Bemærkning' }).fill('Indlagt på Herlev');
    await page.getByRole('button', { name: 'Sæt i bero' }).click();
    await deadlines.getByText('Sat i bero').first().waitFor();
    const after = await getJson<CourseDeadlines>(page, `/api/courses/${target!.courseId}/deadlines`);
    expect(after.deadlines.find((d) => d.kind === target!.kind)?.state).toBe('paused');
    await expectAccessible('course-paused');

    await page.getByRole('button', { name: /^Genoptag / }).first().click();
    await page.getByRole('heading', { level: 3, name: 'Genoptag en frist' }).waitFor({ state: 'detached' });
    const resumed = await getJson<CourseDeadlines>(page, `/api/courses/${target!.courseId}/deadlines`);
    const state = resumed.deadlines.find((d) => d.kind === target!.kind)!.state;
    expect(state).not.toBe('paused');
    // The badge shows what the API says, not a state the browser worked out.
    const label = { open: 'Åben', due_soon: 'Snart', overdue: 'Overskredet', met: 'Overholdt', met_late: 'Overholdt for sent', paused: 'Sat i bero' }[state];
    await expect(deadlines.getByText(label, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expectAccessible('course-resumed');
  });

  it('lets the lead add a closing day for the municipality', async () => {
    await page.context().clearCookies();
    await signInAsDemoUser(page, server.url, 'gladsaxe.leder');
    await page.getByRole('link', { name: 'Lukkedage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lukkedage' }).waitFor();
    await page.getByRole('textbox', { name: 'Dato' }).fill('2030-05-02');
    await page.getByRole('textbox', { name: 'Betegnelse' }).fill('Personaledag');
    await page.getByRole('button', { name: 'Tilføj lukkedag' }).click();
    await page.getByRole('cell', { name: 'Personaledag', exact: true }).waitFor();
    await expect(page.getByRole('row', { name: /Personaledag/ }).getByText('Kun Gladsaxe').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Fælles standard (alle kommuner)').first().isVisible()).resolves.toBe(true);
    await expectAccessible('closing-days');
  });

  it('shows the administrator the deadline policies', async () => {
    await page.context().clearCookies();
    await signInAsDemoUser(page, server.url, 'samkraft.admin');
    await page.getByRole('link', { name: 'Fristregler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fristregler' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Første kontakt' }).waitFor();
    await page.getByText(/gælder kun for frister, hvis ur starter på eller efter/).waitFor();
    await expect(page.getByText('Gældende').count()).resolves.toBeGreaterThan(0);
    await expectAccessible('policies');
  });
});
