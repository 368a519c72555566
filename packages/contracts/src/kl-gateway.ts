import { z } from 'zod';
import { isoDate, municipalityCode, municipalityRef, text, uuid } from './common.ts';
import { klLegalBases } from './kl-gateway-codes.ts';
import { sorCode } from './organisations.ts';

export const klLegalBasis = z.enum(klLegalBases);

/** A catalogue intervention's or assessment item's FSIII code per legal basis; null = not reported under it. */
export const klFsiiiPair = z.object({ SUL140: text.nullable(), SUL119: text.nullable() });
export type KlFsiiiPair = z.infer<typeof klFsiiiPair>;

/** The body that sets one mapping: both bases at once (a code from that basis' list, or null). */
export const klFsiiiPairBody = z.strictObject({ SUL140: text.trim().max(64).nullable(), SUL119: text.trim().max(64).nullable() });
export type KlFsiiiPairBody = z.infer<typeof klFsiiiPairBody>;

export const klInterventionMapping = z.object({
  code: text,
  nameDa: text,
  nameEn: text,
  active: z.boolean(),
  legalBases: z.array(text),
  fsiii: klFsiiiPair,
});
export type KlInterventionMapping = z.infer<typeof klInterventionMapping>;

export const klAssessmentItemMapping = z.object({
  code: text,
  labelDa: text,
  labelEn: text,
  area: text,
  active: z.boolean(),
  fsiii: klFsiiiPair,
});
export type KlAssessmentItemMapping = z.infer<typeof klAssessmentItemMapping>;

/**
 * A municipality's SOR codes for the reports: the custodian (journalførende organisation,
 * the citizen's managingOrganization) and the unit that delivers (performer); null = the custodian's.
 */
export const klMunicipalitySetting = z.object({ code: text, name: text, custodianSor: text.nullable(), unitSor: text.nullable() });
export type KlMunicipalitySetting = z.infer<typeof klMunicipalitySetting>;
export const klMunicipalityBody = z.strictObject({ custodianSor: sorCode, unitSor: sorCode.nullable() });
export type KlMunicipalityBody = z.infer<typeof klMunicipalityBody>;

export const klMapping = z.object({
  interventions: z.array(klInterventionMapping),
  assessmentItems: z.array(klAssessmentItemMapping),
  municipalities: z.array(klMunicipalitySetting),
});
export type KlMapping = z.infer<typeof klMapping>;

export const klInterventionParams = z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]*$/).max(50) });
export const klAssessmentItemParams = z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_.]*$/).max(80) });
export const klMunicipalityParams = z.strictObject({ code: municipalityCode });

/** incremental: only what is new or changed since the last delivery; full: everything again, same ids. */
export const klExportModes = ['incremental', 'full'] as const;
export type KlExportMode = (typeof klExportModes)[number];

export const klExportBody = z.strictObject({
  municipality: municipalityCode,
  legalBasis: klLegalBasis,
  from: isoDate,
  to: isoDate,
  mode: z.enum(klExportModes).default('incremental'),
});
export type KlExportBody = z.input<typeof klExportBody>;

/** Why a citizen of the period is not in the delivery (each with what the user can do about it). */
export const klLeftOutReasons = ['no_cpr', 'replacement_cpr', 'missing_discharge_date', 'requester_without_sor', 'provider_without_sor', 'invariant_failed'] as const;
export type KlLeftOutReason = (typeof klLeftOutReasons)[number];

/** `detail` is a value, not a sentence: the referrals' receipt dates, the providing municipality's code, the invariants broken. */
export const klLeftOut = z.object({ citizenId: uuid, courseIds: z.array(uuid), reason: z.enum(klLeftOutReasons), detail: text.nullable() });
export type KlLeftOut = z.infer<typeof klLeftOut>;

export const klExportSummary = z.object({
  id: uuid,
  municipality: municipalityRef,
  legalBasis: klLegalBasis,
  from: isoDate,
  to: isoDate,
  mode: z.enum(klExportModes),
  createdAt: text,
  createdBy: text,
  /** Citizens with a delivery report in the file. */
  reported: z.number().int(),
  /** Citizens of the period with nothing new since the last delivery. */
  unchanged: z.number().int(),
  /** Resources in all the reports together. */
  resources: z.number().int(),
  leftOut: z.array(klLeftOut),
  /** Catalogue interventions and assessment items met in the period without an FSIII code for this basis. */
  unmappedInterventions: z.array(text),
  unmappedAssessmentItems: z.array(text),
});
export type KlExportSummary = z.infer<typeof klExportSummary>;

export const klExportListQuery = z.strictObject({ municipality: municipalityCode.optional() });
export const klExportList = z.object({ exports: z.array(klExportSummary) });
export type KlExportList = z.infer<typeof klExportList>;
