import { da } from './da.ts';
import { en } from './en.ts';
import type { borgerResources } from './borgerResources.ts';
import type { featureResources } from './featureResources.ts';
import type { DashboardTexts } from '../features/dashboard/i18n.ts';

/**
 * The texts the app starts with: the shell's own (`translation`), enough for the sign-in page.
 * The feature namespaces come with the signed-in shell (featureResources.ts); they are part of
 * the type here, so every `useTranslation('<feature>')` is checked.
 */
export const resources = {
  da: { translation: da },
  en: { translation: en },
} as const;

// The dashboard registers its own texts when its page loads (features/dashboard/i18n.ts).
export type Resources = (typeof resources)['da'] & (typeof featureResources)['da'] & (typeof borgerResources)['da'] & { dashboard: DashboardTexts };
