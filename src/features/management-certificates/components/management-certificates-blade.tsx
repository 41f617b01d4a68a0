import { useId, useMemo, useState } from 'react';
import { makeStyles, MessageBar, MessageBarBody, Text, ToolbarButton, type TableRowId } from '@fluentui/react-components';
import { ArrowUploadRegular, DeleteRegular } from '@fluentui/react-icons';
import { useParams } from 'react-router';
import { GridBlade } from '../../../components/grid-blade';
import { ListGrid } from '../../../components/list-grid';
import { ErrorPanel } from '../../../components/error-panel';
import { DeleteConfirmationDialog } from '../../../components/delete-confirmation-dialog';
import { expiryStatus } from '../../../components/certificate-status';
import { useNotifications } from '../../../components/notifications';
import { describeError } from '../../../lib/api-error';
import { useCanWrite } from '../../../lib/permissions';
import { formatCount } from '../../../lib/format-count';
import { useSubscriptionName } from '../../../components/subscription-name';
import { thumbprintMatches } from '../../../lib/thumbprint';
import {
  MANAGEMENT_CERTIFICATE_LIMIT,
  useDeleteManagementCertificates,
  useManagementCertificates,
  type ManagementCertificate,
} from '../api/management-certificates';
import { UploadDialog } from './upload-dialog';
import { managementCertificateColumns } from './management-certificate-columns';
import { ManagementCertificateDetailsPane } from './management-certificate-details-pane';

const useStyles = makeStyles({
  gridScroll: { overflowX: 'auto' },
});

const statusText = { expired: 'Expired', expiring: 'Expires soon', valid: 'Valid', unknown: 'Unknown' } as const;

// A thumbprint is 40 monospace characters: give it the room, or it runs into the next column.
const columnSizing = {
  name: { idealWidth: 190, minWidth: 120 },
  thumbprint: { idealWidth: 340, minWidth: 330 },
  expires: { idealWidth: 110, minWidth: 100 },
  created: { idealWidth: 100, minWidth: 90 },
  status: { idealWidth: 170, minWidth: 150 },
};

export function ManagementCertificatesBlade() {
  const styles = useStyles();
  const { subscriptionId = '' } = useParams();
  const { data, isPending, isFetching, error, refetch } = useManagementCertificates(subscriptionId);
  const canWrite = useCanWrite(subscriptionId);
  const subscriptionName = useSubscriptionName(subscriptionId);
  const atLimit = (data?.length ?? 0) >= MANAGEMENT_CERTIFICATE_LIMIT;
  const limitId = useId();
  const { notify } = useNotifications();
  const deletion = useDeleteManagementCertificates(subscriptionId);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<Set<TableRowId>>(new Set());
  const [uploadOpen, setUploadOpen] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [detailsOf, setDetailsOf] = useState<string | null>(null);
  const columns = useMemo(() => managementCertificateColumns((c) => setDetailsOf(c.thumbprint)), []);
  const details = detailsOf ? data?.find((c) => c.thumbprint === detailsOf) : undefined;

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (!needle) return data ?? [];
    return (data ?? []).filter(
      (c) =>
        thumbprintMatches(c.thumbprint, needle) ||
        [c.summary?.subject ?? '', statusText[expiryStatus(c.summary?.notAfter).status]].some((v) => v.toLowerCase().includes(needle)),
    );
  }, [data, filter]);
  const selectedThumbprints = [...selected].map(String).filter((t) => data?.some((c) => c.thumbprint === t));

  async function confirmDelete() {
    try {
      await deletion.mutateAsync(selectedThumbprints);
      notify({ title: 'Deleted management certificates', body: `${selectedThumbprints.length} deleted.`, intent: 'success' });
      setSelected(new Set());
      setConfirmOpen(false);
    } catch {
      /* shown in the dialog */
    }
  }

  return (
    <GridBlade
      title="Management certificates"
      subtitle={subscriptionName}
      canWrite={canWrite}
      readOnlyNotice="You have read-only access to this subscription: you can list management certificates but not upload or delete them."
      createCommands={
        <ToolbarButton
          icon={<ArrowUploadRegular />}
          // Focusable while disabled at the limit, so the reason beside it is read with it.
          disabledFocusable={canWrite && atLimit}
          disabled={!canWrite}
          aria-describedby={atLimit ? limitId : undefined}
          onClick={() => setUploadOpen(true)}
        >
          Upload
        </ToolbarButton>
      }
      onRefresh={() => void refetch()}
      selectionCommands={
        <ToolbarButton icon={<DeleteRegular />} disabled={!canWrite || selectedThumbprints.length === 0} onClick={() => setConfirmOpen(true)}>
          Delete
        </ToolbarButton>
      }
      search={{ label: 'Filter management certificates', placeholder: 'Filter by name, thumbprint or status', value: filter, onChange: setFilter }}
      count={
        data &&
        (filter
          ? `Showing ${formatCount(rows.length)} of ${formatCount(data.length)} records`
          : `${data.length} of ${MANAGEMENT_CERTIFICATE_LIMIT} management certificates`)
      }
      warnings={
        atLimit && (
          <MessageBar intent="warning">
            <MessageBarBody id={limitId}>
              {`Upload is unavailable: ${subscriptionName} holds ${MANAGEMENT_CERTIFICATE_LIMIT} of ${MANAGEMENT_CERTIFICATE_LIMIT} management certificates, the most a subscription can hold. Delete one to upload another.`}
            </MessageBarBody>
          </MessageBar>
        )
      }
      reloading={isFetching && !isPending ? 'Refreshing' : undefined}
      loading={isPending ? 'Loading management certificates…' : undefined}
      error={error}
      empty={
        data && data.length === 0
          ? { title: 'No management certificates', text: 'Upload a .cer file to let tools that hold its private key manage this subscription.' }
          : undefined
      }
    >
      {data && data.length > 0 && (
        <div className={styles.gridScroll}>
          <ListGrid
            label="Management certificates"
            items={rows}
            columns={columns}
            getRowId={(c: ManagementCertificate) => c.thumbprint}
            columnSizing={columnSizing}
            selection={{ selected, onChange: setSelected, rowName: (c) => c.summary?.subjectCommonName ?? c.thumbprint }}
          />
        </div>
      )}
      {details && <ManagementCertificateDetailsPane certificate={details} onClose={() => setDetailsOf(null)} />}
      {uploadOpen && <UploadDialog subscriptionId={subscriptionId} onClose={() => setUploadOpen(false)} />}
      {confirmOpen && (
        <DeleteConfirmationDialog
          what={
            selectedThumbprints.length === 1
              ? `the management certificate ${data?.find((c) => c.thumbprint === selectedThumbprints[0])?.summary?.subjectCommonName ?? ''} (${selectedThumbprints[0]})`
              : `${selectedThumbprints.length} management certificates`
          }
          busy={deletion.isPending}
          error={deletion.error ? <ErrorPanel error={deletion.error} title="Delete failed" /> : undefined}
          onConfirm={() => void confirmDelete()}
          onCancel={() => {
            deletion.reset();
            setConfirmOpen(false);
          }}
        />
      )}
      {deletion.error && !confirmOpen && <Text>{describeError(deletion.error)}</Text>}
    </GridBlade>
  );
}
