import { Blade } from '../../../components/blade';
import { Unfinished } from '../../../components/unfinished';

export function ApimServiceOverview() {
  return (
    <Blade title="API Management service">
      <Unfinished issue={8} />
    </Blade>
  );
}
