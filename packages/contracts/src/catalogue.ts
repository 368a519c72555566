import { z } from 'zod';
import { isoDate } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** An administrator's change to an offering: only the fields sent change; null clears. */
export const offeringPatch = z.strictObject({
  placeName: text(200).optional(),
  address: text(300).nullable().optional(),
  contactName: text(200).nullable().optional(),
  contactPhone: text(50).nullable().optional(),
  contactEmail: z.email().max(200).nullable().optional(),
  capacity: z.number().int().min(0).max(500).optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
  note: text(1000).nullable().optional(),
});
export type OfferingPatch = z.infer<typeof offeringPatch>;

export const offering = z.object({
  id: z.string(),
  interventionCode: z.string(),
  host: z.object({ code: z.string(), name: z.string() }),
  placeName: z.string(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  capacity: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
});
export type Offering = z.infer<typeof offering>;

export const routingEntry = z.object({
  interventionCode: z.string(),
  homeMunicipalityCode: z.string(),
  offeringId: z.string(),
  host: z.object({ code: z.string(), name: z.string() }),
  inferred: z.boolean(),
  note: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type RoutingEntry = z.infer<typeof routingEntry>;

/** A new route from a home municipality to an offering, from a date (administrators). */
export const newRoutingBody = z.strictObject({
  homeMunicipalityCode: z.string().regex(/^\d{4}$/),
  offeringId: z.uuid(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  inferred: z.boolean(),
  note: text(1000).nullable().optional(),
});
export type NewRoutingBody = z.infer<typeof newRoutingBody>;
