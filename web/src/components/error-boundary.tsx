import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';

type Props = { resetKey: string; fallback(reset: () => void): ReactNode; children: ReactNode };

/**
 * Keeps a failing screen from blanking the whole app: what is around it (the office navigation,
 * the field app's header and outbox) stays, and the screen comes back on the next route or retry.
 */
class Boundary extends Component<Props, { failed: boolean; key: string }> {
  override state = { failed: false, key: this.props.resetKey };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  static getDerivedStateFromProps(props: Props, state: { failed: boolean; key: string }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }
  override componentDidCatch(error: unknown) {
    console.error('screen failed', error);
  }
  override render() {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children;
  }
}

/** A screen's error boundary, reset when the route changes; `extra` adds what to do next (e.g. open the outbox). */
export function ScreenErrorBoundary({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Boundary resetKey={pathname} fallback={(reset) => <ScreenFailed reset={reset} extra={extra} />}>
      {children}
    </Boundary>
  );
}

function ScreenFailed({ reset, extra }: { reset(): void; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('common.screenFailed')} role="alert" data-testid="screen-failed" m="sm">
      <Stack gap="xs">
        <Text size="sm">{t('common.screenFailedHint')}</Text>
        <Group gap="xs">
          <Button size="sm" variant="white" color="red" onClick={reset}>
            {t('common.retry')}
          </Button>
          {extra}
        </Group>
      </Stack>
    </Alert>
  );
}
