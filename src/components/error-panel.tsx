import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { AzureApiError, describeError, NetworkError } from '../lib/api-error';

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
      {onRetry && (error instanceof NetworkError || !(error instanceof AzureApiError) || error.status >= 500 || error.status === 429) && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
