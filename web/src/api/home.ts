// The home page's figures for today (GET /api/v1/home): types from the server's zod schema.
import { queryOptions } from '@tanstack/react-query';
import type { HomeCard, HomeView } from '../../../src/modules/home/home.schema.ts';
import { api } from './client.ts';

export type { HomeCard, HomeView };

export const homeQuery = (since: string | null) =>
  queryOptions({
    queryKey: ['home', since],
    queryFn: () => api.get<HomeView>('/api/v1/home', { since }),
  });
