import { z } from 'zod';
import { municipalityRef, sex, text } from './common.ts';

export const suggestionProvider = z.object({
  offeringId: text,
  host: municipalityRef,
  placeName: text,
  address: text.nullable(),
  /** Town hall to town hall (great circle) until addresses are geocoded; null outside the nine. */
  distanceKm: z.number().nullable(),
  inferred: z.boolean(),
  routingNote: text.nullable(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  freeSeats: z.number().int(),
  waiting: z.number().int(),
  nextTeamStartOn: text.nullable(),
  expectedWaitWeeks: z.number().int().nullable(),
});
export type SuggestionProvider = z.infer<typeof suggestionProvider>;

export const suggestion = z.object({
  interventionCode: text,
  nameDa: text,
  nameEn: text,
  category: text,
  targetTextDa: text.nullable(),
  providers: z.array(suggestionProvider),
});
export type Suggestion = z.infer<typeof suggestion>;

export const courseSuggestions = z.object({
  basis: z.object({
    sex,
    age: z.number().int(),
    diagnosisCode: text.nullable(),
    treatmentStatus: text.nullable(),
    assessedOn: text.nullable(),
    areas: z.array(text),
  }),
  suggestions: z.array(suggestion),
});
export type CourseSuggestions = z.infer<typeof courseSuggestions>;
