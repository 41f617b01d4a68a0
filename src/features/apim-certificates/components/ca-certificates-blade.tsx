import { useState } from 'react';
import { MessageBar, MessageBarBody, Spinner, Text, ToolbarButton } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { GridBlade } from '../../../components/grid-blade';
import { DeleteConfirmationDialog } from '../../../components/delete-confirmation-dialog';
import { FailureBar } from '../../../components/failure-bar';
import { useNotifications } from '../../../components/notifications';
import { AzureApiError } from '../../../lib/api-error';
import { useCanWrite } from '../../../lib/permissions';
import { formatCount } from '../../../lib/format-count';
import type { ServiceRef } from '../api/certificate-contract';
import { addBlockedReason, keptEntries } from '../api/ca-certificate-list';
import { MAX_CA_CERTIFICATES, useCaCertificates, type CaCertificate } from '../api/get-ca-certificates';
import { useUpdateCaCertificates, type CaCertificateEntry } from '../api/update-ca-certificates';
import { AddCaCertificatePane } from './add-ca-certificate-pane';
import { CaCertificatesGrid } from './ca-certificates-grid';
import { CaConflictDialog } from './ca-conflict-dialog';
import { CertificatesTabs } from './certificates-tabs';
import { explainCertificateError } from './explain-certificate-error';

/** The CA certificates tab: what the service's gateway trusts, changed by PATCHing the service (a long-running update). */
export function CaCertificatesBlade({ service }: { service: ServiceRef }) {
  const canWrite = useCanWrite(service.subscriptionId, 'Microsoft.ApiManagement/service/write');
  const { notify } = useNotifications();
  const { data, isPending, error, refetch } = useCaCertificates(service);
  const update = useUpdateCaCertificates(service);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<CaCertificate | null>(null);
  const [conflict, setConflict] = useState(false);
  const [localFailure, setLocalFailure] = useState<string | null>(null);
  const rows = data?.certificates ?? [];
  const blocked = data ? addBlockedReason(rows.length) : null;
  const updateError = update.error && !(update.error instanceof AzureApiError && update.error.status === 412) ? update.error : null;
  const failure = localFailure
    ? { title: 'Nothing was sent', message: localFailure, retry: false }
    : updateError
      ? { ...explainCertificateError(updateError, 'save'), title: 'The service was not updated' }
      : null;

  function send(certificates: CaCertificateEntry[], done: string, onDone?: () => void) {
    setLocalFailure(null);
    update.mutate(
      { certificates, etag: data?.etag ?? null },
      {
        onSuccess: () => {
          onDone?.();
          notify({ title: 'CA certificates updated', body: done, intent: 'success' });
        },
        onError: (e) => {
          if (e instanceof AzureApiError && e.status === 412) setConflict(true);
        },
      },
    );
  }

  function keepAnd(build: (kept: CaCertificateEntry[]) => CaCertificateEntry[], done: string, removing?: CaCertificate, onDone?: () => void) {
    try {
      send(build(keptEntries(rows, removing)), done, onDone);
    } catch (e) {
      setLocalFailure(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <GridBlade
      title="Certificates"
      subtitle={service.serviceName}
      tabs={<CertificatesTabs />}
      canWrite={canWrite}
      readOnlyNotice="You have read-only access to this service: you can see its CA certificates but not add or delete them."
      createCommands={
        <ToolbarButton
          icon={<AddRegular />}
          data-ca-add
          disabled={!canWrite || Boolean(blocked) || update.isPending}
          aria-describedby={blocked ? 'ca-limit' : undefined}
          onClick={() => {
            update.reset();
            setAdding(true);
          }}
        >
          Add
        </ToolbarButton>
      }
      onRefresh={() => void refetch()}
      count={data && `${formatCount(rows.length)} of ${MAX_CA_CERTIFICATES} CA certificates`}
      loading={isPending ? 'Loading CA certificates…' : undefined}
      error={error}
      warnings={
        <>
          {blocked && canWrite && (
            <Text id="ca-limit" block>
              {blocked}
            </Text>
          )}
          {update.isPending && (
            <MessageBar intent="info">
              <MessageBarBody>
                <Spinner size="tiny" label="Updating the service…" labelPosition="after" />
              </MessageBarBody>
            </MessageBar>
          )}
          {!adding && <FailureBar failure={failure} onRetry={() => void refetch()} />}
        </>
      }
      empty={
        data && rows.length === 0
          ? {
              title: 'No CA certificates',
              text: 'Add a root or intermediate CA certificate for the gateway to trust when it validates client and backend certificates.',
            }
          : undefined
      }
    >
      {rows.length > 0 && <CaCertificatesGrid rows={rows} canWrite={canWrite === true && !update.isPending} onDelete={setDeleting} />}
      {adding && (
        <AddCaCertificatePane
          current={rows}
          busy={update.isPending}
          failure={failure}
          onSave={(entry) =>
            keepAnd(
              (kept) => [...kept, entry],
              'Added a CA certificate.',
              undefined,
              () => setAdding(false),
            )
          }
          onClose={() => setAdding(false)}
        />
      )}
      {deleting && (
        <DeleteConfirmationDialog
          what={`the CA certificate ${deleting.subject} (${deleting.storeName}), which the whole gateway then stops trusting`}
          returnFocus={() => document.querySelector<HTMLElement>('[data-ca-add]')}
          onConfirm={() => {
            const removing = deleting;
            setDeleting(null);
            keepAnd((kept) => kept, `Deleted ${removing.subject}.`, removing);
          }}
          onCancel={() => setDeleting(null)}
        />
      )}
      {conflict && (
        <CaConflictDialog
          onReload={() => {
            setConflict(false);
            update.reset();
            void refetch();
          }}
          onCancel={() => setConflict(false)}
        />
      )}
    </GridBlade>
  );
}
