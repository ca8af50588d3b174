import type { Locale } from '../../core/locale.ts';

/**
 * What documents and screens print for a system actor (context.ts `actorName`: `system:cli:demo`,
 * `system:reminders`, …): words, never the raw id. Users are named by their full name instead.
 */
const SYSTEM_LABELS: Record<Locale, { cli: string; reminders: string; firstRun: string; other: string; anonymous: string }> = {
  id: {
    cli: 'Sistem (baris perintah)',
    reminders: 'Sistem (pengingat terjadwal)',
    firstRun: 'Sistem (penyiapan awal)',
    other: 'Sistem',
    anonymous: 'Tidak diketahui',
  },
  en: {
    cli: 'System (command line)',
    reminders: 'System (scheduled reminders)',
    firstRun: 'System (first set-up)',
    other: 'System',
    anonymous: 'Unknown',
  },
};

/** The words for a recorded actor that is not a user, or null when it names a user (a username). */
export function systemActorLabel(recorded: string, locale: Locale = 'id'): string | null {
  const labels = SYSTEM_LABELS[locale];
  if (recorded === 'anonymous') return labels.anonymous;
  if (!recorded.startsWith('system:')) return null;
  const name = recorded.slice('system:'.length);
  if (name.startsWith('cli:') || name === 'cli') return labels.cli;
  if (name === 'reminders') return labels.reminders;
  if (name === 'first-run') return labels.firstRun;
  return labels.other;
}
