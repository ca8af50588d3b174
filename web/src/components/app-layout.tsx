import {
  AppShell,
  Avatar,
  Badge,
  Burger,
  Button,
  Divider,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Fragment, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useLogout, useSignedIn } from '../auth/session.ts';
import { type NavKey, navFor } from '../nav.ts';
import { AidIcon, RolloutIcon } from './aid-icons.tsx';
import { CadreCardIcon } from './cadre-icons.tsx';
import { ScreenErrorBoundary } from './error-boundary.tsx';
import { FinancingIcon, ProductIcon } from './financing-icons.tsx';
import { HeaderSearch } from './header-search.tsx';
import { AtRiskIcon, CompareIcon, FamilyHealthIcon, PartnershipIcon, RecallIcon, SessionIcon } from './health-icons.tsx';
import { HistoryIcon, HomeIcon, LogoutIcon, MapIcon, OfficeIcon, PhoneIcon, SettingsIcon, UsersIcon } from './icons.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { BookIcon, ChartIcon, CoinsIcon, DrawerIcon, JournalIcon, ReportIcon, ScaleIcon } from './ledger-icons.tsx';
import { PageLoader } from './page-loader.tsx';
import { GaugeIcon, QueueIcon } from './portfolio-icons.tsx';
import { DuplicatesIcon, GroupsIcon, ImportIcon, PersonsIcon } from './registry-icons.tsx';
import { useIsPhone } from './use-is-phone.ts';

export const NAV_ICONS: Record<NavKey, () => React.ReactNode> = {
  home: () => <HomeIcon />,
  persons: () => <PersonsIcon />,
  groups: () => <GroupsIcon />,
  import: () => <ImportIcon />,
  duplicates: () => <DuplicatesIcon />,
  users: () => <UsersIcon />,
  offices: () => <OfficeIcon />,
  regions: () => <MapIcon />,
  audit: () => <HistoryIcon />,
  organisation: () => <SettingsIcon />,
  cadres: () => <CadreCardIcon />,
  fieldApp: () => <PhoneIcon />,
  financings: () => <FinancingIcon />,
  financingProducts: () => <ProductIcon />,
  portfolio: () => <GaugeIcon />,
  revolvingQueue: () => <QueueIcon />,
  accounts: () => <ChartIcon />,
  trialBalance: () => <ScaleIcon />,
  accountStatement: () => <BookIcon />,
  reports: () => <ReportIcon />,
  journal: () => <JournalIcon />,
  funds: () => <CoinsIcon />,
  cashDrawer: () => <DrawerIcon />,
  healthIks: () => <FamilyHealthIcon />,
  recalls: () => <RecallIcon />,
  healthSessions: () => <SessionIcon />,
  atRisk: () => <AtRiskIcon />,
  repaymentComparison: () => <CompareIcon />,
  partnerships: () => <PartnershipIcon />,
  aidProgrammes: () => <AidIcon />,
  aidProgress: () => <RolloutIcon />,
  usepChain: () => <CoinsIcon />,
  usepReports: () => <ReportIcon />,
  usepOverview: () => <GaugeIcon />,
  reminders: () => <PhoneIcon />,
  dashboards: () => <ChartIcon />,
};

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');

export function AppLayout() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useIsPhone();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  const isActive = (path: string) => (path === '/' ? location.pathname === '/' : location.pathname.startsWith(path));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.openNavigation')} />
            <Text component={Link} to="/" fw={800} size="lg" c="teal.9" style={{ textDecoration: 'none' }}>
              {t('app.name')}
            </Text>
            {me.organisation?.isDemo && (
              <Tooltip label={t('app.demoHint')}>
                <Badge color="orange" variant="filled" data-testid="demo-badge">
                  {t('app.demo')}
                </Badge>
              </Tooltip>
            )}
            {me.organisation && (
              <Text size="sm" c="dimmed" truncate visibleFrom="md" maw={360}>
                {me.organisation.name}
              </Text>
            )}
          </Group>
          {me.role !== 'official' && <HeaderSearch />}
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                {/* Named by the name it shows (WCAG 2.5.3): on a phone the name is there for screen readers only. */}
                <UnstyledButton data-testid="user-menu" miw={44} mih={44}>
                  <Group gap={8} wrap="nowrap">
                    <Avatar size={32} radius="xl" color="teal" aria-hidden>
                      {initials(me.fullName)}
                    </Avatar>
                    <Text size="sm" fw={500} visibleFrom="sm" truncate maw={160}>
                      {me.fullName}
                    </Text>
                    <VisuallyHidden hiddenFrom="sm">{me.fullName}</VisuallyHidden>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('auth.signedInAs')}</Menu.Label>
                <Menu.Item disabled>
                  <Text size="sm" fw={500}>
                    {me.fullName} ({me.username})
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`roles.${me.role}`)}
                  </Text>
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item leftSection={<LogoutIcon size={16} />} onClick={signOut}>
                  {t('auth.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('app.navigation')} inert={isPhone && !opened}>
        <AppShell.Section grow component={ScrollArea}>
          {navFor(me.role).map((item, index, items) => (
            <Fragment key={item.key}>
              {item.section && items[index - 1]?.section !== item.section && (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                  {t(`navSection.${item.section}`)}
                </Text>
              )}
              <NavLink
                component={Link}
                to={item.path}
                label={t(`nav.${item.key}`)}
                leftSection={NAV_ICONS[item.key]()}
                active={isActive(item.path)}
                onClick={close}
                variant="light"
                color="teal"
                style={{ borderRadius: 6 }}
              />
            </Fragment>
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Divider my="xs" />
          <Stack gap={4} px="xs" pb="xs">
            <Text size="sm" fw={500} truncate>
              {me.fullName}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`roles.${me.role}`)}
            </Text>
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<LogoutIcon size={16} />}
              onClick={signOut}
              justify="start"
              px={0}
            >
              {t('auth.logout')}
            </Button>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <ScreenErrorBoundary>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </ScreenErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
