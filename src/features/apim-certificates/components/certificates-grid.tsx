import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { partialSortText, SortProgress } from './sort-progress';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { sortCertificates, sortValue, type SortDirection } from '../api/sort-certificates';
import type { CertificateContract } from '../api/certificate-contract';
import { sourceText } from './certificate-source';
import { KeyVaultPill, StatusPill } from './certificate-pills';
import { CertificateRowMenu, type CertificateActions } from './certificate-row-menu';
import { ThumbprintCopyButton, useThumbprintCopy } from './thumbprint-copy';

const ROW_HEIGHT = 44;
// What an admin scans for comes first; the thumbprint scrolls in from the right, the row menu never does.
const COLUMNS = '150px minmax(180px, 1fr) 100px 140px 86px 170px 352px 72px';

const useStyles = makeStyles({
  grid: {
    overflow: 'auto',
    height: 'max(320px, calc(100vh - 360px))',
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
  bodyRow: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  header: { padding: '10px 8px', fontWeight: tokens.fontWeightSemibold },
  cell: { padding: '0 8px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  thumbprint: { display: 'flex', alignItems: 'center', gap: '4px' },
  clip: { overflow: 'hidden', textOverflow: 'ellipsis' },
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
  sticky: {
    position: 'sticky',
    right: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    height: '100%',
    display: 'flex',
    alignItems: 'center',
    boxShadow: `-1px 0 0 ${tokens.colorNeutralStroke2}`,
  },
  // Rows use plain elements, not Fluent's Link, Badge and Button: a re-sort re-renders every visible row.
  linkButton: {
    backgroundColor: 'transparent',
    borderTopStyle: 'none',
    borderRightStyle: 'none',
    borderBottomStyle: 'none',
    borderLeftStyle: 'none',
    padding: 0,
    font: 'inherit',
    color: tokens.colorBrandForegroundLink,
    cursor: 'pointer',
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    ':hover': { textDecoration: 'underline' },
  },
  moreButton: {
    backgroundColor: 'transparent',
    borderTopStyle: 'none',
    borderRightStyle: 'none',
    borderBottomStyle: 'none',
    borderLeftStyle: 'none',
    borderRadius: '4px',
    padding: '4px 6px',
    display: 'inline-flex',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    fontSize: '20px',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  more: { padding: '12px', display: 'flex', gap: '12px', alignItems: 'center' },
});

const HEADERS = ['Id', 'Subject', 'Expiration', 'Status', 'Source', 'Key Vault status', 'Thumbprint', 'Actions'] as const;

/**
 * A role="grid" with only the rows in view in the DOM, so 1,000 certificates scroll smoothly. Arrow keys,
 * Home/End and Page Up/Down move between rows; Enter opens a row's details; Tab goes from the active row to its
 * Copy thumbprint and More actions buttons (only the active row's buttons are in the tab order). More pages load near the end.
 */
export function CertificatesGrid({
  rows: loaded,
  total,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  loadAll,
  actions,
}: {
  rows: CertificateContract[];
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** Loads every remaining page; true when the whole list is loaded. A sort waits for it. */
  loadAll: { loading: boolean; loadAll: () => Promise<boolean>; cancel: () => void };
  actions: CertificateActions;
}) {
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // One menu for the grid, opened at the row's "…" button: a Fluent Menu per row made every re-render slow.
  const [rowMenu, setRowMenu] = useState<{ certificate: CertificateContract; target: HTMLElement } | null>(null);
  const [sort, setSort] = useState<{ key: string; direction: SortDirection } | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [partial, setPartial] = useState(false);
  const thumbprintCopy = useThumbprintCopy();
  const rows = useMemo(() => (sort ? sortCertificates(loaded, sort.key, sort.direction) : loaded), [loaded, sort]);

  // A sort covers the whole list: the pages not loaded yet are loaded first, with progress and a Cancel.
  async function requestSort(key: string) {
    const next = { key, direction: sort?.key === key && sort.direction === 'ascending' ? ('descending' as const) : ('ascending' as const) };
    if (hasNextPage) {
      setPending(key);
      const complete = await loadAll.loadAll();
      setPending(null);
      setPartial(!complete);
    }
    setSort(next);
  }
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 10) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  const activeRow = Math.min(active, Math.max(rows.length - 1, 0));

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row || row !== event.target) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: index + page,
      PageUp: index - page,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      actions.onOpen(rows[index].name);
    }
  }

  return (
    <>
      {pending && <SortProgress column={pending} loaded={loaded.length} total={total} onCancel={loadAll.cancel} />}
      {partial && sort && loaded.length < total && (
        <MessageBar intent="warning">
          <MessageBarBody>{partialSortText(loaded.length, total)}</MessageBarBody>
        </MessageBar>
      )}
      <div
        ref={scrollRef}
        className={styles.grid}
        role="grid"
        aria-label="Certificates"
        aria-rowcount={total + 1}
        aria-colcount={HEADERS.length}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className={styles.head}>
          <div role="row" aria-rowindex={1} className={styles.row}>
            {HEADERS.map((h) => (
              <div
                key={h}
                role="columnheader"
                aria-sort={sort?.key === h ? sort.direction : sortValue[h] ? 'none' : undefined}
                className={h === 'Actions' ? `${styles.header} ${styles.sticky}` : styles.header}
              >
                {sortValue[h] ? (
                  <button type="button" className={styles.sortButton} disabled={pending !== null} onClick={() => void requestSort(h)}>
                    {h}
                    {sort?.key === h ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </button>
                ) : (
                  h
                )}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className={styles.body} style={{ height: virtualizer.getTotalSize(), minWidth: 'fit-content' }}>
          {items.map((item) => {
            const c = rows[item.index];
            const expires = new Date(c.properties.expirationDate);
            return (
              <div
                key={c.name}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                tabIndex={item.index === activeRow ? 0 : -1}
                className={`${styles.row} ${styles.bodyRow}`}
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                onFocus={(e) => e.target === e.currentTarget && setActive(item.index)}
              >
                <div role="gridcell" className={styles.cell}>
                  <button type="button" className={styles.linkButton} tabIndex={-1} onClick={() => actions.onOpen(c.name)} title={c.name}>
                    {c.name}
                  </button>
                </div>
                <div role="gridcell" className={styles.cell} title={c.properties.subject}>
                  {c.properties.subject}
                </div>
                <div role="gridcell" className={styles.cell}>
                  {c.properties.expirationDate.slice(0, 10)}
                </div>
                <div role="gridcell" className={styles.cell}>
                  <StatusPill notAfter={Number.isNaN(expires.getTime()) ? null : expires} />
                </div>
                <div role="gridcell" className={styles.cell}>
                  {sourceText(c)}
                </div>
                <div role="gridcell" className={styles.cell} title={c.properties.keyVault?.lastStatus?.message}>
                  <KeyVaultPill certificate={c} />
                </div>
                <div role="gridcell" className={`${styles.cell} ${styles.mono} ${styles.thumbprint}`}>
                  <span className={styles.clip}>{c.properties.thumbprint}</span>
                  {c.properties.thumbprint && (
                    <ThumbprintCopyButton
                      name={c.name}
                      tabIndex={item.index === activeRow ? 0 : -1}
                      outcome={thumbprintCopy.outcome?.name === c.name ? thumbprintCopy.outcome.copied : undefined}
                      onCopy={() => void thumbprintCopy.copy(c.name, c.properties.thumbprint)}
                    />
                  )}
                </div>
                <div role="gridcell" className={`${styles.cell} ${styles.sticky}`}>
                  <button
                    type="button"
                    className={styles.moreButton}
                    tabIndex={item.index === activeRow ? 0 : -1}
                    aria-label={`More actions for ${c.name}`}
                    aria-haspopup="menu"
                    aria-expanded={rowMenu?.certificate.name === c.name}
                    onClick={(e) => setRowMenu({ certificate: c, target: e.currentTarget })}
                  >
                    <MoreHorizontalRegular aria-hidden />
                  </button>
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {thumbprintCopy.status}
      {rowMenu && <CertificateRowMenu certificate={rowMenu.certificate} target={rowMenu.target} actions={actions} onClose={() => setRowMenu(null)} />}
      {(hasNextPage || isFetchingNextPage) && (
        <div className={styles.more}>
          {isFetchingNextPage ? <Spinner size="tiny" label="Loading more certificates…" /> : <Button onClick={fetchNextPage}>Load more</Button>}
        </div>
      )}
    </>
  );
}
