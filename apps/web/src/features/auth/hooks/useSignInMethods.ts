import { useQuery } from '@tanstack/react-query';
import { fetchSignInMethods } from '../api/authApi.ts';

export function useSignInMethods() {
  return useQuery({ queryKey: ['auth', 'sign-in-methods'], queryFn: fetchSignInMethods, staleTime: Infinity });
}
