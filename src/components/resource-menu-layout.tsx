import { makeStyles, tokens } from '@fluentui/react-components';
import { NavLink, Outlet } from 'react-router';
import { CollapsibleNav } from './collapsible-nav';

const useStyles = makeStyles({
  layout: { display: 'flex', flex: 1, minHeight: 0, '@media (max-width: 1023.98px)': { flexDirection: 'column' } },
  menu: { width: '200px', flexShrink: 0, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, padding: '16px 0' },
  heading: { padding: '0 16px 8px', fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300, wordBreak: 'break-all' },
  link: {
    display: 'block',
    padding: '6px 16px',
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  content: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
});

/** A resource's own blade, as the portal lays it out: its menu on the left, the chosen page beside it. */
export function ResourceMenuLayout({
  title,
  menuLabel,
  items,
}: {
  title: string;
  menuLabel: string;
  items: Array<{ to: string; label: string; end?: boolean }>;
}) {
  const styles = useStyles();
  const cls = ({ isActive }: { isActive: boolean }) => (isActive ? `${styles.link} ${styles.active}` : styles.link);
  return (
    <div className={styles.layout}>
      <CollapsibleNav className={styles.menu} label={menuLabel}>
        <h2 className={styles.heading}>{title}</h2>
        {items.map((item) => (
          <NavLink key={item.to} end={item.end} to={item.to} className={cls}>
            {item.label}
          </NavLink>
        ))}
      </CollapsibleNav>
      <div className={styles.content}>
        <Outlet />
      </div>
    </div>
  );
}
