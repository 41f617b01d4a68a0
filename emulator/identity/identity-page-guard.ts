/// <reference types="node" />
import type { ServerResponse } from 'node:http';
import { BodyTooLarge } from '../common/http.ts';
import { OAuthError } from './adfs/oauth-error.ts';

/**
 * What every response of the identity provider carries, its own HTML pages above all (sign-in, end-session,
 * error pages): nothing inline runs but what oidc-provider itself hashes into the policy (the end-session and
 * form_post auto-submit script: oidc-provider appends its sha256 to `script-src` when a policy is already set),
 * no page may be framed (sign-in in a frame is clickjacking), no sniffing, no Referer carrying codes or states.
 */
export function identityPageHeaders(appOrigins: readonly string[]): Record<string, string> {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    // The pages' own <style>; no script can be injected through a style.
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    // Sign-in forms post here, and the authorization response (form_post, or a redirect after the form) goes to the app.
    `form-action 'self' ${appOrigins.join(' ')}`.trim(),
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
}

/**
 * Sets the headers on `res` now, so that oidc-provider finds the policy and adds its script hashes, and again
 * when the head is written if something removed them: Koa's error handler clears every header before an error page.
 */
export function guardIdentityResponse(res: ServerResponse, headers: Record<string, string>): void {
  const ensure = () => {
    for (const [name, value] of Object.entries(headers)) if (!res.hasHeader(name)) res.setHeader(name, value);
  };
  ensure();
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    ensure();
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A short HTML page for a sign-in step that cannot go on (unknown or expired interaction, a form too large). */
export function interactionErrorPage(res: ServerResponse, status: number, message: string): void {
  const body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><main><h1>Sign-in error</h1><p>${escape(message)}</p><p>Start again from the app.</p></main></body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
}

/** oidc-provider's errors carry the status they mean (SessionNotFound: 400); anything else is ours to rethrow. */
export function clientErrorStatus(error: unknown): number | undefined {
  if (error instanceof BodyTooLarge) return 413;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** The token endpoint's answer to a form over its size limit, in the OAuth error body (Entra's shape). */
export function tokenBodyTooLarge(res: ServerResponse, limit: number): void {
  const body = JSON.stringify(new OAuthError(413, 'invalid_request', `The request body is larger than ${limit} bytes.`).toBody());
  res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
}
