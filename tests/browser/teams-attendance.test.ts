import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamDetail, TeamList } from '@samkraft/contracts/teams';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/start-server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // A tablet held in landscape: the attendance screen is used standing in the training room.
  page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
});
afterAll(async () => {
  await page?.close();
  await Promise.all([server?.stop(), browser?.close()]);
});

async function expectAccessible(name: string): Promise<void> {
  await screenshot(page, `teams-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}

async function getJson<T>(path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p, { credentials: 'same-origin' })).json(), path) as Promise<T>;
}

describe('teams and attendance', () => {
  it('lets the Gladsaxe therapist open a demo team and mark attendance for a session', async () => {
    await signInAsDemoUser(page, server.url, 'gladsaxe.terapeut');
    await page.locator('a[href="/hold"]:visible').first().click();
    await page.getByRole('heading', { level: 1, name: 'Hold' }).waitFor();
    await page.getByRole('heading', { name: 'Opret hold' }).waitFor();
    await expectAccessible('list');

    const { teams } = await getJson<TeamList>('/api/teams');
    const team = teams.find((t) => t.name.startsWith('Træning for mænd'));
    expect(team, 'the demo team for men in Gladsaxe').toBeDefined();
    await page.getByRole('link', { name: team!.name }).click();
    await page.getByRole('heading', { level: 1, name: team!.name }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Deltagere' }).waitFor();
    await expectAccessible('team');

    // The latest session already held that has participants on its list.
    const detail = await getJson<TeamDetail>(`/api/teams/${team!.id}`);
    const held = detail.sessions.filter((s) => s.recorded > 0 && new Date(s.startsAt) < new Date()).at(-1);
    expect(held, 'a held session of the demo team').toBeDefined();
    await page.goto(`${server.url}/hold/${team!.id}/sessioner/${held!.id}`);
    await page.getByRole('heading', { level: 1, name: /^Fremmøde:/ }).waitFor();
    const group = page.getByRole('group', { name: /^Fremmøde for / }).first();
    await group.waitFor();
    await expectAccessible('session');

    const card = page.locator('section').filter({ has: group });
    await group.getByRole('button', { name: 'Udeblevet' }).click();
    await card.getByText('Registreret: Udeblevet').waitFor();
    await group.getByRole('button', { name: 'Afbud' }).click();
    await card.getByRole('textbox', { name: /^Årsag til afbud/ }).fill('Til kontrol på hospitalet');
    await card.getByRole('button', { name: 'Gem afbud' }).click();
    await card.getByText('Registreret: Afbud — Til kontrol på hospitalet').waitFor();
    await group.getByRole('button', { name: 'Mødt' }).click();
    await card.getByText('Registreret: Mødt').waitFor();
    expect(await group.getByRole('button', { name: 'Mødt' }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible('session-marked');
  });
});
