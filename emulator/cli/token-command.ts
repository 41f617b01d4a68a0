import { parseArgs } from 'node:util';
import { DEMO_SERVICE_PRINCIPAL, DEMO_USERS, TENANT_ID } from '../identity/directory.ts';
import { ARM_AUDIENCE } from '../identity/directory.ts';

/**
 * `token`: the client-credentials grant for the demo service principal, or (with --user) a demo user's
 * token through the resource-owner flow the emulator offers scripts. Prints the raw access token.
 */
export async function printToken(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      resource: { type: 'string', default: ARM_AUDIENCE },
      user: { type: 'string' },
    },
  });
  if (!values.url) throw new Error('--url is required (the URL the emulator printed).');
  const base = values.url.replace(/\/+$/, '');
  const resource = values.resource.endsWith('/') ? values.resource : `${values.resource}/`;
  const tokenEndpoint = `${base}/${TENANT_ID}/v2.0/token`;
  const form = new URLSearchParams({ scope: `${resource}.default`, resource });
  if (values.user) {
    const user = DEMO_USERS.find((u) => u.username === values.user || u.upn === values.user);
    if (!user) throw new Error(`unknown demo user '${values.user}': one of ${DEMO_USERS.map((u) => u.username).join(', ')}`);
    form.set('grant_type', 'urn:certportal:demo-user');
    form.set('username', user.username);
    form.set('password', user.password);
  } else {
    form.set('grant_type', 'client_credentials');
  }
  form.set('client_id', DEMO_SERVICE_PRINCIPAL.clientId);
  form.set('client_secret', DEMO_SERVICE_PRINCIPAL.clientSecret);
  const response = await fetch(tokenEndpoint, { method: 'POST', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`the token endpoint answered ${response.status}: ${body.error ?? ''} ${body.error_description ?? ''}`);
  process.stdout.write(`${body.access_token}\n`);
}
