// "JKN-KIS" on a person's page: the person's card (number, segment, class, status) and the
// family's dues as the contributions module reckons them: paid through, months in arrears and
// the amount in arrears. The household page keeps the full panel (recording cards, collecting).
import { Anchor, Badge, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { canReadJkn, householdJknQuery } from '../../api/cadres.ts';
import { ApiError } from '../../api/client.ts';
import { familyDuesQuery } from '../../api/contributions.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { Detail } from '../registry/shared.tsx';

export function PersonJknSection({ personId, householdId }: { personId: string; householdId: string }) {
  const me = useSignedIn();
  if (!canReadJkn(me.role)) return null;
  return <PersonJkn personId={personId} householdId={householdId} />;
}

function PersonJkn({ personId, householdId }: { personId: string; householdId: string }) {
  const { t, i18n } = useTranslation();
  const jkn = useQuery(householdJknQuery(householdId));
  const dues = useQuery(familyDuesQuery(householdId));
  const title = (
    <Title order={3} size="h4">
      {t('personView.jkn.title')}
    </Title>
  );
  if (jkn.isPending || dues.isPending)
    return (
      <Stack gap="sm">
        {title}
        <PageLoader />
      </Stack>
    );
  // Not one of this cadre's families: the section stays away.
  const refused = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 403);
  if (jkn.isError && refused(jkn.error)) return null;
  if (jkn.isError) return <ErrorAlert error={jkn.error} onRetry={() => void jkn.refetch()} />;
  const card = jkn.data.members.find((m) => m.personId === personId)?.jkn ?? null;
  const quote = dues.isSuccess ? dues.data.quote : null;
  const monthFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const paidThrough =
    dues.isSuccess && dues.data.paidThrough ? monthFormat.format(new Date(`${dues.data.paidThrough}-01T00:00:00Z`)) : null;
  return (
    <Stack gap="sm" data-testid="person-jkn">
      {title}
      <Paper withBorder radius="md" p="md">
        {card ? (
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            <Detail label={t('personView.jkn.card')} testId="person-jkn-card">
              {card.cardNumber}
            </Detail>
            <Detail label={t('personView.jkn.segment')}>{card.segment}</Detail>
            <Detail label={t('personView.jkn.class')}>{card.class}</Detail>
            <Detail label={t('personView.jkn.status')}>
              <Badge variant="light" color={card.status === 'active' ? 'teal' : 'red'} style={{ textTransform: 'none' }}>
                {t(`personView.jkn.statuses.${card.status}`)}
              </Badge>
            </Detail>
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {t('personView.jkn.noCard')}
          </Text>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md" data-testid="person-jkn-dues">
        <Text fw={600} size="sm" mb="xs">
          {t('personView.jkn.dues')}
        </Text>
        {dues.isError && !refused(dues.error) ? (
          <ErrorAlert error={dues.error} onRetry={() => void dues.refetch()} />
        ) : quote ? (
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            <Detail label={t('personView.jkn.paidThrough')}>{paidThrough ?? '—'}</Detail>
            <Detail label={t('personView.jkn.arrears')} testId="person-jkn-arrears">
              {t('personView.jkn.months', { count: quote.arrearsMonths })}
            </Detail>
            <Detail label={t('personView.jkn.owed')} testId="person-jkn-owed">
              <Text span size="sm" fw={700} c={quote.arrearsAmount > 0 ? 'red.9' : undefined}>
                {formatRupiah(String(quote.arrearsAmount))}
              </Text>
            </Detail>
            <Detail label={t('personView.jkn.reactivation')}>{formatRupiah(String(quote.reactivationTotal))}</Detail>
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            {t('personView.jkn.noDues')}
          </Text>
        )}
        <Anchor component={Link} to={`/households/${householdId}`} size="sm" mt="xs" display="inline-block">
          {t('personView.jkn.openHousehold')}
        </Anchor>
      </Paper>
    </Stack>
  );
}
