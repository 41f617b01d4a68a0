import { execFileSync, spawnSync } from 'node:child_process';
import { expect, test, type Download } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { tempPath } from './support/openssl';
import { signIn } from './support/sign-in';

const openssl = (...args: string[]) => spawnSync('openssl', args, { encoding: 'utf8' });
const save = async (download: Promise<Download>, name: string) => {
  const path = tempPath(name);
  await (await download).saveAs(path);
  return path;
};

test('/inspect without signing in: make a CSR with an EC key; openssl req -verify accepts it, and the key opens only with its password', async ({ page }) => {
  const keyPassword = 'csr-e2e-Key-pass!';
  const urls: string[] = [];
  page.on('request', (r) => urls.push(`${r.method()} ${r.url()}`));
  await page.goto('/inspect');
  const panel = page.getByRole('region', { name: 'Make a certificate signing request (CSR)' });
  await panel.getByLabel('Common name (CN)').fill('csr-e2e.contoso.example');
  await panel.getByLabel('Organization (O)').fill('Contoso');
  await panel.getByLabel('Country (C)').fill('NL');
  await panel.getByLabel('DNS names (subject alternative names)').fill('csr-e2e.contoso.example\nwww.csr-e2e.contoso.example');
  await panel.getByLabel('Key type').selectOption('EC-P256');
  await panel.getByLabel('Password for the private key').fill(keyPassword);
  await panel.getByLabel('Confirm the password').fill('not the same');
  await panel.getByRole('button', { name: 'Make the key and the request' }).click();
  await expect(panel.getByText('The passwords differ.')).toBeVisible();
  await panel.getByLabel('Confirm the password').fill(keyPassword);
  await panel.getByRole('button', { name: 'Make the key and the request' }).click();

  // Focus moves to the first file to save, so a keyboard user lands on what comes next.
  const saveRequest = panel.getByRole('button', { name: 'Save the request (csr-e2e.contoso.example.csr)' });
  await expect(saveRequest).toBeFocused();
  await expect(panel.getByLabel('Password for the private key')).toHaveValue('');
  const csrDownload = save(page.waitForEvent('download'), 'e2e.csr');
  await page.keyboard.press('Enter');
  const csr = await csrDownload;
  const keyDownload = save(page.waitForEvent('download'), 'e2e-csr.key');
  await panel.getByRole('button', { name: 'Save the private key (csr-e2e.contoso.example.key)' }).click();
  const key = await keyDownload;

  const verified = openssl('req', '-in', csr, '-verify', '-noout', '-subject', '-nameopt', 'RFC2253');
  expect(verified.status).toBe(0);
  expect(verified.stdout + verified.stderr).toMatch(/verify OK/i);
  expect(verified.stdout).toContain('subject=CN=csr-e2e.contoso.example,O=Contoso,C=NL');
  expect(execFileSync('openssl', ['req', '-in', csr, '-noout', '-text'], { encoding: 'utf8' })).toContain('DNS:www.csr-e2e.contoso.example');
  expect(openssl('pkey', '-in', key, '-passin', 'pass:wrong', '-noout').status).not.toBe(0);
  const keyPublic = openssl('pkey', '-in', key, '-passin', `pass:${keyPassword}`, '-pubout').stdout;
  expect(keyPublic).toContain('BEGIN PUBLIC KEY');
  expect(keyPublic).toBe(openssl('req', '-in', csr, '-noout', '-pubkey').stdout);

  // Made in the browser: nothing but the page's own files was fetched, and the password is in no URL.
  expect(urls.filter((u) => !u.startsWith('GET '))).toEqual([]);
  expect(urls.some((u) => u.includes(keyPassword) || u.includes(encodeURIComponent(keyPassword)))).toBe(false);
  await expectNoSeriousAxeViolations(page);
});

test('management upload dialog: a self-signed EC P-256 certificate in a 3DES .pfx opens with openssl pkcs12 without -legacy', async ({ page }) => {
  await signIn(page, 'alice');
  await page.getByRole('link', { name: 'Subscriptions' }).click();
  await page.getByRole('link', { name: 'Contoso Development' }).click();
  await page.getByRole('link', { name: 'Management certificates' }).click();
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
  const pfx = save(page.waitForEvent('download'), 'e2e-ec-3des.pfx');
  await dialog.getByRole('button', { name: 'Create and upload' }).click();
  const saved = await pfx;
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /e2e-ec-3des/ })).toBeVisible();

  const info = openssl('pkcs12', '-info', '-in', saved, '-passin', 'pass:keep-it-safe-123', '-nodes');
  expect(info.status).toBe(0);
  expect(info.stderr).toContain('pbeWithSHA1And3-KeyTripleDES-CBC');
  expect(info.stderr).not.toContain('RC2');
  expect(info.stdout).toContain('BEGIN PRIVATE KEY');
  const text = execFileSync('openssl', ['x509', '-noout', '-text'], { input: info.stdout, encoding: 'utf8' });
  expect(text).toContain('NIST CURVE: P-256');
  expect(text).toContain('TLS Web Client Authentication');
});
