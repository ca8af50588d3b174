import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { sessionNotice, useLogin, useMe } from '../auth/session.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { PageLoader } from '../components/page-loader.tsx';
import { PublicFrame } from '../components/public-frame.tsx';

/** Only paths inside this app (`/users`), never another site (`//evil.example`). */
const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const setupDone = (location.state as { setupDone?: boolean } | null)?.setupDone === true;
  const next = safeNext(params.get('next'));

  if (me.isPending) return <PageLoader fullScreen />;
  if (me.data) return <Navigate to={next} replace />;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password }, { onSuccess: () => navigate(next, { replace: true }), onError: () => setPassword('') });
  };

  return (
    <PublicFrame>
      <Paper withBorder shadow="sm" p="lg" radius="md" mt="xl">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t('auth.title')}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {t('auth.subtitle')}
              </Text>
            </div>
            {setupDone && !login.error && (
              <Alert color="teal" variant="light">
                {t('auth.setupDone')}
              </Alert>
            )}
            {sessionNotice.expired && !login.error && (
              <Alert color="yellow" variant="light">
                {t('auth.sessionEnded')}
              </Alert>
            )}
            {login.error ? <ErrorAlert error={login.error} /> : null}
            <TextInput
              label={t('auth.username')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
              data-autofocus
              autoFocus
            />
            <PasswordInput
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" fullWidth loading={login.isPending} disabled={!username.trim() || !password}>
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </PublicFrame>
  );
}
