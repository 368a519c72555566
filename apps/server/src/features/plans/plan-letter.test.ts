import type { ActionPlan } from '@samkraft/contracts/plans';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../platform/pdf/render-pdf.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { planLetter } from './plan-letter.ts';
import type { PlanLetterFacts } from './plan.repository.ts';

const long = 'At kunne gå en tur på to kilometer i eget tempo uden pause, tre gange om ugen, og at kunne bære indkøb hjem fra butikken uden smerter i armen';
const plan: ActionPlan = {
  id: '00000000-0000-4000-8000-000000000001',
  courseId: '00000000-0000-4000-8000-000000000002',
  version: 1,
  agreedOn: '2026-11-16',
  difficultiesAndNeeds: 'Træthed → nedsat armfunktion',
  purposeAndContent: 'Genvinde styrke',
  location: 'Træningscenter',
  responsibilities: [],
  otherAdministrations: null,
  returnToWork: null,
  evaluationOn: null,
  evaluationBy: null,
  firstFollowUpOn: '2026-12-14',
  goals: (['open', 'reached', 'partly_reached', 'not_reached', 'dropped'] as const).map((status, i) => ({ id: `00000000-0000-4000-8000-00000000000${i + 1}`, ordinal: i + 1, description: long, targetOn: '2026-09-30', status, statusRecordedOn: null })),
  revisionReason: null,
  createdBy: null,
  createdAt: '2026-11-16T10:00:00.000Z',
};
const facts: PlanLetterFacts = { citizenName: 'P-plan Borger', municipalityName: 'Gladsaxe', contactPersonName: 'Anna Anden', contactPersonEmail: 'anna@gladsaxe.dk', contactPersonPhone: '39 57 51 23', unitPhone: '39 57 50 00' };

const lines = async (f: PlanLetterFacts) => (await readPdfText(await renderPdf(planLetter(plan, f)))).text.split('\n').map((l) => l.trim());

describe('the plan PDF', () => {
  it('never breaks a goal status or a target date mid-word, beside a long goal (issue 10.24)', async () => {
    const text = await lines(facts);
    for (const status of ['Igangværende', 'Nået', 'Delvist nået', 'Ikke nået', 'Opgivet']) {
      expect(text.filter((l) => l.endsWith(` ${status}`) || l === status), status).not.toHaveLength(0);
    }
    expect(text.filter((l) => l.includes('30. september 2026'))).toHaveLength(5);
    // No line is a stray piece of a status word.
    expect(text.filter((l) => /^(ende|rende|de|nde|ængerende)$/.test(l))).toEqual([]);
  });

  it("carries the contact person's name, work phone and e-mail, or the unit's phone (issue 10.16)", async () => {
    const joined = (await lines(facts)).join(' ');
    expect(joined).toContain('Din kontaktperson: Anna Anden, tlf. 39 57 51 23, anna@gladsaxe.dk');
    const noPhone = (await lines({ ...facts, contactPersonPhone: null })).join(' ');
    expect(noPhone).toContain('Din kontaktperson: Anna Anden, anna@gladsaxe.dk. Kræftrehabiliteringen i Gladsaxe Kommune: tlf. 39 57 50 00');
  });
});
