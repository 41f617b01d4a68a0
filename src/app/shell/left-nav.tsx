import { makeStyles, tokens } from '@fluentui/react-components';
import { HomeRegular, KeyMultipleRegular, CloudRegular } from '@fluentui/react-icons';
import { NavLink } from 'react-router';
import { CollapsibleNav } from '../../components/collapsible-nav';

const useStyles = makeStyles({
  nav: {
    width: '220px',
    flexShrink: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    paddingTop: '8px',
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  link: {
    display: 'flex',
    alignItems: 'center',
    gap: '10px',
    padding: '8px 16px',
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
});

const items = [
  { to: '/', label: 'Home', icon: <HomeRegular />, end: true },
  { to: '/subscriptions', label: 'Subscriptions', icon: <KeyMultipleRegular />, end: false },
  { to: '/apim', label: 'API Management services', icon: <CloudRegular />, end: false },
];

export function LeftNav() {
  const styles = useStyles();
  return (
    <CollapsibleNav className={styles.nav} label="Portal menu">
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className={({ isActive }) => (isActive ? `${styles.link} ${styles.active}` : styles.link)}>
              {item.icon}
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </CollapsibleNav>
  );
}
