import { useRef } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Link } from 'react-router';
import { KIND_LABELS } from '../inventory/inventory-row';
import type { InventorySort, ShownRow, SortColumn } from '../inventory/inventory-view';
import { statusLabel } from '../inventory/status-label';
import { useRowWindow } from './use-row-window';

const ROW_HEIGHT = 40;
const COLUMNS = '190px minmax(160px, 1fr) minmax(180px, 1fr) 110px 70px 160px 170px 150px 330px';

const useStyles = makeStyles({
  scroll: {
    overflow: 'auto',
    // A flex item that scrolls would otherwise shrink to nothing inside the blade's column.
    flexShrink: 0,
    height: 'max(320px, calc(100vh - 420px))',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase300,
  },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, minWidth: 'fit-content' },
  row: {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 'fit-content',
  },
  bodyRow: { position: 'absolute', top: 0, left: 0, width: '100%' },
  header: { padding: '8px', fontWeight: tokens.fontWeightSemibold },
  cell: { padding: '0 8px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  body: { position: 'relative' },
  sortButton: {
    backgroundColor: 'transparent',
    borderTopStyle: 'none',
    borderBottomStyle: 'none',
    borderLeftStyle: 'none',
    borderRightStyle: 'none',
    padding: 0,
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  link: { color: tokens.colorBrandForegroundLink },
  // A tinted pill like Fluent's Badge, without its component in the first load; the words carry the status.
  status: {
    display: 'inline-block',
    padding: '0 8px',
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: '20px',
  },
  danger: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  warning: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  success: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1 },
  informative: { backgroundColor: tokens.colorNeutralBackground4, color: tokens.colorNeutralForeground3 },
});

const HEADERS: Array<{ label: string; sort?: SortColumn }> = [
  { label: 'Kind', sort: 'kind' },
  { label: 'Name or id', sort: 'name' },
  { label: 'Subject', sort: 'subject' },
  { label: 'Expiry', sort: 'expiry' },
  { label: 'Days left', sort: 'expiry' },
  { label: 'Status' },
  { label: 'Subscription', sort: 'subscription' },
  { label: 'Service', sort: 'service' },
  { label: 'Thumbprint', sort: 'thumbprint' },
];

const badgeColor = { expired: 'danger', within7: 'danger', within14: 'warning', within30: 'warning', later: 'success', unknown: 'informative' } as const;

/**
 * The inventory as a table with only the rows in view in the DOM: 20,000 certificates scroll as smoothly
 * as 20. aria-rowcount and aria-rowindex tell a screen reader where it is in the whole list.
 */
export function InventoryTable({ rows, sort, onSort }: { rows: ShownRow[]; sort: InventorySort; onSort: (sort: InventorySort) => void }) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end } = useRowWindow(scrollRef, rows.length, ROW_HEIGHT);
  const toggle = (column: SortColumn) => onSort({ column, direction: sort.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending' });
  return (
    <div ref={scrollRef} className={styles.scroll} tabIndex={0} role="region" aria-label="Certificate inventory, scrollable">
      <div role="table" aria-label="Certificate inventory" aria-rowcount={rows.length + 1}>
        <div role="rowgroup" className={styles.head}>
          <div role="row" aria-rowindex={1} className={styles.row}>
            {HEADERS.map(({ label, sort: column }) => (
              <div
                key={label}
                role="columnheader"
                className={styles.header}
                aria-sort={column && sort.column === column && label !== 'Days left' ? sort.direction : undefined}
              >
                {column && label !== 'Days left' ? (
                  <button type="button" className={styles.sortButton} onClick={() => toggle(column)}>
                    {label}
                    {sort.column === column ? (sort.direction === 'ascending' ? ' ↑' : ' ↓') : ''}
                  </button>
                ) : (
                  label
                )}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className={styles.body} style={{ height: rows.length * ROW_HEIGHT, minWidth: 'fit-content' }}>
          {rows.slice(start, end).map((row, offset) => {
            const index = start + offset;
            return (
              <div
                key={row.key}
                role="row"
                aria-rowindex={index + 2}
                className={`${styles.row} ${styles.bodyRow}`}
                style={{ height: ROW_HEIGHT, transform: `translateY(${index * ROW_HEIGHT}px)` }}
              >
                <div role="cell" className={styles.cell}>
                  {KIND_LABELS[row.kind]}
                </div>
                <div role="cell" className={styles.cell} title={row.name}>
                  <Link to={row.link} className={styles.link}>
                    {row.name}
                  </Link>
                </div>
                <div role="cell" className={styles.cell} title={row.subject}>
                  {row.subject}
                </div>
                <div role="cell" className={styles.cell}>
                  {row.expiry ? row.expiry.slice(0, 10) : '—'}
                </div>
                <div role="cell" className={styles.cell}>
                  {row.daysLeft ?? '—'}
                </div>
                <div role="cell" className={styles.cell}>
                  <span className={mergeClasses(styles.status, styles[row.keyVaultRefreshFailed ? 'danger' : badgeColor[row.status]])}>{statusLabel(row)}</span>
                </div>
                <div role="cell" className={styles.cell} title={row.subscriptionName}>
                  {row.subscriptionName}
                </div>
                <div role="cell" className={styles.cell}>
                  {row.serviceName || '—'}
                </div>
                <div role="cell" className={`${styles.cell} ${styles.mono}`}>
                  {row.thumbprint}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
