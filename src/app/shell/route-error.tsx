import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Blade } from '../../components/blade';
import { ErrorPanel } from '../../components/error-panel';

/** The boundary of every route: a failed blade shows what went wrong, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Blade title="Not found">
        <p>There is no blade at this address. Use the menu on the left.</p>
      </Blade>
    );
  }
  return (
    <Blade title="Something went wrong">
      <ErrorPanel error={error} title="This blade failed" onRetry={() => window.location.reload()} />
    </Blade>
  );
}
