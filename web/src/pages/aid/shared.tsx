// Small pieces shared by the social assistance screens: names in the UI language, badges, rule wording.
import { Badge, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CycleStatus, EligibilityRule, EnrolmentStatus, EntitlementStatus, ProgrammeView } from '../../api/aid.ts';

/** A programme's name in the UI language. */
export function useProgrammeName() {
  const { i18n } = useTranslation();
  return (programme: Pick<ProgrammeView, 'nameId' | 'nameEn'>) => (i18n.language === 'en' ? programme.nameEn : programme.nameId);
}

const badge = { textTransform: 'none', flexShrink: 0, maxWidth: 'none', minWidth: 'fit-content' } as const;

const CYCLE_COLOURS: Record<CycleStatus, string> = { open: 'blue', approved: 'teal', closed: 'gray' };
export function CycleStatusBadge({ status }: { status: CycleStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={CYCLE_COLOURS[status]} variant="light" style={badge} data-testid="cycle-status">
      {t(`aid.cycles.statuses.${status}`)}
    </Badge>
  );
}

const ENTITLEMENT_COLOURS: Record<EntitlementStatus, string> = {
  computed: 'blue',
  approved: 'teal',
  instructed: 'violet',
  paid: 'green',
  failed: 'red',
  returned: 'orange',
  excluded: 'gray',
};
export function EntitlementBadge({ status }: { status: EntitlementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ENTITLEMENT_COLOURS[status]} variant="light" style={badge} data-testid="entitlement-status">
      {t(`aid.cycle.statuses.${status}`)}
    </Badge>
  );
}

const ENROLMENT_COLOURS: Record<EnrolmentStatus, string> = {
  enrolled: 'teal',
  pending_account: 'orange',
  suspended: 'yellow',
  ended: 'gray',
};
export function EnrolmentBadge({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ENROLMENT_COLOURS[status]} variant="light" style={badge} data-testid="enrolment-status">
      {t(`aid.enrolments.statuses.${status}`)}
    </Badge>
  );
}

/** One eligibility rule in words ("Memegang kartu KKS", "Desil kesejahteraan 1–4"). */
export function useRuleText() {
  const { t } = useTranslation();
  return (rule: EligibilityRule): string => {
    switch (rule.kind) {
      case 'card':
        return rule.held
          ? t('aid.rules.card', { card: rule.card.toUpperCase() })
          : t('aid.rules.noCard', { card: rule.card.toUpperCase() });
      case 'decile':
        return t('aid.rules.decile', { min: rule.min, max: rule.max });
      case 'age':
        return t('aid.rules.age', { min: rule.min ?? 0, max: rule.max ?? '…' });
      case 'sex':
        return t('aid.rules.sex', { sex: t(`registry.sex.${rule.sex}`) });
      case 'relation':
        return t('aid.rules.relation', { list: rule.relations.map((r) => t(`registry.relations.${r}`)).join(', ') });
      case 'school_level':
        return t('aid.rules.school_level', { list: rule.levels.join(', ') });
      case 'disability':
        return t('aid.rules.disability');
      case 'pregnant':
        return t('aid.rules.pregnant');
      case 'region':
        return t('aid.rules.region', { list: rule.codes.join(', ') });
      case 'not_enrolled':
        return t('aid.rules.not_enrolled', { programme: rule.programme.toUpperCase() });
    }
  };
}

/** A value the eligibility check saw or required, shown plainly (lists joined, null: "not recorded"). */
export function useValueText() {
  const { t } = useTranslation();
  const text = (value: unknown): string => {
    if (value === null || value === undefined) return t('aid.eligibility.notRecorded');
    if (typeof value === 'boolean') return value ? t('aid.yes') : t('aid.no');
    if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(text).join(', ');
    if (typeof value === 'object')
      return Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => `${k}: ${text(v)}`)
        .join(', ');
    return String(value);
  };
  return text;
}

/** Figures in a row of small panels (totals of a cycle or a reconciliation). */
export function Figures({ items, testId }: { items: { label: string; value: React.ReactNode; testId?: string }[]; testId?: string }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid={testId}>
      {items.map((item) => (
        <Paper key={item.label} withBorder radius="md" p="sm">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {item.label}
            </Text>
            <Text fw={700} data-testid={item.testId} style={{ overflowWrap: 'anywhere' }}>
              {item.value}
            </Text>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** "6 Des 2026 15.04" / "6 Dec 2026, 15:04": a moment in the UI language, in WIB (the institution's time). */
export function useFormatMoment() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  });
  return (iso: string) => format.format(new Date(iso));
}
