import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CitizenQuestionnaireAnswer } from '@samkraft/contracts/closing-questionnaire';
import { answerQuestionnaire, fetchCitizenSession, fetchMyCourses, fetchMyQuestionnaires, signOutCitizen } from '../api/borgerApi.ts';

export const citizenSessionQueryKey = ['borger', 'session'] as const;

export const citizenSessionQueryOptions = queryOptions({ queryKey: citizenSessionQueryKey, queryFn: fetchCitizenSession, staleTime: 60_000 });

export function useCitizenSession() {
  return useQuery(citizenSessionQueryOptions);
}

export function useMyCourses() {
  return useQuery({ queryKey: ['borger', 'my-course'], queryFn: fetchMyCourses });
}

const questionnairesKey = ['borger', 'questionnaires'] as const;

export function useMyQuestionnaires() {
  return useQuery({ queryKey: questionnairesKey, queryFn: fetchMyQuestionnaires });
}

/** Sends the answers; the list is read again, so the answered questionnaire shows as answered. */
export function useAnswerQuestionnaire() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; answer: CitizenQuestionnaireAnswer; csrfToken: string }) => answerQuestionnaire(v.id, v.answer, v.csrfToken),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionnairesKey }),
  });
}

/** Signs out here, then at the identity provider when it has an end-session URL. */
export function useCitizenSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csrfToken: string) => signOutCitizen(csrfToken),
    onSuccess: (logoutUrl) => {
      queryClient.removeQueries({ queryKey: ['borger'] });
      window.location.assign(logoutUrl ?? '/borger/logget-ud');
    },
  });
}
