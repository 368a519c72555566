/**
 * Installation defaults for deadlines, closing days and transport. All are configurable data:
 * the seed inserts them when missing and never overwrites what an installation has changed.
 */

export type DeadlineKind =
  | 'first_contact'
  | 'initial_assessment'
  | 'cross_referral'
  | 'provider_contact'
  | 'deeper_assessment'
  | 'provider_start'
  | 'closing_conversation'
  | 'sul140_training_start';

export type DeadlinePolicyRow = {
  kind: DeadlineKind;
  amount: number;
  unit: 'working_days' | 'calendar_days' | 'months';
  effectiveFrom: string;
  source: string;
};

const NOTE_START = '2014-01-01';

/**
 * The note's §8.9 values (Table 5) are the defaults; where Bilag H differs (first contact 10
 * working days) the value is configurable and §8.9 wins (DOMAIN.md).
 */
export const DEADLINE_POLICIES: readonly DeadlinePolicyRow[] = [
  { kind: 'first_contact', amount: 5, unit: 'working_days', effectiveFrom: NOTE_START, source: 'Note §8.9, Table 5: first contact within 5 working days of receipt (Bilag H says 10; §8.9 is the default)' },
  { kind: 'initial_assessment', amount: 10, unit: 'working_days', effectiveFrom: NOTE_START, source: 'Note §8.9: initial needs assessment aimed within 10 working days of receipt' },
  { kind: 'cross_referral', amount: 10, unit: 'working_days', effectiveFrom: NOTE_START, source: "Note §8.9: cross-municipal referral within 10 working days of the home municipality's receipt" },
  { kind: 'provider_contact', amount: 5, unit: 'working_days', effectiveFrom: NOTE_START, source: 'Note §8.9, Table 5: providing municipality contacts the citizen within 5 working days of receiving the referral' },
  { kind: 'deeper_assessment', amount: 5, unit: 'working_days', effectiveFrom: NOTE_START, source: 'Note §8.9: deeper assessment (training, OT, diet) within 5 working days' },
  { kind: 'provider_start', amount: 10, unit: 'working_days', effectiveFrom: NOTE_START, source: 'Note §8.9: start of the intervention aimed within 10 working days' },
  { kind: 'closing_conversation', amount: 1, unit: 'months', effectiveFrom: NOTE_START, source: 'Note §8.9: closing conversation and evaluation within 1 month after the cross-municipal course ends' },
  { kind: 'sul140_training_start', amount: 7, unit: 'calendar_days', effectiveFrom: '2018-07-01', source: 'Sundhedsloven §140 (as amended with effect from 1 July 2018): rehabilitation under a hospital plan offered within 7 days of discharge, or from a later clinical start set by the plan; statutory, not from the note' },
];

export type ClosingDayRow = { month: number; day: number; label: string };

/**
 * Days treated like public holidays for deadlines (forældelsesloven § 27) and closed in most
 * municipalities. Public holidays themselves come from the holiday calendar, not this table.
 */
export const DEFAULT_CLOSING_DAYS: readonly ClosingDayRow[] = [
  { month: 6, day: 5, label: 'Grundlovsdag' },
  { month: 12, day: 24, label: 'Juleaftensdag' },
  { month: 12, day: 31, label: 'Nytårsaftensdag' },
];

export type TransportRuleRow = {
  effectiveFrom: string;
  pensionerMinDkk: number;
  nonPensionerMinDkk: number;
  distanceKm: number;
  source: string;
};

/** Sundhedsloven §140 transport thresholds by year (refdata/economy/transport_and_tariffs.json). */
export const TRANSPORT_RULES: readonly TransportRuleRow[] = [
  { effectiveFrom: '2014-01-01', pensionerMinDkk: 25, nonPensionerMinDkk: 60, distanceKm: 50, source: 'Note Bilag K (2014 seed); historical amounts' },
  { effectiveFrom: '2018-01-01', pensionerMinDkk: 42, nonPensionerMinDkk: 100, distanceKm: 50, source: 'BEK nr. 816 af 18/06/2018 § 31 base amounts (retsinformation.dk regulation circular for 2019); effective date taken as the year start' },
  { effectiveFrom: '2019-01-01', pensionerMinDkk: 43, nonPensionerMinDkk: 102, distanceKm: 50, source: 'Cirkulæreskrivelse om regulering for 2019 (2.0 %); sum.dk vejledning om træning kap. 10' },
  { effectiveFrom: '2023-01-01', pensionerMinDkk: 44, nonPensionerMinDkk: 104, distanceKm: 50, source: 'Styrelsen for Patientklager decision 23SFP46 (26 May 2023), medium confidence; later years not verified' },
];

/**
 * Flextur (address-to-address public transport) across borders only when both addresses are in
 * scheme members: Ballerup, Gladsaxe and Furesø per the note (Bilag K, 2014; Egedal "possibly from
 * 2015" — not assumed). The others default to false until a municipality records otherwise.
 */
export const FLEXTUR_MEMBERS: readonly string[] = ['0151', '0159', '0190'];
export const MUNICIPALITY_TRANSPORT_FROM = '2014-01-01';
