import type { HealthFinanceDictionary } from './health-finance.id.ts';

/** English for the health screens: members at risk and the repayment comparison; the same keys as `health-finance.id.ts`. */
export const healthFinanceEn: HealthFinanceDictionary = {
  healthFinance: {},
};
