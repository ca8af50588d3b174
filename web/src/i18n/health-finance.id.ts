/** Bahasa Indonesia for the health screens: members at risk and the repayment comparison. `health-finance.en.ts` has the same keys. */
export const healthFinanceId = {
  healthFinance: {},
};

export type HealthFinanceDictionary = typeof healthFinanceId;
