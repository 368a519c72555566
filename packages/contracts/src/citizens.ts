import { z } from 'zod';
import { isoDate, municipalityRef, text, uuid } from './common.ts';

export const citizenParams = z.strictObject({ citizenId: uuid });

export const citizenDetail = z.object({
  id: uuid,
  identifier: text,
  name: text,
  sex: z.enum(['F', 'M']),
  birthDate: isoDate,
  homeMunicipality: municipalityRef,
  /** Hidden (null) when the citizen has name and address protection. */
  address: text.nullable(),
  protected: z.boolean(),
  deceasedOn: isoDate.nullable(),
  vulnerable: z.boolean(),
  synthetic: z.boolean(),
  courses: z.array(z.object({ courseId: uuid, receivedOn: isoDate, closedOn: isoDate.nullable() })),
});
export type CitizenDetail = z.infer<typeof citizenDetail>;
