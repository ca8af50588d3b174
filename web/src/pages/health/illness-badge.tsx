import { Badge, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { illnessStatusSchema, statusViewSchema } from '../../../../src/modules/health/finance-link.schema.ts';
import { api } from '../../api/client.ts';
import { useMe } from '../../auth/session.ts';
import { useFormatDate } from '../registry/shared.tsx';

export type IllnessStatus = z.infer<typeof illnessStatusSchema>;
type StatusView = z.infer<typeof statusViewSchema>;

// The roles the server lets see a member's status (STATUS_READERS in health.roles.ts); others never ask.
const STATUS_ROLES = new Set(['admin', 'manager', 'cashier', 'facilitator', 'health_worker', 'supervisor', 'auditor']);

/**
 * Whether members are ill or recovering, by id, in one request for the whole screen (at most
 * 200 members each). Never the diagnosis: the server does not send it.
 */
export function useIllnessStatus(personIds: readonly (string | null | undefined)[]) {
  const me = useMe();
  const ids = [...new Set(personIds.filter((id): id is string => Boolean(id)))].sort().slice(0, 200);
  const allowed = me.data ? STATUS_ROLES.has(me.data.role) : false;
  const query = useQuery({
    queryKey: ['health', 'status', ids],
    queryFn: () => api.get<StatusView>('/api/v1/health/status', { persons: ids.join(',') }),
    enabled: allowed && ids.length > 0,
    staleTime: 60_000,
  });
  return new Map((query.data?.items ?? []).map(({ personId, ...status }) => [personId, status as IllnessStatus]));
}

/** "Sakit sejak 3 Des" / "Tidak dapat bekerja s.d. …" beside a member; nothing when the member is well. */
export function IllnessBadge({ status }: { status: IllnessStatus | null | undefined }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (!status) return null;
  const label =
    status.status === 'recovering'
      ? t('healthFinance.badge.recovering', { date: formatDate(status.unableUntil) })
      : status.unableUntil
        ? t('healthFinance.badge.illUntil', { date: formatDate(status.unableUntil) })
        : t('healthFinance.badge.illSince', { date: formatDate(status.unableFrom) });
  return (
    <Tooltip label={t('healthFinance.badge.hint')} withArrow>
      <Badge
        color={status.status === 'ill' ? 'red' : 'yellow'}
        variant="light"
        size="sm"
        style={{ textTransform: 'none' }}
        data-testid="illness-badge"
      >
        {label}
      </Badge>
    </Tooltip>
  );
}

/** The badge of one member, fetched on its own (a screen about a single member). */
export function MemberIllnessBadge({ personId }: { personId: string | null | undefined }) {
  const statuses = useIllnessStatus([personId]);
  return <IllnessBadge status={personId ? statuses.get(personId) : null} />;
}
