import { lazy, Suspense, useState } from 'react';
import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { AlertRegular, WeatherMoonRegular, WeatherSunnyRegular } from '@fluentui/react-icons';
import { useMsal } from '@azure/msal-react';
import { Link } from 'react-router';
import { activeAccount } from '../../lib/auth';
import { useNotifications } from '../../components/notifications';
import type { ThemeName } from '../theme';
import type { TopBarMenuItem } from './top-bar-menu';

const TopBarMenu = lazy(() => import('./top-bar-menu'));

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    height: '48px',
    padding: '0 12px',
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    '@media (max-width: 599.98px)': { gap: '2px', padding: '0 6px' },
  },
  brand: { color: tokens.colorNeutralForegroundOnBrand, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, textDecoration: 'none' },
  spacer: { flex: 1 },
  // At 320 px the initials stand for the account; the name would push the bar past the screen's edge.
  account: { minWidth: 'auto' },
  userName: { '@media (max-width: 599.98px)': { display: 'none' } },
  onBrand: { color: tokens.colorNeutralForegroundOnBrand },
  // At 320 px the link reads "Inspect" (its name stays whole): three wrapped lines pushed the account off the screen.
  inspect: { whiteSpace: 'nowrap' },
  narrowHidden: { '@media (max-width: 599.98px)': { display: 'none' } },
  // Plain markup instead of Fluent's Badge, Avatar and Tooltip: the top bar is in the first load.
  badge: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderRadius: '10px',
    padding: '0 8px',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  initials: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '24px',
    height: '24px',
    borderRadius: '50%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
  },
});

function initialsOf(name: string): string {
  return name
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

export function TopBar({ environment, theme, onTheme }: { environment: string; theme: ThemeName; onTheme: (t: ThemeName) => void }) {
  const styles = useStyles();
  const { instance } = useMsal();
  const account = activeAccount(instance);
  const { items, clear } = useNotifications();
  const [menu, setMenu] = useState<{ kind: 'account' | 'notifications'; target: HTMLElement } | null>(null);
  const accountItems: TopBarMenuItem[] = account
    ? [
        { key: 'name', label: account.name ?? account.username, disabled: true },
        { key: 'sign-out', label: 'Sign out', onClick: () => void instance.logoutRedirect({ account, idTokenHint: account.idToken }) },
      ]
    : [];
  const notificationItems: TopBarMenuItem[] = [
    ...(items.length === 0 ? [{ key: 'none', label: 'No notifications', disabled: true }] : []),
    ...items.slice(0, 20).map((n) => ({ key: String(n.id), label: n.body ? `${n.title}: ${n.body}` : n.title, secondary: n.at.toLocaleTimeString() })),
    ...(items.length > 0 ? [{ key: 'clear', label: 'Dismiss all', onClick: clear }] : []),
  ];
  return (
    <header className={styles.bar} role="banner">
      <Link to="/" className={styles.brand}>
        certportal
      </Link>
      {environment === 'emulator' && <span className={styles.badge}>Emulator</span>}
      <span className={styles.spacer} />
      <Link to="/inspect" className={mergeClasses(styles.onBrand, styles.inspect)} aria-label="Inspect a certificate file">
        Inspect<span className={styles.narrowHidden}> a certificate file</span>
      </Link>
      <Button
        appearance="transparent"
        className={styles.onBrand}
        icon={theme === 'light' ? <WeatherMoonRegular /> : <WeatherSunnyRegular />}
        aria-label={theme === 'light' ? 'Dark theme' : 'Light theme'}
        title={theme === 'light' ? 'Dark theme' : 'Light theme'}
        onClick={() => onTheme(theme === 'light' ? 'dark' : 'light')}
      />
      <Button
        appearance="transparent"
        className={styles.onBrand}
        icon={<AlertRegular />}
        aria-label={`Notifications (${items.length})`}
        aria-haspopup="menu"
        aria-expanded={menu?.kind === 'notifications'}
        onClick={(e) => setMenu({ kind: 'notifications', target: e.currentTarget })}
      >
        {items.length > 0 ? String(items.length) : undefined}
      </Button>
      {account && (
        <Button
          appearance="transparent"
          className={mergeClasses(styles.onBrand, styles.account)}
          aria-label={`Account: ${account.name ?? account.username}`}
          aria-haspopup="menu"
          aria-expanded={menu?.kind === 'account'}
          onClick={(e) => setMenu({ kind: 'account', target: e.currentTarget })}
        >
          <span className={styles.initials} aria-hidden>
            {initialsOf(account.name ?? account.username)}
          </span>
          <span className={styles.userName}>
            <Text className={styles.onBrand} style={{ marginLeft: 8 }}>
              {account.username}
            </Text>
          </span>
        </Button>
      )}
      {menu && (
        <Suspense fallback={null}>
          <TopBarMenu
            target={menu.target}
            label={menu.kind === 'account' ? 'Account' : 'Notifications'}
            items={menu.kind === 'account' ? accountItems : notificationItems}
            onClose={() => {
              menu.target.focus();
              setMenu(null);
            }}
          />
        </Suspense>
      )}
    </header>
  );
}
