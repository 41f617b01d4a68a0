import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { InteractionStatus } from '@azure/msal-browser';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { TopBar } from './top-bar';
import { LeftNav } from './left-nav';
import { Breadcrumbs } from './breadcrumbs';
import { SignInPage } from './sign-in-page';
import { useShellSettings } from '../shell-settings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  // Below ~1024 px the menu folds above the page instead of beside it.
  body: { display: 'flex', flex: 1, minHeight: 0, '@media (max-width: 1023.98px)': { flexDirection: 'column' } },
  main: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', overflow: 'auto' },
});

export function PortalShell() {
  const styles = useStyles();
  const settings = useShellSettings();
  const signedIn = useIsAuthenticated();
  const { inProgress } = useMsal();
  if (!signedIn) {
    if (inProgress !== InteractionStatus.None && inProgress !== InteractionStatus.Startup) {
      return <Spinner label="Signing in…" style={{ marginTop: 80 }} />;
    }
    return <SignInPage environment={settings.environment} />;
  }
  return (
    <div className={styles.root}>
      <TopBar environment={settings.environment} theme={settings.theme} onTheme={settings.setTheme} />
      <div className={styles.body}>
        <LeftNav />
        <main className={styles.main} id="main">
          <Breadcrumbs />
          <Suspense fallback={<Spinner label="Loading…" style={{ marginTop: 40 }} />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
