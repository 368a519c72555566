/**
 * The CPR date and century check, as the server does it (refdata/cpr/cpr_rules.json), so the
 * form can answer while the user types. Never modulus 11; replacement CPRs with letters pass.
 * The server checks again: it is the authority.
 */
export type CprCheck =
  | { ok: true; value: string; birthDate: string; sex: 'F' | 'M' | null; centuryAssumed: boolean }
  | { ok: false; code: 'empty' | 'format' | 'invalid_month' | 'invalid_day' | 'not_leap_year'; year?: number };

export function normaliseCpr(input: string): string | null {
  const trimmed = input.trim().toUpperCase();
  const compact = /^[0-9]{6}[- ][0-9A-Z]{4}$/.test(trimmed) ? trimmed.slice(0, 6) + trimmed.slice(7) : trimmed;
  return /^[0-9]{6}[0-9A-Z]{4}$/.test(compact) ? compact : null;
}

function century(digit7: number, yy: number): number {
  if (digit7 <= 3) return 1900;
  if (digit7 === 4 || digit7 === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number) => String(n).padStart(2, '0');

export function checkCpr(input: string): CprCheck {
  if (input.trim() === '') return { ok: false, code: 'empty' };
  const value = normaliseCpr(input);
  if (!value) return { ok: false, code: 'format' };
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const c7 = value.charAt(6);
  const digit7 = /[0-9]/.test(c7) ? Number(c7) : null;
  const year = century(digit7 ?? 4, yy) + yy;
  if (month < 1 || month > 12) return { ok: false, code: 'invalid_month' };
  if (month === 2 && day === 29 && !isLeap(year)) return { ok: false, code: 'not_leap_year', year };
  const max = month === 2 && isLeap(year) ? 29 : (DAYS[month - 1] ?? 31);
  if (day < 1 || day > max) return { ok: false, code: 'invalid_day' };
  const c10 = value.charAt(9);
  const sex = /[0-9]/.test(c10) ? (Number(c10) % 2 === 1 ? 'M' : 'F') : null;
  return { ok: true, value, birthDate: `${year}-${pad(month)}-${pad(day)}`, sex, centuryAssumed: digit7 === null };
}
