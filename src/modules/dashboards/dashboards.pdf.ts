import { formatMonth, formatRupiah } from '../../core/format.ts';
import type { Locale } from '../../core/locale.ts';
import { translate } from '../../core/messages.ts';
import { renderPdf, table } from '../../pdf/document.ts';
import type { DashboardView } from './dashboards.schema.ts';

const BAR = '#0b7a57';

const amount = (unit: 'rupiah' | 'count', value: string) => (unit === 'rupiah' ? formatRupiah(value) : value);
const percent = (value: string, locale: Locale) => `${locale === 'id' ? value.replace('.', ',') : value}%`;

export function dashboardTitle(view: DashboardView, locale: Locale) {
  return translate(`dashboards.title_${view.subject}`, locale);
}

function filterLine(view: DashboardView, locale: Locale) {
  const where = view.region
    ? translate('dashboards.region', locale, { code: view.region })
    : view.office
      ? translate('dashboards.office', locale, { code: view.office })
      : translate('dashboards.everywhere', locale);
  return translate('dashboards.filter', locale, {
    from: formatMonth(view.from, locale),
    to: formatMonth(view.to, locale),
    where,
    asOf: view.asOf ?? '—',
  });
}

/** The dashboard as a table: one row per month, a column per figure and ratio; the period's row last (the same rows in the PDF and Excel). */
export function dashboardHeader(view: DashboardView, locale: Locale): string[] {
  return [
    translate('dashboards.month', locale),
    ...view.metrics.map((m) => translate(`dashboards.metric_${m.key}`, locale)),
    ...view.ratios.map((r) => translate(`dashboards.ratio_${r.key}`, locale)),
  ];
}
export function dashboardRows(view: DashboardView, locale: Locale, forSheet = false): string[][] {
  const show = (unit: 'rupiah' | 'count', value: string) => (forSheet ? value : amount(unit, value));
  const pct = (value: string) => (forSheet ? value : percent(value, locale));
  const rows = view.months.map((month, i) => [
    forSheet ? month : formatMonth(month, locale),
    ...view.metrics.map((m) => show(m.unit, m.values[i] ?? '0')),
    ...view.ratios.map((r) => pct(r.values[i] ?? '0.00')),
  ]);
  rows.push([
    translate('dashboards.total', locale),
    ...view.metrics.map((m) => show(m.unit, m.total)),
    ...view.ratios.map((r) => pct(r.total)),
  ]);
  return rows;
}

/** The dashboard as a PDF: title, filters, a bar chart of its first figure by month, and the table (landscape A4). */
export function dashboardPdf(view: DashboardView, locale: Locale): Promise<Buffer> {
  const title = dashboardTitle(view, locale);
  return renderPdf(
    (doc) => {
      doc.fontSize(14).font('Helvetica-Bold').text(title);
      doc.font('Helvetica').fontSize(9).text(filterLine(view, locale));
      doc.moveDown();
      const first = view.metrics[0];
      if (first) {
        const left = doc.page.margins.left;
        const width = doc.page.width - left - doc.page.margins.right;
        const top = doc.y;
        const height = 90;
        const values = first.values.map((v) => Number(v));
        const peak = Math.max(1, ...values);
        const slot = width / Math.max(1, values.length);
        doc.fontSize(9).text(translate(`dashboards.metric_${first.key}`, locale), left, top);
        const base = top + 14 + height;
        values.forEach((value, i) => {
          const h = (value / peak) * height;
          if (h > 0) doc.rect(left + i * slot + 2, base - h, slot - 4, h).fill(BAR);
          doc
            .fillColor('#000000')
            .fontSize(6)
            .text(formatMonth(view.months[i] ?? '', locale), left + i * slot, base + 2, { width: slot, align: 'center' });
        });
        doc.fillColor('#000000');
        doc.x = left;
        doc.y = base + 16;
      }
      const header = dashboardHeader(view, locale);
      const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      const monthWidth = 60;
      const rest = (usable - monthWidth) / Math.max(1, header.length - 1);
      doc.fontSize(7);
      table(doc, [monthWidth, ...header.slice(1).map(() => rest)], dashboardRows(view, locale), header);
    },
    { title, layout: 'landscape', margin: 36 },
  );
}
