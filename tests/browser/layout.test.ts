import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseDeadlines } from '@samkraft/contracts/deadlines';
import type { ProviderInbox } from '@samkraft/contracts/cross-referrals';
import type { StartPage } from '@samkraft/contracts/start';
import type { TeamDetail, TeamList } from '@samkraft/contracts/teams';
import type { Worklist } from '@samkraft/contracts/worklist';
import { launchBrowser } from './support/launch-browser.ts';
import { getJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/start-server.ts';

/** `2026-11-26` as the Danish UI writes it: `26. 11. 2026`. */
const danish = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${m}. ${y}`;
};

// A server of its own: the phone view of the provider's inbox needs the demo's Gladsaxe inbox,
// which status-notes.test.ts empties on the shared server (it ends the one running referral).
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), browser?.close()]);
});

async function signedIn(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await signInAsDemoUser(page, server.url, username);
  return page;
}

/** No sideways scrolling, and the element whole within the viewport's width once scrolled to. */
async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${name}: the page is ${scrollWidth} px wide in a ${innerWidth} px viewport`).toBeLessThanOrEqual(innerWidth);
}

async function expectWithinWidth(page: Page, locator: ReturnType<Page['locator']>, name: string): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, `${name} is shown`).not.toBeNull();
  expect(box!.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${name} ends on screen`).toBeLessThanOrEqual(width);
}

describe('the next thing to do (issue 10, item 17)', () => {
  it('shows the next step and its deadline at the top of the course page, in the first viewport at 1280 × 800', async () => {
    const page = await signedIn('gladsaxe.kontakt', { width: 1280, height: 800 });
    const worklist = await getJson<Worklist>(page, '/api/worklist?scope=mine');
    const course = worklist.items.find((i) => i.nextDeadline !== null)!;
    expect(course, 'a demo course of gladsaxe.kontakt with a running deadline').toBeDefined();
    const deadlines = await getJson<CourseDeadlines>(page, `/api/courses/${course.courseId}/deadlines`);
    expect(deadlines.next).not.toBeNull();

    await page.goto(`${server.url}/forloeb/${course.courseId}`);
    const panel = page.getByTestId('next-step');
    await panel.getByTestId('next-deadline').waitFor();
    expect(await panel.innerText()).toContain('Næste skridt');
    expect(await panel.getByTestId('next-deadline').innerText()).toContain(danish(deadlines.next!.dueOn));
    expect(await panel.getByTestId('next-deadline').getAttribute('data-state')).toBe(deadlines.next!.state);
    const box = await panel.boundingBox();
    expect(box!.y + box!.height, 'the whole panel is in the first viewport').toBeLessThan(700);
    await page.waitForLoadState('networkidle');
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`course page at 1280 px: ${height} px tall`);
    // 4,518 px before the less-used parts were folded away (suggestions, a later contact, pausing a deadline, death).
    expect(height).toBeLessThan(3000);
    for (const folded of ['Forslag til indsatser', 'Dødsfald']) {
      const details = page.locator('details').filter({ has: page.getByRole('heading', { level: 2, name: folded }) });
      expect(await details.evaluate((d: HTMLDetailsElement) => d.open), `${folded} is folded away`).toBe(false);
    }
    await screenshot(page, 'layout-course-1280');
    await page.close();
  });

  it('gives the start page a deadline column, the most urgent course first, and no empty "Bemærkninger" column', async () => {
    const page = await signedIn('gladsaxe.kontakt', { width: 1280, height: 800 });
    const start = await getJson<StartPage>(page, '/api/start');
    if (start.kind !== 'contact_person') throw new Error(start.kind);
    const first = start.myCourses[0]!;
    expect(first.nextDeadline, 'the first of my courses has a running deadline').not.toBeNull();
    const mine = page.getByRole('table', { name: 'Mine borgere' });
    await mine.waitFor();
    expect(await mine.getByRole('columnheader', { name: 'Frist' }).count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: 'Bemærkninger' }).count()).toBe(0);
    const firstRow = mine.getByRole('row').nth(1);
    expect(await firstRow.getByRole('rowheader').innerText()).toContain(first.citizen.name);
    const cell = firstRow.getByTestId('course-deadline');
    expect(await cell.innerText()).toContain(danish(first.nextDeadline!.dueOn));
    expect(await cell.getAttribute('data-state')).toBe(first.nextDeadline!.state);
    // Most urgent first: no course after the first is overdue when the first is not, nor due earlier in the same state.
    const ranks = { overdue: 0, due_soon: 1, open: 2, paused: 3, met: 4, met_late: 4 } as const;
    const rank = start.myCourses.map((c) => (c.nextDeadline ? ranks[c.nextDeadline.state] : 5));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    await screenshot(page, 'layout-start-1280');
    await page.close();
  });
});

describe('phone and tablet at 390 × 844 (issue 10, item 23)', () => {
  const phone = { width: 390, height: 844 };

  it("shows the worklist without sideways scrolling, the first course's deadline and state on screen", async () => {
    const page = await signedIn('gladsaxe.kontakt', phone);
    await page.goto(`${server.url}/arbejdsliste`);
    const list = page.getByRole('table', { name: 'Forløb' });
    const row = list.getByRole('row').filter({ has: page.getByTestId('deadline-state') }).first();
    await row.waitFor();
    await expectNoSidewaysScroll(page, 'worklist');
    await expectWithinWidth(page, row.locator('td[data-label="Frist"]'), 'the deadline');
    await expectWithinWidth(page, row.getByTestId('deadline-state'), 'the state');
    await screenshot(page, 'layout-worklist-390');
    await page.close();
  });

  it("shows the provider's inbox without sideways scrolling, the first referral's state and deadline on screen", async () => {
    const page = await signedIn('gladsaxe.terapeut', phone);
    const inbox = await getJson<ProviderInbox>(page, '/api/provider-inbox');
    expect(inbox.items.length, 'the demo inbox of Gladsaxe').toBeGreaterThan(0);
    await page.goto(`${server.url}/indbakke`);
    const state = page.getByTestId('inbox-state').first();
    await state.waitFor();
    await expectNoSidewaysScroll(page, 'inbox');
    await expectWithinWidth(page, state, 'the state');
    await expectWithinWidth(page, page.getByTestId('inbox-deadline').first(), 'the deadline');
    await screenshot(page, 'layout-inbox-390');
    await page.close();
  });

  it("shows the therapist's start page without sideways scrolling, each received referral's state and each team's schedule on screen", async () => {
    const page = await signedIn('gladsaxe.terapeut', phone);
    const referrals = page.locator('table').nth(0).locator('tbody tr').first();
    await referrals.waitFor();
    await expectNoSidewaysScroll(page, 'start page');
    // Nor does a table scroll sideways inside its own box.
    const hidden = await page.locator('[role="region"]').evaluateAll((regions) => regions.filter((r) => r.scrollWidth > r.clientWidth + 1).map((r) => r.getAttribute('aria-label') ?? r.textContent?.slice(0, 40)));
    expect(hidden).toEqual([]);
    await expectWithinWidth(page, referrals.locator('td').last(), 'the referral state');
    await expectWithinWidth(page, page.locator('table').nth(1).locator('tbody tr').first().locator('td').last(), 'the team schedule');
    await screenshot(page, 'layout-therapist-start-390');
    await page.close();
  });

  it("shows the team with today's (or the next) session above the tiles, and its attendance screen, without sideways scrolling", async () => {
    const page = await signedIn('gladsaxe.terapeut', phone);
    const { teams } = await getJson<TeamList>(page, '/api/teams');
    const team = teams.find((t) => t.name.startsWith('Træning for mænd'))!;
    await page.goto(`${server.url}/hold/${team.id}`);
    const now = page.getByTestId('sessions-now');
    await now.waitFor();
    await page.getByRole('heading', { level: 2, name: 'Deltagere' }).waitFor();
    await expectNoSidewaysScroll(page, 'team');
    const nowBox = (await now.boundingBox())!;
    const tilesBox = (await page.locator('main dl').first().boundingBox())!;
    expect(nowBox.y, "today's session comes before the tiles").toBeLessThan(tilesBox.y);
    expect(nowBox.y + nowBox.height, "today's session is in the first viewport").toBeLessThanOrEqual(phone.height);
    await expectWithinWidth(page, now.getByRole('link').first(), "the link to today's session");
    const participant = page.getByRole('table', { name: 'Deltagere' }).getByRole('row').nth(1);
    await expectWithinWidth(page, participant.locator('td[data-label="Brugt / kvote"]'), "the first participant's sessions used");
    await screenshot(page, 'layout-team-390');

    const detail = await getJson<TeamDetail>(page, `/api/teams/${team.id}`);
    const held = detail.sessions.filter((s) => s.recorded > 0 && new Date(s.startsAt) < new Date()).at(-1)!;
    await page.goto(`${server.url}/hold/${team.id}/sessioner/${held.id}`);
    const group = page.getByRole('group', { name: /^Fremmøde for / }).first();
    await group.waitFor();
    await expectNoSidewaysScroll(page, 'attendance');
    for (const name of ['Mødt', 'Afbud', 'Udeblevet']) {
      const button = group.getByRole('button', { name });
      await expectWithinWidth(page, button, name);
      // The whole label is shown, not "Udeb…".
      const clipped = await button.evaluate((b) => Array.from(b.querySelectorAll('span')).some((s) => s.scrollWidth > s.clientWidth + 1));
      expect(clipped, `${name}'s label is cut`).toBe(false);
    }
    await screenshot(page, 'layout-attendance-390');
    await page.close();
  });

  it('keeps the wide tables as tables at 1280 px', async () => {
    const page = await signedIn('gladsaxe.kontakt', { width: 1280, height: 800 });
    await page.goto(`${server.url}/arbejdsliste`);
    const header = page.getByRole('table', { name: 'Forløb' }).getByRole('columnheader', { name: 'Tilstand' });
    await header.waitFor();
    expect(await header.isVisible()).toBe(true);
    await expectNoSidewaysScroll(page, 'worklist at 1280 px');
    await page.close();
  });
});
