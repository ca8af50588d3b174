import type { DashboardsWebDictionary } from './dashboards.id.ts';

/** The dashboards pages in English: the same keys as `dashboards.id.ts`. */
export const dashboardsWebEn: DashboardsWebDictionary = {
  nav: { dashboards: 'Dashboards' },
  navHint: { dashboards: 'Portfolio, assistance, JKN, health and partnerships by month' },
  dashboards: {
    title: 'Dashboards',
    subjects: {
      portfolio: 'Portfolio',
      aid: 'Social assistance',
      jkn: 'JKN contributions',
      health: 'Health',
      partnerships: 'Partnerships',
    },
    subjectsLabel: 'Choose a dashboard',
    filters: 'Filter',
    office: 'Office',
    anyOffice: 'All offices in your scope',
    region: 'Region',
    regionHint: 'Province, regency/city, district or village',
    from: 'From month',
    to: 'To month',
    clear: 'Clear filters',
    pdf: 'Download PDF',
    xlsx: 'Download Excel',
    asOf: 'Data as of the close of {{date}}',
    noneYet: 'No day closed yet: the dashboards are filled at close of day.',
    periodTotal: 'Period {{from}} – {{to}}',
    lastMonth: 'as of {{month}}',
    empty: 'No figures for these filters.',
    chart: 'Chart by month',
    chartOf: '{{name}} by month, {{from}} – {{to}}',
    table: 'Table by month',
    month: 'Month',
    period: 'Period',
    classes: 'Outstanding by quality class ({{month}})',
  },
};
