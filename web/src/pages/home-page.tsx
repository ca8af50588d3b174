import { Anchor, Badge, Box, Card, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { type HomeCard, homeQuery } from '../api/home.ts';
import { useSignedIn } from '../auth/session.ts';
import { NAV_ICONS } from '../components/app-layout.tsx';
import { formatRupiah } from '../components/rupiah-input.tsx';
import { QueryStates } from '../components/states.tsx';
import { canAdminister, navFor } from '../nav.ts';
import { canChangeRegistry, useFormatDate } from './registry/shared.tsx';

/** A percent as the app writes it: "4,25%" in Indonesian, "4.25%" in English. */
function usePercent() {
  const { i18n } = useTranslation();
  return (value: string) => `${i18n.language === 'en' ? value : value.replace('.', ',')}%`;
}

/** One figure of the day: the number, the rupiah beside it, and the list behind it. */
function TodayCard({ card }: { card: HomeCard }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const formatDate = useFormatDate();
  const label = t(`today.cards.${card.key}` as 'today.cards.drawer');
  const value =
    card.kind === 'rupiah'
      ? formatRupiah(card.value)
      : card.kind === 'percent'
        ? percent(card.value)
        : card.kind === 'status'
          ? t(`today.status.${card.value}` as 'today.status.open')
          : card.capped
            ? t('today.capped', { count: Number(card.value) })
            : card.value;
  const alert =
    (card.kind === 'count' &&
      Number(card.value) > 0 &&
      ['membersOverdue', 'recallsOverdue', 'drawerDifferences', 'lockedOut', 'failedImports'].includes(card.key)) ||
    (card.key === 'cashHeld' && card.breakdown.length > 0);
  const peak = Math.max(1, ...card.trend.map((point) => Number(point.value)));
  return (
    <Paper withBorder radius="md" p="md" data-testid={`today-${card.key}`}>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.1} c={alert ? 'red.9' : undefined} data-testid={`today-${card.key}-value`}>
          {value}
        </Text>
        {card.amount !== null && card.kind !== 'rupiah' && (
          <Text size="sm" data-testid={`today-${card.key}-amount`}>
            {formatRupiah(card.amount)}
          </Text>
        )}
        {card.breakdown.length > 0 && (
          <Stack gap={2}>
            {card.breakdown.map((part) => (
              <Group key={part.label} justify="space-between" gap="xs" wrap="nowrap">
                {part.link ? (
                  <Anchor component={Link} to={part.link} size="sm" truncate>
                    {part.label}
                  </Anchor>
                ) : (
                  <Text size="sm">{t(`today.breakdown.${part.label}` as 'today.breakdown.shortage')}</Text>
                )}
                <Text size="sm" fw={500}>
                  {part.label === 'daysHeld' ? part.value : formatRupiah(part.value)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        {card.trend.length > 1 && (
          <Box
            role="img"
            aria-label={`${t('today.trend')}: ${card.trend.map((p) => `${formatDate(p.date)} ${percent(p.value)}`).join(', ')}`}
          >
            <Text size="xs">{t('today.trend')}</Text>
            <Group gap={4} align="flex-end" h={40} wrap="nowrap" data-testid="today-trend">
              {card.trend.map((point) => (
                <Box
                  key={point.date}
                  w={18}
                  h={`${Math.max(4, (Number(point.value) / peak) * 100)}%`}
                  bg="teal.9"
                  style={{ borderRadius: 2 }}
                />
              ))}
            </Group>
          </Box>
        )}
        {card.link ? (
          <Anchor component={Link} to={card.link} size="sm" fw={600} data-testid={`today-${card.key}-link`}>
            {t('today.openList')}
          </Anchor>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Hari ini: the role's figures for today, each linked to its list. */
function TodaySection() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [params] = useSearchParams();
  const since = params.get('since');
  const today = useQuery(homeQuery(since));
  return (
    <QueryStates query={today}>
      {(view) => (
        <Stack gap="sm" data-testid="today">
          <Group justify="space-between" align="baseline">
            <Title order={2} size="h3">
              {t('today.title')}
            </Title>
            <Text size="sm">
              {t('today.date', { date: formatDate(view.date) })}
              {view.since ? ` · ${t('today.since')} ${formatDate(view.since)}` : ''}
            </Text>
          </Group>
          {view.cards.length === 0 ? (
            <Paper withBorder p="md" radius="md">
              <Text data-testid="empty-state">{t('today.empty')}</Text>
            </Paper>
          ) : (
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
              {view.cards.map((card) => (
                <TodayCard key={card.key} card={card} />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      )}
    </QueryStates>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const admin = canAdminister(me.role);
  const hint = (key: string) => {
    switch (key) {
      case 'users':
        return admin ? t('navHint.users') : t('navHint.usersReadOnly');
      case 'offices':
        return admin ? t('navHint.officesEdit') : t('navHint.offices');
      case 'regions':
        return t('navHint.regions');
      case 'audit':
        return t('navHint.audit');
      case 'persons':
        return canChangeRegistry(me.role) ? t('navHint.persons') : t('navHint.personsReadOnly');
      case 'groups':
        return t('navHint.groups');
      case 'import':
        return t('navHint.import');
      case 'duplicates':
        return t('navHint.duplicates');
      case 'financings':
      case 'financingProducts':
      case 'portfolio':
      case 'revolvingQueue':
      case 'accounts':
      case 'trialBalance':
      case 'accountStatement':
      case 'reports':
      case 'journal':
      case 'funds':
      case 'cashDrawer':
      case 'cadres':
      case 'fieldApp':
      case 'aidProgrammes':
      case 'aidProgress':
      case 'usepChain':
      case 'usepReports':
      case 'usepOverview':
      case 'reminders':
      case 'dashboards':
        return t(`navHint.${key}`);
      default:
        return t('navHint.organisation');
    }
  };

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('home.greeting', { name: me.fullName })}
      </Title>
      {me.role !== 'official' && <TodaySection />}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('home.role')}
            </Text>
            <Group gap={6}>
              <Badge variant="light" size="lg" data-testid="home-role" style={{ textTransform: 'none' }}>
                {t(`roles.${me.role}`)}
              </Badge>
            </Group>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('home.offices')}
            </Text>
            {me.offices.length === 0 ? (
              <Text size="sm">{me.scope.kind === 'all' ? t('home.scopeAll') : t('home.noOffices')}</Text>
            ) : (
              <List size="sm" spacing={2}>
                {me.offices.map((office) => (
                  <List.Item key={office.id}>
                    <Text span fw={500} size="sm">
                      {office.code}
                    </Text>{' '}
                    {office.name}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('home.organisation')}
            </Text>
            <Text size="sm">{me.organisation?.name ?? '—'}</Text>
            {me.organisation?.isDemo && (
              <Text size="xs" c="orange.9">
                {t('app.demoHint')}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
      </Paper>

      <Title order={3} size="h4">
        {me.role === 'official' ? t('home.whatYouCanDo') : t('today.allMenus')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        {navFor(me.role)
          .filter((item) => item.key !== 'home')
          .map((item) => (
            <Card key={item.key} withBorder radius="md" padding="md" component={Link} to={item.path} data-testid={`home-card-${item.key}`}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" radius="md">
                  {NAV_ICONS[item.key]()}
                </ThemeIcon>
                <Stack gap={2}>
                  <Anchor component="span" fw={600}>
                    {t(`nav.${item.key}`)}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {hint(item.key)}
                  </Text>
                </Stack>
              </Group>
            </Card>
          ))}
      </SimpleGrid>
    </Stack>
  );
}
