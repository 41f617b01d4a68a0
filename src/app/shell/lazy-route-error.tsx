import { lazy, Suspense } from 'react';

const RouteError = lazy(async () => ({ default: (await import('./route-error')).RouteError }));

/** The route boundary, loaded only when a route fails: its message bar stays out of the first load. */
export function LazyRouteError() {
  return (
    <Suspense fallback={<p role="alert">Something went wrong.</p>}>
      <RouteError />
    </Suspense>
  );
}
