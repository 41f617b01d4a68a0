import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { CertificateFilePreviewState } from '../../../components/open-certificate-preview';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '12px', alignItems: 'end', flexWrap: 'wrap' },
});

/** What the .pfx password field says: nothing until a password was tried and refused. */
export function pfxProblem(preview: CertificateFilePreviewState): string | undefined {
  if (preview.state === 'wrong-password' || (preview.state === 'password-required' && preview.refused)) return 'Wrong password for this .pfx file. Try again.';
  if (preview.state === 'failed') return preview.message;
  return undefined;
}

/** A .pfx holds a private key, which a management certificate must not: ask its password, to upload only the public part. */
export function PfxPasswordPrompt({ problem, passwordField, onExtract }: { problem?: string; passwordField: UseFormRegisterReturn; onExtract: () => void }) {
  const styles = useStyles();
  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This is a .pfx (PKCS#12) file, which holds a private key</MessageBarTitle>A management certificate is only the public part (.cer);
          the private key must stay with you. Enter the .pfx password to take the public certificate out of it: only that is uploaded.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        <Field label=".pfx password" validationMessage={problem} validationState={problem ? 'error' : 'none'}>
          <Input type="password" autoComplete="off" {...passwordField} />
        </Field>
        <Button onClick={onExtract}>Take out the public certificate</Button>
      </div>
    </>
  );
}
