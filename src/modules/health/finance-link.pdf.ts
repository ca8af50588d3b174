import type { Locale } from '../../core/locale.ts';
import { translate } from '../../core/messages.ts';
import { renderPdf, table } from '../../pdf/document.ts';
import type { ComparisonView } from './finance-link.schema.ts';

const UNDER_CARE = '#2f9e44';
const OTHERS = '#868e96';

/** The comparison's rows: per month and group, then the whole period (the same rows as the Excel sheet). */
export function comparisonRows(view: ComparisonView, locale: Locale): string[][] {
  const t = (code: string) => translate(code, locale);
  const line = (label: string, group: string, f: ComparisonView['underCare']) => [
    label,
    group,
    String(f.members),
    f.onTimeRate ?? '',
    f.par30 ?? '',
    f.meanDaysPastDue ?? '',
  ];
  return [
    ...view.months.flatMap((m) => [
      line(m.month, t('health.comparison_under_care'), m.underCare),
      line(m.month, t('health.comparison_others'), m.others),
    ]),
    line(t('health.comparison_whole_period'), t('health.comparison_under_care'), view.underCare),
    line(t('health.comparison_whole_period'), t('health.comparison_others'), view.others),
  ];
}

export const comparisonHeader = (locale: Locale) =>
  [
    'health.comparison_month',
    'health.comparison_group',
    'health.comparison_members',
    'health.comparison_on_time',
    'health.comparison_par30',
    'health.comparison_days_past_due',
  ].map((code) => translate(code, locale));

/** The comparison as an A4 landscape report: the on-time rate by month as paired bars, then the figures. */
export function comparisonPdf(view: ComparisonView, locale: Locale): Promise<Buffer> {
  const title = translate('health.comparison_title', locale);
  return renderPdf(
    (doc) => {
      doc.fontSize(14).font('Helvetica-Bold').text(title);
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(translate('health.comparison_period', locale, { from: view.from, to: view.to, asOf: view.asOf }));
      doc.moveDown();
      // Paired bars of the on-time rate (0 to 1) per month.
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      const top = doc.y;
      const height = 110;
      const slot = width / Math.max(view.months.length, 1);
      const bar = Math.max(Math.min(slot / 2 - 2, 18), 1);
      doc
        .lineWidth(0.5)
        .strokeColor('#adb5bd')
        .moveTo(left, top + height)
        .lineTo(left + width, top + height)
        .stroke();
      view.months.forEach((m, i) => {
        const x = left + i * slot + (slot - 2 * bar) / 2;
        for (const [k, f, color] of [
          [0, m.underCare, UNDER_CARE],
          [1, m.others, OTHERS],
        ] as const) {
          const rate = f.onTimeRate === null ? 0 : Number(f.onTimeRate);
          const h = rate * height;
          if (h > 0) doc.rect(x + k * bar, top + height - h, bar - 1, h).fill(color);
        }
        if (view.months.length <= 18 || i % 3 === 0)
          doc
            .fillColor('#000000')
            .fontSize(7)
            .text(m.month, left + i * slot, top + height + 3, { width: slot, align: 'center' });
      });
      doc.fillColor('#000000').strokeColor('#000000').lineWidth(1);
      doc.x = left;
      doc.y = top + height + 16;
      const legendY = doc.y;
      doc.rect(left, legendY + 1, 8, 8).fill(UNDER_CARE);
      doc
        .fillColor('#000000')
        .fontSize(8)
        .text(translate('health.comparison_under_care', locale), left + 12, legendY);
      doc.rect(left + 140, legendY + 1, 8, 8).fill(OTHERS);
      doc.fillColor('#000000').text(translate('health.comparison_others', locale), left + 152, legendY);
      doc.x = left;
      doc.moveDown();
      const share = [0.16, 0.2, 0.14, 0.16, 0.16, 0.18];
      table(
        doc,
        share.map((s) => s * width),
        comparisonRows(view, locale),
        comparisonHeader(locale),
      );
    },
    { title, layout: 'landscape' },
  );
}
