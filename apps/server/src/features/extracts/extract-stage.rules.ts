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

/** A text value, quoted when it holds the separator, a quote, a line break or a backslash; null is an empty unquoted value. */
function text(value: string | null): string {
  if (value === null) return '';
  return value === '' || /[";\r\n\\]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A checked date (`YYYY-MM-DD`) or number needs no quotes. */
const plain = (value: string | number | null): string => (value === null ? '' : String(value));

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
        text(r.referralId),
        text(r.homeMunicipality),
        text(cpr),
        text(pseudonym),
        text(r.sex),
        plain(r.birthDate),
        plain(r.received),
        text(r.source),
        text(r.legalBasis),
        text(r.diagnosis),
        plain(r.firstContact),
        plain(r.needsAssessed),
        plain(r.actionPlan),
        plain(r.declined),
        text(r.declineReason),
        plain(r.closingConversation),
        plain(r.closingNoteSent),
      ].join(';'),
    );
    for (const x of r.interventions) {
      interventions.push(
        [row, text(x.intervention), text(x.providerMunicipality), plain(x.referred), plain(x.providerContact), plain(x.deeperAssessment), plain(x.start), plain(x.end), plain(x.attendances), text(x.endReason)].join(';'),
      );
    }
  });
  const encode = (lines: string[]) => Buffer.from(lines.length ? `${lines.join('\n')}\n` : '', 'utf8');
  return { referrals: encode(referrals), interventions: encode(interventions) };
}
