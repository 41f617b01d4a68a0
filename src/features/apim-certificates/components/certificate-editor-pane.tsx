import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  Button,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  OverlayDrawer,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { AzureApiError } from '../../../lib/api-error';
import { useServices } from '../../../lib/services-context';
import { FailureBar } from '../../../components/failure-bar';
import { useNotifications } from '../../../components/notifications';
import { CertificateDetails } from '../../../components/certificate-details';
import { FileDrop } from '../../../components/file-drop';
import type { OpenedCertificateFile } from '../../../../certificates/open-certificate-file';
import type { CertificateWarning } from '../../../../certificates/certificate-warnings';
import type { ServiceRef, VersionedCertificate } from '../api/certificate-contract';
import { certificateExists, getCertificate } from '../api/get-certificate';
import { certificateIdProblem, checkSecretIdentifier } from '../api/key-vault-identifier';
import { GUID_PATTERN } from '../../../lib/guid';
import { useSaveCertificate, type CertificateSource } from '../api/save-certificate';
import { useUserAssignedClientIds } from '../api/get-service-identities';
import { rememberUploaded } from '../api/uploaded-certificates';
import { ConflictDialog } from './conflict-dialog';
import { certificateFacts } from './certificate-details-pane';
import { explainCertificateError } from './explain-certificate-error';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: '14px', paddingBottom: '16px' },
  current: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '12px', rowGap: '2px', margin: 0, fontSize: tokens.fontSizeBase200 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: 'break-all' },
  footer: { display: 'flex', gap: '8px' },
});

type Mode = { kind: 'add' } | { kind: 'replace'; id: string };

type Preview =
  | { kind: 'none' }
  | { kind: 'reading' }
  | { kind: 'ready'; file: OpenedCertificateFile; warnings: CertificateWarning[] }
  | { kind: 'problem'; title: string; message: string };

interface EditorForm {
  id: string;
  source: 'custom' | 'keyVault';
  password: string;
  secretIdentifier: string;
  identity: 'system' | 'user';
  clientId: string;
}

const EMPTY: EditorForm = { id: '', source: 'custom', password: '', secretIdentifier: '', identity: 'system', clientId: '' };

/** Opens the .pfx here, before anything is sent: a wrong password or a file without its key never leaves the browser. */
async function openPfx(bytes: Uint8Array, password: string): Promise<Preview> {
  const [{ openCertificateFile }, { certificateWarnings }, { CertificateError }] = await Promise.all([
    import('../../../../certificates/open-certificate-file'),
    import('../../../../certificates/certificate-warnings'),
    import('../../../../certificates/certificate-error'),
  ]);
  try {
    const file = await openCertificateFile(bytes, { password });
    if (file.contentFormat !== 'pkcs12' || !file.hasPrivateKey) {
      return {
        kind: 'problem',
        title: 'No private key in this file',
        message:
          'API Management presents this certificate to backends, so it needs the private key: export the certificate with its private key as .pfx and choose that.',
      };
    }
    if (file.privateKeyMatchesLeaf === false)
      return { kind: 'problem', title: 'The key does not match', message: 'The private key in this .pfx file does not belong to its certificate.' };
    return { kind: 'ready', file, warnings: certificateWarnings(file, 'apim').filter((w) => w.code !== 'no-private-key') };
  } catch (error) {
    if (error instanceof CertificateError && (error.code === 'wrong-password' || error.code === 'password-required')) {
      return password === ''
        ? { kind: 'problem', title: 'Password needed', message: 'This .pfx file is protected by a password: enter it above.' }
        : { kind: 'problem', title: 'Wrong password', message: 'The password is wrong for this .pfx file. Nothing was sent.' };
    }
    return { kind: 'problem', title: 'This file cannot be used', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Add a certificate, or replace one with If-Match from the version read when the pane opened. */
export function CertificateEditorPane({ service, mode, onClose }: { service: ServiceRef; mode: Mode; onClose: (savedId?: string) => void }) {
  const styles = useStyles();
  const { arm } = useServices();
  const { notify } = useNotifications();
  const save = useSaveCertificate(service);
  const identities = useUserAssignedClientIds(service);
  const replacing = mode.kind === 'replace' ? mode.id : null;
  const [base, setBase] = useState<VersionedCertificate | null>(null);
  const [baseError, setBaseError] = useState<unknown>(null);
  const [reloaded, setReloaded] = useState(false);
  const [conflict, setConflict] = useState<{ current: VersionedCertificate | null } | null>(null);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [preview, setPreview] = useState<Preview>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const opening = useRef(0);
  const form = useForm<EditorForm>({ defaultValues: { ...EMPTY, id: replacing ?? '' }, mode: 'onTouched' });
  const { register, handleSubmit, watch, setValue, formState, reset } = form;
  const source = watch('source');
  const password = watch('password');
  const identity = watch('identity');
  const secretIdentifier = watch('secretIdentifier');
  const secretCheck = secretIdentifier.trim() ? checkSecretIdentifier(secretIdentifier) : null;

  // The version this edit is based on is read once, when the pane opens: a later read must not quietly move it.
  useEffect(() => {
    if (!replacing) return;
    let live = true;
    getCertificate(arm, service, replacing).then(
      (v) => live && setBase(v),
      (e: unknown) => live && setBaseError(e),
    );
    return () => {
      live = false;
    };
  }, [arm, service, replacing]);

  useEffect(() => {
    if (!file) return;
    const ticket = ++opening.current;
    setPreview({ kind: 'reading' });
    const timer = setTimeout(() => {
      void openPfx(file.bytes, password).then((p) => ticket === opening.current && setPreview(p));
    }, 250);
    return () => clearTimeout(timer);
  }, [file, password]);

  async function pick(picked: File) {
    save.reset();
    setFile({ name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) });
  }

  async function put(values: EditorForm, ifMatch: string | undefined) {
    let certificateSource: CertificateSource;
    let opened: OpenedCertificateFile | null = null;
    if (values.source === 'custom') {
      if (!file) {
        setPreview({ kind: 'problem', title: 'Choose a file', message: 'Choose the .pfx or .p12 file of the certificate.' });
        return;
      }
      const checked = await openPfx(file.bytes, values.password);
      setPreview(checked);
      if (checked.kind !== 'ready') return;
      opened = checked.file;
      const { toBase64 } = await import('../../../../certificates/encoding');
      certificateSource = { kind: 'custom', data: toBase64(file.bytes), password: values.password };
    } else {
      certificateSource = {
        kind: 'keyVault',
        secretIdentifier: values.secretIdentifier.trim(),
        identityClientId: values.identity === 'user' ? values.clientId.trim() : null,
      };
    }
    const id = values.id.trim();
    try {
      const saved = await save.mutateAsync({ id, source: certificateSource, ifMatch });
      if (opened) rememberUploaded(opened.leaf);
      reset({ ...EMPTY });
      setFile(null);
      setPreview({ kind: 'none' });
      notify({
        title: saved.created ? 'Added certificate' : 'Replaced certificate',
        body: `${id}: ${saved.certificate.properties.subject} (${saved.certificate.properties.thumbprint})`,
        intent: 'success',
      });
      onClose(id);
    } catch (error) {
      if (error instanceof AzureApiError && error.status === 412 && replacing) {
        save.reset();
        let current: VersionedCertificate | null = null;
        try {
          current = await getCertificate(arm, service, replacing);
        } catch (readError) {
          if (!(readError instanceof AzureApiError && readError.status === 404)) throw readError;
        }
        setConflict({ current });
      }
    }
  }

  const submit = handleSubmit(async (values) => {
    setBusy(true);
    try {
      await put(values, replacing ? base?.etag : undefined);
    } finally {
      setBusy(false);
    }
  });

  async function overwrite() {
    if (!conflict?.current) return;
    setBusy(true);
    const etag = conflict.current.etag;
    setBase(conflict.current);
    setConflict(null);
    try {
      await put(form.getValues(), etag);
    } finally {
      setBusy(false);
    }
  }

  const failure = save.error ? explainCertificateError(save.error, 'save') : null;
  const title = replacing ? `Replace certificate ${replacing}` : 'Add certificate';
  const close = () => {
    reset({ ...EMPTY });
    onClose();
  };

  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, d) => !d.open && close()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={close} />}>{title}</DrawerHeaderTitle>
      </DrawerHeader>
      <form onSubmit={(e) => void submit(e)} noValidate style={{ display: 'contents' }}>
        <DrawerBody className={styles.body}>
          {replacing && !base && !baseError && <Spinner size="small" label="Reading the current version…" />}
          {baseError !== null && (
            <MessageBar intent="error">
              <MessageBarBody>{explainCertificateError(baseError, 'save').message}</MessageBarBody>
            </MessageBar>
          )}
          {reloaded && (
            <MessageBar intent="info">
              <MessageBarBody>Reloaded the version someone else saved. Review it, then Save again to replace it with yours.</MessageBarBody>
            </MessageBar>
          )}
          {base && (
            <section aria-label="Current version">
              <Text weight="semibold" block>
                Current version
              </Text>
              <dl className={styles.current}>
                {certificateFacts(base)
                  .filter(([term]) => ['Subject', 'Thumbprint', 'Expiration date', 'Source', 'Secret identifier', 'Last sync status'].includes(term))
                  .map(([term, value]) => (
                    <div key={term} style={{ display: 'contents' }}>
                      <dt className={styles.term}>{term}</dt>
                      <dd className={styles.value}>{value}</dd>
                    </div>
                  ))}
              </dl>
            </section>
          )}
          <Field
            label="Id"
            required
            hint={replacing ? undefined : '1 to 80 characters, none of * # & + : < > ?; unique in this service.'}
            validationMessage={formState.errors.id?.message}
          >
            <Input
              readOnly={Boolean(replacing)}
              autoComplete="off"
              {...register('id', {
                validate: async (value) => {
                  if (replacing) return true;
                  const problem = certificateIdProblem(value);
                  if (problem) return problem;
                  try {
                    return (await certificateExists(arm, service, value)) ? `A certificate with the id '${value}' already exists in this service.` : true;
                  } catch {
                    return true;
                  }
                },
              })}
            />
          </Field>
          <Field label="Source">
            <RadioGroup value={source} onChange={(_, d) => setValue('source', d.value as EditorForm['source'])} layout="horizontal">
              <Radio value="custom" label="Custom (.pfx file)" />
              <Radio value="keyVault" label="Key Vault" />
            </RadioGroup>
          </Field>
          {source === 'custom' && (
            <>
              <FileDrop
                label="Certificate file (.pfx, .p12)"
                accept=".pfx,.p12"
                hint="Choose a file or drop it here. It is opened in your browser before anything is sent."
                fileName={file?.name}
                onFile={(f) => void pick(f)}
              />
              <Field label="Password" hint="Sent only in the request body, to the service. Never stored.">
                <Input type="password" autoComplete="off" {...register('password')} />
              </Field>
              {preview.kind === 'reading' && <Spinner size="small" label="Opening the file…" />}
              {preview.kind === 'problem' && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{preview.title}</MessageBarTitle>
                    {preview.message}
                  </MessageBarBody>
                </MessageBar>
              )}
              {preview.kind === 'ready' && (
                <>
                  <Text
                    size={200}
                  >{`Format: ${preview.file.format}${preview.file.encryption ? `, ${preview.file.encryption}` : ''}. Private key: included.`}</Text>
                  <CertificateDetails summary={preview.file.leaf} warnings={preview.warnings} label="Certificate preview" />
                </>
              )}
            </>
          )}
          {source === 'keyVault' && (
            <>
              <Field
                label="Secret identifier"
                required
                hint="https://{vault}.vault.azure.net/secrets/{name}. Leave the version out to follow the secret as it rotates."
                validationMessage={formState.errors.secretIdentifier?.message}
              >
                <Input
                  autoComplete="off"
                  {...register('secretIdentifier', {
                    validate: (v) => {
                      if (form.getValues('source') !== 'keyVault') return true;
                      const check = checkSecretIdentifier(v);
                      return check.ok ? true : check.problem;
                    },
                  })}
                />
              </Field>
              {secretCheck?.ok && secretCheck.version && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>This identifier names one version</MessageBarTitle>
                    The certificate will not rotate automatically: API Management keeps version {secretCheck.version} until you change it. Remove the version to
                    follow the latest.
                  </MessageBarBody>
                </MessageBar>
              )}
              <Field label="Client identity">
                <RadioGroup value={identity} onChange={(_, d) => setValue('identity', d.value as EditorForm['identity'])}>
                  <Radio value="system" label="System-assigned identity" />
                  <Radio value="user" label="User-assigned identity" />
                </RadioGroup>
              </Field>
              {identity === 'user' && (
                <Field
                  label="Client id of the user-assigned identity"
                  required
                  hint={
                    identities.data?.length
                      ? `This service's user-assigned identities: ${identities.data.join(', ')}`
                      : 'This service has no user-assigned identity.'
                  }
                  validationMessage={formState.errors.clientId?.message}
                >
                  <Input
                    autoComplete="off"
                    list="apim-identity-client-ids"
                    {...register('clientId', {
                      validate: (v) =>
                        form.getValues('source') !== 'keyVault' || form.getValues('identity') !== 'user' || GUID_PATTERN.test(v.trim())
                          ? true
                          : 'Enter a client id (a GUID).',
                    })}
                  />
                </Field>
              )}
              <datalist id="apim-identity-client-ids">
                {identities.data?.map((id) => (
                  <option key={id} value={id} />
                ))}
              </datalist>
            </>
          )}
          <FailureBar failure={failure} onRetry={() => void submit()} />
        </DrawerBody>
        <DrawerFooter className={styles.footer}>
          <Button type="submit" appearance="primary" disabled={busy || (Boolean(replacing) && !base)}>
            {busy ? 'Saving…' : 'Save'}
          </Button>
          <Button onClick={close}>Cancel</Button>
        </DrawerFooter>
      </form>
      {conflict && base && (
        <ConflictDialog
          id={replacing ?? ''}
          mine={base}
          current={conflict.current}
          busy={busy}
          onReload={() => {
            if (conflict.current) setBase(conflict.current);
            setReloaded(true);
            setConflict(null);
          }}
          onOverwrite={() => void overwrite()}
          onCancel={() => setConflict(null)}
        />
      )}
    </OverlayDrawer>
  );
}
