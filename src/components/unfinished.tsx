import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Marks a blade whose issue is still open, so nobody mistakes it for the finished thing. */
export function Unfinished({ issue }: { issue: number }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>Not built yet</MessageBarTitle>
        This blade is tracked by issue {issue} and is not implemented in this build.
      </MessageBarBody>
    </MessageBar>
  );
}
