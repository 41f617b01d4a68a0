import { execFileSync, spawnSync } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { signIn } from './support/sign-in';
import { makeCertificate, makePfx, tempPath } from './support/openssl';
import { DEMO_SUBSCRIPTIONS } from '../emulator/seed/demo-ids.ts';

const PRODUCTION = DEMO_SUBSCRIPTIONS.production.id;

// One emulator serves the run: these tests change the same subscriptions, so they run in order.
test.describe.configure({ mode: 'serial' });

async function openBlade(page: Page, subscriptionName: string) {
  await page.getByRole('link', { name: 'Subscriptions' }).click();
  await page.getByRole('link', { name: subscriptionName }).click();
  await page.getByRole('link', { name: 'Management certificates' }).click();
  await expect(page.getByRole('heading', { name: 'Management certificates', level: 1 })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Management certificates' })).toBeVisible();
}

const fileInput = (page: Page) => page.getByLabel('Certificate file (.cer, .crt, .pem, .der)');

test('upload an openssl .cer: the preview shows its SHA-1, the grid shows it, delete removes it', async ({ page }) => {
  const cert = makeCertificate('e2e-upload');
  await signIn(page, 'alice');
  await openBlade(page, 'Contoso Production');
  await page.getByRole('button', { name: 'Upload' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload a management certificate' });
  await fileInput(page).setInputFiles(cert.cerPath);
  const preview = dialog.getByRole('region', { name: 'Certificate preview' });
  await expect(preview).toContainText(cert.sha1);
  // .NET order (last RDN first), as Windows and the portal show it.
  await expect(preview).toContainText('O=certportal e2e, CN=e2e-upload');
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(cert.sha1) });
  await expect(row).toContainText('e2e-upload');
  await expect(row).toContainText(cert.notAfter.toISOString().slice(0, 10));

  await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete confirmation' });
  await expect(confirm).toContainText('This action will permanently delete');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(cert.sha1) })).toHaveCount(0);
});

test('the subscription at 24 takes one more; at 25 Upload is disabled with the reason, and the dialog counts the subscription it targets', async ({ page }) => {
  const first = makeCertificate('e2e-25th');
  const second = makeCertificate('e2e-26th');
  await signIn(page, 'alice');
  await openBlade(page, 'Contoso Development');
  await expect(page.getByText('24 of 25 management certificates')).toBeVisible();
  await page.getByRole('button', { name: 'Upload' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload a management certificate' });
  await fileInput(page).setInputFiles(first.cerPath);
  await expect(dialog.getByRole('region', { name: 'Certificate preview' })).toContainText(first.sha1);
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('25 of 25 management certificates', { exact: true })).toBeVisible();

  // Known before sending: the toolbar's Upload is disabled, and says why.
  const upload = page.getByRole('button', { name: 'Upload' });
  await expect(upload).toBeDisabled();
  await expect(upload).toHaveAccessibleDescription(/Contoso Development holds 25 of 25 management certificates/);

  // Finding: from Production's blade (5), uploading to Development (25) through the selector said "It holds 5 now".
  await page.goto(`/subscriptions/${PRODUCTION}/management-certificates`);
  await expect(page.getByText('5 of 25 management certificates', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Upload' }).click();
  await dialog.getByRole('combobox', { name: 'Subscription' }).click();
  await page.getByRole('option', { name: 'Contoso Development' }).click();
  await expect(dialog.getByText('Contoso Development holds 25 of 25 management certificates')).toBeVisible();
  await fileInput(page).setInputFiles(second.cerPath);
  await expect(dialog.getByRole('region', { name: 'Certificate preview' })).toContainText(second.sha1);
  await expect(dialog.getByRole('button', { name: 'Upload' })).toBeDisabled();
});

test('a certificate already in the list is flagged in the preview, before anything is sent', async ({ page }) => {
  const cert = makeCertificate('e2e-duplicate');
  await signIn(page, 'alice');
  await openBlade(page, 'Contoso Production');
  await page.getByRole('button', { name: 'Upload' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload a management certificate' });
  await fileInput(page).setInputFiles(cert.cerPath);
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(cert.sha1) })).toBeVisible();

  const posts: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/certificates') && posts.push(r.url()));
  await page.getByRole('button', { name: 'Upload' }).click();
  await fileInput(page).setInputFiles(cert.cerPath);
  await expect(dialog.getByText('This certificate is already uploaded to Contoso Production')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Upload' })).toBeDisabled();
  expect(posts).toEqual([]);
});

test('a dropped .pfx is explained and its public part can be taken out; a corrupt file gets a readable error', async ({ page }) => {
  const cert = makeCertificate('e2e-pfx');
  const pfxPath = makePfx(cert, 'pfx-pass');
  await signIn(page, 'alice');
  await openBlade(page, 'Contoso Production');
  await page.getByRole('button', { name: 'Upload' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload a management certificate' });
  const pfx = readFileSync(pfxPath).toString('base64');
  const transfer = await page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], 'dropped.pfx', { type: 'application/x-pkcs12' }));
    return dt;
  }, pfx);
  await dialog.getByTestId('file-drop').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(dialog.getByText('This is a .pfx (PKCS#12) file, which holds a private key')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Upload' })).toBeDisabled();
  await dialog.getByLabel('.pfx password').fill('not-it');
  await dialog.getByRole('button', { name: 'Take out the public certificate' }).click();
  await expect(dialog.getByText('Wrong password for this .pfx file')).toBeVisible();
  await dialog.getByLabel('.pfx password').fill('pfx-pass');
  await dialog.getByRole('button', { name: 'Take out the public certificate' }).click();
  await expect(dialog.getByRole('region', { name: 'Certificate preview' })).toContainText(cert.sha1);
  await expect(dialog.getByText('the private key stays on your machine')).toBeVisible();

  await fileInput(page).setInputFiles({
    name: 'corrupt.cer',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x30, 0x82, 0x05, 0x00, 0x01, 0x02, 0x03]),
  });
  await expect(dialog.getByText('This file cannot be used')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Upload' })).toBeDisabled();
});

function asmWithClientCertificate(pfx: Buffer, passphrase: string, url: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = httpsRequest(url, { pfx, passphrase, headers: { 'x-ms-version': '2014-10-01' }, rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end();
  });
}

test('a self-signed certificate made in the browser: its .pfx opens the API as a client certificate, until deleted', async ({ page }) => {
  await signIn(page, 'alice');
  await openBlade(page, 'Contoso Production');
  await page.getByRole('button', { name: 'Upload' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload a management certificate' });
  await dialog.getByRole('tab', { name: 'Create a self-signed certificate' }).click();
  await dialog.getByLabel('Common name (CN)').fill('e2e-self-signed');
  await dialog.getByLabel('Password for the .pfx you keep').fill('keep-it-safe-123');
  await dialog.getByLabel('Confirm password').fill('keep-it-safe-123');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create and upload' }).click();
  const saved = tempPath('e2e-self-signed.pfx');
  await (await download).saveAs(saved);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /e2e-self-signed/ })).toBeVisible();

  const url = `${process.env.CERTPORTAL_E2E_URL}asm/${PRODUCTION}/certificates`;
  const pfx = readFileSync(saved);
  expect(await asmWithClientCertificate(pfx, 'keep-it-safe-123', url)).toBe(200);

  await page
    .getByRole('row', { name: /e2e-self-signed/ })
    .getByRole('checkbox')
    .check();
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete confirmation' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  // The modal hides the grid from the accessibility tree: wait for it to close (the DELETE has answered) first.
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: /e2e-self-signed/ })).toHaveCount(0);
  expect(await asmWithClientCertificate(pfx, 'keep-it-safe-123', url)).toBe(403);
});

test('a deep link survives a reload; a reader sees Upload and Delete disabled', async ({ page }) => {
  await signIn(page, 'bob');
  await page.goto(`/subscriptions/${PRODUCTION}/management-certificates`);
  await expect(page.getByRole('grid', { name: 'Management certificates' })).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`/subscriptions/${PRODUCTION}/management-certificates$`));
  await expect(page.getByRole('grid', { name: 'Management certificates' })).toBeVisible();
  await expect(page.getByText('You have read-only access to this subscription')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Upload' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
});

test('axe: no serious violation on the blades and the dialog; the upload completes by keyboard alone', async ({ page }) => {
  const cert = makeCertificate('e2e-keyboard');
  await signIn(page, 'alice');
  await page.goto('/subscriptions');
  await expect(page.getByRole('table', { name: 'Subscriptions' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.goto(`/subscriptions/${PRODUCTION}/management-certificates`);
  await expect(page.getByRole('grid', { name: 'Management certificates' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await expect(page.getByRole('button', { name: 'Upload' })).toBeEnabled();
  await page.getByRole('button', { name: 'Upload' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Upload a management certificate' });
  await expect(dialog).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  // The file chooser opens from the keyboard; the test answers it as the OS dialog would.
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Browse…' }).focus();
  await page.keyboard.press('Space');
  await (await chooser).setFiles(cert.cerPath);
  await expect(dialog.getByRole('region', { name: 'Certificate preview' })).toContainText(cert.sha1);
  await dialog.getByRole('button', { name: 'Upload' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(cert.sha1) })).toBeVisible();
});

test('a network failure offers Retry and keeps the file; a duplicate says it is already uploaded', async ({ page }) => {
  const cert = makeCertificate('e2e-retry');
  await signIn(page, 'alice');
  await openBlade(page, 'Contoso Production');
  await page.getByRole('button', { name: 'Upload' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload a management certificate' });
  await fileInput(page).setInputFiles(cert.cerPath);
  await expect(dialog.getByRole('region', { name: 'Certificate preview' })).toContainText(cert.sha1);
  let failOnce = true;
  await page.route('**/asm/*/certificates', async (route) => {
    if (route.request().method() === 'POST' && failOnce) {
      failOnce = false;
      await route.abort('internetdisconnected');
    } else await route.fallback();
  });
  await dialog.getByRole('button', { name: 'Upload' }).click();
  await expect(dialog.getByText('Network problem')).toBeVisible();
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(cert.sha1) })).toBeVisible();

  // The duplicate is known from the list before anything is sent (the server's 409 stays the last word).
  await page.getByRole('button', { name: 'Upload' }).click();
  await fileInput(page).setInputFiles(cert.cerPath);
  await expect(dialog.getByText('This certificate is already uploaded to Contoso Production')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Upload' })).toBeDisabled();
});

test('management upload dialog: a self-signed EC P-256 certificate in a 3DES .pfx opens with openssl pkcs12 without -legacy', async ({ page }) => {
  // In this serial spec, on Contoso Production, and deleted at the end: the other tests count these subscriptions.
  await signIn(page, 'alice');
  await openBlade(page, 'Contoso Production');
  await page.getByRole('button', { name: 'Upload' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upload a management certificate' });
  await dialog.getByRole('tab', { name: 'Create a self-signed certificate' }).click();
  await dialog.getByLabel('Common name (CN)').fill('e2e-ec-3des');
  await dialog.getByLabel('Key type').click();
  await page.getByRole('option', { name: 'EC P-256' }).click();
  await dialog.getByLabel('Encryption of the .pfx').click();
  await page.getByRole('option', { name: /^3DES/ }).click();
  await dialog.getByLabel('Password for the .pfx you keep').fill('keep-it-safe-123');
  await dialog.getByLabel('Confirm password').fill('keep-it-safe-123');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create and upload' }).click();
  const saved = tempPath('e2e-ec-3des.pfx');
  await (await download).saveAs(saved);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /e2e-ec-3des/ })).toBeVisible();

  const info = spawnSync('openssl', ['pkcs12', '-info', '-in', saved, '-passin', 'pass:keep-it-safe-123', '-nodes'], { encoding: 'utf8' });
  expect(info.status).toBe(0);
  expect(info.stderr).toContain('pbeWithSHA1And3-KeyTripleDES-CBC');
  expect(info.stderr).not.toContain('RC2');
  expect(info.stdout).toContain('BEGIN PRIVATE KEY');
  const text = execFileSync('openssl', ['x509', '-noout', '-text'], { input: info.stdout, encoding: 'utf8' });
  expect(text).toContain('NIST CURVE: P-256');
  expect(text).toContain('TLS Web Client Authentication');

  await page
    .getByRole('row', { name: /e2e-ec-3des/ })
    .getByRole('checkbox')
    .check();
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete confirmation' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: /e2e-ec-3des/ })).toHaveCount(0);
});
