import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { isNoAccess, noAccessText } from '../lib/access-error';
import { AzureApiError, describeError } from '../lib/api-error';
import { isTransient } from '../lib/retry';

const useStyles = makeStyles({ details: { marginTop: '4px', wordBreak: 'break-word' } });

/**
 * A failed read, said plainly, with Retry where trying again can help. A refusal for a missing role says which
 * role is needed; the service's text (object ids, scopes) stays folded away for whoever asks the admin for help.
 */
export function ErrorPanel({
  error,
  onRetry,
  title = 'Could not load',
  action = 'read',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  action?: 'read' | 'write';
}) {
  const styles = useStyles();
  const requestId = error instanceof AzureApiError ? error.requestId : null;
  const noAccess = isNoAccess(error) ? noAccessText(action) : null;
  return (
    <MessageBar intent={noAccess ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{noAccess?.title ?? title}</MessageBarTitle>
        {noAccess ? noAccess.message : describeError(error)}
        {noAccess ? (
          <details className={styles.details}>
            <summary>Details from the service</summary>
            <div>{describeError(error)}</div>
            {requestId && <div>Request id: {requestId}</div>}
          </details>
        ) : (
          requestId && <div>Request id: {requestId}</div>
        )}
      </MessageBarBody>
      {onRetry && isTransient(error) && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
