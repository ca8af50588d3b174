import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { meQuery, rememberSession } from '../api/queries.ts';
import type { Me } from '../api/types.ts';

/** Set when a request found the session gone, so the login page can say why. */
export const sessionNotice = { expired: false };

export const useMe = () => useQuery(meQuery);

/** The signed-in user inside the app shell (the shell renders only with a session). */
export function useSignedIn(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useSignedIn outside a session');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<Me>('/api/v1/auth/login', input),
    onSuccess: (me) => {
      sessionNotice.expired = false;
      rememberSession(queryClient, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/v1/auth/logout'),
    onSettled: () => {
      // Whatever the server says, this browser forgets the session and everything it loaded.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'setup' });
      rememberSession(queryClient, null);
    },
  });
}
