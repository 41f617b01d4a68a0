import { useState } from 'react';
import { Button, Field, Input, makeStyles, Radio, RadioGroup, Text } from '@fluentui/react-components';
import type { OpenedCertificateFile } from '../../../../certificates/open-certificate-file';
import { downloadBytes } from '../../../lib/download';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
});

const fileBase = (file: OpenedCertificateFile) => (file.leaf.subjectCommonName ?? 'certificate').replace(/[^\w.-]+/g, '_').slice(0, 60) || 'certificate';
const text = (value: string) => new TextEncoder().encode(value);

/** Saves the opened file in other forms, made in this browser: .cer, PEM, the public chain, and a re-packaged PFX. */
export function ConversionsPanel({ file, bytes, password }: { file: OpenedCertificateFile; bytes: Uint8Array; password: string }) {
  const styles = useStyles();
  const [newPassword, setNewPassword] = useState('');
  const [encryption, setEncryption] = useState<'aes' | '3des'>('aes');
  const [status, setStatus] = useState('');
  const base = fileBase(file);
  const conversions = () => import('../../../../certificates/convert/conversions');

  const repackage = async () => {
    setStatus('Re-packaging…');
    try {
      const { repackagePfx } = await conversions();
      downloadBytes(await repackagePfx(bytes, password, newPassword, encryption), `${base}-${encryption}.pfx`, 'application/x-pkcs12');
      setStatus(`Saved ${base}-${encryption}.pfx`);
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section aria-label="Save as" className={styles.panel}>
      <h2 style={{ margin: 0, fontSize: 16 }}>Save as</h2>
      <div className={styles.row}>
        <Button onClick={() => downloadBytes(file.leaf.der, `${base}.cer`, 'application/pkix-cert')}>Certificate (.cer, DER)</Button>
        <Button onClick={() => void conversions().then((c) => downloadBytes(text(c.certificateAsPem(file.leaf)), `${base}.pem`, 'application/x-pem-file'))}>
          Certificate (PEM)
        </Button>
        <Button
          onClick={() =>
            void conversions().then((c) => downloadBytes(text(c.chainAsPem([file.leaf, ...file.chain])), `${base}-chain.pem`, 'application/x-pem-file'))
          }
        >
          Public chain (PEM)
        </Button>
      </div>
      {file.contentFormat === 'pkcs12' && file.hasPrivateKey && (
        <>
          <Field label="New password for the re-packaged .pfx">
            <Input type="password" value={newPassword} onChange={(_, d) => setNewPassword(d.value)} />
          </Field>
          <RadioGroup value={encryption} onChange={(_, d) => setEncryption(d.value as 'aes' | '3des')} aria-label="Encryption of the re-packaged .pfx">
            <Radio value="aes" label="AES-256 (modern tools, Windows 10 1709 and later)" />
            <Radio value="3des" label="3DES (every Windows, OpenSSL 3 without -legacy)" />
          </RadioGroup>
          <div className={styles.row}>
            <Button onClick={() => void repackage()}>Re-package .pfx</Button>
          </div>
        </>
      )}
      <Text role="status">{status}</Text>
    </section>
  );
}
