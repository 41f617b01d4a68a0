import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { EventType, type AuthenticationResult } from '@azure/msal-browser';
import type { RuntimeConfig } from '../lib/runtime-config';
import { createMsal } from '../lib/auth';
import { App } from './app';

export async function bootstrap(root: Root, config: RuntimeConfig): Promise<void> {
  const msal = createMsal(config);
  await msal.initialize();
  msal.addEventCallback((event) => {
    if (event.eventType === EventType.LOGIN_SUCCESS && event.payload) {
      msal.setActiveAccount((event.payload as AuthenticationResult).account);
    }
  });
  const result = await msal.handleRedirectPromise();
  if (result?.account) msal.setActiveAccount(result.account);
  else if (!msal.getActiveAccount() && msal.getAllAccounts().length > 0) msal.setActiveAccount(msal.getAllAccounts()[0]);
  root.render(
    <StrictMode>
      <App msal={msal} config={config} />
    </StrictMode>,
  );
}
