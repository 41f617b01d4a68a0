import { execFileSync, spawnSync } from 'node:child_process';
import { expect, test, type Download } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { tempPath } from './support/openssl';

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
