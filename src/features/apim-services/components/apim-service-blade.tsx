import { Outlet } from 'react-router';

export function ApimServiceBlade() {
  return <Outlet />;
}
