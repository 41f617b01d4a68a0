import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Tab,
  TabList,
} from '@fluentui/react-components';
import { CertificateFilePicker } from '../../../components/certificate-file-picker';
import { useCertificateFilePreview } from '../../../components/use-certificate-file-preview';
import { FailureBar } from '../../../components/failure-bar';
import { useNotifications } from '../../../components/notifications';
import { downloadBytes } from '../../../lib/download';
import { useSubscriptions } from '../../../lib/azure/subscriptions';
import { MANAGEMENT_CERTIFICATE_LIMIT, useAddManagementCertificate, useManagementCertificates } from '../api/management-certificates';
import { useDialogFocus } from '../../../components/dialog-focus';
import { explainUploadError } from './upload-error';
import { PfxPasswordPrompt, pfxProblem } from './pfx-password-prompt';
import { KEY_TYPES, PFX_ENCRYPTIONS, type KeyType } from '../../../../certificates/convert/key-types';

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: '90vw' },
  content: { display: 'flex', flexDirection: 'column', gap: '12px' },
  row: { display: 'flex', gap: '12px', alignItems: 'end', flexWrap: 'wrap' },
});

const FILE_PICKER = {
  label: 'Certificate file (.cer, .crt, .pem, .der)',
  accept: '.cer,.crt,.pem,.der,.pfx,.p12',
  hint: 'Choose a file or drop it here. It is opened in your browser first.',
  opening: 'Reading the file…',
};

interface UploadForm {
  pfxPassword: string;
  commonName: string;
  validityDays: string;
  keyType: KeyType;
  pfxEncryption: 'aes' | '3des';
  password: string;
  confirmPassword: string;
}

/** Upload (or create) a management certificate: the file is opened and shown here before anything is sent. */
export function UploadDialog({ subscriptionId, onClose }: { subscriptionId: string; onClose: () => void }) {
  const styles = useStyles();
  const { notify } = useNotifications();
  const [mode, setMode] = useState<'upload' | 'create'>('upload');
  const [targetSubscription, setTargetSubscription] = useState(subscriptionId);
  const upload = useAddManagementCertificate(targetSubscription);
  // The subscription chosen here, not the blade's: its count and thumbprints say what the service would refuse.
  const target = useManagementCertificates(targetSubscription);
  const targetCount = target.data?.length;
  const atLimit = targetCount !== undefined && targetCount >= MANAGEMENT_CERTIFICATE_LIMIT;
  const firstField = useDialogFocus<HTMLButtonElement>();
  const subscriptions = useSubscriptions();
  // A .pfx is recognised, not opened: the admin gives its password to take the public certificate out of it.
  const picked = useCertificateFilePreview({ purpose: 'management' });
  const preview = picked.preview;
  // A created certificate is kept until it is uploaded, so a retry never uploads a different one than the .pfx saved.
  const [created, setCreated] = useState<{ cer: Uint8Array; name: string }>();
  const [busy, setBusy] = useState(false);
  const form = useForm<UploadForm>({
    defaultValues: { pfxPassword: '', commonName: '', validityDays: '365', keyType: 'RSA-2048', pfxEncryption: 'aes', password: '', confirmPassword: '' },
    mode: 'onTouched',
  });
  const { register, formState, handleSubmit, setValue, getValues, watch } = form;

  async function extractFromPfx() {
    const opened = await picked.open(getValues('pfxPassword'));
    if (opened.state === 'opened') setValue('pfxPassword', '');
  }

  async function send(der: Uint8Array, what: string) {
    const thumbprint = await upload.mutateAsync(der);
    notify({ title: 'Uploaded management certificate', body: `${what} (${thumbprint})`, intent: 'success' });
    onClose();
  }

  const submit = handleSubmit(async (values) => {
    setBusy(true);
    try {
      if (mode === 'upload') {
        if (preview.state !== 'opened') return;
        await send(preview.file.leaf.der, preview.file.leaf.subjectCommonName ?? preview.file.leaf.subject);
        return;
      }
      let cer = created?.cer;
      let name = created?.name ?? values.commonName;
      if (!cer) {
        const { createSelfSignedCertificate } = await import('../../../../certificates/self-signed');
        const made = await createSelfSignedCertificate({
          commonName: values.commonName,
          validityDays: Number(values.validityDays),
          keyType: values.keyType,
          pfxEncryption: values.pfxEncryption,
          password: values.password,
        });
        const safe = values.commonName.replace(/[^\w.-]+/g, '_') || 'certificate';
        downloadBytes(made.pfx, `${safe}.pfx`, 'application/x-pkcs12');
        setValue('password', '');
        setValue('confirmPassword', '');
        cer = made.cer;
        name = values.commonName;
        setCreated({ cer, name });
      }
      await send(cer, name);
    } catch {
      /* upload.error holds it; the dialog keeps everything the admin typed or picked */
    } finally {
      setBusy(false);
    }
  });

  const failure = upload.error ? explainUploadError(upload.error, targetCount) : null;
  const targetName = subscriptions.data?.find((s) => s.subscriptionId === targetSubscription)?.displayName ?? targetSubscription;
  const duplicate =
    mode === 'upload' && preview.state === 'opened' && target.data?.some((c) => c.thumbprint === preview.file.leaf.thumbprintSha1.toUpperCase());
  const canUpload = !atLimit && !duplicate && (mode === 'upload' ? preview.state === 'opened' : true);

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>Upload a management certificate</DialogTitle>
            <DialogContent className={styles.content}>
              <MessageBar intent="warning">
                <MessageBarBody>Anyone holding the private key of a management certificate can manage this subscription.</MessageBarBody>
              </MessageBar>
              <Field label="Subscription">
                <Dropdown
                  ref={firstField}
                  value={targetName}
                  selectedOptions={[targetSubscription]}
                  onOptionSelect={(_, d) => d.optionValue && setTargetSubscription(d.optionValue)}
                >
                  {subscriptions.data?.map((s) => (
                    <Option key={s.subscriptionId} value={s.subscriptionId} text={s.displayName}>
                      {s.displayName}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              {atLimit && (
                <MessageBar intent="error">
                  <MessageBarBody>
                    {`${targetName} holds ${targetCount} of ${MANAGEMENT_CERTIFICATE_LIMIT} management certificates, the most a subscription can hold. Delete one before uploading another.`}
                  </MessageBarBody>
                </MessageBar>
              )}
              <TabList selectedValue={mode} onTabSelect={(_, d) => setMode(d.value as 'upload' | 'create')}>
                <Tab value="upload">Upload a certificate file</Tab>
                <Tab value="create">Create a self-signed certificate</Tab>
              </TabList>
              {mode === 'upload' && (
                <CertificateFilePicker
                  control={picked}
                  texts={FILE_PICKER}
                  onPick={upload.reset}
                  passwordPrompt={
                    <PfxPasswordPrompt problem={pfxProblem(preview)} passwordField={register('pfxPassword')} onExtract={() => void extractFromPfx()} />
                  }
                  // The private key of a .pfx stays here: only its public certificate is uploaded, so the key warning does not apply.
                  keepWarning={(w, file) => !(file.contentFormat === 'pkcs12' && w.code === 'private-key-present')}
                  note={(file) =>
                    file.contentFormat === 'pkcs12' && (
                      <MessageBar intent="info">
                        <MessageBarBody>The public certificate was taken out of the .pfx; the private key stays on your machine.</MessageBarBody>
                      </MessageBar>
                    )
                  }
                />
              )}
              {mode === 'create' && (
                <>
                  <Field label="Common name (CN)" required validationMessage={formState.errors.commonName?.message}>
                    <Input
                      {...register('commonName', {
                        validate: (v) =>
                          mode !== 'create' ? true : v.trim().length === 0 ? 'Enter a common name.' : v.length > 64 ? 'At most 64 characters.' : true,
                      })}
                    />
                  </Field>
                  <div className={styles.row}>
                    <Field label="Valid for (days)" validationMessage={formState.errors.validityDays?.message}>
                      <Input
                        type="number"
                        min={1}
                        max={3650}
                        {...register('validityDays', {
                          validate: (v) => (mode !== 'create' || (Number(v) >= 1 && Number(v) <= 3650) ? true : 'From 1 to 3650 days.'),
                        })}
                      />
                    </Field>
                    <Field label="Key type">
                      <Dropdown
                        value={KEY_TYPES.find((k) => k.type === watch('keyType'))?.label}
                        selectedOptions={[watch('keyType')]}
                        onOptionSelect={(_, d) => setValue('keyType', d.optionValue as KeyType)}
                      >
                        {KEY_TYPES.map((k) => (
                          <Option key={k.type} value={k.type}>
                            {k.label}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                    <Field label="Encryption of the .pfx">
                      <Dropdown
                        value={PFX_ENCRYPTIONS.find((e) => e.encryption === watch('pfxEncryption'))?.label}
                        selectedOptions={[watch('pfxEncryption')]}
                        onOptionSelect={(_, d) => setValue('pfxEncryption', d.optionValue as 'aes' | '3des')}
                      >
                        {PFX_ENCRYPTIONS.map((e) => (
                          <Option key={e.encryption} value={e.encryption}>
                            {e.label}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                  </div>
                  <Field label="Password for the .pfx you keep" required validationMessage={formState.errors.password?.message}>
                    <Input
                      type="password"
                      autoComplete="new-password"
                      {...register('password', { validate: (v) => (mode !== 'create' || created ? true : v.length >= 8 ? true : 'At least 8 characters.') })}
                    />
                  </Field>
                  <Field label="Confirm password" required validationMessage={formState.errors.confirmPassword?.message}>
                    <Input
                      type="password"
                      autoComplete="new-password"
                      {...register('confirmPassword', {
                        validate: (v) => (mode !== 'create' || created ? true : v === getValues('password') ? true : 'The passwords differ.'),
                      })}
                    />
                  </Field>
                  <MessageBar intent="info">
                    <MessageBarBody>
                      {created
                        ? `${created.name}.pfx was saved; Upload sends its public certificate.`
                        : 'The key is made in your browser. The .pfx (certificate and private key) is downloaded for you to keep; only the public certificate is uploaded.'}
                    </MessageBarBody>
                  </MessageBar>
                </>
              )}
              {duplicate && (
                <MessageBar intent="error">
                  <MessageBarBody>{`This certificate is already uploaded to ${targetName}: its thumbprint is in the list.`}</MessageBarBody>
                </MessageBar>
              )}
              <FailureBar failure={failure} onRetry={() => void submit()} />
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={!canUpload || busy}>
                {busy ? 'Uploading…' : mode === 'create' && !created ? 'Create and upload' : 'Upload'}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
