// The public JKN-KIS calculators: the inpatient penalty after reactivation (types from the server's zod schemas).
import type { z } from 'zod';
import type { penaltyInputSchema, penaltyViewSchema } from '../../../src/modules/jkn/jkn.schema.ts';
import { api } from './client.ts';

export type PenaltyInput = z.infer<typeof penaltyInputSchema>;
export type PenaltyView = z.infer<typeof penaltyViewSchema>;

/** The penalty and its reason, in the language of the request. */
export const quotePenalty = (input: PenaltyInput) => api.post<PenaltyView>('/api/v1/jkn/penalty-quote', input);
