import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseDetail } from '@samkraft/contracts/courses';
import type { OrganisationItem } from '@samkraft/contracts/organisations';
import { buildCareCommunication } from '../../apps/server/src/features/medcom/carecommunication-builder.ts';
import { MEDCOM_TEST_ORGANISATIONS } from '../../apps/server/src/features/demo/demo-organisations.data.ts';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { BROWSER_MESSAGES_TOKEN } from './support/messages-token.ts';
import { createPlannedCourse, getJson, sendJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { fullName, NEW_CITIZENS } from './support/test-persons.ts';

/*
 * MedCom correspondence as staff see it (issue 12): a GP's message about a person Gladsaxe does
 * not know yet waits under "Beskeder uden forløb"; once the referral is registered the contact
 * person places it on the new course, where it shows with its text; she answers and writes a new
 * message to the GP from the course, which is queued and sent; the administrator sees every
 * message's metadata, not its content.
 */

const RIKKE = NEW_CITIZENS.rikke;
// The demo's Gladsaxe GP clinic and Gladsaxe's unit carry the SOR codes and GLNs of MedCom's test messages.
const GP = MEDCOM_TEST_ORGANISATIONS.medcomFdis91;
const GLADSAXE_UNIT = MEDCOM_TEST_ORGANISATIONS.sundhedsplejenAabenraa;
const GP_TEXT = 'Bo har fået taget blodprøver. Svarene er vedhæftet.';

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
  await page.waitForLoadState('networkidle');
  await screenshot(page, `correspondence-${name}`);
  const violations = await checkAccessibility(page);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}

/** The GP's system sends a CareCommunication about Bo to Gladsaxe's unit, as the health network delivers it. */
async function gpSendsMessage(): Promise<void> {
  const built = buildCareCommunication({
    kind: 'new',
    sender: { sor: GP.sorCode, gln: GP.gln, name: 'Lægehuset Demogården (fiktiv)' },
    receiver: { sor: GLADSAXE_UNIT.sorCode, gln: GLADSAXE_UNIT.gln, name: 'Gladsaxe Kommune' },
    patient: { identifier: { kind: 'cpr', value: RIKKE.cpr.replace('-', '') }, family: RIKKE.familyName, given: RIKKE.givenName.split(' ') },
    category: 'examination-results',
    topic: 'Blodprøvesvar',
    text: GP_TEXT,
    attachment: { title: 'Blodprøver', data: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64'), contentType: 'application/pdf' },
    author: { given: ['Lise'], family: 'Læge', role: { text: 'Læge' }, phone: '+4544000000' },
    sentAt: new Date(),
  });
  const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${BROWSER_MESSAGES_TOKEN}` }, body: JSON.stringify(built.bundle) });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('correspondence with the GP on a course, and a message without a course placed on one', () => {
  let courseId = '';

  it('a message about a person the municipality does not know waits under "Beskeder uden forløb"', async () => {
    await gpSendsMessage();
    await signInAsDemoUser(page, server.url, 'gladsaxe.kontakt');
    await page.getByRole('link', { name: /^Beskeder uden forløb/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Beskeder uden forløb' }).waitFor();
    const card = page.getByRole('article', { name: new RegExp(RIKKE.cpr) });
    await card.getByText(GP_TEXT).waitFor();
    await card.getByText('Kommunen har ingen borger med dette CPR-nummer').waitFor();
    await expectAccessible('unmatched-unknown');
  });

  it('once the referral is registered, the contact person places it on the course, where it shows', async () => {
    courseId = await createPlannedCourse(page, RIKKE, { diagnosisCode: 'DC50' });
    await page.reload();
    const card = page.getByRole('article', { name: new RegExp(RIKKE.cpr) });
    await card.getByRole('combobox', { name: 'Forløb' }).selectOption(courseId);
    await expectAccessible('unmatched-place');
    await card.getByRole('button', { name: 'Læg på forløbet' }).click();
    await page.getByText('Beskeden er lagt på forløbet.').waitFor();
    await page.getByText('Ingen beskeder venter.').waitFor();
    await page.getByRole('link', { name: /Åbn forløbet/ }).click();
    await page.getByRole('heading', { level: 1, name: `Forløb for ${fullName(RIKKE)}` }).waitFor();
    const received = page.getByRole('article', { name: /^Modtaget fra Lægehuset Demogården/ });
    await received.getByText(GP_TEXT).waitFor();
    await received.getByText(/Undersøgelsessvar · Blodprøvesvar/).waitFor();
    await received.getByRole('link', { name: 'Hent Blodprøver' }).waitFor();
  });

  it('she replies to the GP and writes a new message from the course; each is queued, then sent', async () => {
    // The GP calls back on her work phone (a MedCom message names one); closing.test.ts clears it again.
    await sendJson(page, 'PUT', '/api/me/contact', { phone: '39 57 59 99', email: null });
    const course = await getJson<CourseDetail>(page, `/api/courses/${courseId}`);
    const clinics = await getJson<OrganisationItem[]>(page, '/api/organisations?kind=gp_clinic&q=Demog%C3%A5rden');
    await sendJson(page, 'PUT', `/api/citizens/${course.citizen.id}/gp`, { gp: { organisationId: clinics[0]!.id } });
    await page.reload();

    const received = page.getByRole('article', { name: /^Modtaget fra Lægehuset Demogården/ });
    await received.getByRole('button', { name: 'Svar' }).click();
    const reply = page.getByRole('form', { name: /^Svar til Lægehuset Demogården/ });
    await reply.getByRole('textbox', { name: 'Tekst' }).fill('Tak. Vi tager hensyn til det i træningen.');
    await reply.getByRole('button', { name: 'Send besked' }).click();
    await page.getByText('Beskeden er lagt i udbakken og sendes nu.').waitFor();

    await page.getByRole('button', { name: 'Skriv ny besked' }).click();
    const form = page.getByRole('form', { name: 'Ny besked' });
    await form.getByRole('button', { name: 'Send besked' }).click();
    // Every missing field named at once: the category and the text (the GP is the receiver already).
    await form.getByText('Skal udfyldes', { exact: true }).nth(1).waitFor();
    await expectAccessible('write-errors');
    await form.getByRole('combobox', { name: 'Kategori' }).selectOption('training');
    await form.getByRole('textbox', { name: 'Emne' }).fill('Holdtræning');
    await form.getByRole('textbox', { name: 'Tekst' }).fill('Bo er startet på holdtræning to gange om ugen.');
    await form.getByRole('button', { name: 'Send besked' }).click();
    await page.getByText('Beskeden er lagt i udbakken og sendes nu.').waitFor();
    const sent = page.getByRole('article', { name: /^Sendt til Lægehuset Demogården/ }).filter({ hasText: 'Holdtræning' });
    await sent.getByText('Bo er startet på holdtræning to gange om ugen.').waitFor();
    // The outbox sends it within a second or two; the page shows it when read again.
    await expect.poll(async () => {
      await page.reload();
      return sent.getByTestId('course-message-state').innerText();
    }, { timeout: 20_000 }).toMatch(/^Sendt .*, venter på kvittering$/);
    const answer = page.getByRole('article', { name: /^Sendt til Lægehuset Demogården/ }).filter({ hasText: 'Tak. Vi tager hensyn' });
    await answer.getByText(/^Svar · /).waitFor();
    await expectAccessible('course');
  }, 60_000);

  it('the closing note goes to the GP and to a hospital department with SOR and EAN electronically; the closing page shows both states', async () => {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
    const conversation = { heldOn: today, evaluation: 'Målene er nået.', planOnward: null, citizenExperience: null, questionnaire: 'not_asked', satisfaction: null, benefit: null, endAssessmentId: null };
    await sendJson(page, 'PUT', `/api/courses/${courseId}/closing/conversation`, conversation);
    await sendJson(page, 'PUT', `/api/courses/${courseId}/closing/note`, { body: 'Kære læge\n\nBo har afsluttet sit rehabiliteringsforløb.\n\nMed venlig hilsen' });
    const departments = await getJson<OrganisationItem[]>(page, '/api/organisations?kind=hospital_department');
    const department = departments.find((d) => d.addressable)!;
    await page.goto(`${server.url}/forloeb/${courseId}/afslutning`);
    await page.getByRole('checkbox', { name: 'Sendt til hospitalsafdeling' }).check();
    await page.getByRole('combobox', { name: 'Hospitalsafdeling' }).selectOption(department.id);
    await page.getByTestId('closing-department-channel').filter({ hasText: 'Notatet sendes også elektronisk til afdelingen' }).waitFor();
    await page.getByRole('checkbox', { name: /Borgeren har givet samtykke/ }).check();
    await page.getByRole('button', { name: 'Send til egen læge' }).click();
    await page.getByTestId('closing-message-status').waitFor();
    await page.getByTestId('closing-hospital-message-status').waitFor();
    await expect.poll(async () => {
      await page.reload();
      return [await page.getByTestId('closing-message-status').innerText(), await page.getByTestId('closing-hospital-message-status').innerText()];
    }, { timeout: 20_000 }).toEqual([expect.stringMatching(/^Afslutningsnotatet blev sendt elektronisk /), expect.stringMatching(/^Afslutningsnotatet blev sendt elektronisk til hospitalsafdelingen /)]);
    await expectAccessible('closing');
    await sendJson(page, 'PUT', '/api/me/contact', { phone: null, email: null });
  }, 60_000);

  it('the administrator sees every message with its state, not its content', async () => {
    await page.context().clearCookies();
    await signInAsDemoUser(page, server.url, 'samkraft.admin');
    await page.getByRole('link', { name: 'Beskeder', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Beskeder' }).waitFor();
    await page.getByRole('combobox', { name: 'Type' }).selectOption('care_communication');
    await page.getByRole('combobox', { name: 'Retning' }).selectOption('out');
    await page.getByTestId('messages-total').filter({ hasText: /besked(er)?$/ }).waitFor();
    const table = page.getByRole('table', { name: 'Beskeder' });
    await table.getByRole('row').nth(1).waitFor();
    expect(await table.innerText()).not.toContain('holdtræning');
    expect(await page.content()).not.toContain(RIKKE.cpr);
    await expectAccessible('admin');
  });
});
