import { makeStyles, tokens } from '@fluentui/react-components';
import { NavLink, Outlet, useParams } from 'react-router';
import { useSubscription } from '../api/get-subscriptions';

const useStyles = makeStyles({
  layout: { display: 'flex', flex: 1, minHeight: 0 },
  menu: { width: '200px', borderRight: `1px solid ${tokens.colorNeutralStroke2}`, padding: '16px 0' },
  heading: { padding: '0 16px 8px', fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  link: { display: 'block', padding: '6px 16px', color: tokens.colorNeutralForeground1, textDecoration: 'none', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  content: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
});

/** The subscription's own blade: its menu on the left, the chosen page beside it. */
export function SubscriptionBlade() {
  const styles = useStyles();
  const { subscriptionId = '' } = useParams();
  const { subscription } = useSubscription(subscriptionId);
  const cls = ({ isActive }: { isActive: boolean }) => (isActive ? `${styles.link} ${styles.active}` : styles.link);
  return (
    <div className={styles.layout}>
      <nav className={styles.menu} aria-label="Subscription menu">
        <h2 className={styles.heading}>{subscription?.displayName ?? subscriptionId}</h2>
        <NavLink end to={`/subscriptions/${subscriptionId}`} className={cls}>
          Overview
        </NavLink>
        <NavLink to={`/subscriptions/${subscriptionId}/management-certificates`} className={cls}>
          Management certificates
        </NavLink>
      </nav>
      <div className={styles.content}>
        <Outlet />
      </div>
    </div>
  );
}
