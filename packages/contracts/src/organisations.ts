import { z } from 'zod';
import { municipalityCode, municipalityRef, phoneNumber, text, uuid } from './common.ts';

/*
 * Organisations: GP clinics, hospitals and their departments, the member municipalities' own units
 * and others, with the identifiers MedCom messages are addressed by (SOR code and GLN) and those
 * DK-core names beside them (CVR, ydernummer, municipality code). The identifiers' checks are the
 * value objects of identifiers.ts; the schemas here check their shape, the server their check digits.
 */

export const organisationKinds = ['hospital', 'hospital_department', 'gp_clinic', 'municipal_unit', 'other'] as const;
export const organisationKind = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof organisationKind>;

const filledText = (max: number) => text.trim().min(1, 'must not be empty').max(max);

/**
 * A GP's ydernummer (the regions' provider number): 6 digits, leading zeros kept — MedCom's
 * XREF01/REF01 test message carries `079741` with `IdentifierCode ydernummer` (refdata/README.md).
 */
export const ydernummer = text.trim().refine((v) => /^\d{6}$/.test(v), { message: 'must be a ydernummer of 6 digits', params: { code: 'ydernummer_format' }, abort: true });
/** A SOR code: at least 11 digits (dk-core `dk-core-sor-identifier`), at most 18 (the column). */
export const sorCode = text.trim().refine((v) => /^\d{11,18}$/.test(v), { message: 'must be a SOR code of 11 to 18 digits', params: { code: 'sor_format' }, abort: true });
/** A GLN (EAN location number) as typed: 13 digits. Its GS1 check digit is the server's check (`checkGln`). */
export const gln = text.trim().refine((v) => /^\d{13}$/.test(v), { message: 'must be a GLN (EAN location number) of 13 digits', params: { code: 'gln_format' }, abort: true });
/** A CVR number as typed: 8 digits. Its modulus-11 check is the server's (`checkCvr`). */
export const cvr = text.trim().refine((v) => /^\d{8}$/.test(v), { message: 'must be a CVR number of 8 digits', params: { code: 'cvr_format' }, abort: true });

/**
 * The citizen's GP clinic: one already known (`organisationId`), or a new one with its name and
 * its ydernummer and/or SOR code — a clinic whose number is known already is that clinic.
 */
export const gpClinicInput = z.strictObject({
  organisationId: uuid.optional(),
  name: filledText(200).optional(),
  ydernummer: ydernummer.optional(),
  sorCode: sorCode.optional(),
  address: filledText(300).optional(),
  phone: text.trim().regex(/^\+?[0-9 ]{8,16}$/, 'must be a phone number').optional(),
});
export type GpClinicInput = z.input<typeof gpClinicInput>;

/** A GP clinic as the citizen's record, the closing note and the pickers show it. */
export const gpClinic = z.object({
  id: uuid,
  name: text,
  ydernummer: text.nullable(),
  sorCode: text.nullable(),
  address: text.nullable(),
  phone: text.nullable(),
});
export type GpClinic = z.infer<typeof gpClinic>;

/** The pickers' list (referring unit, GP clinic, hospital department): active organisations only. */
export const organisationsQuery = z.strictObject({
  kind: organisationKind.optional(),
  /** Part of the name, or the start of the ydernummer, SOR code or GLN; at most 30 are given then. */
  q: text.trim().min(1).max(100).optional(),
});
export const organisationItem = z.object({
  id: uuid,
  kind: organisationKind,
  name: text,
  parentName: text.nullable(),
  ydernummer: text.nullable(),
  sorCode: text.nullable(),
  address: text.nullable(),
  /** It has both a SOR code and a GLN: MedCom messages can be addressed to it. */
  addressable: z.boolean(),
});
export type OrganisationItem = z.infer<typeof organisationItem>;

export const organisationStatuses = ['active', 'inactive', 'all'] as const;

/** The administrators' register: filtered, searched, paged. */
export const organisationRegisterQuery = z.strictObject({
  kind: organisationKind.optional(),
  municipalityCode: municipalityCode.optional(),
  /** Part of the name, or the start of the SOR code, GLN, ydernummer or CVR. */
  q: text.trim().min(1).max(100).optional(),
  status: z.enum(organisationStatuses).default('active'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OrganisationRegisterQuery = z.infer<typeof organisationRegisterQuery>;

/**
 * An organisation's fields as an administrator gives them (create, and update as a whole: a field
 * left out or null is cleared). The kind decides what else is needed: a hospital department names
 * its hospital (`parentId`), a municipal unit its municipality, only a GP clinic has a ydernummer.
 */
export const organisationFields = z.strictObject({
  kind: organisationKind,
  name: filledText(200),
  parentId: uuid.nullable().optional(),
  sorCode: sorCode.nullable().optional(),
  gln: gln.nullable().optional(),
  cvr: cvr.nullable().optional(),
  ydernummer: ydernummer.nullable().optional(),
  municipalityCode: municipalityCode.nullable().optional(),
  address: filledText(300).nullable().optional(),
  phone: phoneNumber.nullable().optional(),
});
export type OrganisationFields = z.input<typeof organisationFields>;

export const organisationParams = z.strictObject({ organisationId: uuid });

export const organisationDetail = z.object({
  id: uuid,
  kind: organisationKind,
  name: text,
  parent: z.object({ id: uuid, name: text }).nullable(),
  sorCode: text.nullable(),
  /** The GLN (EAN location number), 13 digits: the same whichever GLN system a message spelled it with. */
  gln: text.nullable(),
  cvr: text.nullable(),
  ydernummer: text.nullable(),
  municipality: municipalityRef.nullable(),
  address: text.nullable(),
  phone: text.nullable(),
  active: z.boolean(),
  /** It has both a SOR code and a GLN, so MedCom messages can be addressed to it (and sent from it). */
  addressable: z.boolean(),
});
export type OrganisationDetail = z.infer<typeof organisationDetail>;

export const organisationRegisterPage = z.object({
  items: z.array(organisationDetail),
  /** All that match the filter; `items` is the page of them from `offset`. */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type OrganisationRegisterPage = z.infer<typeof organisationRegisterPage>;

/** Look one organisation up by one identifier: `sor`, or `gln` (13 digits, whichever GLN system). */
export const organisationLookupQuery = z
  .strictObject({ sor: sorCode.optional(), gln: gln.optional() })
  .refine((q) => (q.sor === undefined) !== (q.gln === undefined), { message: 'give either sor or gln', params: { code: 'required' }, path: ['sor'] });
