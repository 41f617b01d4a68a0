import { Button, createTableColumn, makeStyles, tokens, type TableColumnDefinition } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { ListGrid } from '../../../components/list-grid';
import { CopyButton } from '../../../components/copy-button';
import { ExpiryBadge } from '../../../components/certificate-status';
import type { CaCertificate } from '../api/get-ca-certificates';

const useStyles = makeStyles({
  // A grid scrolls inside itself at 320 px; the page does not.
  wrap: { overflowX: 'auto', maxWidth: '100%' },
  grid: { minWidth: '860px' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  cell: { display: 'flex', alignItems: 'center', gap: '4px', flexWrap: 'wrap' },
});

const nameOf = (c: CaCertificate) => c.subject || c.thumbprint;

export function CaCertificatesGrid({ rows, canWrite, onDelete }: { rows: CaCertificate[]; canWrite: boolean; onDelete: (row: CaCertificate) => void }) {
  const styles = useStyles();
  const columns: TableColumnDefinition<CaCertificate>[] = [
    createTableColumn({ columnId: 'subject', renderHeaderCell: () => 'Subject', renderCell: nameOf, compare: (a, b) => a.subject.localeCompare(b.subject) }),
    createTableColumn({
      columnId: 'thumbprint',
      renderHeaderCell: () => 'Thumbprint',
      renderCell: (c) => (
        <span className={styles.cell}>
          <span className={styles.mono}>{c.thumbprint}</span>
          <CopyButton value={c.thumbprint} />
        </span>
      ),
      compare: (a, b) => a.thumbprint.localeCompare(b.thumbprint),
    }),
    createTableColumn({
      columnId: 'expiry',
      renderHeaderCell: () => 'Expires',
      renderCell: (c) => (
        <span className={styles.cell}>
          {c.expiry.slice(0, 10)} <ExpiryBadge notAfter={c.expiry ? new Date(c.expiry) : null} />
        </span>
      ),
      compare: (a, b) => a.expiry.localeCompare(b.expiry),
    }),
    createTableColumn({
      columnId: 'store',
      renderHeaderCell: () => 'Store',
      renderCell: (c) => c.storeName,
      compare: (a, b) => a.storeName.localeCompare(b.storeName),
    }),
    createTableColumn({
      columnId: 'actions',
      renderHeaderCell: () => 'Actions',
      renderCell: (c) => (
        <Button
          appearance="subtle"
          icon={<DeleteRegular />}
          disabled={!canWrite}
          aria-label={`Delete ${nameOf(c)}`}
          data-ca-delete={c.thumbprint}
          onClick={() => onDelete(c)}
        >
          Delete
        </Button>
      ),
    }),
  ];
  return (
    <div className={styles.wrap}>
      <ListGrid label="CA certificates" className={styles.grid} items={rows} columns={columns} getRowId={(c) => `${c.storeName}/${c.thumbprint}`} />
    </div>
  );
}
