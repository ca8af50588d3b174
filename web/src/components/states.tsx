import { Center, Loader, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';

type ListState = { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

/** Loading, error and empty states of a list; renders `children` when there are rows. */
export function ListStates({
  query,
  empty,
  count,
  children,
}: {
  query: ListState;
  empty: string;
  count: number;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader color="teal" aria-label={t('app.loading')} />
      </Center>
    );
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (count === 0)
    return (
      <Paper withBorder p="xl" radius="md">
        <Text c="dimmed" ta="center" data-testid="empty-state">
          {empty}
        </Text>
      </Paper>
    );
  return children;
}
