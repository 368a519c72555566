import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeedsAssessmentList } from '@samkraft/contracts/assessments';
import type { CoursePreparationForm } from '@samkraft/contracts/preparation-forms';
import type { NewReferralBody, NewReferralResult } from '@samkraft/contracts/referrals';
import { checkAccessibility, formatViolations } from './support/check-accessibility.ts';
import { checkPhonePage } from './support/check-phone-page.ts';
import { launchBrowser } from './support/launch-browser.ts';
import { getJson, sendJson } from './support/page-api.ts';
import { screenshot } from './support/screenshot.ts';
import { sharedServer } from './support/shared-server.ts';
import { signInAsDemoUser } from './support/sign-in.ts';
import { NEW_CITIZENS, fullName } from './support/test-persons.ts';

/*
 * Issue 13.3 as the two people meet it: Gladsaxe's contact person sends "Støtte til livet med
 * kræft" to the citizen's page; the citizen — Aya Test Berggren, an official test person who is
 * registered here as a new citizen of Gladsaxe — signs in through the demo identity provider on her
 * phone, fills in the form, saves, comes back and sends it; the contact person sees it opened and
 * answered, reviews the draft needs assessment beside "Borgerens egen besvarelse" and saves her own.
 * Every citizen page: axe finds nothing, whatever the impact, and nothing scrolls sideways.
 */

const server = sharedServer();
const person = NEW_CITIZENS.aya;
let browser: Browser;
let staff: Page;
let phone: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
});
afterAll(async () => {
  await staff?.close();
  await phone?.close();
  await browser?.close();
});

const checkPhone = (name: string) => checkPhonePage(phone, `preparation-${name}`);

async function checkStaff(name: string): Promise<void> {
  await screenshot(staff, `preparation-${name}`);
  const violations = await checkAccessibility(staff);
  expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
}

const isoToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());

describe('the preparation form, from the contact person to the citizen’s phone and back', () => {
  it('is sent, filled in on the phone, and becomes the draft of the needs assessment', async () => {
    // The contact person registers Aya's referral and takes the course (no assessment yet).
    const contact = await signInAsDemoUser(staff, server.url, 'gladsaxe.kontakt');
    const body: NewReferralBody = {
      citizen: { cpr: person.cpr, givenName: person.givenName, familyName: person.familyName, addressLine: person.addressLine, postalCode: '2860', city: 'Søborg' },
      receivedOn: isoToday(),
      source: 'self',
      legalBasis: 'SUL119',
      diagnosisCode: 'DC50',
      treatmentStatus: 'under_treatment',
      targetGroup: 'in_group',
    };
    const created = await sendJson<NewReferralResult>(staff, 'POST', '/api/referrals', body);
    expect(created.citizenCreated, `${fullName(person)} was registered before in this run`).toBe(true);
    await sendJson(staff, 'PUT', `/api/courses/${created.courseId}/contact-person`, { staffUserId: contact.id });

    // She sends the form from the course page.
    await staff.goto(`${server.url}/forloeb/${created.courseId}`);
    const section = staff.getByRole('heading', { name: 'Forberedelsesskema på borgerens side' });
    await section.waitFor();
    await staff.getByText('Ikke sendt til borgerens side.').waitFor();
    await staff.getByRole('button', { name: 'Send skemaet til borgeren' }).click();
    await staff.getByText('Ikke åbnet endnu').waitFor();
    await staff.getByText(/^Sendt .+ af /).waitFor();
    await staff.getByRole('button', { name: 'Send en påmindelse' }).click();
    await staff.getByText(/Påmindelser: 1, senest/).waitFor();

    // Aya signs in on her phone; Mit forløb points her to the form.
    await phone.goto(`${server.url}/borger`);
    await phone.getByRole('link', { name: 'Log ind med MitID', exact: true }).click();
    await phone.getByRole('heading', { name: 'Demo-login' }).waitFor();
    await phone.getByRole('button', { name: fullName(person) }).click();
    await phone.getByRole('heading', { name: 'Mit forløb', level: 1 }).waitFor();
    await phone.getByRole('heading', { name: 'Du har fået et skema' }).waitFor();
    await checkPhone('my-course-card');
    await phone.getByRole('link', { name: 'Udfyld skemaet' }).click();
    await phone.getByRole('heading', { name: 'Forbered din samtale', level: 1 }).waitFor();
    await phone.getByText(/Din kontaktperson minder dig om skemaet/).waitFor();
    expect(await phone.getByRole('link', { name: 'Forberedelse' }).getAttribute('aria-current')).toBe('page');
    await checkPhone('form');

    // The contact person sees that it was opened.
    await staff.reload();
    await staff.getByText(/Åbnet af borgeren/).waitFor();

    // Sending without the scale is refused, naming it; nothing is sent.
    await phone.getByRole('button', { name: 'Send til din kontaktperson' }).click();
    await phone.getByText('Vælg et tal fra 0 til 10, før du sender skemaet.').waitFor();
    await checkPhone('form-error');

    // She answers part of it, saves, and comes back.
    phone.setDefaultTimeout(15_000);
    staff.setDefaultTimeout(15_000);
    await phone.getByRole('radio', { name: '6', exact: true }).check();
    await phone.getByRole('checkbox', { name: 'Træthed og manglende energi' }).check();
    await phone.getByRole('button', { name: 'Gem og fortsæt senere' }).click();
    await phone.getByText(/Dine svar er gemt/).waitFor();
    await phone.reload();
    await phone.getByRole('heading', { name: 'Forbered din samtale', level: 1 }).waitFor();
    await phone.getByLabel('Træthed og manglende energi').waitFor({ state: 'attached' });
    expect(await phone.getByLabel('Træthed og manglende energi').isChecked()).toBe(true);
    expect(await phone.locator('#scale-6').isChecked()).toBe(true);

    // In English too.
    await phone.getByRole('button', { name: 'English' }).click();
    await phone.getByRole('heading', { name: 'Prepare for your conversation', level: 1 }).waitFor();
    await checkPhone('form-en');
    await phone.locator('.samkraft-borger-scale').screenshot({ path: await screenshot(phone, 'preparation-scale') });
    await phone.getByRole('button', { name: 'Dansk' }).click();
    await phone.getByRole('heading', { name: 'Forbered din samtale', level: 1 }).waitFor();

    // She finishes and sends it: final.
    await phone.getByRole('checkbox', { name: 'Frygt for tilbagefald' }).check();
    await phone.getByLabel('Hvad er vigtigst for dig lige nu?').fill('At kunne lege med mine børnebørn igen');
    await phone.getByRole('button', { name: 'Send til din kontaktperson' }).click();
    await phone.getByText('Tak – skemaet er sendt').waitFor();
    await phone.getByText('Belastning: 6 ud af 10').waitFor();
    expect(await phone.getByRole('button', { name: 'Send til din kontaktperson' }).count()).toBe(0);
    await checkPhone('answered');
    const text = await phone.locator('main').innerText();
    expect(text).not.toMatch(/0505239996|050523-9996/);

    // The contact person sees it answered and reviews the draft beside the citizen's own answer.
    await staff.reload();
    await staff.getByText(/Besvaret \d/).waitFor();
    expect(await staff.getByRole('button', { name: 'Send en påmindelse' }).count()).toBe(0);
    await checkStaff('course');
    await staff.getByRole('link', { name: 'Gennemgå udkastet til behovsvurdering' }).click();
    await staff.getByRole('heading', { name: 'Borgerens egen besvarelse' }).waitFor();
    await staff.getByText(/Udkast fra borgerens forberedelsesskema/).waitFor();
    const form = staff.getByRole('form', { name: 'Ny behovsvurdering' });
    expect(await form.getByRole('radio', { name: '6', exact: true }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'Træthed og manglende energi' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'Frygt for tilbagefald' }).isChecked()).toBe(true);
    expect(await form.getByLabel('Hvad er vigtigst for borgeren lige nu?').inputValue()).toBe('At kunne lege med mine børnebørn igen');
    await checkStaff('draft-assessment');

    // She completes it in the conversation: her own number and her assessment.
    await form.getByRole('radio', { name: '5', exact: true }).check();
    await form.getByLabel('Den sundhedsfaglige vurdering').fill('Træthed efter behandlingen; tilbyd træning og samtale om bekymringer.');
    await form.getByRole('button', { name: 'Gem behovsvurdering' }).click();
    // Saved: it stands under "Vurderinger", and the form no longer offers the draft.
    await staff.locator('article').getByText(/Træthed efter behandlingen; tilbyd træning/).waitFor();
    await staff.getByText(/Udkast fra borgerens forberedelsesskema/).waitFor({ state: 'detached' });
    await staff.getByRole('heading', { name: 'Borgerens egen besvarelse' }).waitFor();
    await staff.getByText('Belastning (borgerens eget tal): 6 af 10').waitFor();
    await checkStaff('assessment-saved');

    const saved = await getJson<NeedsAssessmentList>(staff, `/api/courses/${created.courseId}/needs-assessments`);
    expect(saved.assessments).toEqual([
      expect.objectContaining({ occasion: 'initial', scaleScore: 5, whatMattersMost: 'At kunne lege med mine børnebørn igen', problems: [expect.objectContaining({ itemCode: 'physical.fatigue' }), expect.objectContaining({ itemCode: 'psychological.recurrence' })] }),
    ]);
    const prep = await getJson<CoursePreparationForm>(staff, `/api/courses/${created.courseId}/citizen-preparation-form`);
    expect(prep.draft).toBeNull();
    expect(prep.form?.answer?.scaleScore).toBe(6);
  }, 180_000);
});
