import { AppError } from '../../core/errors.ts';
import { mul, parseDecimal, ratio, roundRatio } from '../../core/money.ts';
import type { ScheduleRequest } from './financing.schema.ts';
import { buildSchedule, scheduleView } from './schedule.rules.ts';

/** The schedule preview of the CLI and the API: validated request → exact schedule. */
export function previewSchedule(request: ScheduleRequest) {
  const scale = ratio(10n ** BigInt(request.currencyDigits));
  const principal = parseDecimal(request.principal);
  const rate = parseDecimal(request.annualRatePercent);
  const multiple = request.inMultiplesOf === null ? null : parseDecimal(request.inMultiplesOf);
  if (!principal || !rate || (request.inMultiplesOf !== null && !multiple))
    throw new AppError('common.validation_failed', 'invalid', { errors: [{ field: 'principal', code: 'invalid_format' }] });
  const multipleMinor = multiple ? roundRatio(mul(multiple, scale), 'half-up') : null;
  if (multipleMinor !== null && multipleMinor <= 0n)
    throw new AppError('common.validation_failed', 'invalid', {
      errors: [{ field: 'inMultiplesOf', code: 'too_small', params: { minimum: 1 } }],
    });
  const rows = buildSchedule({
    principalMinor: roundRatio(mul(principal, scale), 'half-up'),
    currencyDigits: request.currencyDigits,
    method: request.method,
    annualRate: ratio(rate.n, rate.d * 100n),
    interestPeriod: request.interestPeriod,
    daysInYear: request.daysInYear,
    installments: request.installments,
    every: request.every,
    unit: request.unit,
    disbursementDate: request.disbursementDate,
    firstDueDate: request.firstDueDate,
    graceOnPrincipal: request.graceOnPrincipal,
    graceOnInterestPayment: request.graceOnInterestPayment,
    rounding: request.rounding,
    multipleMinor,
  });
  return scheduleView(rows, request.currencyDigits);
}
