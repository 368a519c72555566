import { z } from 'zod';

export const municipality = z.object({
  code: z.string(),
  name: z.string(),
  isMember: z.boolean(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export type Municipality = z.infer<typeof municipality>;

export const interventionListItem = z.object({
  code: z.string(),
  nameDa: z.string(),
  nameEn: z.string(),
  category: z.string(),
  form: z.enum(['team', 'individual', 'team_or_individual']),
  targetTextDa: z.string().nullable(),
  dose: z.array(z.object({ part: z.string(), sessions: z.number().int(), upTo: z.boolean(), perWeek: z.number().nullable(), minutes: z.number().int() })),
  hosts: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type InterventionListItem = z.infer<typeof interventionListItem>;
