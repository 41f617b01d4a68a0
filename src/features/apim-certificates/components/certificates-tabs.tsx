import { Tab, TabList } from '@fluentui/react-components';
import { useSearchParams } from 'react-router';

export type CertificatesTab = 'certificates' | 'ca';

/** Which tab of the service's certificates page is shown: in the URL, so a link (and Back) lands on it. */
export function useCertificatesTab(): CertificatesTab {
  const [params] = useSearchParams();
  return params.get('tab') === 'ca' ? 'ca' : 'certificates';
}

/** The portal's two tabs: the service's own certificates, and the CA certificates its gateway trusts. */
export function CertificatesTabs() {
  const [params, setParams] = useSearchParams();
  const selected = useCertificatesTab();
  return (
    <TabList
      aria-label="Certificate kinds"
      selectedValue={selected}
      onTabSelect={(_, d) => {
        const next = new URLSearchParams(params);
        if (d.value === 'ca') next.set('tab', 'ca');
        else next.delete('tab');
        setParams(next);
      }}
    >
      <Tab value="certificates">Certificates</Tab>
      <Tab value="ca">CA certificates</Tab>
    </TabList>
  );
}
