import { parseCpr } from '@samkraft/contracts/cpr';
import { childElements, elementAt, textAt, type XmlElement, type XmlNode } from '../../platform/xml/xml-tree.ts';
import type { IncomingReferral } from './incoming-referral.ts';

/**
 * MedCom's OIOXML hospital referral XREF01 (`HospitalReferral`, version XH0130R, namespace
 * 2005/08/07 — `refdata/medcom-oioxml/xsd/2005/08/07/HospitalReferral.xsd`) read into the
 * draft referral's model. Pure: it reads a parsed tree that already passed the schema.
 */

export const OIOXML_2005_NAMESPACE = 'http://rep.oio.dk/sundcom.dk/medcom.dk/xml/schemas/2005/08/07/';
export const XREF01_VERSION = 'XH0130R';

/** What a receipt needs of any MedCom envelope, read leniently (also from a letter the schema refused). */
export type OioxmlEnvelope = {
  envelopeId: string | null;
  receiptRequested: boolean;
  letters: { type: string; letterId: string | null; versionCode: string | null; senderEan: string | null; receiverEan: string | null }[];
};

export function readOioxmlEnvelope(root: XmlElement): OioxmlEnvelope {
  const envelope = elementAt(root, 'Envelope');
  const letters = root.children
    .filter((n): n is XmlElement => n.kind === 'element' && n.name !== 'Envelope' && n.name !== 'Local_Elements')
    .map((letter) => ({
      type: letter.name,
      letterId: textAt(letter, 'Letter', 'Identifier') ?? null,
      versionCode: textAt(letter, 'Letter', 'VersionCode') ?? null,
      senderEan: textAt(letter, 'Sender', 'EANIdentifier') ?? null,
      receiverEan: textAt(letter, 'Receiver', 'EANIdentifier') ?? null,
    }));
  return { envelopeId: textAt(envelope, 'Identifier') ?? null, receiptRequested: textAt(envelope, 'AcknowledgementCode') === 'pluspositivkvitt', letters };
}

/**
 * MedCom's FormattedText as plain text: `<Break/>` is a new line, `<Space/>` a space, the type
 * faces (Bold, Italic, Underline, Center, Right, FixedFont) keep only their text. Line breaks
 * in the file itself are only layout, as in HTML.
 */
export function formattedText(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const flat = (nodes: readonly XmlNode[]): string =>
    nodes.map((n) => (n.kind === 'text' ? n.text.replace(/\s+/g, ' ') : n.name === 'Break' ? '\n' : n.name === 'Space' ? ' ' : flat(n.children))).join('');
  const text = flat(element.children)
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? null : text;
}

export type Xref01Problem = { code: 'wrong_letter_type' | 'several_letters'; message: string };
export type Xref01Read = { ok: true; referral: IncomingReferral } | { ok: false; problem: Xref01Problem };

const joined = (parts: (string | undefined)[], separator: string) => {
  const kept = parts.filter((p): p is string => p !== undefined && p !== '');
  return kept.length > 0 ? kept.join(separator) : null;
};

/** Whether the document is an OIOXML 2005/08/07 envelope carrying exactly one XREF01. */
export function checkXref01(root: XmlElement): Xref01Problem | null {
  if (root.name !== 'Emessage' || root.namespace !== OIOXML_2005_NAMESPACE) {
    return { code: 'wrong_letter_type', message: `not a MedCom OIOXML message of the 2005/08/07 schemas: the root element is ${root.name}${root.namespace ? ` in ${root.namespace}` : ''}` };
  }
  const letters = readOioxmlEnvelope(root).letters;
  const other = letters.find((l) => l.type !== 'HospitalReferral');
  if (other) return { code: 'wrong_letter_type', message: `the letter is ${other.type}${other.versionCode ? ` (${other.versionCode})` : ''}; Samkraft receives only hospital referrals XREF01 (HospitalReferral, ${XREF01_VERSION}) here` };
  if (letters.length !== 1) return { code: 'several_letters', message: `the envelope carries ${letters.length} letters; send one hospital referral per envelope` };
  return null;
}

function readDiagnosis(e: XmlElement): IncomingReferral['diagnosis'] {
  const text = textAt(e, 'DiagnoseText');
  const type = textAt(e, 'DiagnoseTypeCode');
  if (!text || !type) return null;
  return { code: textAt(e, 'DiagnoseCode') ?? null, type, text, description: textAt(e, 'DiagnoseDescriptionCode') ?? null };
}

/** Reads a schema-valid XREF01 (`checkXref01` first, which this repeats). */
export function readXref01(root: XmlElement): Xref01Read {
  const problem = checkXref01(root);
  if (problem) return { ok: false, problem };
  const letter = elementAt(root, 'HospitalReferral') as XmlElement;
  const at = (...path: string[]) => textAt(letter, ...path) ?? null;
  const sender = elementAt(letter, 'Sender');
  const patient = elementAt(letter, 'Patient');
  const given = (textAt(patient, 'CivilRegistrationNumber') ?? textAt(patient, 'AlternativeIdentifier'))?.trim();
  const cpr = given ? parseCpr(given) : undefined;
  const clinical = elementAt(letter, 'RelevantClinicalInformation');
  const additional = elementAt(letter, 'AdditionalInformation');
  const refer = elementAt(letter, 'Referral', 'Refer');
  const date = textAt(root, 'Envelope', 'Sent', 'Date');
  const time = textAt(root, 'Envelope', 'Sent', 'Time');

  const referral: IncomingReferral = {
    format: 'oioxml_xref01',
    message: {
      envelopeId: textAt(root, 'Envelope', 'Identifier') ?? '',
      letterId: at('Letter', 'Identifier') ?? '',
      statusCode: at('Letter', 'StatusCode'),
      sentAt: date ? joined([date, time], ' ') : null,
      episodeOfCareId: at('Letter', 'EpisodeOfCareIdentifier'),
      receiptRequested: readOioxmlEnvelope(root).receiptRequested,
      versionCode: at('Letter', 'VersionCode') ?? XREF01_VERSION,
    },
    sender: {
      ean: textAt(sender, 'EANIdentifier') ?? '',
      identifier: textAt(sender, 'Identifier') ?? null,
      identifierCode: textAt(sender, 'IdentifierCode') ?? null,
      organisationName: textAt(sender, 'OrganisationName') ?? null,
      departmentName: textAt(sender, 'DepartmentName') ?? null,
      unitName: textAt(sender, 'UnitName') ?? null,
      address: joined([textAt(sender, 'StreetName'), textAt(sender, 'SuburbName'), joined([textAt(sender, 'PostCodeIdentifier'), textAt(sender, 'DistrictName')], ' ') ?? undefined], ', '),
      phone: textAt(sender, 'TelephoneSubscriberIdentifier') ?? null,
      specialityCode: textAt(sender, 'MedicalSpecialityCode') ?? null,
      referrerName: textAt(sender, 'Referrer', 'PersonName') ?? null,
      referrerTitle: textAt(sender, 'Referrer', 'PersonTitle') ?? null,
    },
    receiver: {
      ean: at('Receiver', 'EANIdentifier') ?? '',
      identifier: at('Receiver', 'Identifier'),
      identifierCode: at('Receiver', 'IdentifierCode'),
      organisationName: at('Receiver', 'OrganisationName'),
      departmentName: at('Receiver', 'DepartmentName'),
    },
    patient: {
      cpr: cpr?.ok ? cpr.cpr.value : null,
      otherIdentifier: given && !cpr?.ok ? given : null,
      givenName: textAt(patient, 'PersonGivenName') ?? null,
      familyName: textAt(patient, 'PersonSurnameName') ?? '',
      addressLine: joined([textAt(patient, 'StreetName'), textAt(patient, 'SuburbName')], ', '),
      postalCode: textAt(patient, 'PostCodeIdentifier') ?? null,
      city: textAt(patient, 'DistrictName') ?? null,
      phones: patient
        ? childElements(patient, 'TelephoneSubscriber').flatMap((p) => {
            const number = textAt(p, 'TelephoneSubscriberIdentifier');
            return number ? [{ number, kind: textAt(p, 'TelephoneSubscriberCode') ?? null }] : [];
          })
        : [],
      email: textAt(patient, 'EmailIdentifier') ?? null,
    },
    diagnosis: refer ? readDiagnosis(refer) : null,
    additionalDiagnoses: (elementAt(letter, 'Referral') ? childElements(elementAt(letter, 'Referral') as XmlElement, 'ReferralAdditional') : []).flatMap((d) => readDiagnosis(d) ?? []),
    priority: textAt(additional, 'Priority') ?? null,
    texts: {
      clinicalReason: formattedText(elementAt(additional, 'ClinicalReason')),
      supplementary: formattedText(elementAt(additional, 'Supplementary')),
      cave: formattedText(elementAt(clinical, 'Cave')),
      anamnesis: formattedText(elementAt(clinical, 'Anamnesis')),
      examination: formattedText(elementAt(clinical, 'Examination')),
      actualMedicine: formattedText(elementAt(clinical, 'ActualMedicine')),
    },
  };
  return { ok: true, referral };
}
