import { z } from 'zod';

export const municipality = z.object({
  code: z.string(),
  name: z.string(),
  isMember: z.boolean(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export type Municipality = z.infer<typeof municipality>;
