import { parseCpr, type CprErrorCode } from '@samkraft/contracts/cpr';
import type { Sex } from '@samkraft/contracts/common';

export { normaliseCpr } from '@samkraft/contracts/cpr';

/**
 * The server's CPR rule (`contracts/cpr.ts`), so the form can answer while the user types. The
 * server checks again: it is the authority.
 */
export type CprCheck =
  | { ok: true; value: string; birthDate: string; sex: Sex | null; centuryAssumed: boolean }
  | { ok: false; code: CprErrorCode; year?: number };

export function checkCpr(input: string): CprCheck {
  const r = parseCpr(input);
  if (!r.ok) return r.year === undefined ? { ok: false, code: r.code } : { ok: false, code: r.code, year: r.year };
  const { value, birthDate, sex, centuryAssumed } = r.cpr;
  return { ok: true, value, birthDate, sex, centuryAssumed };
}
