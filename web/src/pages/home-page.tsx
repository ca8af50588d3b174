import { Anchor, Badge, Card, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../auth/session.ts';
import { NAV_ICONS } from '../components/app-layout.tsx';
import { canAdminister, navFor } from '../nav.ts';
import { canChangeRegistry } from './registry/shared.tsx';

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
      case 'usepReports':
      case 'usepOverview':
        return t(`navHint.${key}`);
      default:
        return t('navHint.organisation');
    }
  };

  return (
    <Stack gap="lg">
      <Title order={2}>{t('home.greeting', { name: me.fullName })}</Title>
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
              <Text size="xs" c="orange.8">
                {t('app.demoHint')}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
      </Paper>

      <Title order={3} size="h4">
        {t('home.whatYouCanDo')}
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
