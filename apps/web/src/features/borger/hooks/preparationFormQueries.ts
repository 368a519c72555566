import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyPreparationForm, PreparationAnswersBody } from '@samkraft/contracts/preparation-forms';
import { fetchMyPreparationForms, openMyPreparationForm, saveMyPreparationForm, submitMyPreparationForm } from '../api/preparationFormApi.ts';

export function useMyPreparationForms() {
  return useQuery({ queryKey: ['borger', 'preparation-forms'], queryFn: fetchMyPreparationForms });
}

export function useMyPreparationForm(formId: string) {
  // Opening is recorded on the server: read it once per visit, not again on every focus.
  return useQuery({ queryKey: ['borger', 'preparation-form', formId], queryFn: () => openMyPreparationForm(formId), staleTime: Infinity, refetchOnWindowFocus: false });
}

/** Saves (to come back to) or submits (final) the citizen's answers. */
export function useSaveMyPreparationForm(formId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: PreparationAnswersBody; csrfToken: string; final: boolean }) => (v.final ? submitMyPreparationForm(formId, v.body, v.csrfToken) : saveMyPreparationForm(formId, v.body, v.csrfToken)),
    onSuccess: (saved: MyPreparationForm) => {
      client.setQueryData(['borger', 'preparation-form', formId], saved);
      void client.invalidateQueries({ queryKey: ['borger', 'preparation-forms'] });
    },
  });
}
