import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { CertificateContract, VersionedCertificate } from '../api/certificate-contract';
import { sourceText } from './certificate-source';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '4px 8px', textAlign: 'left', verticalAlign: 'top', wordBreak: 'break-all' },
});

const FIELDS: Array<[string, (c: CertificateContract) => string]> = [
  ['Subject', (c) => c.properties.subject],
  ['Thumbprint', (c) => c.properties.thumbprint],
  ['Expiration date', (c) => c.properties.expirationDate],
  ['Source', sourceText],
  ['Secret identifier', (c) => c.properties.keyVault?.secretIdentifier ?? ''],
  ['Identity', (c) => (c.properties.keyVault ? (c.properties.keyVault.identityClientId ?? 'System-assigned') : '')],
  ['Key Vault status', (c) => c.properties.keyVault?.lastStatus?.code ?? ''],
];

export function changedFields(before: CertificateContract, after: CertificateContract): Array<{ field: string; before: string; after: string }> {
  return FIELDS.map(([field, read]) => ({ field, before: read(before), after: read(after) })).filter((f) => f.before !== f.after);
}

/** A 412: someone saved this certificate after it was opened here. Nothing is written until the admin chooses. */
export function ConflictDialog({
  id,
  mine,
  current,
  busy,
  onReload,
  onOverwrite,
  onCancel,
}: {
  id: string;
  mine: VersionedCertificate;
  current: VersionedCertificate | null;
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const changes = current ? changedFields(mine.certificate, current.certificate) : [];
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Someone else changed this certificate</DialogTitle>
          <DialogContent>
            <p>{`Certificate ${id} was changed after you opened it, so your save was not applied.`}</p>
            {!current && <p>It has been deleted since you opened it.</p>}
            {current && changes.length === 0 && <p>The certificate was saved again with the same values (its ETag changed).</p>}
            {changes.length > 0 && (
              <table className={styles.table} aria-label="What changed">
                <thead>
                  <tr>
                    <th className={styles.cell} scope="col">
                      Field
                    </th>
                    <th className={styles.cell} scope="col">
                      When you opened it
                    </th>
                    <th className={styles.cell} scope="col">
                      Now
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.field}>
                      <th className={styles.cell} scope="row">
                        {c.field}
                      </th>
                      <td className={styles.cell}>{c.before || '(none)'}</td>
                      <td className={styles.cell}>{c.after || '(none)'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p>
              Reload shows the current version and keeps what you entered, so you can review it and save again. Overwrite replaces the current version with
              yours.
            </p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={onReload}>
              Reload
            </Button>
            <Button disabled={busy || !current} onClick={onOverwrite}>
              {busy ? 'Saving…' : 'Overwrite'}
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
