import '@mantine/core/styles.css';
import './i18n/index.ts';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { ApiError } from './api/client.ts';
import { meQuery, rememberSession } from './api/queries.ts';
import { App } from './app.tsx';
import { sessionNotice } from './auth/session.ts';
import { ToastProvider } from './components/toast.tsx';
import { buildTheme, cssVariablesResolver } from './theme.ts';

function Themed({ children }: { children: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the language changes
  const theme = useMemo(() => buildTheme(t), [t, i18n.language]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

// A 401 anywhere but /auth/me means the session ended (expired, or signed out elsewhere):
// forget it, and the router sends the user to the login page.
function onApiError(error: unknown) {
  if (
    error instanceof ApiError &&
    error.status === 401 &&
    error.code === 'auth.unauthenticated' &&
    queryClient.getQueryData(meQuery.queryKey)
  ) {
    sessionNotice.expired = true;
    rememberSession(queryClient, null);
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
    },
  },
});

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Themed>
        <QueryClientProvider client={queryClient}>
          <ToastProvider>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </ToastProvider>
        </QueryClientProvider>
      </Themed>
    </StrictMode>,
  );
