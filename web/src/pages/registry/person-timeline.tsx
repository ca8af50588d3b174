// "Riwayat" on a person's page: what the person owes now (financing overdue and still owed, the
// family's JKN arrears) and their events newest first, each part only for the roles that read it
// (health encounters only for the health roles, their reads audited by the server).
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { canReadTimeline, type TimelineEvent, timelineQuery } from '../../api/person-view.ts';
import { useSignedIn } from '../../auth/session.ts';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useFormatDate } from './shared.tsx';

/** How many events show at first, and how many more each "older events" press adds (the server sends them all). */
const PAGE = 25;

export function PersonTimelineSection({ personId }: { personId: string }) {
  const me = useSignedIn();
  if (!canReadTimeline(me.role)) return null;
  return <PersonTimeline personId={personId} />;
}

const linkOf = (event: TimelineEvent) => {
  if (!event.ref) return null;
  if (event.ref.type === 'financing') return `/financings/${event.ref.id}`;
  if (event.ref.type === 'group') return `/groups/${event.ref.id}`;
  if (event.ref.type === 'cycle') return `/aid/cycles/${event.ref.id}`;
  return null;
};

/** A stable key per event: its day, kind and record, numbered when the same one repeats (two repayments in a day). */
function keyed(events: TimelineEvent[]): [string, TimelineEvent][] {
  const seen = new Map<string, number>();
  return events.map((event) => {
    const base = `${event.on}-${event.kind}-${event.ref?.id ?? event.label ?? ''}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [`${base}-${n}`, event];
  });
}

function PersonTimeline({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const timeline = useQuery(timelineQuery(personId));
  const [shown, setShown] = useState(PAGE);
  const events = timeline.data?.events ?? [];
  const older = Math.min(PAGE, events.length - shown);
  const totals = timeline.data?.totals;
  return (
    <Stack gap="xs" data-testid="person-timeline">
      <Title order={3} size="h4">
        {t('personView.timeline.title')}
      </Title>
      {totals && (totals.financing || totals.jkn) && (
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" data-testid="person-totals">
          {totals.financing && (
            <>
              <Total
                label={t('personView.timeline.overdue')}
                value={formatRupiah(totals.financing.overdue)}
                alert={totals.financing.overdue !== '0'}
                testId="total-overdue"
              />
              <Total
                label={t('personView.timeline.owed')}
                value={formatRupiah(totals.financing.owed)}
                note={t('personView.timeline.running', { count: totals.financing.running })}
                testId="total-owed"
              />
            </>
          )}
          {totals.jkn && (
            <Total
              label={t('personView.timeline.jknOwed')}
              value={formatRupiah(totals.jkn.arrearsAmount)}
              note={t('personView.timeline.jknMonths', { count: totals.jkn.arrearsMonths })}
              alert={totals.jkn.arrearsMonths > 0}
              testId="total-jkn"
            />
          )}
        </SimpleGrid>
      )}
      <ListStates query={timeline} count={events.length} empty={t('personView.timeline.empty')}>
        <Paper withBorder radius="md" p="md">
          <Timeline bulletSize={12} lineWidth={2} color="teal">
            {keyed(events.slice(0, shown)).map(([key, event]) => {
              const to = linkOf(event);
              return (
                <Timeline.Item
                  key={key}
                  title={
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm" fw={600}>
                        {t(`personView.timeline.kinds.${event.kind}`)}
                      </Text>
                      {event.amount && (
                        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                          {formatRupiah(event.amount)}
                        </Badge>
                      )}
                    </Group>
                  }
                  data-testid="timeline-event"
                >
                  <Text size="xs" c="dimmed">
                    {formatDate(event.on)}
                  </Text>
                  {event.label &&
                    (to ? (
                      <Anchor component={Link} to={to} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {event.label}
                      </Anchor>
                    ) : (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {event.label}
                      </Text>
                    ))}
                </Timeline.Item>
              );
            })}
          </Timeline>
          {older > 0 && (
            <Group justify="space-between" mt="md" gap="xs">
              <Text size="xs" c="dimmed" data-testid="timeline-shown">
                {t('personView.timeline.shown', { shown, total: events.length })}
              </Text>
              <Button variant="light" size="sm" onClick={() => setShown(shown + PAGE)} data-testid="timeline-more">
                {t('personView.timeline.more', { count: older })}
              </Button>
            </Group>
          )}
        </Paper>
      </ListStates>
    </Stack>
  );
}

function Total({ label, value, note, alert, testId }: { label: string; value: string; note?: string; alert?: boolean; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} c={alert ? 'red.9' : undefined} data-testid={testId}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}
