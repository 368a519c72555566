import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDetail, TeamDetail, TeamList } from '@samkraft/contracts/teams';
import { readPdfText } from '../../apps/server/src/test-support/read-pdf.ts';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import path from 'node:path';
import { getJson } from './support/page-api.ts';
import { screenshot, screenshotDir } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { sharedServer } from './support/shared-server.ts';

const server = sharedServer();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // A tablet held in landscape: the attendance screen is used standing in the training room.
  page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
});
afterAll(async () => {
  await page?.close();
  await browser?.close();
});

async function expectAccessible(name: string): Promise<void> {
  await screenshot(page, `teams-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}


describe('teams and attendance', () => {
  it('lets the Gladsaxe therapist open a demo team and mark attendance for a session', async () => {
    await signInAsDemoUser(page, server.url, 'gladsaxe.terapeut');
    await page.locator('a[href="/hold"]:visible').first().click();
    await page.getByRole('heading', { level: 1, name: 'Hold' }).waitFor();
    await page.getByRole('heading', { name: 'Opret hold' }).waitFor();
    await expectAccessible('list');

    const { teams } = await getJson<TeamList>(page, '/api/teams');
    const team = teams.find((t) => t.name.startsWith('Træning for mænd'));
    expect(team, 'the demo team for men in Gladsaxe').toBeDefined();
    await page.getByRole('link', { name: team!.name }).click();
    await page.getByRole('heading', { level: 1, name: team!.name }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Deltagere' }).waitFor();
    await expectAccessible('team');

    // The latest session already held that has participants on its list.
    const detail = await getJson<TeamDetail>(page, `/api/teams/${team!.id}`);
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
    // Big enough for a finger on a tablet: every mark button at least 44 × 44 px.
    for (const name of ['Mødt', 'Afbud', 'Udeblevet']) {
      const box = await group.getByRole('button', { name }).boundingBox();
      expect(box!.height, name).toBeGreaterThanOrEqual(44);
      expect(box!.width, name).toBeGreaterThanOrEqual(44);
    }
    const marked = await getJson<SessionDetail>(page, `/api/team-sessions/${held!.id}`);
    const first = marked.participants[0]!;
    await card.getByText(`Session ${first.sessionNumber} af ${first.quota}`).first().waitFor();
    await expectAccessible('session-marked');

    // The printable team list: names and session of quota, no CPR numbers.
    const print = page.getByRole('link', { name: 'Udskriv holdliste' });
    const href = await print.getAttribute('href');
    expect(href).toBe(`/api/team-sessions/${held!.id}/team-list.pdf`);
    const bytes = await page.evaluate(async (p) => Array.from(new Uint8Array(await (await fetch(p, { credentials: 'same-origin' })).arrayBuffer())), href!);
    const pdf = (await readPdfText(new Uint8Array(bytes))).text.replace(/\s+/g, ' ');
    expect(pdf).toContain(`Holdliste: ${team!.name}`);
    expect(pdf).toContain(first.citizen.name);
    expect(pdf).toContain(`${first.sessionNumber}/${first.quota}`);
    for (const p of marked.participants) expect(pdf).not.toContain(p.citizen.identifier.slice(0, 6));
  });

  it('cancels a session with a reason and reinstates it', async () => {
    const { teams } = await getJson<TeamList>(page, '/api/teams');
    const team = teams.find((t) => t.name.startsWith('Træning for mænd'))!;
    const detail = await getJson<TeamDetail>(page, `/api/teams/${team.id}`);
    const upcoming = detail.sessions.find((s) => !s.cancelled && s.recorded === 0 && new Date(s.startsAt) > new Date());
    expect(upcoming, 'an upcoming session of the demo team').toBeDefined();
    await page.goto(`${server.url}/hold/${team.id}/sessioner/${upcoming!.id}`);
    await page.getByRole('heading', { level: 1, name: /^Fremmøde:/ }).waitFor();
    const form = page.getByRole('form', { name: 'Aflys sessionen' });
    await form.getByRole('button', { name: 'Aflys sessionen' }).click();
    expect(await form.getByRole('textbox', { name: /^Årsag til aflysning/ }).evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(false);
    await form.getByRole('textbox', { name: /^Årsag til aflysning/ }).fill('Terapeuten er syg');
    await form.getByRole('button', { name: 'Aflys sessionen' }).click();
    await page.getByText('Sessionen er aflyst: Terapeuten er syg').waitFor();
    expect(await page.getByRole('group', { name: /^Fremmøde for / }).count()).toBe(0);
    await expectAccessible('session-cancelled');
    await page.getByRole('button', { name: 'Genoptag sessionen' }).click();
    await page.getByRole('form', { name: 'Aflys sessionen' }).waitFor();
    expect((await getJson<SessionDetail>(page, `/api/team-sessions/${upcoming!.id}`)).session.cancelled).toBe(false);
  });

  it('ends a citizen\'s course on the team early with a reason', async () => {
    const { teams } = await getJson<TeamList>(page, '/api/teams');
    const team = teams.find((t) => t.name.startsWith('Træning for mænd'))!;
    const before = await getJson<TeamDetail>(page, `/api/teams/${team.id}`);
    const enrolled = before.enrolments.find((e) => e.status === 'enrolled');
    expect(enrolled, 'an enrolled participant').toBeDefined();
    await page.goto(`${server.url}/hold/${team.id}`);
    await page.getByRole('heading', { level: 2, name: 'Deltagere' }).waitFor();
    // One seat more: the server gives it to the waiting list at once (none waits in the demo).
    const seats = page.getByRole('form', { name: 'Pladser' });
    await seats.getByRole('textbox', { name: /^Pladser/ }).fill(String(before.team.capacity + 1));
    await seats.getByRole('button', { name: 'Gem pladser' }).click();
    await page.getByText(`${before.team.enrolled} / ${before.team.capacity + 1}`).waitFor();
    await seats.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'teams-team-capacity.png') });
    await page.getByRole('button', { name: `Afslut ${enrolled!.citizen.name}` }).click();
    const form = page.getByRole('form', { name: `Afslut ${enrolled!.citizen.name}` });
    await form.getByRole('combobox', { name: 'Årsag' }).selectOption('dropped_out');
    await form.getByRole('button', { name: 'Afslut forløbet på holdet' }).click();
    await page.getByRole('heading', { level: 2, name: 'Afsluttede' }).waitFor();
    const after = await getJson<TeamDetail>(page, `/api/teams/${team.id}`);
    expect(after.enrolments.find((e) => e.id === enrolled!.id)).toMatchObject({ status: 'ended', endReason: 'dropped_out' });
    await page.getByRole('row', { name: new RegExp(enrolled!.citizen.name) }).filter({ hasText: 'Stoppet' }).waitFor();
    await expectAccessible('team-ended');
    // On a session's attendance page the citizen's card says the course ended early — not that the quota was used.
    let shown: string | null = null;
    for (const s of after.sessions.filter((x) => !x.cancelled)) {
      const d = await getJson<SessionDetail>(page, `/api/team-sessions/${s.id}`);
      if (d.participants.some((p) => p.enrolmentId === enrolled!.id)) {
        shown = s.id;
        break;
      }
    }
    expect(shown, 'a session listing the ended participant').not.toBeNull();
    await page.goto(`${server.url}/hold/${team.id}/sessioner/${shown}`);
    const card = page.getByRole('region', { name: new RegExp(enrolled!.citizen.name) });
    await card.getByText(/afsluttet, før kvoten var brugt/).waitFor();
    expect(await card.innerText()).not.toContain('Kvoten er brugt');
  });
});
