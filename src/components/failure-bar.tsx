import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface Failure {
  title: string;
  message: string;
  /** Whether trying the same request again can help (network, 5xx). */
  retry: boolean;
}

/** A failed save, said in the admin's terms, with Retry only where it can help. */
export function FailureBar({ failure, onRetry }: { failure: Failure | null; onRetry: () => void }) {
  if (!failure) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{failure.title}</MessageBarTitle>
        {failure.message}
      </MessageBarBody>
      {failure.retry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
