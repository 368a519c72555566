import type { i18n as I18n } from 'i18next';
import { da, en } from '../features/borger/i18n.ts';

/**
 * The citizen pages' texts (namespace `borger`), loaded with the citizen shell — never with the
 * staff app, whose shell loads featureResources.ts. Part of the `Resources` type (resources.ts).
 */
export const borgerResources = { da: { borger: da }, en: { borger: en } } as const;

export function addBorgerTexts(i18n: I18n): void {
  for (const [lng, namespaces] of Object.entries(borgerResources)) {
    for (const [ns, texts] of Object.entries(namespaces)) {
      if (!i18n.hasResourceBundle(lng, ns)) i18n.addResourceBundle(lng, ns, texts);
    }
  }
}
