import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { signIn } from './support/sign-in';
import { makeCertificate, makePfx } from './support/openssl';
import { armToken, GATEWAY_VERSION, MAIN, openCertificates, putCertificate, row, rowAction, search } from './support/apim';

// One emulator serves the whole run: these tests share API Management services, so they run in order.
test.describe.configure({ mode: 'serial' });

test('Key Vault: add one (a versioned identifier is warned), a failing one shows its lastStatus, Refresh works', async ({ page }) => {
  await signIn(page, 'alice');
  await openCertificates(page);
  await page.getByRole('button', { name: 'Add' }).click();
  const pane = page.getByRole('dialog', { name: 'Add certificate' });
  await pane.getByLabel('Id').fill('e2e-apim-kv');
  await pane.getByRole('radio', { name: 'Key Vault' }).check();
  const identifier = pane.getByLabel('Secret identifier');
  await identifier.fill('http://contoso-prod-kv.vault.azure.net/secrets/gateway-cert');
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByText('must start with https://')).toBeVisible();
  await identifier.fill(`https://contoso-prod-kv.vault.azure.net/secrets/gateway-cert/${GATEWAY_VERSION}`);
  await expect(pane.getByText('This identifier names one version')).toBeVisible();
  await expect(pane.getByText('will not rotate automatically')).toBeVisible();
  await identifier.fill('https://contoso-prod-kv.vault.azure.net/secrets/gateway-cert');
  await expect(pane.getByText('This identifier names one version')).toBeHidden();
  await pane.getByRole('radio', { name: 'User-assigned identity' }).check();
  await pane.getByLabel('Client id of the user-assigned identity').fill('not-a-guid');
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByText('Enter a client id (a GUID).')).toBeVisible();
  await pane.getByRole('radio', { name: 'System-assigned identity' }).check();
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();
  await search(page, 'e2e-apim-kv');
  await expect(row(page, 'e2e-apim-kv')).toContainText('Key Vault');
  await expect(row(page, 'e2e-apim-kv')).toContainText('Success');

  await search(page, 'kv-deleted-secret');
  await expect(row(page, 'kv-deleted-secret')).toContainText('Failed: SecretNotFound');
  await row(page, 'kv-deleted-secret').getByRole('button', { name: 'kv-deleted-secret', exact: true }).click();
  const details = page.getByRole('dialog', { name: 'Certificate kv-deleted-secret' });
  await expect(details.getByText(/Key Vault has no secret .*deleted-cert/).first()).toBeVisible();
  const lastSync = details.locator('dt:text-is("Last Key Vault sync") + dd');
  const before = await lastSync.textContent();
  await details.getByRole('button', { name: 'Refresh from Key Vault' }).click();
  await expect(page.getByText('Key Vault refresh failed').first()).toBeVisible();
  // A failed refresh is recorded, not thrown: the time of the last attempt moves on, the message stays.
  await expect(lastSync).not.toHaveText(before ?? '');
  await expect(details.getByText(/Key Vault has no secret .*deleted-cert/).first()).toBeVisible();
  await details.getByRole('button', { name: 'Close', exact: true }).first().click();

  await search(page, 'kv-gateway');
  await rowAction(page, 'kv-gateway', 'Refresh from Key Vault');
  await expect(page.getByText('Refreshed from Key Vault').first()).toBeVisible();
  await row(page, 'kv-gateway').getByRole('button', { name: 'kv-gateway', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Certificate kv-gateway' }).getByText('Success').first()).toBeVisible();
});

test('two browsers replace the same certificate: the second gets the conflict dialog, Reload then Save succeeds', async ({ page, browser, request }) => {
  const original = makeCertificate('e2e-apim-race-0');
  const first = makeCertificate('e2e-apim-race-a');
  const second = makeCertificate('e2e-apim-race-b');
  const token = await armToken(request);
  const created = await putCertificate(request, token, MAIN, 'e2e-apim-conflict', {
    properties: { data: readFileSync(makePfx(original, 'p0')).toString('base64'), password: 'p0' },
  });
  expect(created).toBe(201);

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await Promise.all([signIn(page, 'alice'), signIn(page2, 'alice')]);
  const panes: Locator[] = [];
  for (const p of [page, page2]) {
    await openCertificates(p);
    await search(p, 'e2e-apim-conflict');
    await rowAction(p, 'e2e-apim-conflict', 'Replace');
    const pane = p.getByRole('dialog', { name: 'Replace certificate e2e-apim-conflict' });
    await expect(pane.getByRole('region', { name: 'Current version' })).toContainText(original.sha1);
    panes.push(pane);
  }
  const [paneA, paneB] = panes;
  await paneA.getByLabel('Certificate file (.pfx, .p12)').setInputFiles(makePfx(first, 'pa'));
  await paneA.getByLabel('Password', { exact: true }).fill('pa');
  await expect(paneA.getByRole('region', { name: 'Certificate preview' })).toContainText(first.sha1);
  await paneA.getByRole('button', { name: 'Save' }).click();
  await expect(paneA).toBeHidden();
  await expect(row(page, 'e2e-apim-conflict')).toContainText(first.sha1);

  await paneB.getByLabel('Certificate file (.pfx, .p12)').setInputFiles(makePfx(second, 'pb'));
  await paneB.getByLabel('Password', { exact: true }).fill('pb');
  await expect(paneB.getByRole('region', { name: 'Certificate preview' })).toContainText(second.sha1);
  await paneB.getByRole('button', { name: 'Save' }).click();
  const conflict = page2.getByRole('alertdialog', { name: 'Someone else changed this certificate' });
  const changes = conflict.getByRole('table', { name: 'What changed' });
  await expect(changes.getByRole('row', { name: /Thumbprint/ })).toContainText(original.sha1);
  await expect(changes.getByRole('row', { name: /Thumbprint/ })).toContainText(first.sha1);
  await expectNoSeriousAxeViolations(page2);
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(conflict).toBeHidden();
  await expect(paneB.getByText('Reloaded the version someone else saved')).toBeVisible();
  await expect(paneB.getByRole('region', { name: 'Current version' })).toContainText(first.sha1);
  await paneB.getByRole('button', { name: 'Save' }).click();
  await expect(paneB).toBeHidden();
  await expect(row(page2, 'e2e-apim-conflict')).toContainText(second.sha1);
  await other.close();
});

test('delete: one a policy uses names the policy and stays; an unused one is gone', async ({ page, request }) => {
  const cert = makeCertificate('e2e-apim-delete');
  const token = await armToken(request);
  expect(
    await putCertificate(request, token, MAIN, 'e2e-apim-delete', {
      properties: { data: readFileSync(makePfx(cert, 'pd')).toString('base64'), password: 'pd' },
    }),
  ).toBe(201);
  await signIn(page, 'alice');
  await openCertificates(page);
  await search(page, 'backend-mtls');
  await rowAction(page, 'backend-mtls', 'Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Delete confirmation' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm.getByText('This certificate is in use')).toBeVisible();
  await expect(confirm.getByRole('list', { name: 'Used by' })).toContainText("policy 'Orders API: inbound policy (authentication-certificate)'");
  await expectNoSeriousAxeViolations(page);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(row(page, 'backend-mtls')).toBeVisible();

  await search(page, 'e2e-apim-delete');
  const deletes: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'DELETE') deletes.push(r.headers()['if-match'] ?? '');
  });
  await rowAction(page, 'e2e-apim-delete', 'Delete');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('No certificate matches')).toBeVisible();
  expect(deletes).toHaveLength(1);
  expect(deletes[0]).not.toBe('*');
  expect(deletes[0]).toMatch(/\S/);
});
