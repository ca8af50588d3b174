// The NIK, explained while it is typed: the digits are decoded in the browser (instant, offline),
// then the server names the region they encode and warns about codes that no longer exist.
import { Anchor, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { translate } from '../../../../src/core/messages.ts';
import { decodeNik, type NikParts } from '../../../../src/modules/registry/nik.rules.ts';
import { api } from '../../api/client.ts';
import { nikQuery, type PersonPage } from '../../api/registry.ts';
import { currentLocale } from '../../i18n/index.ts';
import { todayIso, useFormatDate } from './shared.tsx';

export type NikCheck =
  | { state: 'empty' }
  | { state: 'typing'; digits: number }
  | { state: 'invalid'; reasons: string[] }
  | { state: 'valid'; parts: NikParts };

/** Spaces are dropped as they are typed or pasted ("3204 1152 …"). */
export const cleanNik = (raw: string) => raw.replace(/\s+/g, '');

/** The NIK's sex and birth date, or null while it is incomplete or impossible. */
export function nikParts(nik: string): NikParts | null {
  const decoded = decodeNik(cleanNik(nik), { today: todayIso() });
  return decoded.ok ? decoded.value : null;
}

/** `digitsOnly` is the UI's own text for letters typed into the NIK. */
export function checkNik(raw: string, digitsOnly: string): NikCheck {
  const locale = currentLocale();
  const nik = cleanNik(raw);
  if (!nik) return { state: 'empty' };
  if (!/^\d+$/.test(nik)) return { state: 'invalid', reasons: [digitsOnly] };
  if (nik.length < 16) return { state: 'typing', digits: nik.length };
  const decoded = decodeNik(nik, { today: todayIso() });
  if (!decoded.ok) return { state: 'invalid', reasons: decoded.errors.map((error) => translate(error.code, locale, error.params)) };
  return { state: 'valid', parts: decoded.value };
}

/** Whether an entered birth date fits the NIK (either century the digits allow). */
export function birthDateFitsNik(nik: string, birthDate: string): boolean {
  if (!birthDate) return true;
  const decoded = decodeNik(cleanNik(nik), { today: todayIso(), birthDate });
  return decoded.ok || !decoded.errors.some((error) => error.field === 'birthDate');
}

/** Under the NIK field: how many digits so far, or what the NIK says (sex, birth date, region). */
export function NikFeedback({ check, testId }: { check: NikCheck; testId?: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const valid = check.state === 'valid' ? check.parts : null;
  const region = useQuery(nikQuery(valid?.nik ?? null));
  // Already on the registry? Said before saving, with a link to the record.
  const registered = useQuery({
    queryKey: ['persons', 'byNik', valid?.nik ?? null],
    queryFn: () => api.get<PersonPage>('/api/v1/persons', { q: valid?.nik, limit: 5 }),
    enabled: Boolean(valid),
    select: (page) => page.items.find((person) => person.nik === valid?.nik) ?? null,
  });
  if (check.state === 'empty')
    return (
      <Text size="xs" c="dimmed">
        {t('nik.hint')}
      </Text>
    );
  if (check.state === 'typing')
    return (
      <Text size="xs" c="dimmed" data-testid={testId}>
        {t('nik.digitsSoFar', { count: check.digits })}
      </Text>
    );
  if (check.state === 'invalid') return null; // shown as the field's error
  if (!valid) return null;
  const place = region.data
    ? [region.data.districtName && t('nik.district', { name: region.data.districtName }), region.data.regencyName, region.data.provinceName]
        .filter(Boolean)
        .join(', ')
    : null;
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="teal.9" fw={500}>
        {t('nik.reads', { sex: t(`registry.sex.${valid.sex}`), date: formatDate(valid.birthDate) })}
      </Text>
      <Group gap={6} wrap="nowrap">
        {region.isPending ? (
          <Loader size={12} color="teal" />
        ) : place ? (
          <Text size="xs" c="teal.9" data-testid={testId ? `${testId}-region` : undefined}>
            {t('nik.region', { place })}
          </Text>
        ) : region.isError ? (
          <Text size="xs" c="dimmed">
            {t('nik.regionUnknown', { code: valid.districtCode })}
          </Text>
        ) : null}
      </Group>
      {registered.data && (
        <Text size="xs" c="orange.9" data-testid={testId ? `${testId}-registered` : undefined}>
          {t('nik.registered')}{' '}
          <Anchor component={Link} to={`/persons/${registered.data.id}`} size="xs" target="_blank">
            {registered.data.fullName} ({registered.data.villageName ?? registered.data.villageCode})
          </Anchor>
        </Text>
      )}
      {(region.data?.warnings.length ?? 0) > 0 && (
        <List size="xs" c="orange.9" spacing={0}>
          {region.data?.warnings.map((warning) => (
            <List.Item key={warning.code}>{warning.message}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The reasons a NIK is impossible, as the field's error (one line each). */
export function NikReasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 1) return reasons[0];
  return (
    <List size="xs" spacing={0} c="red.9">
      {reasons.map((reason) => (
        <List.Item key={reason}>{reason}</List.Item>
      ))}
    </List>
  );
}
