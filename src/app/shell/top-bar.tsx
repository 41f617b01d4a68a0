import {
  Avatar,
  Badge,
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { AlertRegular, WeatherMoonRegular, WeatherSunnyRegular } from '@fluentui/react-icons';
import { useMsal } from '@azure/msal-react';
import { Link } from 'react-router';
import { activeAccount } from '../../lib/auth';
import { useNotifications } from '../../components/notifications';
import type { ThemeName } from '../theme';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    height: '48px',
    padding: '0 12px',
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { color: tokens.colorNeutralForegroundOnBrand, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, textDecoration: 'none' },
  spacer: { flex: 1 },
  onBrand: { color: tokens.colorNeutralForegroundOnBrand },
});

export function TopBar({ environment, theme, onTheme }: { environment: string; theme: ThemeName; onTheme: (t: ThemeName) => void }) {
  const styles = useStyles();
  const { instance } = useMsal();
  const account = activeAccount(instance);
  const { items, clear } = useNotifications();
  return (
    <header className={styles.bar} role="banner">
      <Link to="/" className={styles.brand}>
        certportal
      </Link>
      {environment === 'emulator' && (
        <Badge appearance="tint" color="warning">
          Emulator
        </Badge>
      )}
      <span className={styles.spacer} />
      <Tooltip content={theme === 'light' ? 'Dark theme' : 'Light theme'} relationship="label">
        <Button
          appearance="transparent"
          className={styles.onBrand}
          icon={theme === 'light' ? <WeatherMoonRegular /> : <WeatherSunnyRegular />}
          onClick={() => onTheme(theme === 'light' ? 'dark' : 'light')}
        />
      </Tooltip>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button appearance="transparent" className={styles.onBrand} icon={<AlertRegular />} aria-label={`Notifications (${items.length})`}>
            {items.length > 0 ? String(items.length) : undefined}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {items.length === 0 && <MenuItem disabled>No notifications</MenuItem>}
            {items.slice(0, 20).map((n) => (
              <MenuItem key={n.id} secondaryContent={n.at.toLocaleTimeString()}>
                {n.title}
                {n.body ? `: ${n.body}` : ''}
              </MenuItem>
            ))}
            {items.length > 0 && <MenuItem onClick={clear}>Dismiss all</MenuItem>}
          </MenuList>
        </MenuPopover>
      </Menu>
      {account && (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="transparent" className={styles.onBrand} aria-label={`Account: ${account.name ?? account.username}`}>
              <Avatar name={account.name ?? account.username} size={24} />
              <Text className={styles.onBrand} style={{ marginLeft: 8 }}>
                {account.username}
              </Text>
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem disabled>{account.name}</MenuItem>
              <MenuItem
                onClick={() => {
                  void instance.logoutRedirect({ account, idTokenHint: account.idToken });
                }}
              >
                Sign out
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
    </header>
  );
}
