/**
 * Every rule of an extract (shared/EXTRACT-FORMAT.md): header, values, dates and their order,
 * codes known to Samkraft, and how the two tables refer to each other. Pure, no I/O: the known
 * codes and today's date come in. Every violation is one {file, row, column, reason}.
 */
import { parseCpr } from '@samkraft/contracts/cpr';
import {
  declineReasons,
  endReasons,
  interventionColumns,
  legalBases,
  referralColumns,
  referralSources,
  requiredInterventionColumns,
  requiredReferralColumns,
  type CitizenRef,
  type ExtractError,
  type ExtractErrorFacts,
  type InterventionRecord,
  type ReferralRecord,
} from './extract-format.rules.ts';
import type { ExtractInput, RawRow, RawTable } from './extract-parse.rules.ts';

export type KnownCodes = { municipalities: ReadonlySet<string>; interventions: ReadonlySet<string>; diagnoses: ReadonlySet<string> };

/** More than this and the report stops: a wrong file would otherwise list every cell. */
export const MAX_ERRORS = 500;


const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Is day `d` of month `m` (1-based) a day of the proleptic Gregorian year `y`? */
function isCalendarDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0));
}

/** The number of the digits of `v` from `from` to `to`, or -1 if one is not a digit. */
function digits(v: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** `YYYY-MM-DD` or `DD-MM-YYYY` of a real calendar date → ISO, else null. */
export function parseExtractDate(value: string): string | null {
  const v = value.trim();
  // Characters and arithmetic, not `Date` or a regular expression: an import checks a million dates.
  if (v.length !== 10) return null;
  if (v[4] === '-' && v[7] === '-') {
    const y = digits(v, 0, 4);
    const m = digits(v, 5, 7);
    const d = digits(v, 8, 10);
    return y >= 0 && m >= 0 && d >= 0 && isCalendarDay(y, m, d) ? v : null;
  }
  if (v[2] === '-' && v[5] === '-') {
    const d = digits(v, 0, 2);
    const m = digits(v, 3, 5);
    const y = digits(v, 6, 10);
    return y >= 0 && m >= 0 && d >= 0 && isCalendarDay(y, m, d) ? `${v.slice(6)}-${v.slice(3, 5)}-${v.slice(0, 2)}` : null;
  }
  return null;
}

/** `151` = `0151`; null when not 3 or 4 digits. */
export function normaliseMunicipality(value: string): string | null {
  const v = value.trim();
  return /^\d{3,4}$/.test(v) ? v.padStart(4, '0') : null;
}

type Cells<C extends string> = { get(column: C): string };

class Collector {
  readonly errors: ExtractError[] = [];
  add(file: string, row: number, column: string, reason: ExtractError['reason'], detail: string, facts: ExtractErrorFacts = {}): void {
    this.errors.push({ file, row, column, reason, detail, ...facts });
  }
}

function checkHeader(table: RawTable, known: readonly string[], required: readonly string[], out: Collector): Map<string, number> | null {
  const index = new Map<string, number>();
  const before = out.errors.length;
  table.header.forEach((name, i) => {
    if (!known.includes(name)) out.add(table.file, 1, name, 'unknown_column', `"${name}" is not a column of this table (names are exact)`);
    else if (index.has(name)) out.add(table.file, 1, name, 'duplicate_column', `"${name}" appears twice in the header`);
    else index.set(name, i);
  });
  for (const name of required) {
    if (!index.has(name)) out.add(table.file, 1, name, 'missing_column', `the required column "${name}" is missing`);
  }
  return out.errors.length > before ? null : index;
}

/** A row's cells by column name (trimmed; '' for a column the header lacks). */
class RowCells<C extends string> implements Cells<C> {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly cells: string[],
  ) {}
  get(column: C): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }
}

function cellsOf<C extends string>(index: Map<string, number>): (row: RawRow) => Cells<C> {
  return (row) => new RowCells<C>(index, row.cells);
}

type RowCheck<C extends string> = {
  file: string;
  row: number;
  cells: Cells<C>;
  out: Collector;
  today: string;
};

function dateOf<C extends string>(c: RowCheck<C>, column: C, required: boolean): string | null {
  const v = c.cells.get(column);
  if (v === '') {
    if (required) c.out.add(c.file, c.row, column, 'required', `${column} is required`);
    return null;
  }
  const date = parseExtractDate(v);
  if (date === null) {
    c.out.add(c.file, c.row, column, 'invalid_date', `"${v}" is not a real date YYYY-MM-DD or DD-MM-YYYY`, { value: v });
    return null;
  }
  if (date > c.today) {
    c.out.add(c.file, c.row, column, 'future_date', `${date} is in the future`, { value: date });
    return null;
  }
  return date;
}

function oneOf<C extends string, V extends string>(c: RowCheck<C>, column: C, allowed: readonly V[], required: boolean): V | null {
  const v = c.cells.get(column);
  if (v === '') {
    if (required) c.out.add(c.file, c.row, column, 'required', `${column} is required`);
    return null;
  }
  const value = allowed.find((a) => a === v);
  if (value === undefined) {
    c.out.add(c.file, c.row, column, 'invalid_value', `"${v}" is not one of ${allowed.join(', ')}`, { value: v, allowed: [...allowed] });
    return null;
  }
  return value;
}

function municipalityOf<C extends string>(c: RowCheck<C>, column: C, known: KnownCodes): string | null {
  const v = c.cells.get(column);
  if (v === '') {
    c.out.add(c.file, c.row, column, 'required', `${column} is required`);
    return null;
  }
  const code = normaliseMunicipality(v);
  if (code === null) {
    c.out.add(c.file, c.row, column, 'invalid_municipality_code', `"${v}" is not a municipality code of 3 or 4 digits`, { value: v });
    return null;
  }
  if (!known.municipalities.has(code)) {
    c.out.add(c.file, c.row, column, 'unknown_municipality', `${code} is not a known municipality`, { value: code });
    return null;
  }
  return code;
}

/** Each present date must not come before the latest present date earlier in its chain. */
function checkOrder<C extends string>(c: RowCheck<C>, chain: [C | string, string | null][], start?: [string, string | null]): void {
  let prev: [string, string] | null = start && start[1] !== null ? [start[0], start[1]] : null;
  for (const [column, value] of chain) {
    if (value === null) continue;
    if (prev && value < prev[1]) c.out.add(c.file, c.row, column, 'out_of_order', `${column} ${value} is before ${prev[0]} ${prev[1]}`, { value, other: { column: prev[0], value: prev[1] } });
    else prev = [column, value];
  }
}

function citizenOf(c: RowCheck<(typeof referralColumns)[number]>): { ref: CitizenRef; birthDate: string | null; sex: 'F' | 'M' | null } | null {
  const v = c.cells.get('citizen');
  if (v === '') {
    c.out.add(c.file, c.row, 'citizen', 'required', 'citizen is required');
    return null;
  }
  if (v.startsWith('P-')) {
    if (!/^P-[A-Za-z0-9-]+$/.test(v) || v.length > 100) {
      c.out.add(c.file, c.row, 'citizen', 'invalid_citizen', `"${v}" is not a pseudonym P- followed by letters, digits and dashes`, { value: v.slice(0, 100) });
      return null;
    }
    return { ref: { kind: 'pseudonym', value: v }, birthDate: null, sex: null };
  }
  const parsed = parseCpr(v);
  if (!parsed.ok) {
    c.out.add(c.file, c.row, 'citizen', 'invalid_citizen', `not a CPR number or P- pseudonym: ${parsed.message}`, { value: v.slice(0, 100) });
    return null;
  }
  return { ref: { kind: 'cpr', value: parsed.cpr.value }, birthDate: parsed.cpr.birthDate, sex: parsed.cpr.sex };
}

type ReferralDraft = { row: number; latestEnd: string | null; record: ReferralRecord };

function checkReferralRow(c: RowCheck<(typeof referralColumns)[number]>, known: KnownCodes): ReferralDraft | null {
  const before = c.out.errors.length;
  const referralId = c.cells.get('referral_id');
  if (referralId === '') c.out.add(c.file, c.row, 'referral_id', 'required', 'referral_id is required');
  else if (referralId.length > 100) c.out.add(c.file, c.row, 'referral_id', 'too_long', 'referral_id is longer than 100 characters', { value: `${referralId.slice(0, 40)}…` });
  const home = municipalityOf(c, 'home_municipality', known);
  const citizen = citizenOf(c);
  const sex = oneOf(c, 'sex', ['F', 'M'], true);
  // The CPR's last digit gives the sex (odd: man); a replacement CPR ending in a letter gives none.
  if (sex !== null && citizen?.sex && sex !== citizen.sex) c.out.add(c.file, c.row, 'sex', 'sex_mismatch', `sex ${sex} does not agree with the CPR number (${citizen.sex})`, { value: sex, other: { column: 'citizen', value: citizen.sex } });
  let birthDate = dateOf(c, 'birth_date', citizen !== null && citizen.ref.kind === 'pseudonym');
  if (citizen?.birthDate) {
    if (birthDate !== null && birthDate !== citizen.birthDate) {
      c.out.add(c.file, c.row, 'birth_date', 'birth_date_mismatch', `birth_date ${birthDate} does not agree with the CPR number (${citizen.birthDate})`, { value: birthDate, other: { column: 'citizen', value: citizen.birthDate } });
    }
    birthDate = citizen.birthDate;
  }
  const received = dateOf(c, 'received', true);
  const source = oneOf(c, 'source', referralSources, true);
  const legalBasis = oneOf(c, 'legal_basis', legalBases, false);
  if (source === 'hospital_gop' && legalBasis !== null && legalBasis !== 'SUL140') {
    c.out.add(c.file, c.row, 'legal_basis', 'gop_requires_sul140', 'a genoptræningsplan (hospital_gop) is given under SUL140', { value: legalBasis, allowed: ['SUL140'] });
  }
  const diagnosisText = c.cells.get('diagnosis').toUpperCase();
  let diagnosis: string | null = null;
  if (diagnosisText !== '') {
    if (!known.diagnoses.has(diagnosisText)) c.out.add(c.file, c.row, 'diagnosis', 'unknown_diagnosis', `"${diagnosisText}" is not a known ICD-10 cancer code (DC00–DD09)`, { value: diagnosisText.slice(0, 100) });
    else diagnosis = diagnosisText;
  }
  const firstContact = dateOf(c, 'first_contact', false);
  const needsAssessed = dateOf(c, 'needs_assessed', false);
  const actionPlan = dateOf(c, 'action_plan', false);
  const declined = dateOf(c, 'declined', false);
  const declineReason = oneOf(c, 'decline_reason', declineReasons, false);
  if (c.cells.get('declined') !== '' && c.cells.get('decline_reason') === '') c.out.add(c.file, c.row, 'decline_reason', 'required', 'decline_reason is required with declined', { other: { column: 'declined' } });
  if (c.cells.get('declined') === '' && c.cells.get('decline_reason') !== '') c.out.add(c.file, c.row, 'decline_reason', 'only_with_other_column', 'decline_reason is given only with declined', { other: { column: 'declined' } });
  const closingConversation = dateOf(c, 'closing_conversation', false);
  const closingNoteSent = dateOf(c, 'closing_note_sent', false);
  if (birthDate !== null) checkOrder(c, [['received', received]], ['birth_date', birthDate]);
  checkOrder(c, [['first_contact', firstContact], ['needs_assessed', needsAssessed], ['action_plan', actionPlan]], ['received', received]);
  checkOrder(c, [['declined', declined]], ['received', received]);
  checkOrder(c, [['closing_conversation', closingConversation], ['closing_note_sent', closingNoteSent]], ['received', received]);
  if (c.out.errors.length > before || !home || !citizen || !sex || !birthDate || !received || !source) return null;
  const record: ReferralRecord = {
    referralId,
    homeMunicipality: home,
    citizen: citizen.ref,
    sex,
    birthDate,
    received,
    source,
    legalBasis,
    diagnosis,
    firstContact,
    needsAssessed,
    actionPlan,
    declined,
    declineReason,
    closingConversation,
    closingNoteSent,
    interventions: [],
  };
  return { row: c.row, latestEnd: null, record };
}

function checkInterventionRow(c: RowCheck<(typeof interventionColumns)[number]>, known: KnownCodes): InterventionRecord | null {
  const before = c.out.errors.length;
  const referralId = c.cells.get('referral_id');
  if (referralId === '') c.out.add(c.file, c.row, 'referral_id', 'required', 'referral_id is required');
  const code = c.cells.get('intervention');
  if (code === '') c.out.add(c.file, c.row, 'intervention', 'required', 'intervention is required');
  else if (!known.interventions.has(code)) c.out.add(c.file, c.row, 'intervention', 'unknown_intervention', `"${code}" is not in the intervention catalogue`, { value: code.slice(0, 100) });
  const provider = municipalityOf(c, 'provider_municipality', known);
  const referred = dateOf(c, 'referred', true);
  const providerContact = dateOf(c, 'provider_contact', false);
  const deeperAssessment = dateOf(c, 'deeper_assessment', false);
  const start = dateOf(c, 'start', false);
  const end = dateOf(c, 'end', false);
  const endReason = oneOf(c, 'end_reason', endReasons, false);
  const attendanceText = c.cells.get('attendances');
  let attendances: number | null = null;
  if (attendanceText !== '') {
    if (!/^\d{1,5}$/.test(attendanceText)) c.out.add(c.file, c.row, 'attendances', 'invalid_number', `"${attendanceText}" is not a whole number of sessions`, { value: attendanceText.slice(0, 100) });
    else attendances = Number(attendanceText);
  }
  if (c.cells.get('end') !== '') {
    if (attendanceText === '') c.out.add(c.file, c.row, 'attendances', 'required', 'attendances is required with end', { other: { column: 'end' } });
    if (c.cells.get('end_reason') === '') c.out.add(c.file, c.row, 'end_reason', 'required', 'end_reason is required with end', { other: { column: 'end' } });
  } else if (c.cells.get('end_reason') !== '') {
    c.out.add(c.file, c.row, 'end_reason', 'only_with_other_column', 'end_reason is given only with end', { other: { column: 'end' } });
  }
  checkOrder(c, [['provider_contact', providerContact], ['deeper_assessment', deeperAssessment]], ['referred', referred]);
  checkOrder(c, [['start', start], ['end', end]], ['referred', referred]);
  if (c.out.errors.length > before || !provider || !referred) return null;
  return { intervention: code, providerMunicipality: provider, referred, providerContact, deeperAssessment, start, end, attendances, endReason };
}

/** `rows[i]` is the spreadsheet row of `records[i]`. */
export type ValidationResult = { records: ReferralRecord[]; rows: number[]; errors: ExtractError[]; referralRows: number; interventionRows: number };

/** Checks a whole extract; `records` is complete only when `errors` is empty. */
export function validateExtract(input: ExtractInput, known: KnownCodes, today: string): ValidationResult {
  const out = new Collector();
  const refIndex = checkHeader(input.referrals, referralColumns, requiredReferralColumns, out);
  const intIndex = checkHeader(input.interventions, interventionColumns, requiredInterventionColumns, out);
  const result = (records: ReferralRecord[], rows: number[] = []): ValidationResult => {
    const errors = out.errors.length > MAX_ERRORS
      ? [...out.errors.slice(0, MAX_ERRORS), { file: '', row: 0, column: '', reason: 'too_many_errors' as const, detail: `${out.errors.length - MAX_ERRORS} more errors not listed`, value: String(out.errors.length - MAX_ERRORS) }]
      : out.errors;
    return { records, rows, errors, referralRows: input.referrals.rows.length, interventionRows: input.interventions.rows.length };
  };
  if (!refIndex || !intIndex) return result([]);

  const referralCells = cellsOf<(typeof referralColumns)[number]>(refIndex);
  const interventionCells = cellsOf<(typeof interventionColumns)[number]>(intIndex);
  const byId = new Map<string, ReferralDraft>();
  const firstRowOf = new Map<string, number>();
  const citizens = new Map<string, { sex: string; birthDate: string; row: number }>();
  const refFile = input.referrals.file;
  for (const raw of input.referrals.rows) {
    if (raw.cells.length !== input.referrals.header.length) {
      out.add(refFile, raw.row, '', 'column_count', `the row has ${raw.cells.length} values, the header ${input.referrals.header.length} columns`, { value: String(raw.cells.length), other: { row: 1, value: String(input.referrals.header.length) } });
      // Its interventions are not reported as orphans of a row already refused.
      const id = referralCells(raw).get('referral_id');
      if (id !== '' && !firstRowOf.has(id)) firstRowOf.set(id, raw.row);
      continue;
    }
    const c = { file: refFile, row: raw.row, cells: referralCells(raw), out, today };
    const id = c.cells.get('referral_id');
    const seen = id === '' ? undefined : firstRowOf.get(id);
    if (seen !== undefined) out.add(refFile, raw.row, 'referral_id', 'duplicate_referral_id', `referral_id "${id}" is already on row ${seen}`, { value: id.slice(0, 100), other: { row: seen } });
    else if (id !== '') firstRowOf.set(id, raw.row);
    const draft = checkReferralRow(c, known);
    if (!draft || seen !== undefined) continue;
    const { citizen, sex, birthDate } = draft.record;
    const other = citizens.get(citizen.value);
    if (other && (other.sex !== sex || other.birthDate !== birthDate)) {
      out.add(refFile, raw.row, other.sex !== sex ? 'sex' : 'birth_date', 'citizen_conflict', `the same citizen has another sex or birth date on row ${other.row}`, { other: { row: other.row } });
      continue;
    }
    citizens.set(citizen.value, { sex, birthDate, row: raw.row });
    byId.set(id, draft);
  }

  const intFile = input.interventions.file;
  for (const raw of input.interventions.rows) {
    if (raw.cells.length !== input.interventions.header.length) {
      out.add(intFile, raw.row, '', 'column_count', `the row has ${raw.cells.length} values, the header ${input.interventions.header.length} columns`, { value: String(raw.cells.length), other: { row: 1, value: String(input.interventions.header.length) } });
      continue;
    }
    const c = { file: intFile, row: raw.row, cells: interventionCells(raw), out, today };
    const id = c.cells.get('referral_id');
    const intervention = checkInterventionRow(c, known);
    if (id !== '' && !firstRowOf.has(id)) {
      out.add(intFile, raw.row, 'referral_id', 'orphan_referral_id', `referral_id "${id}" is not in the referrals table`, { value: id.slice(0, 100), other: { file: refFile } });
      continue;
    }
    const parent = byId.get(id);
    if (!intervention || !parent) continue;
    if (intervention.referred < parent.record.received) {
      out.add(intFile, raw.row, 'referred', 'out_of_order', `referred ${intervention.referred} is before the referral was received (${parent.record.received}, ${refFile} row ${parent.row})`, { value: intervention.referred, other: { file: refFile, row: parent.row, column: 'received', value: parent.record.received } });
      continue;
    }
    parent.record.interventions.push(intervention);
    if (intervention.end !== null && (parent.latestEnd === null || intervention.end > parent.latestEnd)) parent.latestEnd = intervention.end;
  }

  for (const { latestEnd, row, record } of byId.values()) {
    if (latestEnd !== null && record.closingConversation !== null && record.closingConversation < latestEnd) {
      out.add(refFile, row, 'closing_conversation', 'out_of_order', `closing_conversation ${record.closingConversation} is before the latest end ${latestEnd}`, { value: record.closingConversation, other: { file: intFile, column: 'end', value: latestEnd } });
    } else if (latestEnd !== null && record.closingConversation === null && record.closingNoteSent !== null && record.closingNoteSent < latestEnd) {
      out.add(refFile, row, 'closing_note_sent', 'out_of_order', `closing_note_sent ${record.closingNoteSent} is before the latest end ${latestEnd}`, { value: record.closingNoteSent, other: { file: intFile, column: 'end', value: latestEnd } });
    }
  }
  out.errors.sort((a, b) => (a.file === b.file ? a.row - b.row : a.file === refFile ? -1 : 1));
  if (out.errors.length > 0) return result([]);
  const drafts = [...byId.values()];
  return result(drafts.map((d) => d.record), drafts.map((d) => d.row));
}
