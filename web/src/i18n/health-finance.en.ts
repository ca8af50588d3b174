import type { HealthFinanceDictionary } from './health-finance.id.ts';

/** English for the health screens: members at risk and the repayment comparison; the same keys as `health-finance.id.ts`. */
export const healthFinanceEn: HealthFinanceDictionary = {
  healthFinance: {
    badge: {
      illSince: 'Ill since {{date}}',
      illUntil: 'Unable to work until {{date}}',
      recovering: 'Recovering, ill until {{date}}',
      hint: 'Health status only, never a diagnosis.',
    },
    atRisk: {
      title: 'Members at risk',
      intro: 'Members ill now or in the last 30 days with an instalment overdue or due within 14 days. Most urgent first.',
      office: 'Office',
      allOffices: 'All my offices',
      members: 'Members',
      overdueTotal: 'Overdue',
      dueTotal: 'Due within 14 days',
      asOf: 'as of {{date}}',
      member: 'Member',
      village: 'Village',
      group: 'Group',
      financing: 'Financing',
      status: 'Status',
      nextDue: 'Next due',
      overdue: 'Overdue',
      daysPastDue: 'Days past due',
      daysPastDueValue_one: '{{count}} day',
      daysPastDueValue_other: '{{count}} days',
      noGroup: 'No group',
      empty: 'No ill member has an instalment due. Well done.',
    },
    comparison: {
      title: 'Repayment comparison',
      intro:
        'Repayment of members under the health programme (an encounter or counselling attendance in the last 12 months) against the other members.',
      from: 'From month',
      to: 'To month',
      rangeInvalid: 'The last month must be on or after the first, at most 36 months.',
      underCare: 'Under care',
      others: 'Others',
      members: 'Members',
      onTime: 'On time',
      par30: 'PAR30',
      meanDpd: 'Mean days past due',
      month: 'Month',
      chartTitle: 'Instalments paid on time by month',
      pdf: 'Download PDF',
      xlsx: 'Download Excel',
      none: '—',
      empty: 'No financing in this period yet.',
      definitions:
        'On time: instalments due in the month paid in full (principal and margin) by their due date. PAR30: outstanding principal of financings 30 or more days past due divided by all outstanding principal at the period end.',
    },
  },
};
