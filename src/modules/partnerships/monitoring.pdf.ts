import { formatRupiah } from '../../core/format.ts';
import type { Locale } from '../../core/locale.ts';
import { translate } from '../../core/messages.ts';
import { renderPdf, table } from '../../pdf/document.ts';
import type { MonitoringView } from './partnership.schema.ts';

const BEFORE = '#868e96';
const AFTER = '#2f9e44';

type Outcome = NonNullable<MonitoringView['outcome']['before']>;
const orBlank = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The M&E as rows: section, indicator, value, before, after (the same rows in the PDF and the Excel sheet). */
export function monitoringRows(view: MonitoringView, locale: Locale): string[][] {
  const t = (code: string) => translate(code, locale);
  const line = (section: string, indicator: string, value: string | number) => [t(section), t(indicator), String(value), '', ''];
  const outcome = (indicator: string, pick: (o: Outcome) => string | number | null) => [
    t('partnerships.section_outcome'),
    t(indicator),
    '',
    view.outcome.before ? orBlank(pick(view.outcome.before)) : '',
    view.outcome.after ? orBlank(pick(view.outcome.after)) : '',
  ];
  const p = view.principles;
  return [
    line('partnerships.section_input', 'partnerships.ind_partnerships', view.input.partnerships),
    line('partnerships.section_input', 'partnerships.ind_partners', view.input.partners),
    line('partnerships.section_input', 'partnerships.ind_money', formatRupiah(view.input.money)),
    line('partnerships.section_input', 'partnerships.ind_goods', view.input.goods.items),
    line('partnerships.section_input', 'partnerships.ind_people', view.input.people.quantity),
    line('partnerships.section_input', 'partnerships.ind_facilities', view.input.facilities.items),
    line('partnerships.section_process', 'partnerships.ind_meeting', view.process.meeting),
    line('partnerships.section_process', 'partnerships.ind_workshop', view.process.workshop),
    line('partnerships.section_process', 'partnerships.ind_agreement', view.process.agreement),
    line('partnerships.section_process', 'partnerships.ind_seminar', view.process.seminar),
    line('partnerships.section_process', 'partnerships.ind_communications', view.process.communications),
    line('partnerships.section_output', 'partnerships.ind_network', view.output.network),
    line('partnerships.section_output', 'partnerships.ind_active_agreements', view.output.activeAgreements),
    line('partnerships.section_output', 'partnerships.ind_joint_programme', view.output.jointProgrammes),
    line('partnerships.section_output', 'partnerships.ind_carried_out', view.output.carriedOut),
    line(
      'partnerships.section_output',
      'partnerships.ind_principles',
      `${orBlank(p.equity)} / ${orBlank(p.transparency)} / ${orBlank(p.mutualBenefit)}`,
    ),
    line('partnerships.section_outcome', 'partnerships.ind_target_villages', view.outcome.villageCodes.join(', ')),
    outcome('partnerships.ind_screening_coverage', (o) => o.screeningCoverage),
    outcome('partnerships.ind_screened', (o) => `${o.screenedWomen} / ${o.targetWomen}`),
    outcome('partnerships.ind_sessions', (o) => o.counsellingSessions),
    outcome('partnerships.ind_counselled', (o) => o.counselledPersons),
    outcome('partnerships.ind_mean_iks', (o) => o.meanIks),
    outcome('partnerships.ind_healthy_share', (o) => o.healthyShare),
  ];
}

export const monitoringHeader = (locale: Locale) =>
  [
    'partnerships.report_section',
    'partnerships.report_indicator',
    'partnerships.report_value',
    'partnerships.report_before',
    'partnerships.report_after',
  ].map((code) => translate(code, locale));

export const monitoringTitle = (view: MonitoringView, locale: Locale) =>
  view.title === null ? translate('partnerships.report_title', locale) : translate('partnerships.report_of', locale, { title: view.title });

/** The M&E as an A4 report: the outcome ratios before and after as paired bars, then every figure. */
export function monitoringPdf(view: MonitoringView, locale: Locale): Promise<Buffer> {
  const title = monitoringTitle(view, locale);
  return renderPdf(
    (doc) => {
      doc.fontSize(14).font('Helvetica-Bold').text(title);
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(translate('partnerships.report_as_of', locale, { date: view.asOf }));
      doc.moveDown();
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      // Paired bars of the three outcome ratios (0 to 1): screening coverage, mean IKS, healthy share.
      const bars: [string, (o: Outcome) => string | null][] = [
        ['partnerships.ind_screening_coverage', (o) => o.screeningCoverage],
        ['partnerships.ind_mean_iks', (o) => o.meanIks],
        ['partnerships.ind_healthy_share', (o) => o.healthyShare],
      ];
      const top = doc.y;
      const height = 90;
      const slot = width / bars.length;
      const bar = 28;
      doc
        .lineWidth(0.5)
        .strokeColor('#adb5bd')
        .moveTo(left, top + height)
        .lineTo(left + width, top + height)
        .stroke();
      bars.forEach(([label, pick], i) => {
        const x = left + i * slot + (slot - 2 * bar) / 2;
        for (const [k, outcome, color] of [
          [0, view.outcome.before, BEFORE],
          [1, view.outcome.after, AFTER],
        ] as const) {
          const value = outcome ? pick(outcome) : null;
          const h = Math.min(Number(value ?? 0), 1) * height;
          if (h > 0) doc.rect(x + k * bar, top + height - h, bar - 2, h).fill(color);
          doc
            .fillColor('#000000')
            .fontSize(7)
            .text(value ?? '–', x + k * bar, top + height - h - 9, { width: bar - 2, align: 'center' });
        }
        doc
          .fillColor('#000000')
          .fontSize(8)
          .text(translate(label, locale), left + i * slot, top + height + 3, { width: slot, align: 'center' });
      });
      doc.fillColor('#000000').strokeColor('#000000').lineWidth(1);
      doc.x = left;
      doc.y = top + height + 28;
      const legendY = doc.y;
      doc.rect(left, legendY + 1, 8, 8).fill(BEFORE);
      doc
        .fillColor('#000000')
        .fontSize(8)
        .text(translate('partnerships.report_before', locale), left + 12, legendY);
      doc.rect(left + 100, legendY + 1, 8, 8).fill(AFTER);
      doc.fillColor('#000000').text(translate('partnerships.report_after', locale), left + 112, legendY);
      doc.x = left;
      doc.moveDown();
      const share = [0.16, 0.36, 0.18, 0.15, 0.15];
      table(
        doc,
        share.map((s) => s * width),
        monitoringRows(view, locale),
        monitoringHeader(locale),
      );
    },
    { title },
  );
}
