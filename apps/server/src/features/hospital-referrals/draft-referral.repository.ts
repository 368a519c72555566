import { sql } from 'kysely';
import { z } from 'zod';
import type { DraftReferralState } from '@samkraft/contracts/hospital-referrals';
import type { Db } from '../../platform/database/database.ts';
import type { DraftReferral } from '../../platform/database/schema.ts';
import type { IncomingReferral } from './incoming-referral.ts';

/** The draft referral's SQL: `draft_referral` is this feature's table. */

export type DraftReferralRecord = {
  id: string;
  receivedAt: Date;
  municipalityCode: string;
  receivingOrganisationId: string;
  referral: IncomingReferral;
  receiptXml: string | null;
  state: DraftReferralState;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  referralId: string | null;
};

const phones = z.array(z.object({ number: z.string(), kind: z.string().nullable() }));
const diagnoses = z.array(z.object({ code: z.string().nullable(), type: z.string(), text: z.string(), description: z.string().nullable() }));

type Row = Omit<DraftReferral, 'id' | 'state' | 'phones' | 'additional_diagnoses' | 'received_at' | 'decided_at'> & {
  id: string;
  state: DraftReferralState;
  phones: unknown;
  additional_diagnoses: unknown;
  received_at: Date;
  decided_at: Date | null;
  decided_by_name: string | null;
};

function toRecord(r: Row): DraftReferralRecord {
  return {
    id: r.id,
    receivedAt: r.received_at,
    municipalityCode: r.municipality_code,
    receivingOrganisationId: r.receiving_organisation_id,
    receiptXml: r.receipt_xml,
    state: r.state,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    rejectionReason: r.rejection_reason,
    referralId: r.referral_id,
    referral: {
      format: r.format,
      // Version and the receipt wish matter only while the letter is answered; the receipt is stored.
      message: { envelopeId: r.envelope_id, letterId: r.letter_id, statusCode: r.status_code, sentAt: r.sent_at, episodeOfCareId: r.episode_of_care_id, receiptRequested: false, versionCode: '' },
      sender: {
        ean: r.sender_ean,
        identifier: r.sender_identifier,
        identifierCode: r.sender_identifier_code,
        organisationName: r.sender_organisation_name,
        departmentName: r.sender_department_name,
        unitName: r.sender_unit_name,
        address: r.sender_address,
        phone: r.sender_phone,
        specialityCode: r.sender_speciality_code,
        referrerName: r.referrer_name,
        referrerTitle: r.referrer_title,
      },
      receiver: { ean: r.receiver_ean, identifier: null, identifierCode: null, organisationName: r.receiver_organisation_name, departmentName: r.receiver_department_name },
      patient: {
        cpr: r.cpr,
        otherIdentifier: r.other_identifier,
        givenName: r.given_name,
        familyName: r.family_name,
        addressLine: r.address_line,
        postalCode: r.postal_code,
        city: r.city,
        phones: phones.parse(r.phones),
        email: r.email,
      },
      diagnosis: r.diagnosis_text !== null && r.diagnosis_type !== null ? { code: r.diagnosis_code, type: r.diagnosis_type, text: r.diagnosis_text, description: null } : null,
      additionalDiagnoses: diagnoses.parse(r.additional_diagnoses),
      priority: r.priority,
      texts: { clinicalReason: r.clinical_reason, supplementary: r.supplementary, cave: r.cave, anamnesis: r.anamnesis, examination: r.examination, actualMedicine: r.actual_medicine },
    },
  };
}

function selectDrafts(db: Db) {
  return db
    .selectFrom('draft_referral as d')
    .leftJoin('staff_user as s', 's.id', 'd.decided_by')
    .selectAll('d')
    .select('s.display_name as decided_by_name');
}

export type NewDraft = { receivedAt: Date; municipalityCode: string; receivingOrganisationId: string; referral: IncomingReferral; receiptXml: string | null };

/**
 * Stores a draft unless its letter (sender EAN, letter id) is stored already; returns the new
 * row's id, or undefined when the letter was there (a duplicate, also one arriving at the same time).
 */
export async function insertDraftUnlessKnown(db: Db, d: NewDraft): Promise<string | undefined> {
  const { message, sender, receiver, patient, texts } = d.referral;
  const r = await db
    .insertInto('draft_referral')
    .values({
      received_at: d.receivedAt,
      municipality_code: d.municipalityCode,
      receiving_organisation_id: d.receivingOrganisationId,
      format: d.referral.format,
      envelope_id: message.envelopeId,
      letter_id: message.letterId,
      status_code: message.statusCode,
      sent_at: message.sentAt,
      episode_of_care_id: message.episodeOfCareId,
      sender_ean: sender.ean,
      sender_identifier: sender.identifier,
      sender_identifier_code: sender.identifierCode,
      sender_organisation_name: sender.organisationName,
      sender_department_name: sender.departmentName,
      sender_unit_name: sender.unitName,
      sender_address: sender.address,
      sender_phone: sender.phone,
      sender_speciality_code: sender.specialityCode,
      referrer_name: sender.referrerName,
      referrer_title: sender.referrerTitle,
      receiver_ean: receiver.ean,
      receiver_organisation_name: receiver.organisationName,
      receiver_department_name: receiver.departmentName,
      cpr: patient.cpr,
      other_identifier: patient.otherIdentifier,
      given_name: patient.givenName,
      family_name: patient.familyName,
      address_line: patient.addressLine,
      postal_code: patient.postalCode,
      city: patient.city,
      phones: JSON.stringify(patient.phones),
      email: patient.email,
      diagnosis_code: d.referral.diagnosis?.code ?? null,
      diagnosis_type: d.referral.diagnosis?.type ?? null,
      diagnosis_text: d.referral.diagnosis?.text ?? null,
      additional_diagnoses: JSON.stringify(d.referral.additionalDiagnoses),
      priority: d.referral.priority,
      clinical_reason: texts.clinicalReason,
      supplementary: texts.supplementary,
      cave: texts.cave,
      anamnesis: texts.anamnesis,
      examination: texts.examination,
      actual_medicine: texts.actualMedicine,
      receipt_xml: d.receiptXml,
    })
    .onConflict((oc) => oc.constraint('draft_referral_sender_ean_letter_id_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

export type StoredLetter = { id: string; municipalityCode: string; municipalityName: string; receiptXml: string | null };

/** The stored draft of a letter: its id, municipality and the receipt it was answered with. */
export async function findDraftByLetter(db: Db, senderEan: string, letterId: string): Promise<StoredLetter | undefined> {
  const r = await db
    .selectFrom('draft_referral as d')
    .innerJoin('municipality as m', 'm.code', 'd.municipality_code')
    .select(['d.id', 'd.municipality_code', 'm.name', 'd.receipt_xml'])
    .where('d.sender_ean', '=', senderEan)
    .where('d.letter_id', '=', letterId)
    .executeTakeFirst();
  return r && { id: r.id, municipalityCode: r.municipality_code, municipalityName: r.name, receiptXml: r.receipt_xml };
}

export async function findDraft(db: Db, id: string): Promise<DraftReferralRecord | undefined> {
  const r = await selectDrafts(db).where('d.id', '=', id).executeTakeFirst();
  return r && toRecord(r);
}

/** A municipality's drafts in one state, newest first (pending: all; decided: the latest 200). */
export async function listDrafts(db: Db, municipalityCode: string, state: DraftReferralState): Promise<DraftReferralRecord[]> {
  let q = selectDrafts(db).where('d.municipality_code', '=', municipalityCode).where('d.state', '=', state).orderBy('d.received_at', 'desc').orderBy('d.id');
  if (state !== 'pending') q = q.limit(200);
  return (await q.execute()).map(toRecord);
}

export async function countPendingDrafts(db: Db, municipalityCode: string): Promise<number> {
  const r = await db
    .selectFrom('draft_referral')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('municipality_code', '=', municipalityCode)
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Marks a pending draft accepted or rejected; false when it was no longer pending. */
export async function decideDraft(
  db: Db,
  id: string,
  d: { state: 'accepted'; referralId: string; by: string; at: Date } | { state: 'rejected'; reason: string; by: string; at: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('draft_referral')
    .set({ state: d.state, decided_by: d.by, decided_at: d.at, referral_id: d.state === 'accepted' ? d.referralId : null, rejection_reason: d.state === 'rejected' ? d.reason : null })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** The course opened with the referral a draft became. */
export async function findCourseOfReferral(db: Db, referralId: string): Promise<string | undefined> {
  const r = await db.selectFrom('course').select('id').where('referral_id', '=', referralId).executeTakeFirst();
  return r?.id;
}
