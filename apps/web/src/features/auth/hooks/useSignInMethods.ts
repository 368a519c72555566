import { useQuery } from '@tanstack/react-query';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { fetchSignInMethods } from '../api/authApi.ts';

export function useSignInMethods() {
  return useQuery({ queryKey: ['auth', 'sign-in-methods'], queryFn: fetchSignInMethods, staleTime: Infinity });
}

/** "Log ind med KOMBIT (…)" → "KOMBIT (…)": a provider's button text as the name of what one signed in with. */
const withoutVerb = (label: string) => label.replace(/^(Log ind med|Sign in with)\s+/, '');

/** A configured identity provider's name by its id, in the page's language (the id itself until the list is there, or when unknown). */
export function useProviderName(): (id: string) => string {
  const methods = useSignInMethods();
  const { language } = useLanguage();
  return (id) => {
    const p = methods.data?.providers.find((x) => x.id === id);
    return p ? withoutVerb(p.label[language]) : id;
  };
}
