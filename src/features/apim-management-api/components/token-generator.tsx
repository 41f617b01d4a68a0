import { Button, Field, Input, makeStyles, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorPanel } from '../../../components/error-panel';
import { useServices } from '../../../lib/services-context';
import type { ApimServiceRef } from '../../../lib/azure/resource-ids';
import { listAccessSecrets, type AccessKeyKind } from '../api/access-secrets';
import { curlExample, sharedAccessSignature } from '../sas-token';
import { CopyButton } from './copy-button';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px', maxWidth: '40rem' },
  row: { display: 'flex', gap: '8px', alignItems: 'end' },
  grow: { flex: 1, minWidth: 0 },
  mono: { fontFamily: 'monospace', width: '100%' },
});

const DAY = 86_400_000;

/** `yyyy-MM-ddTHH:mm` in local time, what <input type="datetime-local"> holds. */
function localInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** Generate access token: signed here with WebCrypto; the key is read for it and dropped right after. */
export function TokenGenerator({
  service,
  identifier,
  baseUrl,
  canWrite,
}: {
  service: ApimServiceRef;
  identifier: string;
  baseUrl: string;
  canWrite: boolean;
}) {
  const styles = useStyles();
  const { arm } = useServices();
  const [expiry, setExpiry] = useState(() => localInputValue(new Date(Date.now() + 30 * DAY)));
  const [kind, setKind] = useState<AccessKeyKind>('primary');
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const expiresAt = new Date(expiry);
  const validExpiry = !Number.isNaN(expiresAt.getTime()) && expiresAt.getTime() > Date.now();

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      const secrets = await listAccessSecrets(arm, service);
      setToken(await sharedAccessSignature(kind === 'primary' ? secrets.primaryKey : secrets.secondaryKey, identifier, expiresAt));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="token-title">
      <h2 id="token-title">Access token</h2>
      <div className={styles.form}>
        <Field label="Expiry" validationMessage={validExpiry ? undefined : 'Choose a time in the future.'}>
          <Input type="datetime-local" value={expiry} onChange={(_, d) => setExpiry(d.value)} />
        </Field>
        <Field label="Secret key">
          <RadioGroup layout="horizontal" value={kind} onChange={(_, d) => setKind(d.value as AccessKeyKind)}>
            <Radio value="primary" label="Primary" />
            <Radio value="secondary" label="Secondary" />
          </RadioGroup>
        </Field>
        <div>
          <Button appearance="primary" disabled={!canWrite || !validExpiry || busy} onClick={() => void generate()}>
            {busy ? 'Generating…' : 'Generate access token'}
          </Button>
        </div>
        {error !== null && <ErrorPanel title="Could not generate the token" error={error} />}
        {token && (
          <>
            <div className={styles.row}>
              <Field label="Access token" className={styles.grow}>
                <Textarea className={styles.mono} readOnly value={token} resize="vertical" />
              </Field>
              <CopyButton label="Access token" value={token} />
            </div>
            <div className={styles.row}>
              <Field label="Example request (curl)" className={styles.grow}>
                <Textarea className={styles.mono} readOnly value={curlExample(baseUrl, token)} resize="vertical" />
              </Field>
              <CopyButton label="Example request" value={curlExample(baseUrl, token)} />
            </div>
          </>
        )}
      </div>
    </section>
  );
}
