import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Field, Input, makeStyles, SearchBox, ToolbarButton } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useParams } from 'react-router';
import { GridBlade } from '../../../components/grid-blade';
import { useNotifications } from '../../../components/notifications';
import { useCanWrite } from '../../../lib/permissions';
import { thumbprintMatches } from '../../../lib/thumbprint';
import { formatCount } from '../../../lib/format-count';
import { buildCertificateFilter } from '../api/certificate-filter';
import type { CertificateContract, ServiceRef } from '../api/certificate-contract';
import { useCertificates } from '../api/list-certificates';
import { useRefreshCertificateSecret } from '../api/refresh-certificate-secret';
import { CertificateDetailsPane } from './certificate-details-pane';
import { CertificateEditorPane } from './certificate-editor-pane';
import { CertificatesGrid } from './certificates-grid';
import { useLoadAllPages } from './use-load-all-pages';
import { DeleteCertificateDialog } from './delete-certificate-dialog';
import { explainCertificateError } from './explain-certificate-error';
import { CaCertificatesBlade } from './ca-certificates-blade';
import { CertificatesTabs, useCertificatesTab } from './certificates-tabs';

const useStyles = makeStyles({
  // Never wider than the screen less the blade's padding: at 320 px a 340 px box ran past the edge.
  search: { width: 'min(340px, calc(100vw - 48px))' },
});

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

type Pane = { kind: 'none' } | { kind: 'details'; id: string } | { kind: 'add' } | { kind: 'replace'; id: string };

function narrowLoaded(rows: CertificateContract[], search: string, expiresBefore: string): CertificateContract[] {
  const needle = search.trim().toLowerCase();
  const before = expiresBefore ? `${expiresBefore}T00:00:00Z` : '';
  return rows.filter(
    (c) =>
      (!needle ||
        c.name.toLowerCase().includes(needle) ||
        c.properties.subject.toLowerCase().includes(needle) ||
        thumbprintMatches(c.properties.thumbprint, needle)) &&
      (!before || c.properties.expirationDate < before),
  );
}

/** The service's certificates page: its own certificates, or (the second tab) the CA certificates its gateway trusts. */
export function ApimCertificatesBlade() {
  const { subscriptionId = '', resourceGroup = '', serviceName = '' } = useParams();
  const service = useMemo<ServiceRef>(() => ({ subscriptionId, resourceGroup, serviceName }), [subscriptionId, resourceGroup, serviceName]);
  return useCertificatesTab() === 'ca' ? <CaCertificatesBlade service={service} /> : <ServiceCertificatesBlade service={service} />;
}

/** The certificates of one API Management service: searched and filtered by the service, paged, virtualized. */
function ServiceCertificatesBlade({ service }: { service: ServiceRef }) {
  const styles = useStyles();
  const { subscriptionId, serviceName } = service;
  const canWrite = useCanWrite(subscriptionId, 'Microsoft.ApiManagement/service/certificates/write');
  const { notify } = useNotifications();
  const [search, setSearch] = useState('');
  const [expiresBefore, setExpiresBefore] = useState('');
  const debouncedSearch = useDeferredValue(useDebounced(search, 300));
  const [pane, setPane] = useState<Pane>({ kind: 'none' });
  const [deleting, setDeleting] = useState<string | null>(null);
  const refresh = useRefreshCertificateSecret(service);

  let filter: string | undefined;
  let filterProblem: string | null = null;
  try {
    filter = buildCertificateFilter({ search: debouncedSearch, expiresBefore });
  } catch (error) {
    filterProblem = error instanceof Error ? error.message : String(error);
  }
  const query = useCertificates(service, filter);
  const { data, isPending, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, error, refetch } = query;
  const loaded = useMemo(() => data?.pages.flatMap((p) => p.value) ?? [], [data]);
  // Until the service answers the new $filter, narrow what is already loaded, so typing shows at once.
  const interim = search !== debouncedSearch || query.isPlaceholderData;
  const rows = useMemo(() => (interim ? narrowLoaded(loaded, search, expiresBefore) : loaded), [interim, loaded, search, expiresBefore]);
  const total = interim ? rows.length : (data?.pages[0]?.count ?? rows.length);
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const loadAll = useLoadAllPages(!interim && hasNextPage, fetchNextPage);
  const filtered = Boolean(filter);

  async function refreshSecret(id: string) {
    try {
      const refreshed = await refresh.mutateAsync(id);
      const status = refreshed.certificate.properties.keyVault?.lastStatus;
      if (status?.code === 'Success')
        notify({ title: 'Refreshed from Key Vault', body: `${id}: ${refreshed.certificate.properties.thumbprint}`, intent: 'success' });
      else notify({ title: 'Key Vault refresh failed', body: `${id}: ${status?.code ?? ''} ${status?.message ?? ''}`.trim(), intent: 'warning' });
    } catch (e) {
      const explained = explainCertificateError(e, 'refresh');
      notify({ title: explained.title, body: explained.message, intent: 'error' });
    }
  }

  const actions = {
    canWrite: canWrite === true,
    onOpen: (id: string) => setPane({ kind: 'details', id }),
    onReplace: (id: string) => setPane({ kind: 'replace', id }),
    onDelete: (id: string) => setDeleting(id),
    onRefresh: (id: string) => void refreshSecret(id),
  };

  return (
    <GridBlade
      title="Certificates"
      subtitle={serviceName}
      tabs={<CertificatesTabs />}
      canWrite={canWrite}
      readOnlyNotice="You have read-only access to this service: you can list certificates but not add, replace, refresh or delete them."
      createCommands={
        <ToolbarButton icon={<AddRegular />} disabled={!canWrite} onClick={() => setPane({ kind: 'add' })}>
          Add
        </ToolbarButton>
      }
      onRefresh={() => void refetch()}
      filterFields={
        <>
          <Field label="Search">
            <SearchBox
              className={styles.search}
              placeholder="Id, subject or thumbprint"
              aria-label="Search certificates by id, subject or thumbprint"
              value={search}
              onChange={(_, d) => setSearch(d.value)}
            />
          </Field>
          <Field label="Expires before" validationMessage={filterProblem ?? undefined}>
            <Input type="date" value={expiresBefore} onChange={(_, d) => setExpiresBefore(d.value)} />
          </Field>
        </>
      }
      count={
        data && (
          <>
            {interim
              ? `Searching… ${formatCount(rows.length)} loaded match${rows.length === 1 ? '' : 'es'}`
              : `${filtered ? 'Found ' : ''}${formatCount(total)} certificate${total === 1 ? '' : 's'}`}
            {!interim && rows.length < total ? ` (${formatCount(rows.length)} loaded; scroll for more)` : ''}
          </>
        )
      }
      reloading={isFetching && !isPending && !isFetchingNextPage ? 'Loading' : undefined}
      loading={isPending ? 'Loading certificates…' : undefined}
      error={error}
      empty={
        data && rows.length === 0
          ? filtered
            ? { title: 'No certificate matches', text: 'Change the search or the expiry date.' }
            : {
                title: 'No certificates',
                text: 'Add a .pfx file, or reference a certificate in Key Vault, for this service to present to backends that ask for a client certificate.',
              }
          : undefined
      }
    >
      {data && rows.length > 0 && (
        <CertificatesGrid
          rows={rows}
          total={total}
          hasNextPage={!interim && hasNextPage}
          isFetchingNextPage={isFetchingNextPage}
          fetchNextPage={loadMore}
          loadAll={loadAll}
          actions={actions}
        />
      )}
      {pane.kind === 'details' && (
        <CertificateDetailsPane
          service={service}
          id={pane.id}
          canWrite={canWrite === true}
          refreshing={refresh.isPending}
          onReplace={() => setPane({ kind: 'replace', id: pane.id })}
          onDelete={() => setDeleting(pane.id)}
          onRefresh={() => void refreshSecret(pane.id)}
          onClose={() => setPane({ kind: 'none' })}
        />
      )}
      {(pane.kind === 'add' || pane.kind === 'replace') && (
        <CertificateEditorPane
          key={pane.kind === 'replace' ? `replace:${pane.id}` : 'add'}
          service={service}
          mode={pane.kind === 'replace' ? { kind: 'replace', id: pane.id } : { kind: 'add' }}
          onClose={() => setPane({ kind: 'none' })}
        />
      )}
      {deleting && (
        <DeleteCertificateDialog
          service={service}
          id={deleting}
          onDone={(deleted) => {
            setDeleting(null);
            if (deleted) setPane({ kind: 'none' });
          }}
        />
      )}
    </GridBlade>
  );
}
