import { Blade } from '../../components/blade';

export function NotFound() {
  return (
    <Blade title="Not found">
      <p>There is no blade at this address. Use the menu on the left.</p>
    </Blade>
  );
}
