import { Button, makeStyles, Text, Title1, tokens } from '@fluentui/react-components';
import { useMsal } from '@azure/msal-react';
import { Link } from 'react-router';
import { loginRequest } from '../../lib/auth';

const useStyles = makeStyles({
  page: {
    maxWidth: '560px',
    margin: '80px auto',
    padding: '32px',
    display: 'flex',
    flexDirection: 'column',
    gap: '16px',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
  },
});

export function SignInPage({ environment }: { environment: string }) {
  const styles = useStyles();
  const { instance } = useMsal();
  return (
    <main className={styles.page}>
      <Title1 as="h1">certportal</Title1>
      <Text>Manage management certificates and API Management certificates of your Azure subscriptions.</Text>
      {environment === 'emulator' && <Text>This build talks to the certportal emulator: sign in with one of its demo accounts.</Text>}
      <Button appearance="primary" onClick={() => void instance.loginRedirect({ ...loginRequest, redirectStartPage: window.location.href })}>
        Sign in
      </Button>
      <Text>
        Or, without signing in: <Link to="/inspect">Inspect a certificate file</Link> (it never leaves your browser).
      </Text>
    </main>
  );
}
