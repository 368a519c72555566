import { describe, expect, it } from 'vitest';
import { goalsReachedDraft, statusNoteDraft } from './draft.ts';

const facts = {
  interventionName: 'Træning for brystopererede',
  attendanceCount: 14,
  enrolmentStartOn: '2026-09-07',
  goals: [
    { description: 'Gå 30 minutter uden pause', status: 'reached' as const },
    { description: 'Løfte armen over hovedet', status: 'partly_reached' as const },
    { description: 'Cykle til arbejde', status: 'not_reached' as const },
  ],
};

describe('statusNoteDraft', () => {
  it('drafts the start note with the start date and the agreed goals', () => {
    expect(statusNoteDraft('start', facts)).toBe(
      'Borgeren er startet på Træning for brystopererede den 07.09.2026. Aftalte mål: Gå 30 minutter uden pause; Løfte armen over hovedet; Cykle til arbejde.',
    );
    expect(statusNoteDraft('start', { ...facts, enrolmentStartOn: null, goals: [] })).toBe('Borgeren er startet på Træning for brystopererede.');
  });

  it('drafts the end note with attendance and each goal with its status', () => {
    expect(statusNoteDraft('end', facts)).toBe(
      'Forløbet på Træning for brystopererede er afsluttet. Borgeren har deltaget 14 gange. Mål: Gå 30 minutter uden pause (nået); Løfte armen over hovedet (delvist nået); Cykle til arbejde (ikke nået).',
    );
    expect(statusNoteDraft('end', { ...facts, attendanceCount: 1, goals: [] })).toBe('Forløbet på Træning for brystopererede er afsluttet. Borgeren har deltaget 1 gang.');
  });

  it('starts the other kinds with an opening to complete', () => {
    expect(statusNoteDraft('extra_support_needed', facts)).toBe('Vi vurderer, at borgeren har behov for ekstra støtte: ');
  });
});

describe('goalsReachedDraft', () => {
  it('names the reached and partly reached goals', () => {
    expect(goalsReachedDraft(facts.goals)).toBe('Gå 30 minutter uden pause (nået); Løfte armen over hovedet (delvist nået)');
    expect(goalsReachedDraft([])).toBe('');
  });
});
