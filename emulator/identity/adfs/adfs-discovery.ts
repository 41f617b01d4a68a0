/** Where everything of the AD FS-style authority lives, below `{origin}/adfs`. */
export interface AdfsEndpoints {
  issuer: string;
  authorization: string;
  token: string;
  jwks: string;
}

export function adfsEndpoints(origin: string): AdfsEndpoints {
  const issuer = `${origin}/adfs`;
  return { issuer, authorization: `${issuer}/oauth2/authorize`, token: `${issuer}/oauth2/token`, jwks: `${issuer}/discovery/keys` };
}

/** The OpenID configuration AD FS publishes at `/adfs/.well-known/openid-configuration`; MSAL Python reads only the endpoints. */
export function adfsOpenIdConfiguration(endpoints: AdfsEndpoints) {
  return {
    issuer: endpoints.issuer,
    authorization_endpoint: endpoints.authorization,
    token_endpoint: endpoints.token,
    jwks_uri: endpoints.jwks,
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'form_post'],
    grant_types_supported: ['client_credentials', 'password', 'refresh_token'],
    subject_types_supported: ['pairwise'],
    scopes_supported: ['openid', 'profile', 'offline_access', 'user_impersonation'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post'],
    access_token_issuer: endpoints.issuer,
  };
}
