import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, makeStyles, Radio, RadioGroup, Select, Text, Textarea } from '@fluentui/react-components';
import { KEY_TYPES, PRIVATE_KEY_FORMATS, type KeyType, type PrivateKeyFormat } from '../../../../certificates/convert/key-types';
import { downloadBytes } from '../../../lib/download';
import { checkCsrForm, dnsNamesOf, EMPTY_CSR_FORM, type CsrForm, type CsrFormErrors } from '../csr-form';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'end' },
});

interface Made {
  subject: string;
  csr: { bytes: Uint8Array; fileName: string };
  key: { bytes: Uint8Array; fileName: string; type: string };
}

/**
 * Make a certificate signing request: a new key pair made by this browser, the PKCS#10 request to give a CA, and the key
 * saved under a password the admin types. The password is used once to encrypt the key and is kept nowhere.
 */
export function CsrPanel() {
  const styles = useStyles();
  const [form, setForm] = useState<CsrForm>(EMPTY_CSR_FORM);
  const [errors, setErrors] = useState<CsrFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Made | null>(null);
  const [status, setStatus] = useState('');
  const saveRequest = useRef<HTMLButtonElement>(null);
  // Focus goes to the first file to save once it is there: a keyboard user lands on what comes next.
  useEffect(() => {
    if (made) saveRequest.current?.focus();
  }, [made]);
  const set = (field: keyof CsrForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const make = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkCsrForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setStatus('Making the key and the request…');
    try {
      const [{ createCsr }, { savePrivateKey }] = await Promise.all([
        import('../../../../certificates/convert/conversions'),
        import('../../../../certificates/convert/private-key-writer'),
      ]);
      const commonName = form.commonName.trim();
      const { csrPem, pkcs8 } = await createCsr({
        commonName,
        organization: form.organization,
        organizationalUnit: form.organizationalUnit,
        country: form.country,
        dnsNames: dnsNamesOf(form.dnsNames),
        keyType: form.keyType,
      });
      const base = commonName.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'request';
      const key = await savePrivateKey(pkcs8, form.password, form.keyFormat, base);
      // Only the encrypted key is kept (in this page's memory, until it is left); the password is cleared at once.
      setForm((f) => ({ ...f, password: '', confirmPassword: '' }));
      setMade({ subject: `CN=${commonName}`, csr: { bytes: new TextEncoder().encode(csrPem), fileName: `${base}.csr` }, key });
      setStatus(`Made a request for CN=${commonName} and its new private key: save both.`);
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="csr-heading" className={styles.panel}>
      <h2 id="csr-heading" style={{ margin: 0, fontSize: 16 }}>
        Make a certificate signing request (CSR)
      </h2>
      <Text>A new key pair is made in this browser; give the request to your CA and keep the key. Nothing is sent.</Text>
      <form className={styles.panel} onSubmit={(e) => void make(e)} noValidate>
        <Field label="Common name (CN)" required validationMessage={errors.commonName}>
          <Input value={form.commonName} onChange={(_, d) => set('commonName')(d.value)} />
        </Field>
        <div className={styles.row}>
          <Field label="Organization (O)">
            <Input value={form.organization} onChange={(_, d) => set('organization')(d.value)} />
          </Field>
          <Field label="Organizational unit (OU)">
            <Input value={form.organizationalUnit} onChange={(_, d) => set('organizationalUnit')(d.value)} />
          </Field>
          <Field label="Country (C)" hint="Two letters, e.g. NL" validationMessage={errors.country}>
            <Input value={form.country} maxLength={2} style={{ width: '6em' }} onChange={(_, d) => set('country')(d.value)} />
          </Field>
        </div>
        <Field label="DNS names (subject alternative names)" hint="One per line, or separated by commas" validationMessage={errors.dnsNames}>
          <Textarea value={form.dnsNames} onChange={(_, d) => set('dnsNames')(d.value)} />
        </Field>
        <Field label="Key type">
          <Select value={form.keyType} onChange={(_, d) => set('keyType')(d.value as KeyType)}>
            {KEY_TYPES.map((k) => (
              <option key={k.type} value={k.type}>
                {k.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Save the private key as">
          <RadioGroup value={form.keyFormat} onChange={(_, d) => set('keyFormat')(d.value as PrivateKeyFormat)}>
            {PRIVATE_KEY_FORMATS.map((f) => (
              <Radio key={f.format} value={f.format} label={f.label} />
            ))}
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          <Field label="Password for the private key" required validationMessage={errors.password}>
            <Input type="password" autoComplete="new-password" value={form.password} onChange={(_, d) => set('password')(d.value)} />
          </Field>
          <Field label="Confirm the password" required validationMessage={errors.confirmPassword}>
            <Input type="password" autoComplete="new-password" value={form.confirmPassword} onChange={(_, d) => set('confirmPassword')(d.value)} />
          </Field>
        </div>
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? 'Making…' : 'Make the key and the request'}
          </Button>
        </div>
      </form>
      {made && (
        <div className={styles.row} aria-label={`Files for ${made.subject}`} role="group">
          <Button ref={saveRequest} onClick={() => downloadBytes(made.csr.bytes, made.csr.fileName, 'application/pkcs10')}>
            {`Save the request (${made.csr.fileName})`}
          </Button>
          <Button onClick={() => downloadBytes(made.key.bytes, made.key.fileName, made.key.type)}>{`Save the private key (${made.key.fileName})`}</Button>
        </div>
      )}
      <Text role="status">{status}</Text>
    </section>
  );
}
