import type { FieldErrorCode } from '@samkraft/contracts/common';
import { formatCpr } from '@samkraft/contracts/cpr';
import type { DraftReferralPrefill } from '@samkraft/contracts/hospital-referrals';
import type { ReferralSource } from '@samkraft/contracts/referrals';
import type { Actor } from '../../platform/auth/actor.ts';
import type { XmlInputProblem } from '../../platform/xml/xml-input.ts';
import type { IncomingReferral } from './incoming-referral.ts';
import type { RefuseCode } from './oioxml-receipts.ts';

/** Pure decisions of hospital referrals in: who may see a draft, why a letter is refused, what the intake form starts from. */

export type DraftAccess = { allowed: true } | { allowed: false; reason: 'not_staff' | 'role' | 'other_municipality' };

/** A draft is the receiving municipality's: its contact persons and leads review it, no one else reads it. */
export function decideDraftAccess(actor: Actor, municipalityCode: string): DraftAccess {
  if (actor.kind !== 'staff') return { allowed: false, reason: 'not_staff' };
  if (!actor.roles.some((r) => r === 'contact_person' || r === 'municipal_lead')) return { allowed: false, reason: 'role' };
  if (actor.municipalityCode !== municipalityCode) return { allowed: false, reason: 'other_municipality' };
  return { allowed: true };
}

/** Why a letter is refused; each is answered with a negative receipt when the envelope can be read. */
export type Refusal =
  | { problem: Exclude<XmlInputProblem, 'malformed'> | 'malformed'; message: string; line?: number }
  | { problem: 'schema'; message: string; line?: number }
  | { problem: 'wrong_letter_type' | 'several_letters'; message: string }
  | { problem: 'unknown_receiver'; message: string };

/** The refusal code of MedCom's negative receipt (XCTL02) for each reason. */
export function refuseCodeOf(problem: Refusal['problem']): RefuseCode {
  switch (problem) {
    case 'unknown_receiver':
      return 'ukendt_lokationsnummer';
    case 'wrong_letter_type':
      return 'problem_med_version';
    case 'schema':
    case 'malformed':
    case 'doctype':
    case 'bad_encoding':
    case 'unsupported_encoding':
    case 'not_xml':
    case 'empty':
      return 'syntaksfejl';
    case 'too_large':
    case 'several_letters':
      return 'ikke_specificeret';
  }
}

/** The API's field error code for each reason (the upload answers 400 naming the file). */
export function fieldCodeOf(problem: Refusal['problem']): FieldErrorCode {
  switch (problem) {
    case 'empty':
      return 'file_empty';
    case 'too_large':
      return 'file_too_large';
    case 'not_xml':
      return 'not_xml';
    case 'unsupported_encoding':
    case 'bad_encoding':
      return 'xml_encoding';
    case 'doctype':
      return 'xml_doctype';
    case 'malformed':
      return 'xml_malformed';
    case 'schema':
      return 'xml_schema';
    case 'wrong_letter_type':
    case 'several_letters':
      return 'wrong_letter_type';
    case 'unknown_receiver':
      return 'unknown_receiver';
  }
}

/**
 * The cancer diagnosis (ICD-10 DC00–DD09, three characters) an SKS diagnosis code names, if it
 * names one: SKS writes ICD-10 with a D in front and no dot (`DC509` is C50.9, breast).
 */
export function cancerDiagnosisOf(sksCode: string | null): string | null {
  const m = /^(D(?:C[0-9]{2}|D0[0-9]))/.exec((sksCode ?? '').trim().toUpperCase());
  return m?.[1] ?? null;
}

/** Where the referral comes from, by the number the sender gave of itself. */
export function sourceOf(identifierCode: string | null): ReferralSource {
  switch (identifierCode) {
    case 'ydernummer':
      return 'gp';
    case 'kommunenummer':
      return 'municipal';
    case null:
    default:
      return 'hospital_ref01';
  }
}

const IDENTIFIER_LABEL: Record<string, string> = {
  ydernummer: 'ydernummer',
  sygehusafdelingsnummer: 'sygehusafdelingsnummer',
  sorkode: 'SOR',
  lokationsnummer: 'lokationsnummer',
  kommunenummer: 'kommunenummer',
};

/** The sender as the referral's "referring organisation" text (at most 300 characters). */
export function referringTextOf(sender: IncomingReferral['sender']): string | null {
  const number = sender.identifier ? `${IDENTIFIER_LABEL[sender.identifierCode ?? ''] ?? sender.identifierCode ?? 'nr.'} ${sender.identifier}` : undefined;
  const parts = [sender.organisationName, sender.departmentName, sender.unitName, number, sender.referrerName].filter((p): p is string => !!p && p.trim() !== '' && p.trim() !== '_');
  const text = parts.join(', ');
  return text === '' ? null : text.slice(0, 300);
}

/** A sender's name for lists: organisation and department, or the EAN when it gave neither. */
export function senderNameOf(sender: IncomingReferral['sender']): string {
  return [sender.organisationName, sender.departmentName].filter((p): p is string => !!p).join(', ') || `EAN ${sender.ean}`;
}

export function patientNameOf(patient: IncomingReferral['patient']): string {
  return [patient.givenName, patient.familyName].filter((p): p is string => !!p).join(' ');
}

export function patientIdentifierOf(patient: IncomingReferral['patient']): string | null {
  return patient.cpr ? formatCpr(patient.cpr) : patient.otherIdentifier;
}

/** A phone the intake accepts (digits and spaces, an optional +): the mobile first. */
function phoneOf(phones: IncomingReferral['patient']['phones']): string | null {
  const ordered = [...phones.filter((p) => p.kind === 'mobil'), ...phones.filter((p) => p.kind !== 'mobil')];
  return ordered.map((p) => p.number.trim()).find((n) => /^\+?[0-9 ]{8,16}$/.test(n)) ?? null;
}

/**
 * What the intake form starts from: what the letter says, in the intake's terms. The cancer
 * diagnosis only when the letter's code is one (DI10, hypertension, is not: the user chooses);
 * treatment status, target group and legal basis are never in a letter.
 */
export function prefillOf(referral: IncomingReferral, o: { receivedOn: string; referringOrganisationId: string | null }): DraftReferralPrefill {
  const p = referral.patient;
  const postal = p.postalCode?.trim() ?? '';
  const codes = [referral.diagnosis, ...referral.additionalDiagnoses].map((d) => (d?.type === 'SKSdiagnosekode' ? cancerDiagnosisOf(d.code) : null));
  return {
    receivedOn: o.receivedOn,
    source: sourceOf(referral.sender.identifierCode),
    referringOrganisationId: o.referringOrganisationId,
    referringText: referringTextOf(referral.sender),
    diagnosisCode: codes.find((c) => c !== null) ?? null,
    treatmentStatus: null,
    citizen: {
      cpr: p.cpr,
      givenName: p.givenName,
      familyName: p.familyName || null,
      addressLine: p.addressLine,
      postalCode: /^[0-9]{4}$/.test(postal) ? postal : null,
      city: p.city,
      phone: phoneOf(p.phones),
    },
  };
}
