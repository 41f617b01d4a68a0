import { Button, Field, Input, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorPanel } from '../../../components/error-panel';
import type { ApimServiceRef } from '../../../lib/azure/resource-ids';
import { useListAccessSecrets, useRegenerateAccessKey, type AccessKeyKind, type AccessSecrets } from '../api/access-secrets';
import { CopyButton } from './copy-button';
import { RegenerateKeyDialog } from './regenerate-key-dialog';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  key: { flex: '1 1 16rem', minWidth: 0 },
  input: { width: '100%', fontFamily: 'monospace' },
});

const HIDDEN = '••••••••••••••••••••••••';

/** The primary and secondary keys: hidden until asked for, copyable, regenerated behind a confirmation. */
export function AccessKeys({ service, canWrite }: { service: ApimServiceRef; canWrite: boolean }) {
  const styles = useStyles();
  const reveal = useListAccessSecrets(service);
  const regenerate = useRegenerateAccessKey(service);
  // Component state only: gone when the page unmounts, never cached, stored or logged.
  const [secrets, setSecrets] = useState<AccessSecrets | null>(null);
  const [confirming, setConfirming] = useState<AccessKeyKind | null>(null);
  const [opener, setOpener] = useState<HTMLElement | null>(null);

  const closeDialog = () => {
    setConfirming(null);
    opener?.focus();
  };
  const confirm = () => {
    if (!confirming) return;
    regenerate.mutate(confirming, {
      onSuccess: (fresh) => {
        if (secrets) setSecrets(fresh);
        closeDialog();
      },
    });
  };

  return (
    <section aria-labelledby="access-keys-title">
      <h2 id="access-keys-title">Access keys</h2>
      <div className={styles.row}>
        {secrets ? (
          <Button onClick={() => setSecrets(null)}>Hide keys</Button>
        ) : (
          <Button disabled={!canWrite || reveal.isPending} onClick={() => reveal.mutate(undefined, { onSuccess: setSecrets })}>
            {reveal.isPending ? 'Reading keys…' : 'Show keys'}
          </Button>
        )}
      </div>
      {(['primary', 'secondary'] as const).map((kind) => {
        const value = kind === 'primary' ? secrets?.primaryKey : secrets?.secondaryKey;
        const label = kind === 'primary' ? 'Primary key' : 'Secondary key';
        return (
          <div key={kind} className={styles.row}>
            <Field label={label} className={styles.key}>
              <Input className={styles.input} readOnly value={value ?? HIDDEN} aria-description={value ? undefined : 'Hidden: press Show keys'} />
            </Field>
            <CopyButton label={label} value={value ?? ''} disabled={!value} />
            <Button
              disabled={!canWrite}
              onClick={(event) => {
                setOpener(event.currentTarget);
                setConfirming(kind);
              }}
            >
              Regenerate {kind} key
            </Button>
          </div>
        );
      })}
      {reveal.error && <ErrorPanel title="Could not read the keys" error={reveal.error} />}
      {regenerate.error && <ErrorPanel title="Could not regenerate the key" error={regenerate.error} />}
      <RegenerateKeyDialog kind={confirming} busy={regenerate.isPending} onConfirm={confirm} onCancel={closeDialog} />
    </section>
  );
}
