import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/sign-in';
import { tempPath } from './support/openssl';
import { APIM_DEMO, DEMO_SERVICE_PRINCIPAL, DEMO_SUBSCRIPTIONS, DEMO_TENANT_ID } from '../emulator/seed/demo-ids.ts';

/**
 * Browser safety (issue 9, reliability 5).
 * Protections checked: React's text rendering (no dangerouslySetInnerHTML / innerHTML for certificate
 * fields) in every grid, pane and toast, and the Content-Security-Policy the emulator serves the app with
 * (emulator/app-host/serve-app.ts): scripts from 'self' only. Remove either and a test here fails: an
 * HTML-rendered subject fires the `onerror` alert (a dialog event) or adds an <img src=x>/<script> element,
 * and a policy with 'unsafe-inline' or 'unsafe-eval' (or none) fails the header checks.
 */

const PRODUCTION = DEMO_SUBSCRIPTIONS.production.id;
const DEVELOPMENT = DEMO_SUBSCRIPTIONS.development.id;
const TENANT = DEMO_TENANT_ID;
const { resourceGroup: DEV_GROUP, service: DEV_SERVICE } = APIM_DEMO.development;
const HOSTILE_CN = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const HOSTILE_O = '<b>bold</b> & "quoted" \'single\'';

test.describe.configure({ mode: 'serial' });

/** A self-signed certificate whose subject is HTML and script text; `/` inside a value is escaped for -subj. */
function makeHostileCertificate(name: string): { cerPath: string; sha1: string } {
  const key = tempPath(`${name}.key`);
  const pem = tempPath(`${name}.pem`);
  const cer = tempPath(`${name}.cer`);
  const escape = (value: string) => value.replace(/\//g, '\\/');
  execFileSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    pem,
    '-days',
    '365',
    '-subj',
    `/CN=${escape(HOSTILE_CN)}/O=${escape(HOSTILE_O)}`,
    '-addext',
    'extendedKeyUsage=clientAuth',
  ]);
  execFileSync('openssl', ['x509', '-in', pem, '-outform', 'DER', '-out', cer]);
  const sha1 = execFileSync('openssl', ['x509', '-in', pem, '-noout', '-fingerprint', '-sha1'], { encoding: 'utf8' }).trim().split('=')[1].replace(/:/g, '');
  const subject = execFileSync('openssl', ['x509', '-in', pem, '-noout', '-subject', '-nameopt', 'sep_comma_plus,utf8'], { encoding: 'utf8' });
  if (!subject.includes('<script>alert(2)<')) throw new Error(`openssl did not keep the subject as written: ${subject}`);
  return { cerPath: cer, sha1 };
}

/** Every alert/confirm/prompt the page opens, and every CSP violation Chromium reports. */
function watch(page: Page): { dialogs: string[]; cspViolations: string[] } {
  const seen = { dialogs: [] as string[], cspViolations: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.cspViolations.push(message.text());
  });
  return seen;
}

/** No element was made from the subject's markup. */
async function expectNoInjectedMarkup(page: Page): Promise<void> {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('script:text("alert(2)")').count()).toBe(0);
  expect(await page.locator('b:text-is("bold")').count()).toBe(0);
}

test('a management certificate whose subject is HTML and script renders as text: upload preview, toast, grid, delete confirmation', async ({ page }) => {
  const seen = watch(page);
  const cert = makeHostileCertificate('hostile-subject');
  await signIn(page, 'alice');
  await page.getByRole('link', { name: 'Subscriptions' }).click();
  await page.getByRole('link', { name: 'Contoso Production' }).click();
  await page.getByRole('link', { name: 'Management certificates' }).click();
  await expect(page.getByRole('grid', { name: 'Management certificates' })).toBeVisible();

  // upload preview (the pane)
  await page.getByRole('button', { name: 'Upload' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload a management certificate' });
  await page.getByLabel('Certificate file (.cer, .crt, .pem, .der)').setInputFiles(cert.cerPath);
  const preview = dialog.getByRole('region', { name: 'Certificate preview' });
  await expect(preview).toContainText(cert.sha1);
  await expect(preview).toContainText(HOSTILE_CN);
  await expect(preview).toContainText('<b>bold</b> & ');
  await expectNoInjectedMarkup(page);

  // toast
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog).toBeHidden();
  const toast = page.locator('.fui-Toast').filter({ hasText: 'Uploaded management certificate' });
  await expect(toast).toContainText(HOSTILE_CN);
  await expectNoInjectedMarkup(page);

  // grid
  const row = page.getByRole('row', { name: new RegExp(cert.sha1) });
  await expect(row).toContainText(HOSTILE_CN);
  await expectNoInjectedMarkup(page);

  // delete confirmation, then the delete toast; leaves the subscription as it was
  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete confirmation' });
  await expect(confirm).toContainText(HOSTILE_CN);
  await expectNoInjectedMarkup(page);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(cert.sha1) })).toHaveCount(0);

  expect(seen.dialogs).toEqual([]);
  expect(seen.cspViolations).toEqual([]);
});

test('an API Management certificate whose subject is HTML and script renders as text: add pane preview, toast, grid, details pane', async ({
  page,
  request,
}) => {
  const seen = watch(page);
  const cert = makeHostileCertificate('hostile-apim');
  const pfxPath = tempPath('hostile-apim.pfx');
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-in',
    cert.cerPath.replace(/\.cer$/, '.pem'),
    '-inkey',
    cert.cerPath.replace(/\.cer$/, '.key'),
    '-out',
    pfxPath,
    '-passout',
    'pass:hostile',
  ]);
  await signIn(page, 'alice');
  // The development service: the APIM spec counts certificates in the production ones, and may run alongside.
  await page.goto(`/apim/${DEVELOPMENT}/${DEV_GROUP}/${DEV_SERVICE}/certificates`);
  const grid = page.getByRole('grid', { name: 'Certificates' });
  await expect(grid).toBeVisible();

  // add pane: the in-browser preview
  await page.getByRole('button', { name: 'Add' }).click();
  const pane = page.getByRole('dialog', { name: 'Add certificate' });
  await pane.getByLabel('Id').fill('hostile-subject');
  await pane.getByLabel('Certificate file (.pfx, .p12)').setInputFiles(pfxPath);
  await pane.getByLabel('Password', { exact: true }).fill('hostile');
  await expect(pane.getByRole('region', { name: 'Certificate preview' })).toContainText(cert.sha1);
  await expect(pane.getByRole('region', { name: 'Certificate preview' })).toContainText(HOSTILE_CN);
  await expectNoInjectedMarkup(page);
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();

  // toast, with the subject as the service returns it
  await expect(page.locator('.fui-Toast').filter({ hasText: 'Added certificate' })).toContainText(HOSTILE_CN);
  await expectNoInjectedMarkup(page);

  // grid row
  const row = grid.getByRole('row', { name: /^hostile-subject\b/ });
  await expect(row).toContainText(HOSTILE_CN);
  await expectNoInjectedMarkup(page);

  // details pane: the service's fields and the parsed certificate
  await row.getByRole('button', { name: 'hostile-subject', exact: true }).click();
  const details = page.getByRole('dialog', { name: 'Certificate hostile-subject' });
  await expect(details.getByRole('region', { name: 'Parsed certificate' })).toContainText(HOSTILE_CN);
  await expect(details).toContainText(HOSTILE_CN);
  await expectNoInjectedMarkup(page);

  expect(seen.dialogs).toEqual([]);
  expect(seen.cspViolations).toEqual([]);

  // leave the service as it was
  const token = await request.post(`${process.env.CERTPORTAL_E2E_URL}${TENANT}/v2.0/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: DEMO_SERVICE_PRINCIPAL.clientId,
      client_secret: DEMO_SERVICE_PRINCIPAL.clientSecret,
      scope: 'https://management.azure.com/.default',
    },
  });
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const deleted = await request.delete(
    `${process.env.CERTPORTAL_E2E_URL}arm/subscriptions/${DEVELOPMENT}/resourceGroups/${DEV_GROUP}/providers/Microsoft.ApiManagement/service/${DEV_SERVICE}/certificates/hostile-subject?api-version=2024-05-01`,
    { headers: { Authorization: `Bearer ${accessToken}`, 'If-Match': '*' } },
  );
  expect(deleted.status()).toBe(200);
});

function scriptSources(policy: string): string[] {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name.toLowerCase(), values] as const),
  );
  // script-src-elem / -attr fall back to script-src, which falls back to default-src.
  return directives.get('script-src') ?? directives.get('default-src') ?? [];
}

test('the served app carries a Content-Security-Policy without unsafe-inline or unsafe-eval for scripts, at / and at a deep link', async ({ request }) => {
  for (const path of ['/', `/subscriptions/${PRODUCTION}/management-certificates`, '/config.json']) {
    // As a browser navigates: a deep link answers index.html only to a request that accepts HTML.
    const response = await request.get(path, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(response.status(), path).toBe(200);
    const policy = response.headers()['content-security-policy'];
    expect(policy, `${path} has a Content-Security-Policy`).toBeTruthy();
    const sources = scriptSources(policy);
    expect(sources, `${path}: script-src`).toContain("'self'");
    for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
      expect(sources, `${path}: script-src must not allow ${forbidden}`).not.toContain(forbidden);
    }
    expect(policy).toMatch(/object-src 'none'/);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  }
  // The page itself has no inline script the policy would have to allow.
  const html = await (await request.get('/')).text();
  expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
});

test('under that policy the app runs: signing in and opening a blade report no CSP violation', async ({ page }) => {
  const seen = watch(page);
  await signIn(page, 'bob');
  await page.goto(`/subscriptions/${PRODUCTION}/management-certificates`);
  await expect(page.getByRole('grid', { name: 'Management certificates' })).toBeVisible();
  expect(seen.cspViolations).toEqual([]);
  expect(seen.dialogs).toEqual([]);
});
