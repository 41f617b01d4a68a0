import { Field, Input, makeStyles, Spinner, Switch } from '@fluentui/react-components';
import { useParams } from 'react-router';
import { Blade } from '../../../components/blade';
import { ErrorPanel } from '../../../components/error-panel';
import { useApimService } from '../../../lib/azure/apim-service';
import { useCanWrite } from '../../../lib/permissions';
import { useSetTenantAccessEnabled, useTenantAccess } from '../api/tenant-access';
import { AccessKeys } from './access-keys';
import { CopyButton } from './copy-button';
import { TokenGenerator } from './token-generator';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', alignItems: 'end', maxWidth: '40rem' },
  grow: { flex: 1, minWidth: 0 },
  mono: { fontFamily: 'monospace', width: '100%' },
});

/** The classic portal's "Management API" page: the switch, the identifier and base URL, the keys, a token maker. */
export function ManagementApiPage() {
  const styles = useStyles();
  const { subscriptionId = '', resourceGroup = '', serviceName = '' } = useParams();
  const ref = { subscriptionId, resourceGroup, serviceName };
  const service = useApimService(ref);
  const access = useTenantAccess(ref);
  const setEnabled = useSetTenantAccessEnabled(ref);
  const canWrite = useCanWrite(subscriptionId, 'Microsoft.ApiManagement/service/tenant/write') === true;
  const baseUrl = service.data?.properties.managementApiUrl ?? '';

  return (
    <Blade title="Management API" subtitle={serviceName}>
      {access.isPending && <Spinner label="Loading the management API settings…" />}
      {access.error && <ErrorPanel error={access.error} onRetry={() => void access.refetch()} />}
      {access.data && (
        <>
          <Switch
            label="Enable API Management REST API"
            checked={access.data.enabled}
            disabled={!canWrite || setEnabled.isPending}
            onChange={(_, d) => setEnabled.mutate({ enabled: d.checked, etag: access.data.etag })}
          />
          {setEnabled.error && <ErrorPanel title="Could not change the setting" error={setEnabled.error} />}
          <div className={styles.row}>
            <Field label="Identifier" className={styles.grow}>
              <Input className={styles.mono} readOnly value={access.data.identifier} />
            </Field>
            <CopyButton label="Identifier" value={access.data.identifier} />
          </div>
          <div className={styles.row}>
            <Field label="Management API URL" className={styles.grow}>
              <Input className={styles.mono} readOnly value={baseUrl} />
            </Field>
            <CopyButton label="Management API URL" value={baseUrl} disabled={!baseUrl} />
          </div>
          <AccessKeys service={ref} canWrite={canWrite} />
          <TokenGenerator service={ref} identifier={access.data.identifier} baseUrl={baseUrl} canWrite={canWrite} />
        </>
      )}
    </Blade>
  );
}
