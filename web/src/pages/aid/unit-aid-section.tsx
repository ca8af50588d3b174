// "Bantuan sosial" on the person and household pages: the programmes they are in and their payment history.
import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { canReadAid, unitAidQuery } from '../../api/aid.ts';
import { ApiError } from '../../api/client.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { EnrolmentBadge, EntitlementBadge } from './shared.tsx';

export function UnitAidSection({ kind, id }: { kind: 'persons' | 'households'; id: string }) {
  const me = useSignedIn();
  if (!canReadAid(me.role)) return null;
  return <UnitAid kind={kind} id={id} />;
}

function UnitAid({ kind, id }: { kind: 'persons' | 'households'; id: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const aid = useQuery(unitAidQuery(kind, id));
  const title = (
    <Title order={3} size="h4">
      {t('aid.unitAid.title')}
    </Title>
  );
  if (aid.isPending)
    return (
      <Stack gap="sm">
        {title}
        <PageLoader />
      </Stack>
    );
  if (aid.isError)
    return (
      <Stack gap="sm" data-testid="unit-aid">
        {title}
        {aid.error instanceof ApiError && (aid.error.status === 404 || aid.error.status === 405) ? (
          <Text size="sm" c="dimmed">
            {t('aid.unitAid.unavailable')}
          </Text>
        ) : (
          <ErrorAlert error={aid.error} onRetry={() => void aid.refetch()} />
        )}
      </Stack>
    );
  const { enrolments, payments } = aid.data;
  return (
    <Stack gap="sm" data-testid="unit-aid">
      {title}
      <Text fw={600} size="sm">
        {t('aid.unitAid.programmes')}
      </Text>
      {enrolments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('aid.unitAid.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {enrolments.map((e) => (
            <Card key={e.enrolmentId} withBorder radius="md" padding="sm" data-testid="unit-aid-enrolment">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/aid/programmes/${e.programmeId}`} fw={600} size="sm">
                  {e.programmeName}
                </Anchor>
                <EnrolmentBadge status={e.status} />
              </Group>
              <Text size="xs" c="dimmed">
                {t('aid.enrolments.recipient')}: {e.recipientName} · {t(`aid.channels.${e.channel}`)} · {formatDate(e.enrolledOn)}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      <Text fw={600} size="sm">
        {t('aid.unitAid.payments')}
      </Text>
      {payments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('aid.unitAid.noPayments')}
        </Text>
      ) : isPhone ? (
        <Stack gap="xs" data-testid="unit-aid-payments">
          {payments.map((p) => (
            <Card key={`${p.cycleId}-${p.reference ?? ''}`} withBorder radius="md" padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={600}>
                  {p.cycleName}
                </Text>
                <EntitlementBadge status={p.status} />
              </Group>
              <Text size="sm">{formatRupiah(p.amount)}</Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {formatDate(p.periodStart)} – {formatDate(p.periodEnd)} · {p.paidOn ? formatDate(p.paidOn) : '—'} · {p.reference ?? ''}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs" data-testid="unit-aid-payments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('aid.cycles.name')}</Table.Th>
                <Table.Th>{t('aid.cycles.period')}</Table.Th>
                <Table.Th ta="right">{t('aid.cycle.amount')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
                <Table.Th>{t('aid.cycle.paidOn')}</Table.Th>
                <Table.Th>{t('aid.payments.reference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payments.map((p) => (
                <Table.Tr key={`${p.cycleId}-${p.reference ?? ''}`}>
                  <Table.Td>{p.cycleName}</Table.Td>
                  <Table.Td>
                    {formatDate(p.periodStart)} – {formatDate(p.periodEnd)}
                  </Table.Td>
                  <Table.Td ta="right">{formatRupiah(p.amount)}</Table.Td>
                  <Table.Td>
                    <EntitlementBadge status={p.status} />
                  </Table.Td>
                  <Table.Td>{p.paidOn ? formatDate(p.paidOn) : '—'}</Table.Td>
                  <Table.Td ff="monospace">{p.reference ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
