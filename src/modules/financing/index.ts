export { CLOSE_DAY_STEPS, closeDay, lastClosedDay } from './close-day.service.ts';
export { disbursedFinancingsOfGroups, instalmentsOfFinancings } from './field.service.ts';
export { financingRoutes } from './financing.routes.ts';
export { scheduleInputSchema } from './financing.schema.ts';
export { previewSchedule } from './schedule.service.ts';

import { applyForFinancing, decideApplication, defineProduct, disburse, getFinancing } from './lifecycle.service.ts';
import { repay, writeOff } from './repayment.service.ts';

/** The lifecycle operations, for the demo and benchmarks (the HTTP routes use the same). */
export const financingDemoApi = { defineProduct, applyForFinancing, decideApplication, disburse, repay, getFinancing, writeOff };
export { financingFacts, openApplication, promisedFromFund, searchFinancingsByNumber } from './lifecycle.service.ts';
export { type FinancingHistory, financingHistoryBetween, financingMembers, runningFinancingsOfPersons } from './member-history.service.ts';
export { amountOwed, instalmentOwed, instalmentsDue, type Owed } from './repayment.rules.ts';
export { repay } from './repayment.service.ts';
export { type FactMonth, type MonthFact, monthFacts } from './repayment-facts.rules.ts';
export { monthFactsByPerson, refreshRepaymentFacts } from './repayment-facts.service.ts';
