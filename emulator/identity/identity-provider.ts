import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getSetting, putSetting, type Db } from '../store/database.ts';
import { readBody } from '../common/http.ts';
import type { SigningKeys } from './signing-keys.ts';
import { sqliteAdapterFactory } from './sqlite-adapter.ts';
import { loginPage, signedOutPage, signOutPage } from './login-page.ts';
import { clientErrorStatus, guardIdentityResponse, identityPageHeaders, interactionErrorPage, tokenBodyTooLarge } from './identity-page-guard.ts';
import { APP_CLIENT_ID, ARM_AUDIENCE, ARM_SCOPE, ASM_AUDIENCE, ASM_SCOPE, DEMO_SERVICE_PRINCIPAL, DEMO_USERS, findUser, TENANT_ID } from './directory.ts';

export interface IdentityOptions {
  db: Db;
  origin: string;
  keys: SigningKeys;
  /** Origins the SPA may be served from (the emulator's own, a Vite dev server...). */
  appOrigins: string[];
  accessTokenTtlSeconds?: number;
}

export interface IdentityProvider {
  issuer: string;
  /** The authority MSAL is configured with (Entra-shaped: https://host/{tenant}). */
  authority: string;
  owns(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

const resources = [
  { audience: ARM_AUDIENCE, scopes: [ARM_SCOPE, `${ARM_AUDIENCE}.default`] },
  { audience: ASM_AUDIENCE, scopes: [ASM_SCOPE, `${ASM_AUDIENCE}.default`] },
];

/** Scopes named in this request, wherever the grant put them (authorization_code strips `scope`). */
function requestedScopes(ctx: KoaContextWithOIDC): string[] {
  const fromParams = String(ctx.oidc.params?.scope ?? '');
  const body = (ctx.req as unknown as { body?: Record<string, unknown> }).body;
  const fromBody = typeof body?.scope === 'string' ? body.scope : '';
  return `${fromParams} ${fromBody}`.split(/\s+/).filter(Boolean);
}

function resourcesFor(scopes: string[]): string[] {
  return resources.filter((r) => scopes.some((s) => s.startsWith(r.audience))).map((r) => r.audience);
}

/** oidc-provider's own limit for a form body. */
const TOKEN_FORM_BYTES = 56 * 1024;

/** What Azure tools read from an ARM token besides the OIDC basics: its version, and a not-before. */
const v1Claims = () => ({ ver: '1.0', nbf: Math.floor(Date.now() / 1000) });

export async function createIdentityProvider(options: IdentityOptions): Promise<IdentityProvider> {
  const prefix = `/${TENANT_ID}/v2.0`;
  const issuer = `${options.origin}${prefix}`;
  let cookieKey = getSetting(options.db, 'identity.cookieKey');
  if (!cookieKey) {
    cookieKey = randomBytes(32).toString('base64url');
    putSetting(options.db, 'identity.cookieKey', cookieKey);
  }
  const appOrigins = [...new Set([options.origin, ...options.appOrigins])];
  const pageHeaders = identityPageHeaders(appOrigins);

  const configuration: Configuration = {
    adapter: sqliteAdapterFactory(options.db),
    clients: [
      {
        client_id: APP_CLIENT_ID,
        client_name: 'certportal',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: appOrigins.flatMap((o) => [`${o}/`, `${o}/redirect.html`]),
        post_logout_redirect_uris: appOrigins.map((o) => `${o}/`),
      },
      {
        client_id: DEMO_SERVICE_PRINCIPAL.clientId,
        client_secret: DEMO_SERVICE_PRINCIPAL.clientSecret,
        client_name: DEMO_SERVICE_PRINCIPAL.name,
        grant_types: ['client_credentials', 'password'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [options.keys.privateJwk as never] },
    cookies: { keys: [cookieKey] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'oid', 'tid'], email: ['email'] },
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => {
      const user = DEMO_USERS.find((u) => u.oid === sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, oid: user.oid, tid: TENANT_ID, name: user.name, preferred_username: user.upn, email: user.upn }),
      };
    },
    interactions: { url: (_ctx, interaction) => `${prefix}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = signOutPage(form, ctx.host);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        // MSAL asks by scope, never with `resource`: derive the audience from the scopes, as Entra does.
        defaultResource: async (ctx, _client, oneOf) => {
          const wanted = resourcesFor(requestedScopes(ctx));
          if (oneOf) return wanted.find((r) => oneOf.includes(r)) ?? oneOf[0];
          if (wanted.length === 0) return undefined as unknown as string;
          return wanted.length === 1 ? wanted[0] : wanted;
        },
        getResourceServerInfo: async (_ctx, indicator) => {
          const resource = resources.find((r) => r.audience === indicator);
          if (!resource) throw new Error(`unknown resource ${indicator}`);
          return {
            scope: resource.scopes.join(' '),
            audience: resource.audience,
            accessTokenTTL: options.accessTokenTtlSeconds ?? 3600,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
        // Without this the provider quietly issues an opaque userinfo token that MSAL never caches.
        useGrantedResource: async () => true,
      },
    },
    // Entra's refresh tokens are issued without `offline_access` consent prompts and cover every resource.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) {
        const grant = await ctx.oidc.provider.Grant.find(grantId);
        if (grant) return grant;
      }
      // certportal is a first-party app of this tenant: consent is implied, for both APIs at once.
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid profile email offline_access');
      for (const r of resources) grant.addResourceScope(r.audience, r.scopes.join(' '));
      await grant.save();
      return grant;
    },
    extraTokenClaims: async (ctx, token) => {
      if (token.kind === 'ClientCredentials') {
        return {
          tid: TENANT_ID,
          oid: DEMO_SERVICE_PRINCIPAL.oid,
          sub: DEMO_SERVICE_PRINCIPAL.oid,
          idtyp: 'app',
          appid: token.clientId,
          name: DEMO_SERVICE_PRINCIPAL.name,
          ...v1Claims(),
          roles: [],
        };
      }
      if (token.kind === 'AccessToken' && 'accountId' in token) {
        const user = DEMO_USERS.find((u) => u.oid === token.accountId);
        if (!user) return undefined;
        return {
          tid: TENANT_ID,
          oid: user.oid,
          name: user.name,
          upn: user.upn,
          preferred_username: user.upn,
          scp: 'user_impersonation',
          azp: ctx.oidc.client?.clientId,
          appid: ctx.oidc.client?.clientId,
          unique_name: user.upn,
          ...v1Claims(),
        };
      }
      return undefined;
    },
    // MSAL sends client_info=1 to ask for it; accept the parameter (the answer is added in a middleware below).
    extraParams: ['client_info'],
    ttl: {
      AccessToken: options.accessTokenTtlSeconds ?? 3600,
      AuthorizationCode: 300,
      IdToken: 3600,
      RefreshToken: 14 * 86_400,
      Interaction: 3600,
      Session: 14 * 86_400,
      Grant: 14 * 86_400,
      ClientCredentials: options.accessTokenTtlSeconds ?? 3600,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      const text = Object.entries(out)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('\n')
        .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><main><h1>Sign-in error</h1><pre>${text}</pre></main></body></html>`;
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  registerPasswordGrant(provider, options.accessTokenTtlSeconds ?? 3600);
  // Entra adds client_info (uid = object id, utid = tenant id) to token responses; MSAL keys its accounts
  // on it (homeAccountId "oid.tid"), as it does against the real service.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as Record<string, unknown> | undefined;
    const accountId = (ctx.oidc as { entities?: { Account?: { accountId: string } } } | undefined)?.entities?.Account?.accountId;
    if (ctx.path === '/token' && ctx.status === 200 && body && typeof body === 'object' && accountId && 'id_token' in body) {
      body.client_info = Buffer.from(JSON.stringify({ uid: accountId, utid: TENANT_ID })).toString('base64url');
    }
  });
  const callback = provider.callback();

  async function handleInteraction(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const html = (status: number, body: string) => res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
    const details = await provider.interactionDetails(req, res);
    const action = `${prefix}/interaction/${details.uid}/login`;
    if (req.method === 'GET') {
      html(200, loginPage(action));
      return;
    }
    if (req.method === 'POST' && pathname.endsWith('/login')) {
      const form = new URLSearchParams((await readBody(req, 16 * 1024)).toString('utf8'));
      const username = form.get('username') ?? '';
      const user = findUser(username.trim());
      if (!user || form.get('password') !== user.password) {
        html(200, loginPage(action, "That username and password don't match a demo account. The accounts and passwords are listed below.", username));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: user.oid } }, { mergeWithLastSubmission: false });
      return;
    }
    html(405, 'Method not allowed');
  }

  return {
    issuer,
    authority: `${options.origin}/${TENANT_ID}`,
    owns: (pathname) => pathname === prefix || pathname.startsWith(`${prefix}/`),
    async handle(req, res, pathname) {
      guardIdentityResponse(res, pageHeaders);
      if (pathname.startsWith(`${prefix}/interaction/`)) {
        try {
          await handleInteraction(req, res, pathname);
        } catch (error) {
          // An unknown or expired interaction id, or a form over its limit: the caller's mistake, a 4xx page.
          const status = clientErrorStatus(error);
          if (status === undefined || res.headersSent) throw error;
          interactionErrorPage(res, status, status === 413 ? 'The sign-in form is too large.' : 'This sign-in is unknown or has expired.');
        }
        return;
      }
      if (
        req.method === 'POST' &&
        pathname === `${prefix}/token` &&
        String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
      ) {
        // Read the form here (oidc-provider takes an upstream-parsed body) to keep the requested scopes, and
        // because Entra treats offline_access as implied: MSAL asks for it on refresh, and a refresh token
        // issued without a consent prompt does not list it.
        let raw: Buffer;
        try {
          raw = await readBody(req, TOKEN_FORM_BYTES);
        } catch (error) {
          if (clientErrorStatus(error) !== 413) throw error;
          tokenBodyTooLarge(res, TOKEN_FORM_BYTES);
          return;
        }
        const form = new URLSearchParams(raw.toString('utf8'));
        if (form.get('grant_type') === 'refresh_token' && form.has('scope')) {
          form.set(
            'scope',
            (form.get('scope') ?? '')
              .split(/\s+/)
              .filter((s) => s && s !== 'offline_access')
              .join(' '),
          );
        }
        (req as IncomingMessage & { body?: Record<string, string> }).body = Object.fromEntries(form);
      }
      const original = req.url ?? '/';
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = original;
      req.url = original.slice(prefix.length) || '/';
      await callback(req, res);
    },
  };
}

/**
 * Entra's resource-owner password grant (ROPC), for scripts only: `npm run emulator -- token --user bob`
 * gets a demo user's token without a browser. The app never uses it.
 */
function registerPasswordGrant(provider: Provider, ttl: number): void {
  provider.registerGrantType(
    'password',
    async (ctx) => {
      const params = ctx.oidc.params as Record<string, string | undefined>;
      const user = findUser(params.username ?? '');
      if (!user || params.password !== user.password) {
        ctx.status = 400;
        ctx.body = { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' };
        return;
      }
      const scopes = String(params.scope ?? '')
        .split(/\s+/)
        .filter(Boolean);
      const resource = resources.find((r) => scopes.some((s) => s.startsWith(r.audience))) ?? resources[0];
      const grant = new provider.Grant({ accountId: user.oid, clientId: ctx.oidc.client!.clientId });
      grant.addResourceScope(resource.audience, resource.scopes.join(' '));
      const grantId = await grant.save();
      const token = new provider.AccessToken({ accountId: user.oid, client: ctx.oidc.client!, grantId, gty: 'password', scope: resource.scopes[0] });
      token.resourceServer = new provider.ResourceServer(resource.audience, {
        scope: resource.scopes.join(' '),
        audience: resource.audience,
        accessTokenTTL: ttl,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      });
      const value = await token.save();
      ctx.body = { access_token: value, token_type: 'Bearer', expires_in: token.expiration, scope: token.scope };
    },
    ['username', 'password', 'scope'],
  );
}
