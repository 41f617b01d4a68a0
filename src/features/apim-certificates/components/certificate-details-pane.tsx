import { CopyButton } from '../../../components/copy-button';
import { rowMenuButton, useDialogFocus } from '../../../components/dialog-focus';
import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { CertificateDetails } from '../../../components/certificate-details';
import { ExpiryBadge } from '../../../components/certificate-status';
import { ErrorPanel } from '../../../components/error-panel';
import type { ServiceRef, VersionedCertificate } from '../api/certificate-contract';
import { uploadedSummary } from '../api/uploaded-certificates';
import { useCertificate } from '../api/get-certificate';
import { KeyVaultStatus, sourceText } from './certificate-source';

const useStyles = makeStyles({
  list: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '16px', rowGap: '6px', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: 'break-all' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  section: { marginTop: '20px', display: 'flex', flexDirection: 'column', gap: '8px' },
  footer: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

/** Every field the service returns for one certificate, as text. */
export function certificateFacts({ certificate: c, etag }: VersionedCertificate): Array<[string, string, boolean?]> {
  const kv = c.properties.keyVault;
  const rows: Array<[string, string, boolean?]> = [
    ['Id', c.name],
    ['Resource id', c.id, true],
    ['Type', c.type],
    ['Subject', c.properties.subject],
    ['Thumbprint', c.properties.thumbprint, true],
    ['Expiration date', c.properties.expirationDate],
    ['Source', sourceText(c)],
  ];
  if (kv) {
    rows.push(['Secret identifier', kv.secretIdentifier, true]);
    rows.push(['Identity', kv.identityClientId ? `User-assigned (client id ${kv.identityClientId})` : 'System-assigned']);
    rows.push([
      'Auto-rotation',
      /\/secrets\/[^/]+\/[0-9a-f]{32}$/i.test(kv.secretIdentifier) ? 'No: the identifier names a version' : 'Yes: follows the latest version',
    ]);
    if (kv.lastStatus) {
      rows.push(['Last Key Vault sync', kv.lastStatus.timeStampUtc]);
      rows.push(['Last sync status', kv.lastStatus.code]);
      if (kv.lastStatus.message) rows.push(['Last sync message', kv.lastStatus.message]);
    }
  }
  rows.push(['ETag', etag, true]);
  return rows;
}

export function CertificateDetailsPane({
  service,
  id,
  canWrite,
  refreshing,
  onReplace,
  onDelete,
  onRefresh,
  onClose,
}: {
  service: ServiceRef;
  id: string;
  canWrite: boolean;
  refreshing: boolean;
  onReplace: () => void;
  onDelete: () => void;
  onRefresh: () => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  // No field to start on: the hook is here to give focus back to the row (or its menu) that opened the pane.
  useDialogFocus<HTMLElement>(() => rowMenuButton(id));
  const { data, isPending, error, refetch } = useCertificate(service, id);
  const parsed = data ? uploadedSummary(data.certificate.properties.thumbprint) : undefined;
  const expires = data ? new Date(data.certificate.properties.expirationDate) : null;
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />}
        >{`Certificate ${id}`}</DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {isPending && <Spinner label="Loading the certificate…" />}
        {error && <ErrorPanel error={error} onRetry={() => void refetch()} />}
        {data && (
          <>
            <p>
              <ExpiryBadge notAfter={expires && !Number.isNaN(expires.getTime()) ? expires : null} />{' '}
              <KeyVaultStatus certificate={data.certificate} showMessage />
            </p>
            <dl className={styles.list} aria-label="What the service returns">
              {certificateFacts(data).map(([term, value, mono]) => (
                <div key={term} style={{ display: 'contents' }}>
                  <dt className={styles.term}>{term}</dt>
                  <dd className={mono ? `${styles.value} ${styles.mono}` : styles.value}>
                    {value}
                    {term === 'Thumbprint' && value && <CopyButton value={value} />}
                  </dd>
                </div>
              ))}
            </dl>
            <div className={styles.section}>
              <Text weight="semibold">Parsed certificate</Text>
              {parsed ? (
                <CertificateDetails summary={parsed} label="Parsed certificate" />
              ) : (
                <Text>
                  The service does not return a certificate's bytes; the full parse is shown for certificates uploaded from this browser in this session.
                </Text>
              )}
            </div>
          </>
        )}
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        <Button appearance="primary" disabled={!canWrite || !data} onClick={onReplace}>
          Replace
        </Button>
        {data?.certificate.properties.keyVault && (
          <Button disabled={!canWrite || refreshing} onClick={onRefresh}>
            {refreshing ? 'Refreshing…' : 'Refresh from Key Vault'}
          </Button>
        )}
        <Button disabled={!canWrite || !data} onClick={onDelete}>
          Delete
        </Button>
        <Button onClick={onClose}>Close</Button>
      </DrawerFooter>
    </OverlayDrawer>
  );
}
