import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { collectionSheetUrl, type FinancingListItem } from '../../api/financing.ts';
import { type GroupView, meetingsQuery } from '../../api/registry.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PrintIcon } from '../../components/financing-icons.tsx';
import { todayIso, useFormatDate } from '../registry/shared.tsx';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The collection sheet (lembar tagihan) of a group meeting: pick the meeting date (the next
 * meeting recorded ahead, else today) and open the PDF to print.
 */
export function CollectionSheetPanel({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const today = todayIso();
  const meetings = useQuery(meetingsQuery(group.id));
  // Whether the group has a running financing to collect on (the sheet would be empty otherwise).
  const running = useQuery({
    queryKey: ['financing', 'list', { group: group.id, status: 'disbursed', limit: 1 }],
    queryFn: () => api.get<{ items: FinancingListItem[] }>('/api/v1/financings', { group: group.id, status: 'disbursed', limit: 1 }),
  });
  const nextMeeting = (meetings.data ?? [])
    .map((meeting) => meeting.heldOn)
    .filter((heldOn) => heldOn >= today)
    .sort()[0];
  const [picked, setPicked] = useState<string | null>(null);
  const date = picked ?? nextMeeting ?? today;
  const error = !date ? t('common.required') : ISO_DATE.test(date) ? undefined : t('groups.collectionSheet.dateInvalid');
  const hint =
    picked !== null
      ? undefined
      : meetings.isPending
        ? t('groups.collectionSheet.loadingMeetings')
        : nextMeeting
          ? t('groups.collectionSheet.nextMeeting', { date: formatDate(nextMeeting) })
          : t('groups.collectionSheet.noNextMeeting');

  return (
    <Paper withBorder radius="md" p="md" data-testid="collection-sheet">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('groups.collectionSheet.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('groups.collectionSheet.intro')}
        </Text>
        {running.isPending ? (
          <Loader size="sm" color="teal" aria-label={t('app.loading')} />
        ) : running.isError ? (
          <ErrorAlert error={running.error} onRetry={() => void running.refetch()} />
        ) : running.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="collection-sheet-empty">
            {t('groups.collectionSheet.empty')}
          </Text>
        ) : (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <DateField
              label={t('groups.collectionSheet.date')}
              description={hint}
              value={date}
              onChange={(event) => setPicked(event.currentTarget.value)}
              error={error}
              required
              rightSection={meetings.isPending && picked === null ? <Loader size="xs" /> : undefined}
              w={{ base: '100%', xs: 240 }}
            />
            <Button
              component="a"
              href={error ? undefined : collectionSheetUrl(group.id, date)}
              target="_blank"
              rel="noopener"
              leftSection={<PrintIcon size={16} />}
              disabled={Boolean(error)}
              data-testid="collection-sheet-link"
            >
              {t('groups.collectionSheet.open')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
