import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Toast, ToastBody, ToastTitle, Toaster, useId, useToastController, type ToastIntent } from '@fluentui/react-components';

export interface PortalNotification {
  id: number;
  title: string;
  body?: string;
  intent: ToastIntent;
  at: Date;
}

interface NotificationsApi {
  notify(n: { title: string; body?: string; intent?: ToastIntent }): void;
  items: PortalNotification[];
  clear(): void;
}

const NotificationsContext = createContext<NotificationsApi | null>(null);

/** A toast per action, kept in the list behind the bell in the top bar, as the portal does. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const toasterId = useId('toaster');
  const { dispatchToast } = useToastController(toasterId);
  const [items, setItems] = useState<PortalNotification[]>([]);
  const notify = useCallback<NotificationsApi['notify']>(
    ({ title, body, intent = 'info' }) => {
      setItems((list) => [{ id: Date.now() + Math.random(), title, body, intent, at: new Date() }, ...list].slice(0, 50));
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          {body && <ToastBody>{body}</ToastBody>}
        </Toast>,
        { intent, timeout: intent === 'error' ? 10_000 : 5_000 },
      );
    },
    [dispatchToast],
  );
  const value = useMemo(() => ({ notify, items, clear: () => setItems([]) }), [notify, items]);
  return (
    <NotificationsContext.Provider value={value}>
      {children}
      <Toaster toasterId={toasterId} position="top-end" />
    </NotificationsContext.Provider>
  );
}

export function useNotifications(): NotificationsApi {
  const api = useContext(NotificationsContext);
  if (!api) throw new Error('useNotifications outside NotificationsProvider');
  return api;
}
