import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { setUnauthorizedHandler } from '../api/client.ts';
import { setCsrfToken } from '../api/csrfToken.ts';
import { sessionQueryKey } from '../features/auth/hooks/sessionQuery.ts';
import { createQueryClient } from './queryClient.ts';
import { createAppRouter } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// A 401 on any call means the session is gone (expired, signed out elsewhere): forget it
// and go to sign-in, unless the user is already there.
setUnauthorizedHandler(() => {
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData(sessionQueryKey, null);
  if (router.state.location.pathname !== '/login') void router.navigate({ to: '/login' });
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
