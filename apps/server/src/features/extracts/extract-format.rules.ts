/**
 * The case-record extract, format 1 (shared/EXTRACT-FORMAT.md): its two tables, their columns,
 * the record one referral row (with its intervention rows) stands for, and the tables written
 * back from records. Pure, no I/O.
 */
import type { ExtractErrorReason } from '@samkraft/contracts/extracts';

export const referralColumns = [
  'referral_id',
  'home_municipality',
  'citizen',
  'sex',
  'birth_date',
  'received',
  'source',
  'legal_basis',
  'diagnosis',
  'first_contact',
  'needs_assessed',
  'action_plan',
  'declined',
  'decline_reason',
  'closing_conversation',
  'closing_note_sent',
] as const;
export type ReferralColumn = (typeof referralColumns)[number];

export const interventionColumns = [
  'referral_id',
  'intervention',
  'provider_municipality',
  'referred',
  'provider_contact',
  'deeper_assessment',
  'start',
  'end',
  'attendances',
  'end_reason',
] as const;
export type InterventionColumn = (typeof interventionColumns)[number];

/** Columns that must be in the header (a value may still be empty where the format allows it). */
export const requiredReferralColumns: readonly ReferralColumn[] = ['referral_id', 'home_municipality', 'citizen', 'sex', 'received', 'source'];
export const requiredInterventionColumns: readonly InterventionColumn[] = ['referral_id', 'intervention', 'provider_municipality', 'referred'];

export const tableNames = ['referrals', 'interventions'] as const;
export type TableName = (typeof tableNames)[number];

export const referralSources = ['gp', 'hospital_gop', 'hospital_ref01', 'municipal', 'self', 'other'] as const;
export const legalBases = ['SUL119', 'SUL140', 'SEL86-1', 'SEL86-2'] as const;
export const declineReasons = ['not_relevant', 'too_far', 'already_in_home_course', 'other'] as const;
export const endReasons = ['completed', 'dropped_out', 'health_worsened', 'died', 'moved', 'other'] as const;

export type CitizenRef = { kind: 'cpr' | 'pseudonym'; value: string };

export type InterventionRecord = {
  intervention: string;
  providerMunicipality: string;
  referred: string;
  providerContact: string | null;
  deeperAssessment: string | null;
  start: string | null;
  end: string | null;
  attendances: number | null;
  endReason: string | null;
};

/** One referral as the extract sees it: municipality codes 4 digits, dates `YYYY-MM-DD`. */
export type ReferralRecord = {
  referralId: string;
  homeMunicipality: string;
  citizen: CitizenRef;
  sex: 'F' | 'M';
  birthDate: string;
  received: string;
  source: string;
  legalBasis: string | null;
  diagnosis: string | null;
  firstContact: string | null;
  needsAssessed: string | null;
  actionPlan: string | null;
  declined: string | null;
  declineReason: string | null;
  closingConversation: string | null;
  closingNoteSent: string | null;
  interventions: InterventionRecord[];
};

/**
 * What a reader needs to word an error in their own language: the value given, the values
 * allowed, and the row, column or value it clashes with. `detail` is the English wording.
 */
export type ExtractErrorFacts = { value?: string; allowed?: string[]; other?: { file?: string; row?: number; column?: string; value?: string } };

/** One refused cell (or header, or file): `row` is the spreadsheet row number, 1 = the header. */
export type ExtractError = { file: string; row: number; column: string; reason: ExtractErrorReason; detail: string } & ExtractErrorFacts;


/** Canonical order of a referral's interventions, so two equal sets compare equal. */
export function sortInterventions(list: InterventionRecord[]): InterventionRecord[] {
  const key = (i: InterventionRecord) =>
    [i.referred, i.intervention, i.providerMunicipality, i.providerContact, i.deeperAssessment, i.start, i.end, i.attendances, i.endReason].map((v) => (v === null ? '' : String(v))).join('|');
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export type ExtractTables = { referrals: string[][]; interventions: string[][] };

/** The two tables (header first) for records, one referral row each, in referral_id order. */
export function recordsToTables(records: ReferralRecord[]): ExtractTables {
  const sorted = [...records].sort((a, b) => (a.referralId < b.referralId ? -1 : a.referralId > b.referralId ? 1 : a.homeMunicipality.localeCompare(b.homeMunicipality)));
  const s = (v: string | number | null) => (v === null ? '' : String(v));
  const referrals: string[][] = [[...referralColumns]];
  const interventions: string[][] = [[...interventionColumns]];
  for (const r of sorted) {
    referrals.push([
      r.referralId,
      r.homeMunicipality,
      r.citizen.value,
      r.sex,
      r.birthDate,
      r.received,
      r.source,
      s(r.legalBasis),
      s(r.diagnosis),
      s(r.firstContact),
      s(r.needsAssessed),
      s(r.actionPlan),
      s(r.declined),
      s(r.declineReason),
      s(r.closingConversation),
      s(r.closingNoteSent),
    ]);
    for (const i of sortInterventions(r.interventions)) {
      interventions.push([r.referralId, i.intervention, i.providerMunicipality, i.referred, s(i.providerContact), s(i.deeperAssessment), s(i.start), s(i.end), s(i.attendances), s(i.endReason)]);
    }
  }
  return { referrals, interventions };
}

/** CSV as Danish Excel reads it: `;`, CRLF, quotes where needed, UTF-8 with BOM. */
export function toCsv(table: string[][]): Uint8Array {
  const cell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const text = `\uFEFF${table.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
  return new TextEncoder().encode(text);
}
