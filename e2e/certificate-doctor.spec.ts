import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { openCertificates } from './support/apim';
import { signIn } from './support/sign-in';
import { makeCertificate, makePfx, tempPath } from './support/openssl';

const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', cwd: join(tempPath('x'), '..') });

/** A leaf issued by an intermediate the file leaves out, with a server-only EKU: two findings the doctor must name. */
function leafWithoutIntermediate(): string {
  const at = (name: string) => tempPath(name);
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    at('doc-ca.key'),
    '-out',
    at('doc-ca.pem'),
    '-days',
    '30',
    '-subj',
    '/CN=Doctor E2E Intermediate',
    '-addext',
    'basicConstraints=critical,CA:true',
    '-addext',
    'keyUsage=critical,keyCertSign',
  );
  openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('doc-leaf.key'), '-out', at('doc-leaf.csr'), '-subj', '/CN=doctor-e2e.example.com');
  openssl(
    'x509',
    '-req',
    '-in',
    at('doc-leaf.csr'),
    '-CA',
    at('doc-ca.pem'),
    '-CAkey',
    at('doc-ca.key'),
    '-set_serial',
    '7',
    '-days',
    '30',
    '-out',
    at('doc-leaf.pem'),
  );
  return at('doc-leaf.pem');
}

test('/inspect without signing in: the doctor names the missing issuer, says nothing leaves the browser, and sends nothing', async ({ page }) => {
  const leaf = leafWithoutIntermediate();
  await page.goto('/inspect');
  await expect(page.getByRole('heading', { name: 'Inspect a certificate file', level: 1 })).toBeVisible();
  await expect(page.getByText('Nothing leaves this browser')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' || !r.url().includes('/assets/')) sent.push(`${r.method()} ${r.url()}`);
  });
  await page.getByLabel('Certificate file').setInputFiles(leaf);
  const doctor = page.getByRole('region', { name: 'Certificate doctor' });
  await expect(doctor).toContainText('leaf: CN=doctor-e2e.example.com');
  await expect(doctor).toContainText('The issuer of "CN=doctor-e2e.example.com" is missing: the file does not hold "CN=Doctor E2E Intermediate"');
  expect(sent).toEqual([]);
  await expectNoSeriousAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('/inspect is linked from the sign-in page and from the top bar once signed in', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Inspect a certificate file' }).click();
  await expect(page).toHaveURL(/\/inspect$/);
  await signIn(page, 'alice');
  await page.getByRole('banner').getByRole('link', { name: 'Inspect a certificate file' }).click();
  await expect(page.getByRole('heading', { name: 'Inspect a certificate file', level: 1 })).toBeVisible();
});

test("the doctor's findings in both upload flows: management certificate and API Management .pfx", async ({ page }) => {
  const serverOnly = tempPath('doc-server-only.pem');
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    tempPath('doc-server-only.key'),
    '-out',
    serverOnly,
    '-days',
    '30',
    '-subj',
    '/CN=doctor-server-only',
    '-addext',
    'extendedKeyUsage=serverAuth',
  );
  await signIn(page, 'alice');
  await page.getByRole('link', { name: 'Subscriptions' }).click();
  await page.getByRole('link', { name: 'Contoso Production' }).click();
  await page.getByRole('link', { name: 'Management certificates' }).click();
  await page.getByRole('button', { name: 'Upload' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload a management certificate' });
  await page.getByLabel('Certificate file (.cer, .crt, .pem, .der)').setInputFiles(serverOnly);
  const doctor = dialog.getByRole('region', { name: 'Certificate doctor' });
  await expect(doctor).toContainText('The certificate is not for client authentication: its enhanced key usage allows only Server Authentication');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const cert = makeCertificate('e2e-doctor-apim', { days: 60 });
  await openCertificates(page);
  await page.getByRole('button', { name: 'Add' }).click();
  const pane = page.getByRole('dialog', { name: 'Add certificate' });
  await pane.getByLabel('Certificate file (.pfx, .p12)').setInputFiles(makePfx(cert, 'pw', true));
  await pane.getByLabel('Password', { exact: true }).fill('pw');
  const apimDoctor = pane.getByRole('region', { name: 'Certificate doctor' });
  await expect(apimDoctor).toContainText('Private key: The private key belongs to the certificate (RSA)');
  await expect(apimDoctor).toContainText('OpenSSL 3 opens it only with -legacy');
  await expectNoSeriousAxeViolations(page);
});
