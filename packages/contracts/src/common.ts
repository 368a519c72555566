import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
/** A real calendar date: `2025-02-30` has the right shape and is still refused. */
export const calendarDate = isoDate.refine((v) => {
  const at = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === v;
}, 'must be a real date YYYY-MM-DD');

export const uuid = z.uuid();
export const municipalityCode = z
  .string()
  .trim()
  .regex(/^\d{3,4}$/, 'must be a municipality code of 3 or 4 digits')
  .transform((v) => v.padStart(4, '0'));

export const roles = ['contact_person', 'therapist', 'municipal_lead', 'coordinator', 'administrator'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const professions = ['nurse', 'physiotherapist', 'occupational_therapist', 'dietitian', 'physician', 'social_worker', 'administrative', 'other'] as const;
export const profession = z.enum(professions);
export type Profession = z.infer<typeof profession>;

export const municipalityRef = z.object({ code: z.string(), name: z.string() });
export type MunicipalityRef = z.infer<typeof municipalityRef>;

/** The one error body of the API. `fields` names each bad field (and row, for files). */
export const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })),
  }),
});
export type ApiError = z.infer<typeof apiError>;
