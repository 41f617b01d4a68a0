import { Blade } from '../../../components/blade';
import { Unfinished } from '../../../components/unfinished';

export function ManagementCertificatesBlade() {
  return (
    <Blade title="Management certificates">
      <Unfinished issue={7} />
    </Blade>
  );
}
