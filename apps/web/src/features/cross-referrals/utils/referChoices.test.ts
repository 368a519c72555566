import { describe, expect, it } from 'vitest';
import type { CourseSuggestions, SuggestionProvider } from '@samkraft/contracts/suggestions';
import { referChoices } from './referChoices.ts';

const provider = (offeringId: string, code: string, name: string, distanceKm: number | null): SuggestionProvider => ({
  offeringId,
  host: { code, name },
  placeName: `Center ${name}`,
  address: null,
  distanceKm,
  inferred: false,
  routingNote: null,
  capacity: 12,
  enrolled: 10,
  freeSeats: 2,
  waiting: 0,
  nextTeamStartOn: '2026-12-01',
  expectedWaitWeeks: 0,
});

const data: CourseSuggestions = {
  basis: { sex: 'F', age: 66, diagnosisCode: 'DC50', treatmentStatus: null, assessedOn: null, areas: [] },
  suggestions: [
    { interventionCode: 'breast', nameDa: 'Træning for brystopererede', nameEn: 'Training after breast surgery', category: 'physical_training', targetTextDa: null, providers: [provider('o-gentofte', '0157', 'Gentofte', 4.1), provider('o-rudersdal', '0230', 'Rudersdal', 9.8)] },
    { interventionCode: 'mixed', nameDa: 'Blandede diagnoser', nameEn: 'Mixed diagnoses', category: 'physical_training', targetTextDa: null, providers: [provider('o-home', '0159', 'Gladsaxe', 0)] },
    { interventionCode: 'hhk', nameDa: 'Hoved-halskræft', nameEn: 'Head and neck', category: 'interdisciplinary', targetTextDa: null, providers: [] },
  ],
};

describe('referChoices', () => {
  it('offers only the suggested interventions, at providers outside the home municipality, in suggestion order', () => {
    expect(referChoices(data, '0159').map((c) => [c.offeringId, c.interventionName, c.hostName, c.distanceKm])).toEqual([
      ['o-gentofte', 'Træning for brystopererede', 'Gentofte', 4.1],
      ['o-rudersdal', 'Træning for brystopererede', 'Rudersdal', 9.8],
    ]);
  });

  it('names the intervention in the UI language and keeps the facts to choose by', () => {
    expect(referChoices(data, '0157', 'en')).toEqual([
      { offeringId: 'o-rudersdal', interventionCode: 'breast', interventionName: 'Training after breast surgery', hostName: 'Rudersdal', placeName: 'Center Rudersdal', distanceKm: 9.8, nextTeamStartOn: '2026-12-01', freeSeats: 2, waiting: 0, expectedWaitWeeks: 0, inferred: false },
      { offeringId: 'o-home', interventionCode: 'mixed', interventionName: 'Mixed diagnoses', hostName: 'Gladsaxe', placeName: 'Center Gladsaxe', distanceKm: 0, nextTeamStartOn: '2026-12-01', freeSeats: 2, waiting: 0, expectedWaitWeeks: 0, inferred: false },
    ]);
  });
});
