/**
 * Reminders (docs/reminders.md): which due items are selected on a day, the messages in the
 * recipient's language, quiet hours and the back-off between attempts. Pure: `today` and `now`
 * are parameters.
 */
import { addDays, addMonthsKeepingDay } from '../../core/dates.ts';
import { formatDate, formatMonth, formatRupiah } from '../../core/format.ts';
import type { Locale } from '../../core/locale.ts';

export const REMINDER_KINDS = [
  'instalment_due',
  'instalment_overdue',
  'jkn_due',
  'screening_recall',
  'mou_expiry',
  'group_report_due',
  'books_root',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const CHANNELS = ['log', 'email', 'sms', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];

export const REMINDER_STATUSES = ['waiting', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** What `jaring serve` and `jaring reminders run` are configured with (src/config.ts reads the environment). */
export type ReminderSettings = {
  /** The channels reminders go out on; `log` needs nothing configured. */
  channels: Channel[];
  /** Minutes between two runs inside `jaring serve`; 0: no schedule. */
  intervalMinutes: number;
  /** Office time (WIB) in minutes after midnight: nothing is sent from `start` until `end`. Null: no quiet hours. */
  quietHours: { start: number; end: number } | null;
  maxAttempts: number;
  /** The first retry waits this long, each next one twice as long. */
  backoffSeconds: number;
  /** A claimed reminder whose outcome was never recorded (the process died) is sent again after this long. */
  leaseSeconds: number;
  smtp: { url: string; from: string } | null;
  gateway: { url: string; key: string } | null;
};

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  channels: ['log'],
  intervalMinutes: 15,
  quietHours: { start: 21 * 60, end: 7 * 60 },
  maxAttempts: 5,
  backoffSeconds: 60,
  leaseSeconds: 600,
  smtp: null,
  gateway: null,
};

/** Days before an instalment's due date its reminder goes out (and on each day up to it, if a run was missed). */
export const INSTALMENT_NOTICE_DAYS = 3;
/** Overdue instalments and recalls older than this are not reminded of (a first run on old data must not flood members). */
export const CATCH_UP_DAYS = 30;
/** PBPU contributions are due by the 10th (Perpres 82/2018 art. 38 as amended: paid by the 10th of each month). */
export const JKN_DUE_DAY = 10;
/** The JKN reminder goes out from this day of the month until the 9th. */
export const JKN_NOTICE_FROM_DAY = JKN_DUE_DAY - INSTALMENT_NOTICE_DAYS;
/** Screening recalls: due within 30 days of the next screening date (the health module's recall list). */
export const RECALL_NOTICE_DAYS = 30;
/** Agreements (MoU) ending within 90 days (the partnerships module's expiring list). */
export const MOU_NOTICE_DAYS = 90;
/** A USEP KM group's 6-monthly report: reminded two weeks before it is due, and once when late. */
export const GROUP_REPORT_NOTICE_DAYS = 14;
/** Books roots of the last week not yet sent (close of day may run late). */
export const BOOKS_ROOT_DAYS = 7;

/** The window of instalment due dates a day's run reminds of ahead: today … today + 3. */
export function instalmentDueWindow(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, INSTALMENT_NOTICE_DAYS) };
}

/** Overdue: due before today, within the catch-up window. */
export function instalmentOverdueWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -CATCH_UP_DAYS), to: addDays(today, -1) };
}

/** The month (YYYY-MM) whose JKN contribution is reminded of today, or null outside the 7th–9th. */
export function jknMonthToRemind(today: string): string | null {
  const day = Number(today.slice(8, 10));
  return day >= JKN_NOTICE_FROM_DAY && day < JKN_DUE_DAY ? today.slice(0, 7) : null;
}

/** A USEP KM group's next report is due 6 months after what was last reported (or after forming). */
export function groupReportDueOn(coveredUntil: string): string {
  return addMonthsKeepingDay(coveredUntil, 6);
}

/** 'due' within two weeks of the due date, 'late' after it, else nothing yet. */
export function groupReportStage(dueOn: string, today: string): 'due' | 'late' | null {
  if (dueOn < today) return 'late';
  if (dueOn <= addDays(today, GROUP_REPORT_NOTICE_DAYS)) return 'due';
  return null;
}

// ---- time of day (office time: WIB, UTC+7, as businessDate in src/core/clock.ts)

const OFFICE_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Minutes after midnight in office time. */
export function officeMinutes(now: Date): number {
  const ms = (((now.getTime() + OFFICE_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(ms / 60_000);
}

/** "21:00-07:00" → minutes; "" / "off" → null; anything else → undefined (refused by the config). */
export function parseQuietHours(text: string): { start: number; end: number } | null | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'off') return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(trimmed);
  if (!match) return undefined;
  const start = Number(match[1]) * 60 + Number(match[2]);
  const end = Number(match[3]) * 60 + Number(match[4]);
  return start === end ? null : { start, end };
}

export function inQuietHours(quiet: ReminderSettings['quietHours'], now: Date): boolean {
  if (!quiet) return false;
  const minutes = officeMinutes(now);
  return quiet.start < quiet.end ? minutes >= quiet.start && minutes < quiet.end : minutes >= quiet.start || minutes < quiet.end;
}

/** When the quiet hours that hold `now` end (the next moment a reminder may go out). */
export function quietHoursEnd(quiet: { start: number; end: number }, now: Date): Date {
  const minutes = officeMinutes(now);
  let wait = quiet.end - minutes;
  if (wait <= 0) wait += 24 * 60;
  const startOfMinute = now.getTime() - (now.getTime() % 60_000);
  return new Date(startOfMinute + wait * 60_000);
}

/** Exponential back-off: the wait after the `attempts`-th failed attempt (1 → base, 2 → 2×base, 3 → 4×base…), at most a day. */
export function retryDelayMs(attempts: number, backoffSeconds: number): number {
  return Math.min(backoffSeconds * 1000 * 2 ** Math.max(0, attempts - 1), DAY_MS);
}

/** Which channels can reach a recipient: the log always, e-mail with an address, SMS/WhatsApp with a phone. */
export function channelsFor(
  enabled: readonly Channel[],
  contact: { phone: string | null; email: string | null },
): { channel: Channel; address: string | null }[] {
  const out: { channel: Channel; address: string | null }[] = [];
  for (const channel of enabled) {
    if (channel === 'log') out.push({ channel, address: null });
    else if (channel === 'email' && contact.email) out.push({ channel, address: contact.email });
    else if ((channel === 'sms' || channel === 'whatsapp') && contact.phone) out.push({ channel, address: contact.phone });
  }
  return out;
}

// ---- templates

export type ReminderParams = Record<string, string | number>;
export type Message = { subject: string; text: string };

type Value = string | number | undefined;
const money = (value: Value) => formatRupiah(String(value ?? 0));
const dateId = (value: Value) => formatDate(String(value ?? ''));
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const dateEn = (value: Value) => {
  const [y, m, d] = String(value ?? '')
    .split('-')
    .map(Number) as [number, number, number];
  return `${d} ${MONTHS_EN[m - 1]} ${y}`;
};

type Template = (p: ReminderParams) => Message;

/** One template per kind and language; `name` is the recipient's name. */
export const TEMPLATES: Record<ReminderKind, Record<Locale, Template>> = {
  instalment_due: {
    id: (p) => ({
      subject: `Angsuran ${p.number} jatuh tempo ${dateId(p.dueOn)}`,
      text: `Yth. ${p.name}, angsuran ke-${p.n} pembiayaan ${p.number} sebesar ${money(p.amount)} jatuh tempo pada ${dateId(p.dueOn)}. Terima kasih.`,
    }),
    en: (p) => ({
      subject: `Instalment of ${p.number} due on ${dateEn(p.dueOn)}`,
      text: `Dear ${p.name}, instalment ${p.n} of financing ${p.number}, ${money(p.amount)}, is due on ${dateEn(p.dueOn)}. Thank you.`,
    }),
  },
  instalment_overdue: {
    id: (p) => ({
      subject: `Angsuran ${p.number} terlambat`,
      text: `Yth. ${p.name}, angsuran ke-${p.n} pembiayaan ${p.number} yang jatuh tempo ${dateId(p.dueOn)} belum lunas: sisa ${money(p.amount)}. Mohon segera dibayar atau hubungi pendamping Anda.`,
    }),
    en: (p) => ({
      subject: `Instalment of ${p.number} overdue`,
      text: `Dear ${p.name}, instalment ${p.n} of financing ${p.number}, due on ${dateEn(p.dueOn)}, is not fully paid: ${money(p.amount)} remains. Please pay soon or contact your facilitator.`,
    }),
  },
  jkn_due: {
    id: (p) => ({
      subject: `Iuran JKN ${formatMonth(String(p.month), 'id')}`,
      text: `Yth. ${p.name}, iuran JKN keluarga Anda untuk ${formatMonth(String(p.month), 'id')} jatuh tempo tanggal ${dateId(p.dueOn)}. Bayar sebelum tanggal 10 agar kartu tetap aktif.`,
    }),
    en: (p) => ({
      subject: `JKN contribution for ${formatMonth(String(p.month), 'en')}`,
      text: `Dear ${p.name}, your family's JKN contribution for ${formatMonth(String(p.month), 'en')} is due on ${dateEn(p.dueOn)}. Pay before the 10th to keep the card active.`,
    }),
  },
  // No method or result: a reminder is no place for clinical details.
  screening_recall: {
    id: (p) => ({
      subject: 'Jadwal pemeriksaan kesehatan',
      text: `Yth. ${p.name}, jadwal pemeriksaan kesehatan ulang Anda adalah ${dateId(p.dueOn)}. Silakan datang ke puskesmas atau posbindu terdekat.`,
    }),
    en: (p) => ({
      subject: 'Your health check-up',
      text: `Dear ${p.name}, your follow-up health check-up is due on ${dateEn(p.dueOn)}. Please visit the nearest puskesmas or posbindu.`,
    }),
  },
  mou_expiry: {
    id: (p) => ({
      subject: `Perjanjian ${p.agreement} berakhir ${dateId(p.dueOn)}`,
      text: `Yth. ${p.name}, perjanjian kerja sama ${p.agreement} (${p.title}) dalam kemitraan "${p.partnership}" berakhir pada ${dateId(p.dueOn)}. Mohon diperpanjang atau diakhiri.`,
    }),
    en: (p) => ({
      subject: `Agreement ${p.agreement} ends on ${dateEn(p.dueOn)}`,
      text: `Dear ${p.name}, agreement ${p.agreement} (${p.title}) of the partnership "${p.partnership}" ends on ${dateEn(p.dueOn)}. Please renew or close it.`,
    }),
  },
  group_report_due: {
    id: (p) => ({
      subject: p.stage === 'late' ? `Laporan ${p.group} terlambat` : `Laporan ${p.group} jatuh tempo ${dateId(p.dueOn)}`,
      text:
        p.stage === 'late'
          ? `Yth. ${p.name}, laporan 6 bulanan kelompok ${p.group} seharusnya masuk paling lambat ${dateId(p.dueOn)} dan belum diajukan.`
          : `Yth. ${p.name}, laporan 6 bulanan kelompok ${p.group} jatuh tempo pada ${dateId(p.dueOn)}.`,
    }),
    en: (p) => ({
      subject: p.stage === 'late' ? `Report of ${p.group} late` : `Report of ${p.group} due on ${dateEn(p.dueOn)}`,
      text:
        p.stage === 'late'
          ? `Dear ${p.name}, the 6-monthly report of group ${p.group} was due by ${dateEn(p.dueOn)} and has not been submitted.`
          : `Dear ${p.name}, the 6-monthly report of group ${p.group} is due on ${dateEn(p.dueOn)}.`,
    }),
  },
  books_root: {
    id: (p) => ({
      subject: `Akar buku ${p.office} ${dateId(p.dueOn)}`,
      text: `Yth. ${p.name}, akar buku kantor ${p.office} untuk ${dateId(p.dueOn)}: ${p.root} (${p.entries} jurnal, ${p.lines} baris). Simpan untuk mencocokkan ekspor buku (docs/books.md).`,
    }),
    en: (p) => ({
      subject: `Books root of ${p.office} for ${dateEn(p.dueOn)}`,
      text: `Dear ${p.name}, the books root of office ${p.office} for ${dateEn(p.dueOn)}: ${p.root} (${p.entries} entries, ${p.lines} lines). Keep it to check a books export against (docs/books.md).`,
    }),
  },
};

export function renderReminder(kind: ReminderKind, language: Locale, params: ReminderParams): Message {
  return TEMPLATES[kind][language](params);
}
