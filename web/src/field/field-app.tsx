import { Badge, Box, Button, Group, MantineThemeProvider, Text, UnstyledButton } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ScreenErrorBoundary } from '../components/error-boundary.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { PageLoader } from '../components/page-loader.tsx';
import { FieldFamilyScreen } from './field-family.tsx';
import { FieldGroupScreen } from './field-group.tsx';
import { FieldHealthFamilyScreen } from './field-health.tsx';
import { FieldHealthSessionsScreen } from './field-health-session.tsx';
import { FieldHomeScreen } from './field-home.tsx';
import { FieldOutboxScreen } from './field-outbox.tsx';
import { startField, useField } from './field-store.ts';
import { fieldTheme } from './field-theme.ts';
import './field-text.ts';
import { counts } from './outbox.ts';
import { installFieldApp } from './pwa/register.ts';

/**
 * /field: the offline field app, a shell of its own inside the same build (no office
 * navigation, no setup or session checks that need the server): header with the connection,
 * two tabs, and screens that read the phone's IndexedDB.
 */
export function FieldApp() {
  useEffect(() => {
    installFieldApp();
    startField();
  }, []);
  const field = useField();
  if (!field.ready) return <PageLoader fullScreen />;
  return (
    <MantineThemeProvider theme={fieldTheme}>
      <FieldShell />
    </MantineThemeProvider>
  );
}

function FieldShell() {
  return (
    <Box mih="100vh" bg="gray.0">
      <FieldHeader />
      <Box component="main" maw={640} mx="auto" px="sm" pt="sm" pb={48}>
        {/* A screen that fails leaves the header, with the outbox and its count, in place. */}
        <ScreenErrorBoundary extra={<OutboxButton />}>
          <Routes>
            <Route index element={<FieldHomeScreen />} />
            <Route path="groups/:id" element={<FieldGroupScreen />} />
            <Route path="families/:id" element={<FieldFamilyScreen />} />
            <Route path="health/families/:id" element={<FieldHealthFamilyScreen />} />
            <Route path="health/sessions" element={<FieldHealthSessionsScreen />} />
            <Route path="outbox" element={<FieldOutboxScreen />} />
            <Route path="*" element={<Navigate to="/field" replace />} />
          </Routes>
        </ScreenErrorBoundary>
      </Box>
    </Box>
  );
}

function OutboxButton() {
  const { t: ft } = useTranslation('field');
  return (
    <Button component={Link} to="/field/outbox" size="sm" variant="white" color="red">
      {ft('tabOutbox')}
    </Button>
  );
}

function ConnectionBadge() {
  const field = useField();
  const { t: ft } = useTranslation('field');
  const online = field.online;
  return (
    <Badge
      role="status"
      aria-live="polite"
      title={ft(online ? 'onlineHint' : 'offlineHint')}
      size="md"
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, overflow: 'visible' }}
      color={online ? 'teal' : 'gray'}
      variant={online ? 'light' : 'filled'}
      leftSection={<Box w={8} h={8} bg={online ? 'teal.6' : 'red.5'} style={{ borderRadius: '50%' }} />}
    >
      {ft(online ? 'online' : 'offline')}
    </Badge>
  );
}

function Tab({ to, children }: { to: string; children: React.ReactNode }) {
  const { pathname } = useLocation();
  const active = to === '/field' ? pathname !== '/field/outbox' : pathname === to;
  return (
    <UnstyledButton
      component={Link}
      to={to}
      aria-current={active ? 'page' : undefined}
      flex={1}
      mih={48}
      fw={600}
      c={active ? 'teal.9' : 'gray.7'}
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 8,
        borderBottom: `3px solid ${active ? 'var(--mantine-color-teal-6)' : 'transparent'}`,
      }}
    >
      {children}
    </UnstyledButton>
  );
}

function FieldHeader() {
  const field = useField();
  const { t: ft } = useTranslation('field');
  const open = counts(field.outbox);
  const pending = open.waiting + open.refused;
  return (
    <Box component="header" bg="white" pos="sticky" top={0} style={{ zIndex: 10, borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" px="sm" pt="xs" wrap="nowrap" gap="xs" maw={640} mx="auto">
        <Text fw={800} size="md" c="teal.9" style={{ whiteSpace: 'nowrap' }}>
          {ft('appName')}
        </Text>
        <Group gap={6} wrap="nowrap">
          <ConnectionBadge />
          <LanguageSwitch size="xs" />
        </Group>
      </Group>
      <Group component="nav" aria-label={ft('appName')} gap={0} maw={640} mx="auto" wrap="nowrap">
        <Tab to="/field">
          {ft(
            field.bundle?.bundle.cadreId || field.bundle?.bundle.health || ['cadre', 'health_worker'].includes(field.worker?.role ?? '')
              ? 'tabFamilies'
              : 'tabGroups',
          )}
        </Tab>
        <Tab to="/field/outbox">
          {ft('tabOutbox')}
          {pending > 0 ? (
            <Badge size="sm" circle color={open.refused > 0 ? 'red' : 'orange'}>
              {pending}
            </Badge>
          ) : null}
        </Tab>
      </Group>
    </Box>
  );
}
