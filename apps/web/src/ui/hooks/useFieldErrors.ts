import { useTranslation } from 'react-i18next';
import { fieldErrorTexts } from '../utils/fieldErrorText.ts';

/**
 * The server's field errors of a failed request, by field name, in the UI language. Uses the
 * shell's namespace itself, so a form translated by a feature namespace can call it as it is.
 */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { t } = useTranslation();
  return fieldErrorTexts(error, t);
}
