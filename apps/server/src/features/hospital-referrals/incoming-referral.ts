import type { DraftDiagnosis, DraftReferralFormat } from '@samkraft/contracts/hospital-referrals';

/**
 * A referral as it arrived, before anyone accepted it — the draft referral's model. It names no
 * OIOXML element: the XREF01 reader (`xref01.reader.ts`) fills it today, and a FHIR mapper of
 * MedCom's referral (ServiceRequest with its Task and Appointment) can fill the same fields —
 * message identity from MessageHeader/Task.identifier, sender and receiver from the
 * Organizations' GLN (EAN) and SOR, the patient from Patient (CPR system), the diagnosis from
 * ServiceRequest.reasonCode, the texts from ServiceRequest.note/supportingInfo — and everything
 * after it (storage, review, intake) stays as it is.
 */
export type IncomingReferral = {
  format: DraftReferralFormat;
  message: {
    /** The envelope's (transport's) id: XREF01 `Envelope/Identifier`. */
    envelopeId: string;
    /** The letter's id, unique per sender: XREF01 `Letter/Identifier`. */
    letterId: string;
    /** New, corrected …: XREF01 `StatusCode` (nytbrev, rettetbrev). */
    statusCode: string | null;
    /** When the sender sent it, in its own local time as written (`YYYY-MM-DD HH:MM`). */
    sentAt: string | null;
    episodeOfCareId: string | null;
    /** Whether the sender asked for a positive receipt (`pluspositivkvitt`). */
    receiptRequested: boolean;
    /** The letter's version code, for the receipt (`XH0130R`). */
    versionCode: string;
  };
  sender: {
    /** EAN (GLN) location number: the sender's address in the network. */
    ean: string;
    /** The sender's own number and what it is (ydernummer, sygehusafdelingsnummer, sorkode …). */
    identifier: string | null;
    identifierCode: string | null;
    organisationName: string | null;
    departmentName: string | null;
    unitName: string | null;
    address: string | null;
    phone: string | null;
    specialityCode: string | null;
    referrerName: string | null;
    referrerTitle: string | null;
  };
  receiver: { ean: string; identifier: string | null; identifierCode: string | null; organisationName: string | null; departmentName: string | null };
  patient: {
    /** A CPR (or replacement CPR) that reads as one, as the citizen table stores it (10 characters, no dash). */
    cpr: string | null;
    /** Any other identifier given instead, as written. */
    otherIdentifier: string | null;
    givenName: string | null;
    familyName: string;
    addressLine: string | null;
    postalCode: string | null;
    city: string | null;
    phones: { number: string; kind: string | null }[];
    email: string | null;
  };
  /** The diagnosis as the sender gave it (code, code system, text) — not necessarily a cancer diagnosis. */
  diagnosis: DraftDiagnosis | null;
  additionalDiagnoses: DraftDiagnosis[];
  priority: string | null;
  texts: {
    clinicalReason: string | null;
    supplementary: string | null;
    cave: string | null;
    anamnesis: string | null;
    examination: string | null;
    actualMedicine: string | null;
  };
};
