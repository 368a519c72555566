/**
 * CPR numbers (personnumre) and replacement CPRs (eCPR), per refdata/cpr/cpr_rules.json.
 *
 * Pure rules, no I/O, shared by the server (the authority) and the web (the form answers while the
 * user types). Two deliberate choices:
 * - Modulus 11 is never applied: numbers issued since 1 October 2007 may fail it and are valid
 *   (cpr.dk), and 41 of 42 official test persons fail it.
 * - Replacement CPRs (letters in positions 7–10, e.g. MedCom's `0703921VJ4`) are accepted and kept
 *   as text; their first six digits are still the birth date.
 */

import type { FieldErrorCode, Sex } from './common.ts';

export type CprKind = 'cpr' | 'replacement';

export type ParsedCpr = {
  /** The normalised 10-character value, as stored (`citizen.cpr`). */
  value: string;
  kind: CprKind;
  /** ISO `YYYY-MM-DD`. */
  birthDate: string;
  /** From digit 10 (odd = male). Null only for a replacement CPR whose 10th character is a letter. */
  sex: Sex | null;
  /** True when the century could not be read from digit 7 (a letter there) and was assumed. */
  centuryAssumed: boolean;
};

export type CprErrorCode = 'empty' | 'format' | 'invalid_month' | 'invalid_day' | 'not_leap_year';

/** The field error code of each CPR failure, for the web to explain it in the user's language. */
export const cprFieldErrorCode: Record<CprErrorCode, FieldErrorCode> = {
  empty: 'cpr_empty',
  format: 'cpr_format',
  invalid_month: 'cpr_invalid_month',
  invalid_day: 'cpr_invalid_day',
  not_leap_year: 'cpr_not_leap_year',
};

/** A failure says its code; `not_leap_year` also the year derived from digits 5–7. */
export type CprResult = { ok: true; cpr: ParsedCpr } | { ok: false; code: CprErrorCode; message: string; year?: number };

const TEN_CHARS = /^[0-9]{6}[0-9A-Z]{4}$/;

/**
 * `DDMMYY-SSSS`, `DDMMYYSSSS` (spaces around allowed, letters upper-cased) → 10 characters;
 * null when the input has any other shape. Does not check the date.
 */
export function normaliseCpr(input: string): string | null {
  const trimmed = input.trim().toUpperCase();
  const compact = /^[0-9]{6}[- ][0-9A-Z]{4}$/.test(trimmed) ? trimmed.slice(0, 6) + trimmed.slice(7) : trimmed;
  return TEN_CHARS.test(compact) ? compact : null;
}

/**
 * The century from digit 7 and the two-digit year (cpr_rules.json `century_rule_from_digit_7`):
 * 0–3 → 1900; 4 or 9 → 2000 if yy ≤ 36 else 1900; 5–8 → 2000 if yy ≤ 57 else 1800.
 */
export function centuryFromDigit7(digit7: number, yy: number): number {
  if (digit7 <= 3) return 1900;
  if (digit7 === 4 || digit7 === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function parseCpr(input: string): CprResult {
  if (input.trim() === '') return fail('empty', 'CPR number is empty');
  const value = normaliseCpr(input);
  if (value === null) {
    return fail(
      'format',
      'CPR number must be DDMMYY-SSSS or 10 characters: six digits (birth date) then four digits, or letters for a replacement CPR',
    );
  }
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const kind: CprKind = /^[0-9]{10}$/.test(value) ? 'cpr' : 'replacement';

  const c7 = value.charAt(6);
  const digit7 = /[0-9]/.test(c7) ? Number(c7) : null;
  // A replacement CPR with a letter in position 7 carries no century. The eCPR forms in
  // cpr_rules.json all keep a digit there, so this is an unknown form: assume the 4/9 window
  // (2000–2036, else 1900–1999), the one that covers every living person born after 1936.
  const century = digit7 === null ? centuryFromDigit7(4, yy) : centuryFromDigit7(digit7, yy);
  const year = century + yy;

  if (month < 1 || month > 12) return fail('invalid_month', `CPR number has month ${pad2(month)}; the month (digits 3–4) must be 01–12`);
  const maxDay = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (month === 2 && day === 29 && !isLeapYear(year)) {
    return fail('not_leap_year', `CPR number has 29 February, but ${year} (the year derived from digits 5–7) is not a leap year`, year);
  }
  if (day < 1 || day > maxDay) {
    return fail('invalid_day', `CPR number has day ${pad2(day)}; month ${pad2(month)} of ${year} has days 01–${maxDay}`);
  }

  const c10 = value.charAt(9);
  const sex: Sex | null = /[0-9]/.test(c10) ? (Number(c10) % 2 === 1 ? 'M' : 'F') : null;
  return {
    ok: true,
    cpr: { value, kind, birthDate: `${year}-${pad2(month)}-${pad2(day)}`, sex, centuryAssumed: digit7 === null },
  };
}

/** `DDMMYY-SSSS` for display; a value that does not normalise is returned unchanged. */
export function formatCpr(input: string): string {
  const value = normaliseCpr(input);
  return value === null ? input : `${value.slice(0, 6)}-${value.slice(6)}`;
}

function fail(code: CprErrorCode, message: string, year?: number): CprResult {
  return year === undefined ? { ok: false, code, message } : { ok: false, code, message, year };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
