// "Pengingat" on a person's page: whether the member receives reminders, switched off and on by
// the staff who keep members' contacts (the server audits each change).
import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { canKeepContact, contactQuery, setPersonOptOut } from '../../api/person-view.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useToast } from '../../components/toast.tsx';

export function PersonOptOutSection({ personId, deceased }: { personId: string; deceased: boolean }) {
  const me = useSignedIn();
  if (!canKeepContact(me.role) || deceased) return null;
  return <PersonOptOut personId={personId} />;
}

function PersonOptOut({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const contact = useQuery(contactQuery(personId));
  const change = useMutation({
    mutationFn: (optedOut: boolean) => setPersonOptOut(personId, optedOut),
    onSuccess: (view) => {
      client.setQueryData(contactQuery(personId).queryKey, view);
      toast.success(view.optedOut ? t('personView.optOut.savedOut') : t('personView.optOut.savedIn'));
    },
  });
  if (contact.isError && contact.error instanceof ApiError && contact.error.status === 404) return null;
  const title = (
    <Title order={3} size="h4">
      {t('personView.optOut.title')}
    </Title>
  );
  if (contact.isPending)
    return (
      <Stack gap="xs">
        {title}
        <PageLoader />
      </Stack>
    );
  if (contact.isError) return <ErrorAlert error={contact.error} onRetry={() => void contact.refetch()} />;
  const { optedOut, optedOutAt } = contact.data;
  const since = optedOutAt
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' }).format(
        new Date(optedOutAt),
      )
    : '';
  return (
    <Stack gap="xs" data-testid="person-opt-out">
      {title}
      <Paper withBorder radius="md" p="md">
        <Switch
          size="md"
          color="teal"
          label={t('personView.optOut.label')}
          checked={!optedOut}
          disabled={change.isPending}
          onChange={(e) => change.mutate(!e.currentTarget.checked)}
          data-testid="opt-out-switch"
        />
        <Text size="sm" c="dimmed" mt="xs" data-testid="opt-out-state">
          {optedOut ? t('personView.optOut.stopped', { date: since }) : t('personView.optOut.receiving')}
        </Text>
        {change.isError && <ErrorAlert error={change.error} />}
      </Paper>
    </Stack>
  );
}
