import { Center, Loader, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';
import { PageLoader } from './page-loader.tsx';

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

/** Loading and error states of one query; renders `children` with its data once it is there. */
export function QueryStates<T>({ query, children }: { query: ListState & { data?: T }; children(data: T): React.ReactNode }) {
  if (query.isPending) return <PageLoader />;
  if (query.isError || query.data === undefined) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return children(query.data);
}
