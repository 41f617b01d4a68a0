import { Blade } from '../../../components/blade';
import { Unfinished } from '../../../components/unfinished';

export function ApimCertificatesBlade() {
  return (
    <Blade title="Certificates">
      <Unfinished issue={8} />
    </Blade>
  );
}
