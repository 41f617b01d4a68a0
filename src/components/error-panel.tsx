import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { AzureApiError, describeError } from '../lib/api-error';
import { isTransient } from '../lib/retry';

/** A failed read, said plainly, with Retry where trying again can help. */
export function ErrorPanel({ error, onRetry, title = 'Could not load' }: { error: unknown; onRetry?: () => void; title?: string }) {
  const requestId = error instanceof AzureApiError ? error.requestId : null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {describeError(error)}
        {requestId && <div>Request id: {requestId}</div>}
      </MessageBarBody>
      {onRetry && isTransient(error) && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
