// Small pieces shared by the registry and group screens: who may do what, dates, labels.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { businessDate } from '../../../../src/core/clock.ts';
import type { Relation } from '../../api/registry.ts';
import type { Role } from '../../api/types.ts';

// The server decides again on every request; these only hide what would be refused.
const REGISTRY_WRITERS: Role[] = ['admin', 'manager', 'facilitator', 'cadre', 'health_worker'];
const GROUP_MANAGERS: Role[] = ['admin', 'manager', 'facilitator'];
export const canChangeRegistry = (role: Role) => REGISTRY_WRITERS.includes(role);
export const canImportRegistry = (role: Role) => GROUP_MANAGERS.includes(role);
export const canManageGroups = (role: Role) => GROUP_MANAGERS.includes(role);
export const canDecideDuplicates = (role: Role) => role === 'admin' || role === 'manager';

// The order of a Kartu Keluarga; a record (not a list) so a relation added on the server is a compile error
// here, without bundling the server's zod schemas.
const RELATION_ORDER: Record<Relation, number> = {
  head: 0,
  husband: 1,
  wife: 2,
  child: 3,
  child_in_law: 4,
  grandchild: 5,
  parent: 6,
  parent_in_law: 7,
  other_family: 8,
  other: 9,
};
export const RELATIONS = (Object.keys(RELATION_ORDER) as Relation[]).sort((a, b) => RELATION_ORDER[a] - RELATION_ORDER[b]);

/**
 * Today as the institution's books count it (its business date, WIB), as YYYY-MM-DD — the
 * same day the server dates postings by, whatever the time zone of the browser.
 */
export function todayIso(now = new Date()): string {
  return businessDate({ now: () => now });
}

/** Whole years between two ISO dates. */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** "12 Mar 1990" / "12 Mar 1990": dates of the registry, in the UI language, never shifted by time zones. */
export function useFormatDate() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (iso: string | null | undefined) => (iso ? format.format(new Date(`${iso}T00:00:00Z`)) : '—');
}

export function useRelationOptions(exclude: Relation[] = []) {
  const { t } = useTranslation();
  return RELATIONS.filter((relation) => !exclude.includes(relation)).map((relation) => ({
    value: relation,
    label: t(`registry.relations.${relation}`),
  }));
}

export function RelationBadge({ relation }: { relation: Relation }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant={relation === 'head' ? 'filled' : 'light'}
      color="teal"
      style={{ textTransform: 'none', flexShrink: 0, maxWidth: 'none' }}
    >
      {t(`registry.relations.${relation}`)}
    </Badge>
  );
}

export function DeceasedBadge({ diedOn }: { diedOn: string | null }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Badge variant="outline" color="gray" style={{ textTransform: 'none', flexShrink: 0, maxWidth: 'none' }} data-testid="deceased-badge">
      {diedOn ? t('registry.deceasedOn', { date: formatDate(diedOn) }) : t('registry.deceased')}
    </Badge>
  );
}

/** A label over a value, for the detail panels. */
export function Detail({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** A NIK or KK in groups of four digits, readable aloud: 3204 1152 0390 0001. */
export function GroupedDigits({ value }: { value: string }) {
  const grouped = /^\d{16}$/.test(value) ? value.replace(/(\d{4})(?=\d)/g, '$1 ') : value;
  return (
    <Text span ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
      {grouped}
    </Text>
  );
}

export function SexAndAge({ sex, birthDate }: { sex: 'M' | 'F'; birthDate: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Text span size="sm">
        {t(`registry.sex.${sex}`)}
      </Text>
      <Text span size="sm" c="dimmed">
        · {t('registry.age', { count: Math.max(0, yearsBetween(birthDate, todayIso())) })}
      </Text>
    </Group>
  );
}

/** After a refused submit: bring the first field marked in red into view (long forms on a phone). */
export function scrollToFirstError() {
  window.setTimeout(() => {
    document.querySelector('[aria-invalid="true"], [data-error="true"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, 50);
}
