import type { FieldError } from '../../../api/apiRequestError.ts';
import { typedKeys } from '@samkraft/contracts/typed';

/** The open course a 409 from intake points to (the server names it in the allowDuplicate field). */
export function openCourseIdFrom(fields: readonly FieldError[]): string | null {
  const courseId = fields.find((x) => x.field === 'allowDuplicate' && x.code === 'open_course')?.params?.courseId;
  return typeof courseId === 'string' ? courseId : null;
}

/**
 * The intake form's fields top to bottom, each with its label's key in `intake.*`, so the error
 * summary lists them in the form's order under the labels the form shows (never the paths).
 */
export const intakeFieldLabelKeys = {
  'citizen.cpr': 'cpr',
  'citizen.sex': 'sex',
  'citizen.givenName': 'givenName',
  'citizen.familyName': 'familyName',
  'citizen.addressLine': 'addressLine',
  'citizen.postalCode': 'postalCode',
  'citizen.city': 'city',
  'citizen.phone': 'phone',
  'citizen.movedInOn': 'movedInOn',
  'gp.organisationId': 'gpClinic',
  'gp.name': 'gpName',
  'gp.ydernummer': 'gpYdernummer',
  'gp.sorCode': 'gpSorCode',
  'gp.phone': 'gpPhone',
  'gp.address': 'gpAddress',
  receivedOn: 'receivedOn',
  source: 'source',
  legalBasis: 'legalBasis',
  referringOrganisationId: 'organisation',
  referringText: 'referringText',
  diagnosisCode: 'diagnosis',
  treatmentStatus: 'treatmentStatus',
  treatmentStartedOn: 'treatmentStartedOn',
  treatmentEndedOn: 'treatmentEndedOn',
  dischargedOn: 'dischargedOn',
  planClinicalStartOn: 'planClinicalStartOn',
  targetGroup: 'targetGroup',
  targetGroupReasons: 'reasons',
  targetGroupJustification: 'justification',
} as const;
export type IntakeField = keyof typeof intakeFieldLabelKeys;
export const intakeFieldOrder = typedKeys(intakeFieldLabelKeys);

export function isIntakeField(field: string): field is IntakeField {
  return Object.hasOwn(intakeFieldLabelKeys, field);
}

/** The prefix of the intake form's field ids, which the error summary links to. */
export const INTAKE_FORM_ID = 'intake';
