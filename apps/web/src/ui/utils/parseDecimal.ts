import type { FieldErrorCode, FieldErrorParams } from '@samkraft/contracts/common';

/** What a number field accepts; a bound left out is not checked. `decimals: 0` is a whole number. */
export type DecimalRule = { min?: number; max?: number; decimals: number };

export type DecimalIssue = { code: FieldErrorCode; params?: FieldErrorParams };

/** Empty text is `null`: whether the field must be filled in is the form's (and the server's) question. */
export type DecimalParse = { ok: true; value: number | null } | { ok: false; issue: DecimalIssue };

// One decimal separator, comma (Danish) or point; a minus (also the typographic one). No digit
// grouping: "1.000" could be one thousand (Danish) or one (English), so it is refused by the
// decimals of every field (at most two), never guessed.
const decimalText = /^([-−])?(\d+(?:[.,]\d+)?|[.,]\d+)$/;

/**
 * Reads a number typed the Danish way ("78,5") or the English way ("78.5"), and says what is wrong
 * with it in the server's field error codes (so the web shows the same text for both). A value
 * out of range is refused, never clamped or stripped: "-5" is not 0 and "78,5" is not 785.
 */
export function parseDecimal(text: string, rule: DecimalRule): DecimalParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const match = decimalText.exec(trimmed);
  if (!match) return { ok: false, issue: { code: 'not_a_number' } };
  const [, minus, digits = ''] = match;
  const value = Number(`${minus ? '-' : ''}${digits.replace(',', '.')}`);
  const { min, max } = rule;
  const outside = (min !== undefined && value < min) || (max !== undefined && value > max);
  if (outside) {
    if (min !== undefined && max !== undefined) return { ok: false, issue: { code: 'out_of_range', params: { minimum: min, maximum: max } } };
    if (min !== undefined) return { ok: false, issue: { code: 'too_small', params: { minimum: min } } };
    return { ok: false, issue: { code: 'too_big', params: { maximum: max ?? 0 } } };
  }
  // Decimals as typed, trailing zeros too: "1.000" is refused where two decimals are allowed.
  const typedDecimals = digits.split(/[.,]/)[1]?.length ?? 0;
  if (typedDecimals > rule.decimals) return { ok: false, issue: rule.decimals === 0 ? { code: 'whole_number' } : { code: 'too_many_decimals', params: { decimals: rule.decimals } } };
  return { ok: true, value };
}

/** A number as the field shows it: a decimal comma in Danish, a point in English, no grouping. */
export function formatDecimal(value: number, language: 'da' | 'en'): string {
  const text = String(value);
  return language === 'da' ? text.replace('.', ',') : text;
}
