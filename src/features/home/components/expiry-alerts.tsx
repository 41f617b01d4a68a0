import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Link } from 'react-router';
import { thresholdWords, type ExpiryAlert } from '../alerts/alert-rules';

const useStyles = makeStyles({ list: { margin: '4px 0 0', paddingLeft: '20px' } });

/** What crossed a threshold since the last visit, each a link to the blade that can renew it. */
export function ExpiryAlerts({ alerts }: { alerts: ExpiryAlert[] }) {
  const styles = useStyles();
  if (alerts.length === 0) return null;
  return (
    <section aria-label="Expiry alerts">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Since your last visit</MessageBarTitle>
          <ul className={styles.list}>
            {alerts.map(({ row, threshold }) => (
              <li key={row.key}>
                <Link to={row.link}>{row.name}</Link> {thresholdWords(threshold)} ({row.serviceName || row.subscriptionName})
              </li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
