import type { ExtractError } from '@samkraft/contracts/extracts';

/** The texts the detail is worded with (`extracts:detail.*`), by key and values. */
export type DetailText = (key: 'value' | 'allowed' | 'before' | 'cpr' | 'otherRow' | 'otherRowInFile' | 'columnCount' | 'needsColumn' | 'notIn' | 'more', values: Record<string, string | number>) => string;

/**
 * An extract error's detail in the reader's language, from the facts the server sends (the
 * value given, the values allowed, what it clashes with) rather than its English `detail`.
 */
export function errorDetail(e: ExtractError, text: DetailText): string {
  const o = e.other;
  const given = e.value !== undefined ? text('value', { value: e.value }) : '';
  const join = (...parts: string[]) => parts.filter(Boolean).join('. ');
  if (e.reason === 'column_count') return text('columnCount', { value: e.value ?? '?', header: o?.value ?? '?' });
  if (e.reason === 'too_many_errors') return text('more', { value: e.value ?? '?' });
  if (e.reason === 'sex_mismatch' || e.reason === 'birth_date_mismatch') return join(given, o?.value !== undefined ? text('cpr', { value: o.value }) : '');
  if (e.reason === 'out_of_order') {
    return join(given, o?.column && o.value ? text('before', { column: o.column, value: o.value }) : '', o?.row !== undefined && o.file ? text('otherRowInFile', { row: o.row, file: o.file }) : '');
  }
  if (e.reason === 'orphan_referral_id') return join(given, o?.file ? text('notIn', { file: o.file }) : '');
  return join(
    given,
    e.allowed && e.allowed.length > 0 ? text('allowed', { values: e.allowed.join(', ') }) : '',
    o?.row !== undefined ? (o.file ? text('otherRowInFile', { row: o.row, file: o.file }) : text('otherRow', { row: o.row })) : '',
    o?.column !== undefined && o.row === undefined && o.value === undefined ? text('needsColumn', { column: o.column }) : '',
  );
}
