import { makeStyles, tokens } from '@fluentui/react-components';
import { NavLink, Outlet, useParams } from 'react-router';

const useStyles = makeStyles({
  layout: { display: 'flex', flex: 1, minHeight: 0 },
  menu: { width: '200px', flexShrink: 0, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, padding: '16px 0' },
  heading: { padding: '0 16px 8px', fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300, wordBreak: 'break-all' },
  link: { display: 'block', padding: '6px 16px', color: tokens.colorNeutralForeground1, textDecoration: 'none', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  content: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
});

/** The service's own blade: its menu on the left, the chosen page beside it. */
export function ApimServiceBlade() {
  const styles = useStyles();
  const { subscriptionId = '', resourceGroup = '', serviceName = '' } = useParams();
  const base = `/apim/${subscriptionId}/${encodeURIComponent(resourceGroup)}/${encodeURIComponent(serviceName)}`;
  const cls = ({ isActive }: { isActive: boolean }) => (isActive ? `${styles.link} ${styles.active}` : styles.link);
  return (
    <div className={styles.layout}>
      <nav className={styles.menu} aria-label="API Management service menu">
        <h2 className={styles.heading}>{serviceName}</h2>
        <NavLink end to={base} className={cls}>
          Overview
        </NavLink>
        <NavLink to={`${base}/certificates`} className={cls}>
          Certificates
        </NavLink>
      </nav>
      <div className={styles.content}>
        <Outlet />
      </div>
    </div>
  );
}
