import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderInbox } from '@samkraft/contracts/cross-referrals';
import type { StatusNoteInbox } from '@samkraft/contracts/status-notes';
import type { TeamDetail, TeamList } from '@samkraft/contracts/teams';
import { TEST_PERSONS } from '../../apps/server/src/features/demo/demo-people.data.ts';
import { readPdfText } from '../../apps/server/src/test-support/read-pdf.ts';
import { acknowledgedMessageOf, buildAcknowledgement } from '../../apps/server/src/features/medcom/acknowledgement-builder.ts';
import { readCareCommunication } from '../../apps/server/src/features/medcom/carecommunication-reader.ts';
import { validateCareCommunication } from '../../apps/server/src/features/medcom/medcom-validation.ts';
import type { FhirBundle } from '../../apps/server/src/platform/fhir/fhir-json.ts';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { getJson, sendJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { startServer, type RunningServer } from './support/start-server.ts';

/*
 * The acceptance journey of the cross-municipal issue, with two users in two browsers: Gladsaxe's
 * contact person refers a breast-operated woman; Gentofte (which hosts breast training for
 * Gladsaxe) contacts, enrols, marks three sessions and ends the course; the status notes reach
 * Gladsaxe; the contact person holds the closing conversation, downloads the closing note and sends
 * it to the GP — electronically, as a MedCom CareCommunication through the file drop, delivered
 * when the GP's acknowledgement is dropped in the inbox.
 *
 * A course takes weeks, so server and browsers run on a clock the test moves: the server reads
 * "now" from SAMKRAFT_CLOCK_FILE (demo/test only), the browsers get Playwright's fixed time.
 */

// Pia Test Berggren, an official MedCom test person (refdata/cpr) whom the demo does not use.
const CPR = '050505-9996';
const NAME = 'Pia Test Berggren';
// Monday 11 January 2027, 09:00 in Copenhagen. No holidays in the weeks that follow.
const T0 = '2027-01-11T08:00:00.000Z';
const RECEIVED = '2027-01-11';
// The provider's contact deadline: 5 working days after receipt (day 0 = Mon 11 Jan) → Mon 18 Jan,
// counted by hand, not by the code under test.
const CONTACT_DUE_DANISH = '18. 1. 2027';
const INTERVENTION = 'Træning for brystopererede kvinder';

const clockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-journey-clock-'));
const clockFile = path.join(clockDir, 'now.txt');
// The messaging module's file drop: the server reads in/ and writes out/ every half second.
const messagesDir = path.join(clockDir, 'messages');

let server: RunningServer;
let browser: Browser;
let homeContext: BrowserContext;
let providerContext: BrowserContext;
let home: Page;
let provider: Page;

async function setNow(iso: string): Promise<void> {
  fs.writeFileSync(clockFile, iso);
  await Promise.all([homeContext.clock.setFixedTime(new Date(iso)), providerContext.clock.setFixedTime(new Date(iso))]);
}

beforeAll(async () => {
  fs.writeFileSync(clockFile, T0);
  [server, browser] = await Promise.all([startServer({ env: { SAMKRAFT_CLOCK_FILE: clockFile, SAMKRAFT_MESSAGES_DIR: messagesDir, SAMKRAFT_MESSAGES_INTERVAL_MS: '500' } }), launchBrowser()]);
  homeContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  providerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await setNow(T0);
  home = await homeContext.newPage();
  provider = await providerContext.newPage();
});
afterAll(async () => {
  await Promise.all([homeContext?.close(), providerContext?.close()]);
  await Promise.all([server?.stop(), browser?.close()]);
  fs.rmSync(clockDir, { recursive: true, force: true });
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, `journey-cross-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}


describe('across municipalities: refer, contact, enrol, attend, end, status notes, closing', () => {
  let courseId = '';
  let crossReferralId = '';
  let teamId = '';

  it('uses a test person the demo does not, and the server runs on the journey clock', async () => {
    expect(Object.values(TEST_PERSONS).map((p) => p.cpr)).not.toContain(CPR.replace('-', ''));
    expect(server.logs.some((l) => l.includes('the clock is read from a file'))).toBe(true);
  });

  it('Gladsaxe registers the referral, assesses, agrees a plan and sends it to the suggested breast-training offering', async () => {
    await signInAsDemoUser(home, server.url, 'gladsaxe.kontakt');
    await home.getByRole('link', { name: 'Ny henvisning' }).click();
    await home.getByRole('heading', { level: 1, name: 'Ny henvisning' }).waitFor();
    await home.getByRole('textbox', { name: 'CPR-nummer' }).fill(CPR);
    await home.getByText('Ny borger, født 5. 5. 2005').waitFor();
    await home.getByRole('textbox', { name: 'Fornavn(e)' }).fill('Pia Test');
    await home.getByRole('textbox', { name: 'Efternavn' }).fill('Berggren');
    await home.getByRole('textbox', { name: 'Adresse' }).fill('Testvej 6');
    await home.getByRole('textbox', { name: 'Postnr.' }).fill('2860');
    await home.getByRole('textbox', { name: 'By' }).fill('Søborg');
    await home.getByLabel('Modtaget den').fill(RECEIVED);
    await home.getByRole('combobox', { name: 'Henvist af' }).selectOption('gp');
    await home.getByRole('combobox', { name: 'Lovgrundlag' }).selectOption('SUL119');
    await home.getByRole('combobox', { name: 'Henvisende enhed' }).selectOption({ label: 'Lægehuset Demogården (fiktiv)' });
    await home.getByRole('combobox', { name: 'Diagnose (ICD-10)' }).selectOption('DC50');
    await home.getByRole('combobox', { name: 'Behandlingsstatus' }).selectOption('treatment_ended');
    await home.getByLabel('Behandling afsluttet', { exact: true }).fill('2026-12-15');
    await home.getByRole('radio', { name: 'I målgruppen' }).check();
    await home.getByRole('button', { name: 'Registrér henvisning' }).click();
    await home.getByRole('heading', { level: 1, name: `Forløb for ${NAME}` }).waitFor();
    courseId = new URL(home.url()).pathname.split('/')[2]!;

    await home.getByRole('button', { name: 'Bliv kontaktperson' }).click();
    await home.getByRole('button', { name: 'Bliv kontaktperson' }).waitFor({ state: 'detached' });
    await home.getByRole('textbox', { name: 'Dato for kontakt' }).fill(RECEIVED);
    await home.getByRole('textbox', { name: 'Note' }).fill('Ringet op efter operationen');
    await home.getByRole('button', { name: 'Gem kontakt' }).click();
    await home.getByRole('cell', { name: 'Ringet op efter operationen' }).waitFor();

    await home.goto(`${server.url}/forloeb/${courseId}/behovsvurdering`);
    await home.getByRole('heading', { level: 1, name: 'Behovsvurdering' }).waitFor();
    await home.getByRole('radio', { name: 'Indledende' }).check();
    await home.getByLabel('Dato for vurderingen').fill(RECEIVED);
    await home.getByRole('radio', { name: '6', exact: true }).check();
    await home.getByRole('checkbox', { name: 'Træthed og manglende energi' }).check();
    await home.getByRole('textbox', { name: 'Hvad er vigtigst for borgeren lige nu?' }).fill('At kunne løfte armen over hovedet igen');
    await home.getByRole('textbox', { name: 'Den sundhedsfaglige vurdering' }).fill('Nedsat bevægelighed i højre skulder efter operation');
    await home.getByRole('button', { name: 'Gem behovsvurdering' }).click();
    await home.getByRole('heading', { name: /^Indledende ·/ }).waitFor();

    await home.goto(`${server.url}/forloeb/${courseId}/handleplan`);
    await home.getByRole('heading', { level: 1, name: 'Handleplan' }).waitFor();
    await home.getByRole('textbox', { name: 'Borgerens vanskeligheder og behov' }).fill('Nedsat bevægelighed i skulderen');
    await home.getByRole('textbox', { name: 'Formålet med indsatsen, og hvad den skal bestå i' }).fill('Holdtræning for brystopererede');
    await home.getByRole('textbox', { name: 'Hvor indsatsen foregår' }).fill('Gentofte');
    await home.getByRole('textbox', { name: 'Del 1', exact: true }).fill('Træning');
    await home.getByRole('textbox', { name: 'Ansvarlig for del 1' }).fill('Fysioterapeut i Gentofte');
    await home.getByRole('textbox', { name: 'Andre forvaltninger eller centre, der er involveret' }).fill('Ingen');
    await home.getByLabel('Evalueres den').fill('2027-04-12');
    await home.getByRole('textbox', { name: 'Evalueres af' }).fill('Kontaktpersonen');
    await home.getByLabel('Første opfølgning').fill('2027-01-25');
    await home.getByRole('textbox', { name: 'Mål 1', exact: true }).fill('Løfte armen over hovedet');
    await home.getByRole('button', { name: 'Gem handleplan' }).click();
    await home.getByRole('heading', { name: 'Gældende handleplan (version 1)' }).waitFor();

    // The send form starts from the suggestions: breast training, routed to Gentofte for Gladsaxe.
    await home.goto(`${server.url}/forloeb/${courseId}/henvisning`);
    await home.getByRole('heading', { level: 1, name: 'Henvis til tværkommunal indsats' }).waitFor();
    const choices = home.getByRole('radiogroup', { name: /Vælg blandt forslagene/ });
    const breast = choices.getByRole('radio', { name: new RegExp(`^${INTERVENTION} — Gentofte`) });
    await breast.waitFor();
    await expectAccessible(home, 'suggestions');
    await breast.check();
    await home.getByRole('checkbox', { name: 'Vanskeligheder og behov' }).check();
    await home.getByRole('checkbox', { name: 'Mål', exact: true }).check();
    await home.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    await home.getByRole('region', { name: 'Forhåndsvisning — præcis dette sendes' }).getByRole('rowheader', { name: 'Vanskeligheder og behov' }).waitFor();
    await home.getByRole('checkbox', { name: /Borgeren har givet samtykke/ }).check();
    await home.getByRole('button', { name: 'Send henvisningen' }).click();
    await home.getByText('Henvisningen er sendt.').waitFor();
    await home.getByRole('article', { name: `${INTERVENTION} — Gentofte` }).getByText('Afventer').waitFor();
  });

  it("Gentofte's therapist sees it in the inbox with its deadline, records contact and enrols the citizen", async () => {
    await signInAsDemoUser(provider, server.url, 'gentofte.terapeut');
    await provider.locator('a[href="/indbakke"]:visible').first().click();
    await provider.getByRole('heading', { level: 1, name: 'Indbakke' }).waitFor();
    const inbox = await getJson<ProviderInbox>(provider, '/api/provider-inbox');
    expect(inbox.asOf).toBe(RECEIVED);
    const item = inbox.items.find((i) => i.citizenName === NAME);
    expect(item, 'the referral just sent').toBeDefined();
    expect(item).toMatchObject({ state: 'new', receivedOn: RECEIVED, interventionName: INTERVENTION });
    crossReferralId = item!.id;
    const row = provider.getByRole('row').filter({ has: provider.locator(`a[href="/indbakke/${crossReferralId}"]`) });
    await row.getByText(`Kontakt senest ${CONTACT_DUE_DANISH}`).waitFor();
    await expectAccessible(provider, 'provider-inbox');

    await row.getByRole('link', { name: NAME }).click();
    await provider.getByRole('heading', { level: 1, name: `Henvisning: ${INTERVENTION}` }).waitFor();
    await provider.getByRole('rowheader', { name: 'Vanskeligheder og behov' }).waitFor();
    // Only what was shared: the plan's purpose was not ticked, so it is not there.
    expect(await provider.getByRole('rowheader', { name: 'Formål og indhold' }).count()).toBe(0);
    await provider.getByRole('button', { name: 'Accepter og registrér kontakt' }).click();
    await provider.getByText(/^Accepteret — borgeren kontaktet /).waitFor();
    await provider.getByText(`Kontakt senest ${CONTACT_DUE_DANISH} (overholdt)`).waitFor();

    // Gentofte's breast-training team, rolling admission from today.
    const { teams } = await getJson<TeamList>(provider, '/api/teams');
    const team = teams.find((t) => t.offering.interventionCode === 'breast_training');
    expect(team, `a Gentofte team for ${INTERVENTION}: ${teams.map((t) => t.name).join(', ')}`).toBeDefined();
    teamId = team!.id;
    await provider.goto(`${server.url}/hold/${teamId}`);
    await provider.getByRole('heading', { level: 1, name: team!.name }).waitFor();
    const enrol = provider.getByRole('form', { name: 'Optag borger' });
    await enrol.getByRole('combobox', { name: 'Henvisning' }).selectOption(crossReferralId);
    await enrol.getByLabel('Start').fill(RECEIVED);
    await enrol.getByRole('button', { name: 'Optag på holdet' }).click();
    await provider.getByText(`${NAME} er optaget.`).waitFor();
    await expectAccessible(provider, 'enrolled');
  });

  it('three sessions later the therapist marks attendance for each, ends the course and writes the status notes', async () => {
    const detail = await getJson<TeamDetail>(provider, `/api/teams/${teamId}`);
    const sessions = detail.sessions.filter((s) => !s.cancelled && s.startsAt >= T0).slice(0, 3);
    expect(sessions).toHaveLength(3);
    // The day after the third session, 09:00 in Copenhagen.
    const third = new Date(sessions[2]!.startsAt);
    const next = new Date(Date.UTC(third.getUTCFullYear(), third.getUTCMonth(), third.getUTCDate() + 1, 8));
    await setNow(next.toISOString());
    await signInAsDemoUser(provider, server.url, 'gentofte.terapeut');

    for (const s of sessions) {
      await provider.goto(`${server.url}/hold/${teamId}/sessioner/${s.id}`);
      await provider.getByRole('heading', { level: 1, name: /^Fremmøde:/ }).waitFor();
      const group = provider.getByRole('group', { name: `Fremmøde for ${NAME}` });
      await group.getByRole('button', { name: 'Mødt' }).click();
      await expect.poll(() => group.getByRole('button', { name: 'Mødt' }).getAttribute('aria-pressed')).toBe('true');
    }
    await expectAccessible(provider, 'third-session');

    await provider.goto(`${server.url}/hold/${teamId}`);
    await provider.getByRole('heading', { level: 2, name: 'Deltagere' }).waitFor();
    await provider.getByRole('button', { name: `Afslut ${NAME}` }).click();
    const end = provider.getByRole('form', { name: `Afslut ${NAME}` });
    await end.getByRole('combobox', { name: 'Årsag' }).selectOption('completed');
    await end.getByRole('button', { name: 'Afslut forløbet på holdet' }).click();
    await provider.getByRole('row', { name: new RegExp(NAME) }).filter({ hasText: 'Gennemført' }).waitFor();
    const after = await getJson<TeamDetail>(provider, `/api/teams/${teamId}`);
    expect(after.enrolments.find((e) => e.citizen.name === NAME)).toMatchObject({ status: 'ended', endReason: 'completed' });

    // The status notes: a start note and the end note, prefilled with the three attendances.
    await provider.goto(`${server.url}/indbakke/${crossReferralId}`);
    await provider.getByRole('heading', { level: 2, name: 'Statusnotater til hjemkommunen' }).waitFor();
    const kind = provider.getByRole('combobox', { name: 'Type', exact: true });
    const body = provider.getByRole('textbox', { name: /Notat til hjemkommunen/ });
    await kind.selectOption('start');
    await body.fill('Pia er startet på holdet og er motiveret.');
    await provider.getByRole('button', { name: 'Send statusnotat' }).click();
    await provider.getByRole('status').filter({ hasText: 'Statusnotatet er sendt til hjemkommunen.' }).waitFor();

    await kind.selectOption('end');
    await expect.poll(() => provider.getByRole('textbox', { name: /Antal fremmøder/ }).inputValue()).toBe('3');
    await provider.getByRole('combobox', { name: /Årsag til afslutning/ }).selectOption('completed');
    await body.fill('Forløbet er afsluttet efter tre gange. Pia kan nu løfte armen over hovedet og træner videre hjemme.');
    await provider.getByRole('button', { name: 'Send statusnotat' }).click();
    await provider.getByRole('rowheader', { name: 'Slutnotat' }).waitFor();
    await expectAccessible(provider, 'status-notes-written');
  });

  it("the status notes appear unread in Gladsaxe's inbox; the contact person holds the closing conversation, downloads the closing note and sends it to the GP electronically", async () => {
    await signInAsDemoUser(home, server.url, 'gladsaxe.kontakt');
    await home.goto(`${server.url}/statusnotater`);
    await home.getByRole('heading', { level: 1, name: 'Statusnotater' }).waitFor();
    const notes = await getJson<StatusNoteInbox>(home, '/api/status-notes?mine=true');
    expect(notes.items.filter((n) => n.citizenName === NAME).map((n) => n.kind).sort()).toEqual(['end', 'start']);
    const row = home.getByRole('row').filter({ hasText: NAME }).filter({ hasText: 'Slutnotat' });
    expect(await row.getByText('Ulæst', { exact: true }).count()).toBe(1);
    await expectAccessible(home, 'home-status-notes');
    await row.getByRole('link', { name: `Åbn statusnotat om ${NAME}: Slutnotat` }).click();
    await home.getByText(/Pia kan nu løfte armen over hovedet/).waitFor();

    // Gladsaxe's unit and Pia's GP (the demo's Gladsaxe clinic) carry SOR codes and GLNs; with a
    // phone for the GP to call back, the note can go out as a MedCom message.
    await sendJson(home, 'PUT', '/api/me/contact', { phone: '39 57 50 00', email: null });
    await home.goto(`${server.url}/forloeb/${courseId}/afslutning`);
    await home.getByRole('heading', { level: 1, name: 'Afslutning af forløbet' }).waitFor();
    await home.getByRole('textbox', { name: 'Evaluering af forløbet' }).fill('Målet om at løfte armen er nået.');
    await home.getByRole('textbox', { name: 'Borgerens oplevelse af forløbet' }).fill('Glad for holdet i Gentofte.');
    await home.getByRole('textbox', { name: 'Borgerens plan fremover' }).fill('Træner selv to gange om ugen.');
    await home.getByRole('radiogroup', { name: 'Hvor tilfreds er du med det samlede forløb?' }).getByRole('radio', { name: '5 – Meget tilfreds' }).check();
    await home.getByRole('radiogroup', { name: 'Hvor meget har det samlede forløb hjulpet dig?' }).getByRole('radio', { name: '4 – Meget' }).check();
    await home.getByRole('button', { name: 'Gem samtalen' }).click();
    await home.getByRole('status').filter({ hasText: 'Gemt.' }).waitFor();

    await home.getByRole('button', { name: 'Lav udkast' }).click();
    const note = home.getByRole('textbox', { name: 'Notatets tekst' });
    await expect.poll(() => note.inputValue()).toContain(`Afslutningsnotat vedrørende kræftrehabilitering for ${NAME}.`);
    await home.getByRole('button', { name: 'Gem notatet' }).click();
    await home.getByText(/^Senest gemt /).waitFor();
    await expectAccessible(home, 'closing');

    const [download] = await Promise.all([home.waitForEvent('download'), home.getByRole('link', { name: 'Hent PDF' }).click()]);
    const { text } = await readPdfText(new Uint8Array(fs.readFileSync(await download.path())));
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of ['Samkraft · Gladsaxe Kommune', 'Afslutningsnotat', NAME, CPR, INTERVENTION, 'Gentofte', 'Målet om at løfte armen er nået.', 'Træner selv to gange om ugen.']) {
      expect(flat, expected).toContain(expected);
    }

    // Sent to the GP electronically; sending closes the course.
    await home.getByText(/^Notatet sendes elektronisk til egen læge/).waitFor();
    await home.getByRole('button', { name: 'Send til egen læge' }).click();
    await home.getByText(/^Afslutningsnotatet (afsendes|blev sendt) elektronisk/).waitFor();
    const main = await home.locator('main').innerText();
    expect(main).toContain('Til egen læge:');
    expect(main).toMatch(/Forløbet er afsluttet .* \(gennemført\)\./);

    // Its file appears in out/ and passes MedCom's validators.
    const outDir = path.join(messagesDir, 'out');
    const outFiles = () => (fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => f.startsWith('care-communication-')) : []);
    await expect.poll(outFiles, { timeout: 15_000 }).toHaveLength(1);
    const message = JSON.parse(fs.readFileSync(path.join(outDir, outFiles()[0]!), 'utf8')) as FhirBundle;
    const validation = await validateCareCommunication(message);
    expect(validation.valid, JSON.stringify(validation.issues)).toBe(true);
    const read = readCareCommunication(message);
    expect(read).toMatchObject({ category: 'carecoordination', topic: 'Afslutningsnotat', patient: { cpr: CPR.replace('-', '') } });
    expect(read.payloads[1]?.attachment?.contentType).toBe('application/pdf');
    await home.reload();
    await home.getByText(/^Afslutningsnotatet blev sendt elektronisk .* Vi venter på lægens kvittering\.$/).waitFor();

    // The GP's system acknowledges it: dropped in in/, the note shows delivered.
    const acknowledged = acknowledgedMessageOf(message);
    if (!acknowledged?.receiver?.sor || !acknowledged.receiver.gln) throw new Error('the message names no receiver');
    const ack = buildAcknowledgement({ code: 'ok', acknowledged, us: { sor: acknowledged.receiver.sor, gln: acknowledged.receiver.gln, name: acknowledged.receiver.name ?? '' }, sentAt: new Date(fs.readFileSync(clockFile, 'utf8').trim()) });
    fs.mkdirSync(path.join(messagesDir, 'in'), { recursive: true });
    fs.writeFileSync(path.join(messagesDir, 'in', '.ack.partial'), JSON.stringify(ack.bundle));
    fs.renameSync(path.join(messagesDir, 'in', '.ack.partial'), path.join(messagesDir, 'in', `acknowledgement-${ack.bundleId}.json`));
    const status = home.getByTestId('closing-message-status');
    await expect
      .poll(async () => {
        await home.reload();
        return status.innerText();
      }, { timeout: 15_000 })
      .toMatch(/^Afslutningsnotatet er modtaget af egen læge \(kvitteret .*\)\.$/);
    await expectAccessible(home, 'closing-sent');
  }, 120_000);
});
