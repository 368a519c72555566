import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { LoginBody, SessionInfo } from '@samkraft/contracts/auth';
import { demoLogin, logout, passwordLogin } from '../api/authApi.ts';
import { sessionQueryKey } from './sessionQuery.ts';

function useSignedIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (session: SessionInfo) => {
    // Another user's cached data must never show: drop everything, then keep only the session.
    queryClient.clear();
    queryClient.setQueryData(sessionQueryKey, session);
    await navigate({ to: '/' });
  };
}

export function usePasswordLogin() {
  const onSignedIn = useSignedIn();
  return useMutation({ mutationFn: (body: LoginBody) => passwordLogin(body), onSuccess: onSignedIn });
}

export function useDemoLogin() {
  const onSignedIn = useSignedIn();
  return useMutation({ mutationFn: (userId: string) => demoLogin(userId), onSuccess: onSignedIn });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    // Leave the signed-in screens even if the server call failed: the user asked to go.
    onSettled: async (logoutUrl) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
      // Signed in through an identity provider: sign out there too (single logout); it sends the browser back.
      if (logoutUrl) {
        window.location.assign(logoutUrl);
        return;
      }
      await navigate({ to: '/login' });
    },
  });
}
