import { useParams } from 'react-router';
import { ResourceMenuLayout } from '../../../components/resource-menu-layout';

export function ApimServiceBlade() {
  const { subscriptionId = '', resourceGroup = '', serviceName = '' } = useParams();
  const base = `/apim/${subscriptionId}/${encodeURIComponent(resourceGroup)}/${encodeURIComponent(serviceName)}`;
  return (
    <ResourceMenuLayout
      title={serviceName}
      menuLabel="API Management service menu"
      items={[
        { to: base, label: 'Overview', end: true },
        { to: `${base}/certificates`, label: 'Certificates' },
        { to: `${base}/management-api`, label: 'Management API' },
      ]}
    />
  );
}
