import { createBrowserRouter } from 'react-router';
import { PortalShell } from './shell/portal-shell';
import { LazyRouteError } from './shell/lazy-route-error';
import type { CrumbHandle } from './shell/breadcrumbs';
import { SubscriptionName } from '../components/subscription-name';

const crumb = (label: CrumbHandle['crumb']): CrumbHandle => ({ crumb: label });

// Each blade is its own chunk: the first load carries only the shell.
export function createRouter() {
  return createBrowserRouter([
    // Public: outside the shell, which asks for a sign-in; the doctor needs no account and sends nothing.
    {
      path: '/inspect',
      errorElement: <LazyRouteError />,
      lazy: async () => ({ Component: (await import('../features/inspect/components/inspect-page')).InspectPage }),
    },
    {
      path: '/',
      element: <PortalShell />,
      errorElement: <LazyRouteError />,
      handle: crumb(() => 'Home'),
      children: [
        {
          errorElement: <LazyRouteError />,
          children: [
            { index: true, lazy: async () => ({ Component: (await import('../features/home/home-blade')).HomeBlade }) },
            {
              path: 'subscriptions',
              handle: crumb(() => 'Subscriptions'),
              children: [
                {
                  index: true,
                  lazy: async () => ({ Component: (await import('../features/subscriptions/components/subscriptions-blade')).SubscriptionsBlade }),
                },
                {
                  path: ':subscriptionId',
                  handle: crumb((p) => <SubscriptionName id={p.subscriptionId} />),
                  lazy: async () => ({ Component: (await import('../features/subscriptions/components/subscription-blade')).SubscriptionBlade }),
                  children: [
                    {
                      index: true,
                      lazy: async () => ({ Component: (await import('../features/subscriptions/components/subscription-overview')).SubscriptionOverview }),
                    },
                    {
                      path: 'management-certificates',
                      handle: crumb(() => 'Management certificates'),
                      lazy: async () => ({
                        Component: (await import('../features/management-certificates/components/management-certificates-blade')).ManagementCertificatesBlade,
                      }),
                    },
                  ],
                },
              ],
            },
            {
              path: 'apim',
              handle: crumb(() => 'API Management services'),
              children: [
                {
                  index: true,
                  lazy: async () => ({ Component: (await import('../features/apim-services/components/apim-services-blade')).ApimServicesBlade }),
                },
                {
                  path: ':subscriptionId/:resourceGroup/:serviceName',
                  handle: crumb((p) => p.serviceName ?? ''),
                  lazy: async () => ({ Component: (await import('../features/apim-services/components/apim-service-blade')).ApimServiceBlade }),
                  children: [
                    {
                      index: true,
                      lazy: async () => ({ Component: (await import('../features/apim-services/components/apim-service-overview')).ApimServiceOverview }),
                    },
                    {
                      path: 'certificates',
                      handle: crumb(() => 'Certificates'),
                      lazy: async () => ({
                        Component: (await import('../features/apim-certificates/components/apim-certificates-blade')).ApimCertificatesBlade,
                      }),
                    },
                    {
                      path: 'management-api',
                      handle: crumb(() => 'Management API'),
                      lazy: async () => ({
                        Component: (await import('../features/apim-management-api/components/management-api-page')).ManagementApiPage,
                      }),
                    },
                  ],
                },
              ],
            },
            { path: '*', lazy: async () => ({ Component: (await import('./shell/not-found')).NotFound }) },
          ],
        },
      ],
    },
  ]);
}
