import { createTableColumn, Link, type TableColumnDefinition } from '@fluentui/react-components';
import { ExpiryBadge, expiryStatus } from '../../../components/certificate-status';
import { CopyButton } from '../../../components/copy-button';
import type { ManagementCertificate } from '../api/management-certificates';

export const certificateName = (c: ManagementCertificate): string => c.summary?.subjectCommonName ?? c.summary?.subject ?? '(unreadable certificate)';

/** The grid's columns; the name is a button that opens the certificate's details pane, as the portal's names are. */
export function managementCertificateColumns(onOpen: (c: ManagementCertificate) => void): TableColumnDefinition<ManagementCertificate>[] {
  return [
    createTableColumn({
      columnId: 'name',
      compare: (a, b) => (a.summary?.subjectCommonName ?? '').localeCompare(b.summary?.subjectCommonName ?? ''),
      renderHeaderCell: () => 'Name',
      renderCell: (c) => (
        <Link
          as="button"
          title="View details"
          onClick={(event) => {
            // The row selects on click: opening the details is not selecting the row.
            event.stopPropagation();
            onOpen(c);
          }}
        >
          {certificateName(c)}
        </Link>
      ),
    }),
    createTableColumn({
      columnId: 'thumbprint',
      compare: (a, b) => a.thumbprint.localeCompare(b.thumbprint),
      renderHeaderCell: () => 'Thumbprint',
      renderCell: (c) => (
        <>
          <span style={{ fontFamily: 'monospace', fontSize: '12px', whiteSpace: 'nowrap' }}>{c.thumbprint}</span>
          <CopyButton value={c.thumbprint} />
        </>
      ),
    }),
    createTableColumn({
      columnId: 'expires',
      compare: (a, b) => (a.summary?.notAfter.getTime() ?? 0) - (b.summary?.notAfter.getTime() ?? 0),
      renderHeaderCell: () => 'Expiration date',
      renderCell: (c) => c.summary?.notAfter.toISOString().slice(0, 10) ?? '',
    }),
    createTableColumn({
      columnId: 'created',
      compare: (a, b) => a.created.localeCompare(b.created),
      renderHeaderCell: () => 'Created',
      renderCell: (c) => c.created.slice(0, 10),
    }),
    createTableColumn({
      columnId: 'status',
      compare: (a, b) => expiryStatus(a.summary?.notAfter).status.localeCompare(expiryStatus(b.summary?.notAfter).status),
      renderHeaderCell: () => 'Status',
      renderCell: (c) => <ExpiryBadge notAfter={c.summary?.notAfter} />,
    }),
  ];
}
