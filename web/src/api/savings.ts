// Member savings (simpanan): the API's shapes, taken from the server's zod schemas (types
// only), its queries, and the money-moving mutations with their Idempotency-Key.
import { queryOptions, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  accountListSchema,
  leaveResultSchema,
  MovementResult,
  SAVINGS_KINDS,
  SavingsAccountDetail,
  SavingsAccountView,
  SavingsMovementView,
  settingsSchema,
} from '../../../src/modules/savings/savings.schema.ts';
import { api } from './client.ts';
import { useMoneyMutation } from './idempotency.ts';

export type { MovementResult, SavingsAccountDetail, SavingsAccountView, SavingsMovementView };
export type SavingsKind = (typeof SAVINGS_KINDS)[number];
export type SavingsSettings = z.infer<typeof settingsSchema>;
export type LeaveResult = z.infer<typeof leaveResultSchema>;
type AccountPage = z.infer<typeof accountListSchema>;

export const KINDS: SavingsKind[] = ['pokok', 'wajib', 'sukarela'];

export const personSavingsQuery = (personId: string) =>
  queryOptions({
    queryKey: ['savings', 'person', personId],
    queryFn: () => api.get<AccountPage>('/api/v1/savings/accounts', { person: personId, limit: 50 }),
    select: (page) => page.items,
  });

export const savingsSettingsQuery = queryOptions({
  queryKey: ['savings', 'settings'],
  queryFn: () => api.get<SavingsSettings>('/api/v1/savings/settings'),
  staleTime: 5 * 60_000,
});

/** The account with its statement, newest first, paged back in time. */
export function useSavingsAccount(id: string, limit = 25) {
  return useInfiniteQuery({
    queryKey: ['savings', 'account', id, limit],
    queryFn: ({ pageParam }) =>
      api.get<SavingsAccountDetail>(`/api/v1/savings/accounts/${encodeURIComponent(id)}`, { cursor: pageParam, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const passbookUrl = (id: string) => `/api/v1/savings/accounts/${encodeURIComponent(id)}/passbook.pdf`;

export function useInvalidateSavings() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['savings'] });
}

export type MovementKind = 'deposits' | 'withdrawals';

/** A deposit or withdrawal: one Idempotency-Key per transaction, reused on its retries. */
export function useMovement(accountId: string, kind: MovementKind, onDone: (result: MovementResult) => void) {
  const invalidate = useInvalidateSavings();
  return useMoneyMutation<MovementResult, { amount: string; note?: string }>(
    (body) => ({ path: `/api/v1/savings/accounts/${encodeURIComponent(accountId)}/${kind}`, body }),
    {
      onSuccess: async (result) => {
        await invalidate();
        onDone(result);
      },
    },
  );
}

export function useReverseMovement(accountId: string, onDone: (result: MovementResult) => void) {
  const invalidate = useInvalidateSavings();
  return useMoneyMutation<MovementResult, { movementId: string; reason: string }>(
    ({ movementId, reason }) => ({
      path: `/api/v1/savings/accounts/${encodeURIComponent(accountId)}/movements/${encodeURIComponent(movementId)}/reverse`,
      body: { reason },
    }),
    {
      onSuccess: async (result) => {
        await invalidate();
        onDone(result);
      },
    },
  );
}

export function useLeave(personId: string, onDone: (result: LeaveResult) => void) {
  const invalidate = useInvalidateSavings();
  return useMoneyMutation<LeaveResult, { reason: string }>(
    (body) => ({ path: `/api/v1/savings/persons/${encodeURIComponent(personId)}/leave`, body }),
    {
      onSuccess: async (result) => {
        await invalidate();
        onDone(result);
      },
    },
  );
}
