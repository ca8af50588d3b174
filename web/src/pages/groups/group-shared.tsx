import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { regionDetailQuery } from '../../api/queries.ts';
import type { GroupView } from '../../api/registry.ts';

type Kind = GroupView['kind'];
type Size = GroupView['size'];

/** The kind's name in the UI language (the server's name for a kind the app does not know). */
export function useKindName() {
  const { t } = useTranslation();
  return (kind: Pick<Kind, 'code' | 'name'>) => t(`groups.kinds.${kind.code}` as 'groups.kinds.kube', { defaultValue: kind.name });
}

export function KindBadge({ kind }: { kind: Pick<Kind, 'code' | 'name'> }) {
  const kindName = useKindName();
  return (
    <Badge
      variant="light"
      color={kind.code === 'kube' ? 'grape' : kind.code === 'usep_km' ? 'blue' : 'teal'}
      style={{ textTransform: 'none' }}
    >
      {kindName(kind)}
    </Badge>
  );
}

const rangeOf = (kind: Kind) =>
  kind.minSize !== null && kind.maxSize !== null
    ? kind.minSize === kind.maxSize
      ? String(kind.maxSize)
      : `${kind.minSize}–${kind.maxSize}`
    : kind.maxSize !== null
      ? `≤ ${kind.maxSize}`
      : kind.minSize !== null
        ? `≥ ${kind.minSize}`
        : null;

/** "9 keluarga (batas 8–10)": what the kind counts, against its limits. */
export function SizeText({ kind, size }: { kind: Kind; size: Size }) {
  const { t } = useTranslation();
  const count = kind.counts === 'households' ? size.households : size.members;
  const range = rangeOf(kind);
  return (
    <Text size="sm" span>
      {kind.counts === 'households' ? t('groups.sizeHouseholds', { count }) : t('groups.sizeMembers', { count })}
      {range && (
        <Text span c="dimmed" size="sm">
          {' '}
          ({t('groups.limit', { range })})
        </Text>
      )}
    </Text>
  );
}

/** The size as a bar up to the kind's maximum, orange below its minimum. */
export function SizeBar({ kind, size }: { kind: Kind; size: Size }) {
  const { t } = useTranslation();
  const count = kind.counts === 'households' ? size.households : size.members;
  const below = kind.minSize !== null && count < kind.minSize;
  return (
    <Stack gap={4}>
      <SizeText kind={kind} size={size} />
      {kind.maxSize !== null && (
        <Progress value={Math.min(100, (count / kind.maxSize) * 100)} color={below ? 'orange' : 'teal'} size="sm" aria-hidden />
      )}
      {below && (
        <Text size="xs" c="orange.9">
          {t('groups.belowMin', { min: kind.minSize })}
        </Text>
      )}
    </Stack>
  );
}

/** Village names of a group (looked up once each, then cached). */
export function VillageNames({ codes }: { codes: string[] }) {
  const details = useQueries({ queries: codes.map((code) => regionDetailQuery(code)) });
  return (
    <Group gap={4}>
      {codes.map((code, index) => (
        <Badge key={code} variant="default" style={{ textTransform: 'none' }} title={code}>
          {details[index]?.data?.name ?? code}
        </Badge>
      ))}
    </Group>
  );
}
