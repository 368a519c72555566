import { z } from 'zod';
import { municipalityRef } from './common.ts';

export const suggestionProvider = z.object({
  offeringId: z.string(),
  host: municipalityRef,
  placeName: z.string(),
  address: z.string().nullable(),
  /** Town hall to town hall (great circle) until addresses are geocoded; null outside the nine. */
  distanceKm: z.number().nullable(),
  inferred: z.boolean(),
  routingNote: z.string().nullable(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  freeSeats: z.number().int(),
  waiting: z.number().int(),
  nextTeamStartOn: z.string().nullable(),
  expectedWaitWeeks: z.number().int().nullable(),
});
export type SuggestionProvider = z.infer<typeof suggestionProvider>;

export const suggestion = z.object({
  interventionCode: z.string(),
  nameDa: z.string(),
  nameEn: z.string(),
  category: z.string(),
  targetTextDa: z.string().nullable(),
  providers: z.array(suggestionProvider),
});
export type Suggestion = z.infer<typeof suggestion>;

export const courseSuggestions = z.object({
  basis: z.object({
    sex: z.enum(['F', 'M']),
    age: z.number().int(),
    diagnosisCode: z.string().nullable(),
    treatmentStatus: z.string().nullable(),
    assessedOn: z.string().nullable(),
    areas: z.array(z.string()),
  }),
  suggestions: z.array(suggestion),
});
export type CourseSuggestions = z.infer<typeof courseSuggestions>;
