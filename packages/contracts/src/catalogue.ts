import { z } from 'zod';
import { calendarDate, isoDate, profession, sex, text } from './common.ts';
import { legalBasis, treatmentStatus } from './referrals.ts';
import { teamMode } from './teams.ts';

const filledText = (max: number) => text.trim().min(1).max(max);

/** An administrator's change to an offering: only the fields sent change; null clears. */
export const offeringPatch = z.strictObject({
  placeName: filledText(200).optional(),
  address: filledText(300).nullable().optional(),
  contactName: filledText(200).nullable().optional(),
  contactPhone: filledText(50).nullable().optional(),
  contactEmail: z.email().max(200).nullable().optional(),
  capacity: z.number().int().min(0).max(500).optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
  note: filledText(1000).nullable().optional(),
});
export type OfferingPatch = z.infer<typeof offeringPatch>;

export const offering = z.object({
  id: text,
  interventionCode: text,
  host: z.object({ code: text, name: text }),
  placeName: text,
  address: text.nullable(),
  contactName: text.nullable(),
  contactPhone: text.nullable(),
  contactEmail: text.nullable(),
  capacity: z.number().int(),
  validFrom: text,
  validTo: text.nullable(),
  note: text.nullable(),
});
export type Offering = z.infer<typeof offering>;

export const routingEntry = z.object({
  id: text,
  interventionCode: text,
  homeMunicipalityCode: text,
  offeringId: text,
  host: z.object({ code: text, name: text }),
  inferred: z.boolean(),
  note: text.nullable(),
  validFrom: text,
  validTo: text.nullable(),
  reviewedAt: text.nullable(),
});
export type RoutingEntry = z.infer<typeof routingEntry>;

/** A new route from a home municipality to an offering, from a date (administrators). */
export const newRoutingBody = z.strictObject({
  /** When sent, the offering must be one of this intervention's (a guard against a stale form). */
  interventionCode: text.max(100).optional(),
  homeMunicipalityCode: text.regex(/^\d{4}$/),
  offeringId: z.uuid(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  inferred: z.boolean(),
  note: filledText(1000).nullable().optional(),
});
export type NewRoutingBody = z.infer<typeof newRoutingBody>;

/** Ending a route: it stays as history, valid until this date (inclusive). */
export const endRoutingBody = z.strictObject({ validTo: calendarDate });
export type EndRoutingBody = z.infer<typeof endRoutingBody>;

// ───────────── interventions ─────────────

export const interventionCategories = ['physical_training', 'interdisciplinary', 'patient_education', 'occupational_therapy', 'diet', 'other', 'individual'] as const;
export const interventionCategory = z.enum(interventionCategories);
export type InterventionCategory = z.infer<typeof interventionCategory>;
export const interventionForms = ['team', 'individual', 'team_or_individual'] as const;
export const interventionForm = z.enum(interventionForms);
export type InterventionForm = z.infer<typeof interventionForm>;

export const interventionListItem = z.object({
  code: text,
  nameDa: text,
  nameEn: text,
  category: text,
  form: interventionForm,
  targetTextDa: text.nullable(),
  dose: z.array(z.object({ part: text, sessions: z.number().int(), upTo: z.boolean(), perWeek: z.number().nullable(), minutes: z.number().int() })),
  hosts: z.array(z.object({ code: text, name: text })),
  active: z.boolean(),
});
export type InterventionListItem = z.infer<typeof interventionListItem>;

/** One part of a dose (HHK: up to 30 OT, 15 PT and 5 dietitian sessions are three parts). */
export const dosePart = z.strictObject({
  part: text.trim().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _').max(50),
  profession: profession.nullable(),
  sessions: z.number().int().min(1).max(500),
  upTo: z.boolean(),
  perWeek: z.number().positive().max(20).multipleOf(0.5).nullable(),
  minutes: z.number().int().min(1).max(600),
});
export type DosePart = z.infer<typeof dosePart>;

const optionalText = (max: number) => text.trim().min(1).max(max).nullable();

/** Everything an administrator sets on an intervention; a save replaces all of it (dose parts too). */
export const interventionFields = z.strictObject({
  nameDa: filledText(200),
  nameEn: filledText(200),
  category: interventionCategory,
  form: interventionForm,
  /** Rolling: join any week; cohort: a fixed group that starts together. Not for individual ones. */
  teamMode: teamMode.nullable(),
  descriptionDa: optionalText(4000),
  purposeDa: optionalText(4000),
  targetSex: sex.nullable(),
  targetMinAge: z.number().int().min(0).max(130).nullable(),
  targetMaxAge: z.number().int().min(0).max(130).nullable(),
  /** ICD-10 codes or prefixes (`DC50`, `DC509`); null = all diagnoses. */
  targetDiagnoses: z.array(text.trim().toUpperCase().regex(/^D[A-Z][0-9]{0,3}$/, 'an ICD-10 code like DC50')).min(1).max(200).nullable(),
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
  code: text.trim().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _').min(2).max(50),
});
export type NewInterventionBody = z.infer<typeof newInterventionBody>;

export const interventionDetail = z.object({
  code: text,
  nameDa: text,
  nameEn: text,
  category: interventionCategory,
  form: interventionForm,
  teamMode: teamMode.nullable(),
  descriptionDa: text.nullable(),
  purposeDa: text.nullable(),
  targetSex: sex.nullable(),
  targetMinAge: z.number().int().nullable(),
  targetMaxAge: z.number().int().nullable(),
  targetDiagnoses: z.array(text).nullable(),
  targetTreatment: z.array(treatmentStatus).nullable(),
  targetTextDa: text.nullable(),
  legalBases: z.array(legalBasis),
  professions: z.array(profession),
  mixedDiagnoses: z.boolean(),
  crossMunicipal: z.boolean(),
  expectedPerYear: z.number().int().nullable(),
  cohortFollowUpWeeks: z.number().int().nullable(),
  active: z.boolean(),
  dose: z.array(z.object({ part: text, profession: profession.nullable(), sessions: z.number().int(), upTo: z.boolean(), perWeek: z.number().nullable(), minutes: z.number().int() })),
});
export type InterventionDetail = z.infer<typeof interventionDetail>;
