import { useEffect, useRef, useState, type BaseSyntheticEvent } from 'react';
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
  OverlayDrawer,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { AzureApiError } from '../../../lib/api-error';
import { useServices } from '../../../lib/services-context';
import { FailureBar } from '../../../components/failure-bar';
import { rowMenuButton, useDialogFocus } from '../../../components/dialog-focus';
import { useNotifications } from '../../../components/notifications';
import { CertificateFilePicker } from '../../../components/certificate-file-picker';
import { useCertificateFilePreview } from '../../../components/use-certificate-file-preview';
import type { OpenedCertificateFile } from '../../../../certificates/open-certificate-file';
import type { ServiceRef, VersionedCertificate } from '../api/certificate-contract';
import { certificateExists, getCertificate } from '../api/get-certificate';
import { certificateIdProblem } from '../api/key-vault-identifier';
import { useSaveCertificate, type CertificateSource } from '../api/save-certificate';
import { useUserAssignedClientIds } from '../api/get-service-identities';
import { rememberUploaded } from '../api/uploaded-certificates';
import { ConflictDialog } from './conflict-dialog';
import { explainCertificateError } from './explain-certificate-error';
import { CurrentVersion } from './current-version';
import { apimPfxProblem, EMPTY_EDITOR_FORM as EMPTY, type EditorForm } from './editor-form';
import { KeyVaultSourceFields } from './key-vault-source-fields';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: '14px', paddingBottom: '16px' },
  footer: { display: 'flex', gap: '8px' },
});

type Mode = { kind: 'add' } | { kind: 'replace'; id: string };

const PFX_PICKER = {
  label: 'Certificate file (.pfx, .p12)',
  accept: '.pfx,.p12',
  hint: 'Choose a file or drop it here. It is opened in your browser before anything is sent.',
  opening: 'Opening the file…',
};

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
  const [busy, setBusy] = useState(false);
  const form = useForm<EditorForm>({ defaultValues: { ...EMPTY, id: replacing ?? '' }, mode: 'onTouched' });
  const { register, handleSubmit, watch, setValue, formState, reset } = form;
  const firstField = useDialogFocus<HTMLInputElement>(() => (replacing ? rowMenuButton(replacing) : null));
  const saving = useRef(false);
  const idField = register('id', {
    validate: async (value) => {
      if (replacing) return true;
      // Focus starts here: leaving it empty to choose the source first is no mistake until Save is pressed.
      if (!value && !saving.current) return true;
      const problem = certificateIdProblem(value);
      if (problem) return problem;
      try {
        return (await certificateExists(arm, service, value)) ? `A certificate with the id '${value}' already exists in this service.` : true;
      } catch {
        return true;
      }
    },
  });
  const source = watch('source');
  // The .pfx is opened here, before anything is sent: a wrong password or a file without its key never leaves the browser.
  const pfx = useCertificateFilePreview({ purpose: 'apim', check: apimPfxProblem, password: watch('password') });

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

  async function put(values: EditorForm, ifMatch: string | undefined) {
    let certificateSource: CertificateSource;
    let opened: OpenedCertificateFile | null = null;
    if (values.source === 'custom') {
      const file = pfx.file;
      if (!file) {
        pfx.report({ title: 'Choose a file', message: 'Choose the .pfx or .p12 file of the certificate.' });
        return;
      }
      const checked = await pfx.open(values.password);
      if (checked.state !== 'opened') return;
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
    const id = replacing ?? values.id.trim();
    try {
      const saved = await save.mutateAsync({ id, source: certificateSource, ifMatch });
      if (opened) rememberUploaded(opened.leaf);
      reset({ ...EMPTY });
      pfx.clear();
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

  const validateAndSave = handleSubmit(async (values) => {
    setBusy(true);
    try {
      await put(values, replacing ? base?.etag : undefined);
    } finally {
      setBusy(false);
    }
  });
  const submit = async (event?: BaseSyntheticEvent) => {
    saving.current = true;
    try {
      await validateAndSave(event);
    } finally {
      saving.current = false;
    }
  };

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
          {base && <CurrentVersion base={base} />}
          <Field
            label="Id"
            required
            hint={replacing ? undefined : '1 to 80 characters, none of * # & + : < > ?; unique in this service.'}
            validationMessage={formState.errors.id?.message}
          >
            {replacing ? (
              // Shown, not registered: the id being replaced is fixed, and a registered read-only field rendered empty.
              <Input readOnly value={replacing} ref={firstField} />
            ) : (
              <Input
                autoComplete="off"
                {...idField}
                ref={(element) => {
                  idField.ref(element);
                  firstField.current = element;
                }}
              />
            )}
          </Field>
          <Field label="Source">
            <RadioGroup value={source} onChange={(_, d) => setValue('source', d.value as EditorForm['source'])} layout="horizontal">
              <Radio value="custom" label="Custom (.pfx file)" />
              <Radio value="keyVault" label="Key Vault" />
            </RadioGroup>
          </Field>
          {source === 'custom' && (
            <CertificateFilePicker
              control={pfx}
              texts={PFX_PICKER}
              onPick={save.reset}
              keepWarning={(w) => w.code !== 'no-private-key'}
              note={(file) => <Text size={200}>{`Format: ${file.format}${file.encryption ? `, ${file.encryption}` : ''}. Private key: included.`}</Text>}
            >
              <Field label="Password" hint="Sent only in the request body, to the service. Never stored.">
                <Input type="password" autoComplete="off" {...register('password')} />
              </Field>
            </CertificateFilePicker>
          )}
          {source === 'keyVault' && <KeyVaultSourceFields form={form} clientIds={identities.data} />}
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
