import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type NotificationIntent = 'info' | 'success' | 'warning' | 'error';

export interface PortalNotification {
  id: number;
  title: string;
  body?: string;
  intent: NotificationIntent;
  at: Date;
}

interface NotificationsApi {
  notify(n: { title: string; body?: string; intent?: NotificationIntent }): void;
  items: PortalNotification[];
  clear(): void;
}

const NotificationsContext = createContext<NotificationsApi | null>(null);
const ToastHost = lazy(() => import('./toast-host'));

/** A toast per action, kept in the list behind the bell in the top bar, as the portal does. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<PortalNotification[]>([]);
  const notify = useCallback<NotificationsApi['notify']>(({ title, body, intent = 'info' }) => {
    setItems((list) => [{ id: Date.now() + Math.random(), title, body, intent, at: new Date() }, ...list].slice(0, 50));
  }, []);
  const value = useMemo(() => ({ notify, items, clear: () => setItems([]) }), [notify, items]);
  return (
    <NotificationsContext.Provider value={value}>
      {children}
      {items.length > 0 && (
        <Suspense fallback={null}>
          <ToastHost latest={items[0]} />
        </Suspense>
      )}
    </NotificationsContext.Provider>
  );
}

export function useNotifications(): NotificationsApi {
  const api = useContext(NotificationsContext);
  if (!api) throw new Error('useNotifications outside NotificationsProvider');
  return api;
}
