import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router-dom';
import { useSignedIn } from '../../auth/session.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RegionSelect } from '../../components/region-picker.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useUrlSearchParams } from '../../components/use-url-search-params.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { useFormatDate } from '../registry/shared.tsx';
import { canWriteSessions, type SessionPage, useSessions } from './session-api.ts';
import { SessionDetailPage } from './session-detail.tsx';
import { SessionNewPage } from './session-new.tsx';

/** Counselling sessions: the list (`/health/sessions`), a new one (`/new`) and one session with its attendees (`/:id`). */
export function SessionsPage() {
  const me = useSignedIn();
  return (
    <Routes>
      <Route index element={<SessionList />} />
      {/* Readers who may not record (facilitator, manager…) get what the rest of the app gives a page their role cannot open. */}
      <Route path="new" element={canWriteSessions(me.role) ? <SessionNewPage /> : <NotFoundPage />} />
      <Route path=":id" element={<SessionDetailPage />} />
    </Routes>
  );
}

type Row = SessionPage['items'][number];

function SessionList() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const [params, setParams] = useUrlSearchParams();
  const village = params.get('village');
  const sessions = useSessions({ village: village ?? undefined });
  const rows = sessions.data?.pages.flatMap((page) => page.items) ?? [];
  const topic = (row: Row) => (row.topic === 'other' && row.topicNote ? row.topicNote : t(`healthScreening.sessions.topics.${row.topic}`));
  return (
    <Stack gap="md">
      <PageHeader title={t('healthScreening.sessions.title')}>
        {canWriteSessions(me.role) && (
          <Button component={Link} to="/health/sessions/new" leftSection={<PlusIcon size={16} />} data-testid="session-new">
            {t('healthScreening.sessions.add')}
          </Button>
        )}
      </PageHeader>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <RegionSelect
          label={t('healthScreening.sessions.village')}
          level={4}
          placeholder={t('healthScreening.recalls.allVillages')}
          value={village}
          onChange={(code) =>
            setParams(
              (old) => {
                const next = new URLSearchParams(old);
                if (code) next.set('village', code);
                else next.delete('village');
                return next;
              },
              { replace: true },
            )
          }
        />
      </SimpleGrid>
      <ListStates query={sessions} count={rows.length} empty={t('healthScreening.sessions.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="sessions-list">
            {rows.map((row) => (
              <Card key={row.id} withBorder radius="md" padding="sm" data-testid="session-row">
                <Anchor component={Link} to={`/health/sessions/${row.id}`} fw={600}>
                  {topic(row)}
                </Anchor>
                <Text size="sm">
                  {formatDate(row.heldOn)} · {row.place}
                </Text>
                <Group gap="xs" mt={4}>
                  <Badge variant="light" style={{ textTransform: 'none' }}>
                    {t('healthScreening.sessions.attendeeCount', { count: row.attendeeCount })}
                  </Badge>
                  {row.groupId === null && (
                    <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                      {t('healthScreening.sessions.open')}
                    </Badge>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="sessions-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('healthScreening.sessions.heldOn')}</Table.Th>
                  <Table.Th>{t('healthScreening.sessions.topic')}</Table.Th>
                  <Table.Th>{t('healthScreening.sessions.place')}</Table.Th>
                  <Table.Th>{t('healthScreening.sessions.attendees')}</Table.Th>
                  <Table.Th>{t('healthScreening.sessions.worker')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.id} data-testid="session-row">
                    <Table.Td>
                      <Text size="sm">{formatDate(row.heldOn)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/health/sessions/${row.id}`} fw={500} size="sm">
                        {topic(row)}
                      </Anchor>
                      {row.groupId === null && (
                        <Badge ml={6} size="xs" variant="outline" color="gray" style={{ textTransform: 'none' }}>
                          {t('healthScreening.sessions.open')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.place}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.attendeeCount}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.worker.fullName}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={sessions.hasNextPage} loading={sessions.isFetchingNextPage} onLoad={() => void sessions.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}
