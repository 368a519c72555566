import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CitizenQuestionnaireAnswer } from '@samkraft/contracts/closing-questionnaire';
import { answerQuestionnaire, fetchCitizenSession, fetchCitizenSignInMethods, fetchMyAccessLog, fetchMyCourses, fetchMyDocuments, fetchMyQuestionnaires, fetchMyRelatives, signOutCitizen } from '../api/borgerApi.ts';

export const citizenSessionQueryKey = ['borger', 'session'] as const;

export const citizenSessionQueryOptions = queryOptions({ queryKey: citizenSessionQueryKey, queryFn: fetchCitizenSession, staleTime: 60_000 });

export function useCitizenSession() {
  return useQuery(citizenSessionQueryOptions);
}

/** The ways in the sign-in page offers; they change only with the server's configuration. */
export function useCitizenSignInMethods() {
  return useQuery({ queryKey: ['borger', 'sign-in-methods'], queryFn: fetchCitizenSignInMethods, staleTime: Infinity });
}

export function useMyCourses() {
  return useQuery({ queryKey: ['borger', 'my-course'], queryFn: fetchMyCourses });
}

/** The access log, page by page (older pages on demand); each fetch is itself a logged read. */
export function useMyAccessLog() {
  return useInfiniteQuery({
    queryKey: ['borger', 'access-log'],
    queryFn: ({ pageParam }) => fetchMyAccessLog(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    // Fresh on every visit: the reads since (a download, a staff member's) belong on it.
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

export function useMyRelatives() {
  return useQuery({ queryKey: ['borger', 'relatives'], queryFn: fetchMyRelatives });
}

export function useMyDocuments() {
  return useQuery({ queryKey: ['borger', 'documents'], queryFn: fetchMyDocuments });
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
