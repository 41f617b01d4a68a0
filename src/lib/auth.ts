import {
  BrowserCacheLocation,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { RuntimeConfig } from './runtime-config';

export const ARM_SCOPE = 'https://management.azure.com/user_impersonation';
// The Service Management resource ends in a slash, so its scope has two: Azure's own quirk.
export const ASM_SCOPE = 'https://management.core.windows.net//user_impersonation';

export type Audience = 'arm' | 'asm';
const scopeOf: Record<Audience, string> = { arm: ARM_SCOPE, asm: ASM_SCOPE };

export function createMsal(config: RuntimeConfig): PublicClientApplication {
  const origin = window.location.origin;
  return new PublicClientApplication({
    auth: {
      clientId: config.auth.clientId,
      authority: config.auth.authority,
      knownAuthorities: config.auth.knownAuthorities,
      redirectUri: `${origin}/`,
      postLogoutRedirectUri: `${origin}/`,
    },
    // Tokens stay in MSAL's session cache: gone when the tab closes, never in localStorage.
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
  });
}

/** Sign-in asks for both APIs at once, so one refresh token serves ARM and Service Management. */
export const loginRequest = { scopes: [ARM_SCOPE], extraScopesToConsent: [ASM_SCOPE] };

export function activeAccount(msal: IPublicClientApplication): AccountInfo | null {
  return msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null;
}

/** A token for the API's audience: from the cache or a refresh token first, a redirect only when it must. */
export async function getAccessToken(msal: IPublicClientApplication, audience: Audience): Promise<string> {
  const account = activeAccount(msal);
  const scopes = [scopeOf[audience]];
  if (!account) {
    await msal.loginRedirect({ ...loginRequest, redirectStartPage: window.location.href });
    throw new Error('Signing in…');
  }
  try {
    const result = await msal.acquireTokenSilent({ scopes, account, redirectUri: `${window.location.origin}/redirect.html` });
    return result.accessToken;
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError) {
      await msal.acquireTokenRedirect({ scopes, account });
      throw new Error('Signing in again…');
    }
    throw error;
  }
}
