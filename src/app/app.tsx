import { useMemo, useState } from 'react';
import { FluentProvider } from '@fluentui/react-components';
import { MsalProvider } from '@azure/msal-react';
import type { IPublicClientApplication } from '@azure/msal-browser';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import type { RuntimeConfig } from '../lib/runtime-config';
import { createRouter } from './router';
import { initialTheme, saveTheme, themes, type ThemeName } from './theme';
import { ShellSettingsContext } from './shell-settings';
import { ServicesProvider } from '../lib/services-context';
import { NotificationsProvider } from '../components/notifications';
import { queryRetryDelay, shouldRetryQuery } from '../lib/retry';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: shouldRetryQuery,
        retryDelay: queryRetryDelay,
      },
    },
  });
}

export function App({ msal, config }: { msal: IPublicClientApplication; config: RuntimeConfig }) {
  const [theme, setThemeState] = useState<ThemeName>(initialTheme);
  const [queryClient] = useState(createQueryClient);
  const router = useMemo(createRouter, []);
  const settings = useMemo(
    () => ({
      environment: config.environment,
      theme,
      setTheme: (t: ThemeName) => {
        saveTheme(t);
        setThemeState(t);
      },
    }),
    [config.environment, theme],
  );
  return (
    <FluentProvider theme={themes[theme]} style={{ height: '100%' }}>
      <ShellSettingsContext.Provider value={settings}>
        <MsalProvider instance={msal}>
          <ServicesProvider msal={msal} config={config}>
            <QueryClientProvider client={queryClient}>
              <NotificationsProvider>
                <RouterProvider router={router} />
              </NotificationsProvider>
            </QueryClientProvider>
          </ServicesProvider>
        </MsalProvider>
      </ShellSettingsContext.Provider>
    </FluentProvider>
  );
}
