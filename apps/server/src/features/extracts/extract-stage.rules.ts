/**
 * A checked extract as the two CSV texts an import COPYs into its staging tables: one line per
 * referral and per intervention, values already normalised (dates ISO, municipality codes of four
 * digits, CPR numbers of ten digits). Pure, no I/O.
 */
import type { ReferralRecord } from './extract-format.rules.ts';

/** The staged referral's columns, in the order of `stagingCsv`'s values: `row` is its spreadsheet row, `external_id` its referral_id. */
export const stagedReferralColumns = [
  'row',
  'external_id',
  'home',
  'cpr',
  'pseudonym',
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

/** The staged intervention's columns; `referral_row` is the row of its referral. */
export const stagedInterventionColumns = [
  'referral_row',
  'intervention',
  'provider',
  'referred',
  'provider_contact',
  'deeper_assessment',
  'start_on',
  'end_on',
  'attendances',
  'end_reason',
] as const;

/** Quoted when it holds the separator, a quote, a line break or a backslash; null is an empty unquoted value. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[";\r\n\\]/.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `rows[i]` is the spreadsheet row of `records[i]` (as `validateExtract` returns them). */
export function stagingCsv(records: ReferralRecord[], rows: number[]): { referrals: Uint8Array; interventions: Uint8Array } {
  const referrals: string[] = [];
  const interventions: string[] = [];
  records.forEach((r, i) => {
    const row = rows[i] ?? 0;
    const cpr = r.citizen.kind === 'cpr' ? r.citizen.value : null;
    const pseudonym = r.citizen.kind === 'pseudonym' ? r.citizen.value : null;
    referrals.push(
      [
        row,
        r.referralId,
        r.homeMunicipality,
        cpr,
        pseudonym,
        r.sex,
        r.birthDate,
        r.received,
        r.source,
        r.legalBasis,
        r.diagnosis,
        r.firstContact,
        r.needsAssessed,
        r.actionPlan,
        r.declined,
        r.declineReason,
        r.closingConversation,
        r.closingNoteSent,
      ]
        .map(cell)
        .join(';'),
    );
    for (const x of r.interventions) {
      interventions.push([row, x.intervention, x.providerMunicipality, x.referred, x.providerContact, x.deeperAssessment, x.start, x.end, x.attendances, x.endReason].map(cell).join(';'));
    }
  });
  const encode = (lines: string[]) => new TextEncoder().encode(lines.length ? `${lines.join('\n')}\n` : '');
  return { referrals: encode(referrals), interventions: encode(interventions) };
}
