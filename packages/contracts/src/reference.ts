import { z } from 'zod';
import { text } from './common.ts';

export const municipality = z.object({
  code: text,
  name: text,
  isMember: z.boolean(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export type Municipality = z.infer<typeof municipality>;
