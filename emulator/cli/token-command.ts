import { parseArgs } from 'node:util';
import { request } from 'node:https';
import { existsSync, readFileSync } from 'node:fs';
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
      ca: { type: 'string', default: '.certportal/tls/ca.pem' },
    },
  });
  if (!values.url) throw new Error('--url is required (the URL the emulator printed).');
  const base = values.url.replace(/\/+$/, '');
  const resource = values.resource.endsWith('/') ? values.resource : `${values.resource}/`;
  const tokenEndpoint = `${base}/${TENANT_ID}/v2.0/token`;
  const form = new URLSearchParams({ scope: `${resource}.default` });
  if (values.user) {
    const user = DEMO_USERS.find((u) => u.username === values.user || u.upn === values.user);
    if (!user) throw new Error(`unknown demo user '${values.user}': one of ${DEMO_USERS.map((u) => u.username).join(', ')}`);
    form.set('grant_type', 'password');
    form.set('username', user.username);
    form.set('password', user.password);
  } else {
    form.set('grant_type', 'client_credentials');
  }
  form.set('client_id', DEMO_SERVICE_PRINCIPAL.clientId);
  form.set('client_secret', DEMO_SERVICE_PRINCIPAL.clientSecret);
  // Trust the emulator's own CA (not every CA), as NODE_EXTRA_CA_CERTS would.
  const ca = existsSync(values.ca) ? readFileSync(values.ca, 'utf8') : undefined;
  const { status, text } = await post(tokenEndpoint, form.toString(), ca);
  let body: { access_token?: string; error?: string; error_description?: string } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    /* reported below */
  }
  if (status !== 200 || !body.access_token)
    throw new Error(`the token endpoint answered ${status}: ${body.error ?? text.slice(0, 200)} ${body.error_description ?? ''}`);
  process.stdout.write(`${body.access_token}\n`);
}

function post(url: string, body: string, ca: string | undefined): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const req = request(
      url,
      { method: 'POST', ca, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', (error) => fail(new Error(`cannot reach ${url}: ${error.message} (pass --ca with the emulator's CA certificate if it lives elsewhere)`)));
    req.end(body);
  });
}
