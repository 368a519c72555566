import type { CourseSuggestions } from '@samkraft/contracts/suggestions';

/** One offering the contact person may refer the citizen to, with what helps choose between them. */
export type ReferChoice = {
  offeringId: string;
  interventionCode: string;
  interventionName: string;
  hostName: string;
  placeName: string;
  distanceKm: number | null;
  nextTeamStartOn: string | null;
  freeSeats: number;
  waiting: number;
  expectedWaitWeeks: number | null;
  inferred: boolean;
};

/**
 * The send form's choices: only the suggestions (interventions whose target group the citizen is
 * in) and, of their routed providers, those in another municipality — an offering at home is a
 * home offer, not a cross-municipal referral. Suggestion order is kept, nearest provider first.
 */
export function referChoices(suggestions: CourseSuggestions, homeMunicipalityCode: string, language: 'da' | 'en' = 'da'): ReferChoice[] {
  return suggestions.suggestions.flatMap((s) =>
    s.providers
      .filter((p) => p.host.code !== homeMunicipalityCode)
      .map((p) => ({
        offeringId: p.offeringId,
        interventionCode: s.interventionCode,
        interventionName: language === 'en' ? s.nameEn : s.nameDa,
        hostName: p.host.name,
        placeName: p.placeName,
        distanceKm: p.distanceKm,
        nextTeamStartOn: p.nextTeamStartOn,
        freeSeats: p.freeSeats,
        waiting: p.waiting,
        expectedWaitWeeks: p.expectedWaitWeeks,
        inferred: p.inferred,
      })),
  );
}
