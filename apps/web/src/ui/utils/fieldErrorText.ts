import { fieldErrorCodes, type FieldErrorCode, type FieldErrorParams } from '@samkraft/contracts/common';
import type { TFunction } from 'i18next';
import { isApiRequestError } from '../../api/apiRequestError.ts';

const knownCodes: ReadonlySet<string> = new Set(fieldErrorCodes);

function isKnownCode(code: string): code is FieldErrorCode {
  return knownCodes.has(code);
}

/**
 * The current language's text for one field issue from the server, by its code (never by its
 * English message). A code this build does not know (a newer server) gets the generic text.
 */
export function fieldErrorText(issue: { code: string; params?: FieldErrorParams }, t: TFunction): string {
  const code = isKnownCode(issue.code) ? issue.code : 'invalid';
  return t(`errors.fields.${code}`, { ...issue.params });
}

/**
 * The server's field errors of a failed request as texts by field name. An unknown-keys issue may
 * name several fields in one entry (`a, b`); several issues on one field are joined.
 */
export function fieldErrorTexts(error: unknown, t: TFunction): Record<string, string> {
  if (!isApiRequestError(error)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.fields) {
    const text = fieldErrorText(issue, t);
    for (const name of issue.field.split(', ')) {
      const before = out[name];
      if (before === undefined) out[name] = text;
      else if (!before.split('; ').includes(text)) out[name] = `${before}; ${text}`;
    }
  }
  return out;
}
