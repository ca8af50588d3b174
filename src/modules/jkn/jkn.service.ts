import type { z } from 'zod';
import type { Context } from '../../context.ts';
import { AppError } from '../../core/errors.ts';
import { formatRupiah } from '../../core/format.ts';
import { translate } from '../../core/messages.ts';
import { JKN_PENALTY_RATES, JKN_RATES } from './jkn.rates.ts';
import { quoteContributions, quotePenalty } from './jkn.rules.ts';
import type { penaltyInputSchema, quoteInputSchema } from './jkn.schema.ts';

export function quoteJkn(_ctx: Context, input: z.infer<typeof quoteInputSchema>) {
  const result = quoteContributions(JKN_RATES, {
    jknClass: input.class,
    persons: input.persons,
    paidThrough: input.paidThrough,
    asOf: input.asOf,
  });
  if (!result.ok)
    throw new AppError('common.validation_failed', 'invalid', {
      errors: [{ field: 'paidThrough', code: 'jkn.no_rate', params: { month: result.month } }],
    });
  const q = result.quote;
  return {
    ...q,
    monthlyDue: String(q.monthlyDue),
    arrearsAmount: String(q.arrearsAmount),
    currentMonthAmount: String(q.currentMonthAmount),
    reactivationTotal: String(q.reactivationTotal),
  };
}

export function quoteJknPenalty(ctx: Context, input: z.infer<typeof penaltyInputSchema>) {
  const result = quotePenalty(JKN_PENALTY_RATES, { ...input, tariff: BigInt(input.inaCbgTariff) });
  if (!result.ok) throw new AppError('common.validation_failed', 'invalid', { errors: [{ field: result.field, code: result.code }] });
  return {
    penalty: result.penalty.toString(),
    reasonCode: `jkn.penalty.${result.reason}`,
    reason: translate(`jkn.penalty.${result.reason}`, ctx.locale, {
      penalty: formatRupiah(result.penalty),
      months: Math.min(input.monthsInArrears, 12),
    }),
  };
}
