import { Blade } from '../../../components/blade';
import { Unfinished } from '../../../components/unfinished';

export function ApimServicesBlade() {
  return (
    <Blade title="API Management services">
      <Unfinished issue={8} />
    </Blade>
  );
}
