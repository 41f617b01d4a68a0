import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { DeleteConfirmationDialog } from '../../../components/delete-confirmation-dialog';
import { rowMenuButton } from '../../../components/dialog-focus';
import { ErrorPanel } from '../../../components/error-panel';
import { useNotifications } from '../../../components/notifications';
import type { ServiceRef } from '../api/certificate-contract';
import { useDeleteCertificate } from '../api/delete-certificate';
import { useCertificate } from '../api/get-certificate';
import { explainCertificateError } from './explain-certificate-error';

/** Delete with If-Match from a fresh read, so a certificate changed meanwhile is not deleted unseen. */
export function DeleteCertificateDialog({ service, id, onDone }: { service: ServiceRef; id: string; onDone: (deleted: boolean) => void }) {
  const { notify } = useNotifications();
  const current = useCertificate(service, id);
  const deletion = useDeleteCertificate(service);
  const failure = deletion.error ? explainCertificateError(deletion.error, 'delete') : null;

  async function confirm() {
    if (!current.data) return;
    try {
      await deletion.mutateAsync({ id, etag: current.data.etag });
      notify({ title: 'Deleted certificate', body: id, intent: 'success' });
      onDone(true);
    } catch {
      /* shown in the dialog */
    }
  }

  const inUse = (failure?.usedBy.length ?? 0) > 0;
  const subject = current.data?.certificate.properties.subject;
  return (
    <DeleteConfirmationDialog
      what={
        <>
          the certificate <strong>{id}</strong>
          {subject ? ` (${subject})` : ''} from this API Management service
        </>
      }
      busy={deletion.isPending || !current.data}
      refuse={inUse}
      returnFocus={() => rowMenuButton(id)}
      error={
        <>
          {current.isPending && <Spinner size="tiny" label="Reading its current version…" />}
          {current.error && <ErrorPanel error={current.error} />}
          {failure && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{failure.title}</MessageBarTitle>
                {/* The service's message names the users too: the list says it once, the sentence says what to do. */}
                {failure.usedBy.length > 0 ? `Remove it from ${failure.usedBy.length === 1 ? 'this' : 'these'} first, then delete it:` : failure.message}
                {failure.usedBy.length > 0 && (
                  <ul aria-label="Used by">
                    {failure.usedBy.map((u) => (
                      <li key={u}>{u}</li>
                    ))}
                  </ul>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      }
      onConfirm={() => void confirm()}
      onCancel={() => onDone(false)}
    />
  );
}
