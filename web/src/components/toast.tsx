import { Notification, Stack } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';

type Toast = { id: number; message: string; color: 'teal' | 'red' };
type ToastApi = { success(message: string): void; failure(message: string): void };

const ToastContext = createContext<ToastApi | null>(null);

/** Short confirmations after a save ("User x created"); they fade after a few seconds. */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const push = useCallback(
    (message: string, color: Toast['color']) => {
      const id = next.current++;
      setToasts((all) => [...all.slice(-2), { id, message, color }]);
      window.setTimeout(() => dismiss(id), 5000);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(
    () => ({ success: (message) => push(message, 'teal'), failure: (message) => push(message, 'red') }),
    [push],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <Stack gap="xs" pos="fixed" bottom={16} right={16} left={16} maw={420} ml="auto" style={{ zIndex: 1000 }} aria-live="polite">
        {toasts.map((toast) => (
          <Notification key={toast.id} color={toast.color} onClose={() => dismiss(toast.id)} withBorder role="status">
            {toast.message}
          </Notification>
        ))}
      </Stack>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast outside ToastProvider');
  return api;
}
