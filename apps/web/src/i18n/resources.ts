import { da } from './da.ts';
import { en } from './en.ts';

/**
 * Every text of the app, per language and namespace. The shell's texts are `translation`; a
 * feature may own a namespace (`features/<name>/i18n.ts` exporting `da` and `en` of one type)
 * and register it here, in both languages, so it is typed like the rest:
 *   import { da as referralsDa, en as referralsEn } from '../features/referrals/i18n.ts';
 *   da: { translation: da, referrals: referralsDa }, en: { translation: en, referrals: referralsEn }
 * Components then use `useTranslation('referrals')`.
 */
export const resources = {
  da: { translation: da },
  en: { translation: en },
} as const;

export type Resources = (typeof resources)['da'];
