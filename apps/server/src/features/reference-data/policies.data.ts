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
  { kind: 'first_contact', amount: 5, unit: 'working_days', effectiveFrom: NOTE_START, source: 'Samarbejdsnotatet § 8.9, tabel 5: første kontakt senest 5 hverdage efter modtagelsen (bilag H siger 10; § 8.9 er standarden)' },
  { kind: 'initial_assessment', amount: 10, unit: 'working_days', effectiveFrom: NOTE_START, source: 'Samarbejdsnotatet § 8.9: den indledende behovsvurdering tilstræbes senest 10 hverdage efter modtagelsen' },
  { kind: 'cross_referral', amount: 10, unit: 'working_days', effectiveFrom: NOTE_START, source: 'Samarbejdsnotatet § 8.9: tværkommunal henvisning senest 10 hverdage efter hjemkommunens modtagelse' },
  { kind: 'provider_contact', amount: 5, unit: 'working_days', effectiveFrom: NOTE_START, source: 'Samarbejdsnotatet § 8.9, tabel 5: den udførende kommune kontakter borgeren senest 5 hverdage efter modtagelsen af henvisningen' },
  { kind: 'deeper_assessment', amount: 5, unit: 'working_days', effectiveFrom: NOTE_START, source: 'Samarbejdsnotatet § 8.9: uddybende udredning (træning, ergoterapi, kost) senest 5 hverdage' },
  { kind: 'provider_start', amount: 10, unit: 'working_days', effectiveFrom: NOTE_START, source: 'Samarbejdsnotatet § 8.9: opstart af indsatsen tilstræbes senest 10 hverdage' },
  { kind: 'closing_conversation', amount: 1, unit: 'months', effectiveFrom: NOTE_START, source: 'Samarbejdsnotatet § 8.9: afsluttende samtale og evaluering senest 1 måned efter, at det tværkommunale forløb er slut' },
  { kind: 'sul140_training_start', amount: 7, unit: 'calendar_days', effectiveFrom: '2018-07-01', source: 'Sundhedsloven § 140 (ændret med virkning fra 1. juli 2018): genoptræning efter en genoptræningsplan tilbydes senest 7 dage efter udskrivelsen eller fra en senere klinisk start i planen; lovkrav, ikke fra samarbejdsnotatet' },
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
  { effectiveFrom: '2014-01-01', pensionerMinDkk: 25, nonPensionerMinDkk: 60, distanceKm: 50, source: 'Samarbejdsnotatet bilag K (2014); historiske beløb' },
  { effectiveFrom: '2018-01-01', pensionerMinDkk: 42, nonPensionerMinDkk: 100, distanceKm: 50, source: 'BEK nr. 816 af 18/06/2018 § 31, grundbeløb (retsinformation.dk, reguleringscirkulære for 2019); ikrafttræden sat til årets start' },
  { effectiveFrom: '2019-01-01', pensionerMinDkk: 43, nonPensionerMinDkk: 102, distanceKm: 50, source: 'Cirkulæreskrivelse om regulering for 2019 (2,0 %); sum.dk vejledning om træning kap. 10' },
  { effectiveFrom: '2023-01-01', pensionerMinDkk: 44, nonPensionerMinDkk: 104, distanceKm: 50, source: 'Styrelsen for Patientklager, afgørelse 23SFP46 (26. maj 2023), middel sikkerhed; senere år ikke efterprøvet' },
];

/**
 * Flextur (address-to-address public transport) across borders only when both addresses are in
 * scheme members: Ballerup, Gladsaxe and Furesø per the note (Bilag K, 2014; Egedal "possibly from
 * 2015" — not assumed). The others default to false until a municipality records otherwise.
 */
export const FLEXTUR_MEMBERS: readonly string[] = ['0151', '0159', '0190'];
export const MUNICIPALITY_TRANSPORT_FROM = '2014-01-01';
