import { useState } from 'react';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { Link } from 'react-router';
import { DOCTOR_USES, type DoctorUse } from '../../../../certificates/doctor/finding';
import { CertificateDetails } from '../../../components/certificate-details';
import { CertificateDoctorReport } from '../../../components/certificate-doctor-report';
import { FileDrop } from '../../../components/file-drop';
import { inspectFile, type InspectResult } from '../inspect-file';
import { ConversionsPanel } from './conversions-panel';
import { CsrPanel } from './csr-panel';

const useStyles = makeStyles({
  page: {
    maxWidth: '800px',
    margin: '0 auto',
    padding: '16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minHeight: '100%',
    boxSizing: 'border-box',
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'end' },
});

/** "Inspect a certificate file": the certificate doctor on a dropped file, with no sign-in and nothing sent anywhere. */
export function InspectPage() {
  const styles = useStyles();
  const [picked, setPicked] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [password, setPassword] = useState('');
  const [use, setUse] = useState<DoctorUse>('apim');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InspectResult | null>(null);

  const run = async (bytes: Uint8Array, withPassword: string, forUse: DoctorUse) => {
    setBusy(true);
    setResult(await inspectFile(bytes, withPassword, forUse));
    setBusy(false);
  };
  const pick = async (file: File) => {
    const chosen = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    setPicked(chosen);
    await run(chosen.bytes, password, use);
  };

  return (
    <main className={styles.page} id="main">
      <Text>
        <Link to="/">certportal</Link>
      </Text>
      <h1 style={{ margin: 0, fontSize: 24 }}>Inspect a certificate file</h1>
      <MessageBar intent="info">
        <MessageBarBody>
          Nothing leaves this browser: the file is opened and checked on this page, and nothing is sent anywhere. No sign-in needed.
        </MessageBarBody>
      </MessageBar>
      <Field label="What the certificate is for">
        {/* The widest label must not push the page past 320 px: the select takes the width it is given. */}
        <Select
          style={{ width: '100%', minWidth: 0 }}
          value={use}
          onChange={(_, d) => {
            const next = d.value as DoctorUse;
            setUse(next);
            if (picked) void run(picked.bytes, password, next);
          }}
        >
          {DOCTOR_USES.map((u) => (
            <option key={u.use} value={u.use}>
              {u.label}
            </option>
          ))}
        </Select>
      </Field>
      <FileDrop
        label="Certificate file"
        accept=".pfx,.p12,.cer,.crt,.pem,.der"
        hint="Choose or drop a .pfx, .p12, .cer, .crt or .pem file"
        fileName={picked?.name}
        onFile={(file) => void pick(file)}
      />
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          if (picked) void run(picked.bytes, password, use);
        }}
      >
        <Field label="Password (for a .pfx or an encrypted key)">
          <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} />
        </Field>
        <Button type="submit" disabled={!picked}>
          Open with this password
        </Button>
      </form>
      {busy && <Spinner size="small" label="Checking the file…" />}
      {!busy && result && <InspectOutcome result={result} bytes={picked?.bytes} password={password} />}
      <CsrPanel />
    </main>
  );
}

function InspectOutcome({ result, bytes, password }: { result: InspectResult; bytes: Uint8Array | undefined; password: string }) {
  switch (result.state) {
    case 'password-required':
      return (
        <MessageBar intent="warning">
          <MessageBarBody>This file is protected by a password: enter it above and open it.</MessageBarBody>
        </MessageBar>
      );
    case 'wrong-password':
      return (
        <MessageBar intent="error">
          <MessageBarBody>The password is wrong for this file.</MessageBarBody>
        </MessageBar>
      );
    case 'failed':
      return (
        <MessageBar intent="error">
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      );
    case 'opened':
      return (
        <>
          <CertificateDoctorReport report={result.report} headingLevel={2} />
          <CertificateDetails summary={result.file.leaf} label="Certificate" />
          {bytes && <ConversionsPanel file={result.file} bytes={bytes} password={password} />}
        </>
      );
  }
}
