import type { ReactNode } from 'react';
import { Button, DrawerBody, DrawerFooter, DrawerHeader, DrawerHeaderTitle, makeStyles, OverlayDrawer, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DismissRegular } from '@fluentui/react-icons';
import { CopyButton } from '../../../components/copy-button';
import { useDialogFocus } from '../../../components/dialog-focus';
import { ExpiryBadge } from '../../../components/certificate-status';
import { expiresInText, expiryStatus } from '../../../components/expiry';
import type { ManagementCertificate } from '../api/management-certificates';
import { certificateName } from './management-certificate-columns';
import { downloadCer, downloadPem } from './download-certificate';

const useStyles = makeStyles({
  commands: { display: 'flex', gap: '8px', flexWrap: 'wrap', marginBottom: '16px' },
  list: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: '16px', rowGap: '6px', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: 'break-all' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

const isoDate = (d: Date) => d.toISOString().replace('.000Z', 'Z');

function validityText(notAfter: Date): string {
  const { status, days } = expiryStatus(notAfter);
  if (status === 'expired') {
    const ago = -(days ?? 0);
    return ago <= 0 ? 'Expired today' : ago === 1 ? 'Expired yesterday' : `Expired ${ago.toLocaleString('en-US')} days ago`;
  }
  return expiresInText(days ?? 0);
}

function keyText(c: ManagementCertificate): string {
  const key = c.summary?.publicKey;
  if (!key) return '';
  return [key.algorithm, key.sizeBits ? `${key.sizeBits} bits` : null, key.curve].filter(Boolean).join(' ');
}

/** One management certificate: what an admin checks, its thumbprint to copy, and the certificate to download. */
export function ManagementCertificateDetailsPane({ certificate: c, onClose }: { certificate: ManagementCertificate; onClose: () => void }) {
  const styles = useStyles();
  // Starts on Download .cer (not Close); gives focus back to the name that opened the pane.
  const first = useDialogFocus<HTMLButtonElement>();
  const s = c.summary;
  const facts: Array<[string, ReactNode, boolean?]> = [
    ['Subject', s?.subject ?? '(unreadable certificate)'],
    ['Issuer', s?.issuer ?? ''],
    [
      'Thumbprint',
      <>
        {c.thumbprint}
        <CopyButton value={c.thumbprint} />
      </>,
      true,
    ],
    ['Valid from', s ? isoDate(s.notBefore) : ''],
    ['Valid to', s ? isoDate(s.notAfter) : ''],
    ['Days left', s ? validityText(s.notAfter) : ''],
    ['Public key', keyText(c)],
    ['Created', c.created],
  ];
  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />}>
          {certificateName(c)}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <div className={styles.commands}>
          <Button ref={first} icon={<ArrowDownloadRegular />} disabled={c.der.length === 0} onClick={() => downloadCer(c)}>
            Download .cer
          </Button>
          <Button icon={<ArrowDownloadRegular />} disabled={c.der.length === 0} onClick={() => void downloadPem(c)}>
            Download PEM
          </Button>
        </div>
        <p>
          <ExpiryBadge notAfter={s?.notAfter} />
        </p>
        <dl className={styles.list} aria-label="Certificate details">
          {facts.map(([term, value, mono]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={mono ? `${styles.value} ${styles.mono}` : styles.value}>{value}</dd>
            </div>
          ))}
        </dl>
        {!s && <Text>The stored certificate data could not be read; its bytes can still be downloaded as the service holds them.</Text>}
      </DrawerBody>
      <DrawerFooter>
        <Button onClick={onClose}>Close</Button>
      </DrawerFooter>
    </OverlayDrawer>
  );
}
