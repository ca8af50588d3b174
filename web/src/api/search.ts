// The header search box's API shape (types only, from the server's zod schema) and query.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { searchResultSchema } from '../../../src/modules/search/search.schema.ts';
import { api } from './client.ts';

export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ['search', q],
    queryFn: () => api.get<SearchResult>('/api/v1/search', { q }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
