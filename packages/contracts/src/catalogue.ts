import { z } from 'zod';
import { calendarDate, isoDate, profession } from './common.ts';
import { legalBasis, treatmentStatus } from './referrals.ts';

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
  id: z.string(),
  interventionCode: z.string(),
  homeMunicipalityCode: z.string(),
  offeringId: z.string(),
  host: z.object({ code: z.string(), name: z.string() }),
  inferred: z.boolean(),
  note: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type RoutingEntry = z.infer<typeof routingEntry>;

/** A new route from a home municipality to an offering, from a date (administrators). */
export const newRoutingBody = z.strictObject({
  /** When sent, the offering must be one of this intervention's (a guard against a stale form). */
  interventionCode: z.string().max(100).optional(),
  homeMunicipalityCode: z.string().regex(/^\d{4}$/),
  offeringId: z.uuid(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  inferred: z.boolean(),
  note: text(1000).nullable().optional(),
});
export type NewRoutingBody = z.infer<typeof newRoutingBody>;

/** Ending a route: it stays as history, valid until this date (inclusive). */
export const endRoutingBody = z.strictObject({ validTo: calendarDate });
export type EndRoutingBody = z.infer<typeof endRoutingBody>;

// ───────────── interventions ─────────────

export const interventionCategories = ['physical_training', 'interdisciplinary', 'patient_education', 'occupational_therapy', 'diet', 'other', 'individual'] as const;
export const interventionCategory = z.enum(interventionCategories);
export const interventionForms = ['team', 'individual', 'team_or_individual'] as const;
export const interventionForm = z.enum(interventionForms);
export const teamModes = ['rolling', 'cohort'] as const;
export const teamMode = z.enum(teamModes);

export const interventionListItem = z.object({
  code: z.string(),
  nameDa: z.string(),
  nameEn: z.string(),
  category: z.string(),
  form: interventionForm,
  targetTextDa: z.string().nullable(),
  dose: z.array(z.object({ part: z.string(), sessions: z.number().int(), upTo: z.boolean(), perWeek: z.number().nullable(), minutes: z.number().int() })),
  hosts: z.array(z.object({ code: z.string(), name: z.string() })),
  active: z.boolean(),
});
export type InterventionListItem = z.infer<typeof interventionListItem>;

/** One part of a dose (HHK: up to 30 OT, 15 PT and 5 dietitian sessions are three parts). */
export const dosePart = z.strictObject({
  part: z.string().trim().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _').max(50),
  profession: profession.nullable(),
  sessions: z.number().int().min(1).max(500),
  upTo: z.boolean(),
  perWeek: z.number().positive().max(20).multipleOf(0.5).nullable(),
  minutes: z.number().int().min(1).max(600),
});
export type DosePart = z.infer<typeof dosePart>;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable();

/** Everything an administrator sets on an intervention; a save replaces all of it (dose parts too). */
export const interventionFields = z.strictObject({
  nameDa: text(200),
  nameEn: text(200),
  category: interventionCategory,
  form: interventionForm,
  /** Rolling: join any week; cohort: a fixed group that starts together. Not for individual ones. */
  teamMode: teamMode.nullable(),
  descriptionDa: optionalText(4000),
  purposeDa: optionalText(4000),
  targetSex: z.enum(['F', 'M']).nullable(),
  targetMinAge: z.number().int().min(0).max(130).nullable(),
  targetMaxAge: z.number().int().min(0).max(130).nullable(),
  /** ICD-10 codes or prefixes (`DC50`, `DC509`); null = all diagnoses. */
  targetDiagnoses: z.array(z.string().trim().toUpperCase().regex(/^D[A-Z][0-9]{0,3}$/, 'an ICD-10 code like DC50')).min(1).max(200).nullable(),
  /** null = any treatment status. */
  targetTreatment: z.array(treatmentStatus).min(1).nullable(),
  targetTextDa: optionalText(1000),
  legalBases: z.array(legalBasis).min(1),
  professions: z.array(profession),
  mixedDiagnoses: z.boolean(),
  crossMunicipal: z.boolean(),
  expectedPerYear: z.number().int().min(0).max(100000).nullable(),
  /** Cohort teams: a follow-up session this many weeks after the last session (Livskraft: 8). */
  cohortFollowUpWeeks: z.number().int().min(1).max(104).nullable(),
  active: z.boolean(),
  dose: z.array(dosePart).max(10),
});
export type InterventionFields = z.infer<typeof interventionFields>;

export const newInterventionBody = interventionFields.extend({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _').min(2).max(50),
});
export type NewInterventionBody = z.infer<typeof newInterventionBody>;

export const interventionDetail = z.object({
  code: z.string(),
  nameDa: z.string(),
  nameEn: z.string(),
  category: interventionCategory,
  form: interventionForm,
  teamMode: teamMode.nullable(),
  descriptionDa: z.string().nullable(),
  purposeDa: z.string().nullable(),
  targetSex: z.enum(['F', 'M']).nullable(),
  targetMinAge: z.number().int().nullable(),
  targetMaxAge: z.number().int().nullable(),
  targetDiagnoses: z.array(z.string()).nullable(),
  targetTreatment: z.array(treatmentStatus).nullable(),
  targetTextDa: z.string().nullable(),
  legalBases: z.array(legalBasis),
  professions: z.array(profession),
  mixedDiagnoses: z.boolean(),
  crossMunicipal: z.boolean(),
  expectedPerYear: z.number().int().nullable(),
  cohortFollowUpWeeks: z.number().int().nullable(),
  active: z.boolean(),
  dose: z.array(z.object({ part: z.string(), profession: profession.nullable(), sessions: z.number().int(), upTo: z.boolean(), perWeek: z.number().nullable(), minutes: z.number().int() })),
});
export type InterventionDetail = z.infer<typeof interventionDetail>;
