import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ExpiryAlert } from '../alerts/alert-rules';
import type { SourceFailure } from '../inventory/inventory-row';
import { ExpiryAlerts } from './expiry-alerts';

const useStyles = makeStyles({ failures: { margin: '4px 0 0', paddingLeft: '20px' } });

/**
 * What went wrong and what crossed a threshold. Its own chunk (with Fluent's MessageBar), fetched only when
 * there is something to say: a first visit with every source read loads none of it.
 */
export default function InventoryNotices({ error, failures, alerts }: { error: unknown; failures: SourceFailure[]; alerts: ExpiryAlert[] }) {
  const styles = useStyles();
  return (
    <>
      {error !== null && error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{String(error)}</MessageBarBody>
        </MessageBar>
      )}
      {failures.length > 0 && (
        <section aria-label="Sources that failed">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Some sources could not be read; the rest is shown</MessageBarTitle>
              <ul className={styles.failures}>
                {failures.map((f) => (
                  <li key={f.source}>
                    {f.source}: {f.reason}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        </section>
      )}
      <ExpiryAlerts alerts={alerts} />
    </>
  );
}
