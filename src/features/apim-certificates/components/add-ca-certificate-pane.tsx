import { useState } from 'react';
import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Radio,
  RadioGroup,
  Spinner,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useDialogFocus } from '../../../components/dialog-focus';
import { CertificateFilePicker } from '../../../components/certificate-file-picker';
import { FailureBar, type Failure } from '../../../components/failure-bar';
import { useCertificateFilePreview } from '../../../components/use-certificate-file-preview';
import type { OpenedCertificateFile } from '../../../../certificates/open-certificate-file';
import { caFileNotes, toBase64 } from '../api/ca-certificate-list';
import type { CaCertificate, CaStoreName } from '../api/get-ca-certificates';
import type { CaCertificateEntry } from '../api/update-ca-certificates';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: '14px', paddingBottom: '16px' },
  footer: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});

const CER_PICKER = {
  label: 'CA certificate file (.cer, .crt, .pem)',
  accept: '.cer,.crt,.pem,.der',
  hint: 'The public certificate only. It is opened in your browser before anything is sent.',
  opening: 'Opening the file…',
};

// A CA certificate is public: a .pfx here is a mistake the service would refuse.
const publicOnly = (file: OpenedCertificateFile) =>
  file.contentFormat === 'pkcs12'
    ? { title: 'Not a public certificate', message: 'This is a .pfx file. Choose the CA certificate itself (.cer or PEM).' }
    : null;

function CaNotes({ file, current }: { file: OpenedCertificateFile; current: CaCertificate[] }) {
  const notes = caFileNotes({ thumbprint: file.leaf.thumbprintSha1, isCa: file.leaf.basicConstraints?.ca === true, notAfter: file.leaf.notAfter }, current);
  return (
    <>
      {notes.duplicate && (
        <MessageBar intent="error">
          <MessageBarBody>This certificate is already in the service&apos;s {notes.duplicate.storeName} store.</MessageBarBody>
        </MessageBar>
      )}
      {notes.notCa && (
        <MessageBar intent="warning">
          <MessageBarBody>This is not a CA certificate (its basic constraints do not say CA:TRUE): the gateway will not use it to build chains.</MessageBarBody>
        </MessageBar>
      )}
      {notes.expired && (
        <MessageBar intent="warning">
          <MessageBarBody>This certificate expired on {file.leaf.notAfter.toISOString().slice(0, 10)}: chains through it will not validate.</MessageBarBody>
        </MessageBar>
      )}
      <MessageBar intent="info">
        <MessageBarBody>Adding it changes which certificates the whole gateway trusts, for every API of this service.</MessageBarBody>
      </MessageBar>
    </>
  );
}

/** Add a CA certificate: the file is read in the browser, checked, and only then handed to the blade's update. */
export function AddCaCertificatePane({
  current,
  busy,
  failure,
  onSave,
  onClose,
}: {
  current: CaCertificate[];
  busy: boolean;
  failure: Failure | null;
  onSave: (entry: CaCertificateEntry) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const [store, setStore] = useState<CaStoreName>('Root');
  const [missing, setMissing] = useState(false);
  const picker = useCertificateFilePreview({ purpose: 'apim', check: publicOnly });
  const firstField = useDialogFocus<HTMLInputElement>(() => document.querySelector<HTMLElement>('[data-ca-add]'));
  const opened = picker.preview.state === 'opened' ? picker.preview.file : null;
  const duplicate = opened !== null && current.some((c) => c.thumbprint.toUpperCase() === opened.leaf.thumbprintSha1.toUpperCase());

  const save = () => {
    if (!opened) return setMissing(true);
    if (duplicate) return;
    onSave({ encodedCertificate: toBase64(opened.leaf.der), storeName: store });
  };

  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && !busy && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} disabled={busy} onClick={onClose} />}>
          Add CA certificate
        </DrawerHeaderTitle>
      </DrawerHeader>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        noValidate
        style={{ display: 'contents' }}
      >
        <DrawerBody className={styles.body}>
          <Field label="Store" hint="Root for a root CA; CertificateAuthority for an intermediate (issuing) CA.">
            <RadioGroup value={store} onChange={(_, d) => setStore(d.value as CaStoreName)} layout="horizontal">
              <Radio value="Root" label="Root" ref={firstField} />
              <Radio value="CertificateAuthority" label="CertificateAuthority" />
            </RadioGroup>
          </Field>
          <CertificateFilePicker
            control={picker}
            texts={CER_PICKER}
            onPick={() => setMissing(false)}
            // The leaf checks (client EKU, private key) are for a gateway certificate, not for a CA.
            keepWarning={(w) => w.code !== 'no-client-auth-eku' && w.code !== 'no-private-key' && w.code !== 'expired'}
            note={(file) => <CaNotes file={file} current={current} />}
          />
          {missing && (
            <MessageBar intent="error">
              <MessageBarBody>Choose the CA certificate file first.</MessageBarBody>
            </MessageBar>
          )}
          <FailureBar failure={failure} onRetry={save} />
        </DrawerBody>
        <DrawerFooter className={styles.footer}>
          <Button type="submit" appearance="primary" disabled={busy || duplicate}>
            Save
          </Button>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          {busy && <Spinner size="tiny" label="Updating the service…" />}
        </DrawerFooter>
      </form>
    </OverlayDrawer>
  );
}
