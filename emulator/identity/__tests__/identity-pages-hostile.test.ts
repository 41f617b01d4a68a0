import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startTestEmulator, type TestEmulator } from '../../test-support/test-emulator.ts';
import { APP_CLIENT_ID, TENANT_ID } from '../directory.ts';
import { DEMO_USERS } from '../../seed/demo-ids.ts';

/**
 * Issue 13, findings 4 and 5: the identity provider's own pages (error pages, /session/end, the sign-in
 * interaction) carried no Content-Security-Policy and no frame-ancestors; an unknown interaction id and a 200 KB
 * token request answered 500.
 */

let emulator: TestEmulator;
let base: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  base = `${emulator.url}${TENANT_ID}/v2.0`;
});
afterAll(() => emulator.close());

/** A minimal cookie jar: the sign-in flow is a chain of redirects that each set cookies. */
class Jar {
  private cookies = new Map<string, string>();
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }
}

function expectPageHeaders(res: Response): string {
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const csp = res.headers.get('content-security-policy') ?? '';
  const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  return csp;
}

const authorizeUrl = () => {
  const params = new URLSearchParams({
    client_id: APP_CLIENT_ID,
    response_type: 'code',
    redirect_uri: emulator.url,
    scope: 'openid profile',
    code_challenge: createHash('sha256').update('a-verifier-long-enough-for-pkce-0123456789abcdef').digest('base64url'),
    code_challenge_method: 'S256',
    state: 'state',
    nonce: 'nonce',
  });
  return `${base}/auth?${params}`;
};

describe('the identity provider pages carry the security headers', () => {
  it('sign-in page, end-session confirmation (signed in), error page', async () => {
    const jar = new Jar();
    const started = await jar.fetch(authorizeUrl());
    expect(started.status).toBe(303);
    const interaction = new URL(started.headers.get('location')!, emulator.url).href;
    const login = await jar.fetch(interaction);
    expect(login.status).toBe(200);
    expectPageHeaders(login);
    expect(await login.text()).toContain('<h1>Sign in</h1>');

    const alice = DEMO_USERS.find((user) => user.username === 'alice')!;
    const posted = await jar.fetch(`${interaction}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: alice.upn, password: alice.password }).toString(),
    });
    expect(posted.status).toBe(303);
    const resumed = await jar.fetch(new URL(posted.headers.get('location')!, emulator.url).href);
    expect(resumed.status).toBe(303);
    expect(resumed.headers.get('location')).toContain('code=');

    const signOut = await jar.fetch(`${base}/session/end`);
    expect(signOut.status).toBe(200);
    expectPageHeaders(signOut);
    expect(await signOut.text()).toContain('<h1>Sign out</h1>');

    const error = await fetch(`${base}/auth?client_id=no-such-client&response_type=code`);
    expect(error.status).toBe(400);
    expectPageHeaders(error);
  });

  it('/session/end without a session: its auto-submit script runs by hash, nothing else inline', async () => {
    const res = await fetch(`${base}/session/end`);
    expect(res.status).toBe(200);
    const csp = expectPageHeaders(res);
    const script = /<script>([\s\S]*?)<\/script>/.exec(await res.text())?.[1];
    expect(script).toBeDefined();
    expect(csp).toContain(`'sha256-${createHash('sha256').update(script!).digest('base64')}'`);
  });
});

describe('bad input to the identity provider is a 4xx, never a 500', () => {
  it('an unknown interaction id: a 400 HTML page with the headers', async () => {
    for (const path of ['/interaction/no-such-interaction', '/interaction/no-such-interaction/login']) {
      const res = await fetch(`${base}${path}`, path.endsWith('/login') ? { method: 'POST', body: 'username=a&password=b' } : {});
      expect(res.status, path).toBe(400);
      expectPageHeaders(res);
      expect(await res.text()).toContain('This sign-in is unknown or has expired.');
    }
  });

  it('a 200 KB token request: 413 with an OAuth invalid_request body', async () => {
    const res = await fetch(`${base}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&padding=${'a'.repeat(200 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('larger than') });
  });
});
