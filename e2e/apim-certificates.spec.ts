import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { signIn } from './support/sign-in';
import { makeCertificate, makePfx, tempPath } from './support/openssl';
import { addPfx, MAIN, openCertificates, row, rowAction, search } from './support/apim';

// One emulator serves the whole run: these tests share API Management services, so they run in order.
test.describe.configure({ mode: 'serial' });

test('the services blade lists every service; the service menu leads to its certificates; axe on blade, pane and dialogs', async ({ page }) => {
  await signIn(page, 'alice');
  await page.getByRole('link', { name: 'API Management services' }).click();
  const services = page.getByRole('grid', { name: 'API Management services' });
  await expect(services.getByRole('row', { name: /contoso-apim-dev/ })).toContainText('Contoso Development');
  await expect(services.getByRole('row', { name: /contoso-partners/ })).toContainText('Standard');
  await page.getByRole('searchbox', { name: 'Filter API Management services' }).fill('partners');
  await expect(services.getByRole('row')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Filter API Management services' }).fill('');
  await expectNoSeriousAxeViolations(page);
  await services.getByRole('link', { name: MAIN, exact: true }).click();
  await expect(page.getByRole('heading', { name: MAIN, level: 1 })).toBeVisible();
  await expect(page.getByText('Premium (1 unit)')).toBeVisible();
  await page.getByRole('navigation', { name: 'API Management service menu' }).getByRole('link', { name: 'Certificates' }).click();
  const grid = page.getByRole('grid', { name: 'Certificates' });
  await expect(row(page, 'backend-mtls')).toContainText('Custom');
  await expect(row(page, 'legacy-soap-client')).toContainText('Expired');
  await expect(row(page, 'partner-gateway')).toContainText(/Expires in 1[12] days/);
  await expect(row(page, 'payments-client')).toContainText('Valid');
  await expectNoSeriousAxeViolations(page);

  // Keyboard: rows take focus, arrows move between them, Enter opens the details.
  await grid.getByRole('row').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await expect(grid.getByRole('row').nth(2)).toBeFocused();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: /^Certificate / });
  await expect(details.getByText('ETag')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await details.getByRole('button', { name: 'Close', exact: true }).first().click();

  await page.getByRole('button', { name: 'Add' }).click();
  const pane = page.getByRole('dialog', { name: 'Add certificate' });
  await expect(pane.getByLabel('Id')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await pane.getByRole('radio', { name: 'Key Vault' }).check();
  await expect(pane.getByLabel('Secret identifier')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await pane.getByRole('button', { name: 'Cancel' }).click();

  await rowAction(page, 'backend-mtls', 'Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Delete confirmation' });
  await expect(confirm).toContainText('This action will permanently delete');
  await expectNoSeriousAxeViolations(page);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
});

test("a modern and a legacy (openssl -legacy) .pfx: preview thumbprints equal openssl's, both land in the grid with their expiry", async ({ page }) => {
  const modern = makeCertificate('e2e-apim-modern', { days: 200 });
  const legacy = makeCertificate('e2e-apim-legacy', { days: 400 });
  const modernPfx = makePfx(modern, 'Modern-pass-1');
  const legacyPfx = makePfx(legacy, 'Legacy-pass-1', true);
  await signIn(page, 'alice');
  await openCertificates(page);
  await addPfx(page, 'e2e-apim-modern', modernPfx, 'Modern-pass-1', modern.sha1);
  await addPfx(page, 'e2e-apim-legacy', legacyPfx, 'Legacy-pass-1', legacy.sha1);
  await search(page, 'e2e-apim-');
  for (const [id, cert] of [
    ['e2e-apim-modern', modern],
    ['e2e-apim-legacy', legacy],
  ] as const) {
    await expect(row(page, id)).toContainText(cert.sha1);
    await expect(row(page, id)).toContainText(cert.notAfter.toISOString().slice(0, 10));
    await expect(row(page, id)).toContainText('Valid');
    await expect(row(page, id)).toContainText('Custom');
  }
  // This browser has the bytes of what it uploaded: the details show the parsed certificate.
  await row(page, 'e2e-apim-legacy').getByRole('button', { name: 'e2e-apim-legacy', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Parsed certificate' })).toContainText('CN=e2e-apim-legacy');
});

test('a wrong password is reported in the pane before any request; a .pfx without its key is refused', async ({ page }) => {
  const cert = makeCertificate('e2e-apim-wrong');
  const pfx = makePfx(cert, 'right-password');
  const noKey = tempPath('e2e-apim-nokey.pfx');
  execFileSync('openssl', ['pkcs12', '-export', '-nokeys', '-in', cert.pemPath, '-out', noKey, '-passout', 'pass:x']);
  await signIn(page, 'alice');
  await openCertificates(page);
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT' || r.method() === 'POST') writes.push(`${r.method()} ${r.url()}`);
  });
  await page.getByRole('button', { name: 'Add' }).click();
  const pane = page.getByRole('dialog', { name: 'Add certificate' });
  await pane.getByLabel('Id').fill('e2e-apim-wrong');
  await pane.getByLabel('Certificate file (.pfx, .p12)').setInputFiles(pfx);
  await expect(pane.getByText('Password needed')).toBeVisible();
  await pane.getByLabel('Password', { exact: true }).fill('wrong-password');
  await expect(pane.getByText('Wrong password')).toBeVisible();
  await expect(pane.getByText('The password is wrong for this .pfx file')).toBeVisible();
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByText('Wrong password')).toBeVisible();
  await expect(pane).toBeVisible();

  await pane.getByLabel('Certificate file (.pfx, .p12)').setInputFiles(noKey);
  await pane.getByLabel('Password', { exact: true }).fill('x');
  await expect(pane.getByText('No private key in this file')).toBeVisible();
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByText('No private key in this file')).toBeVisible();
  expect(writes.filter((w) => !w.includes('/token'))).toEqual([]);
});

test('the .pfx password is in no request URL, no web storage entry and no console line; only in the PUT body', async ({ page }) => {
  const password = 'S3cret-e2e-Pa55word!';
  const cert = makeCertificate('e2e-apim-secret');
  const pfx = makePfx(cert, password);
  const urls: string[] = [];
  const bodies: string[] = [];
  const consoleLines: string[] = [];
  page.on('request', (r) => {
    urls.push(r.url());
    if (r.method() === 'PUT') bodies.push(r.postData() ?? '');
  });
  page.on('console', (m) => consoleLines.push(m.text()));
  await signIn(page, 'alice');
  await openCertificates(page);
  await page.getByRole('button', { name: 'Add' }).click();
  const pane = page.getByRole('dialog', { name: 'Add certificate' });
  await pane.getByLabel('Id').fill('e2e-apim-secret');
  await pane.getByLabel('Certificate file (.pfx, .p12)').setInputFiles(pfx);
  await pane.getByLabel('Password', { exact: true }).fill(`${password}-typo`);
  await expect(pane.getByText('Wrong password')).toBeVisible();
  await pane.getByLabel('Password', { exact: true }).fill(password);
  await expect(pane.getByRole('region', { name: 'Certificate preview' })).toContainText(cert.sha1);
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();

  expect(bodies).toHaveLength(1);
  expect(JSON.parse(bodies[0])).toMatchObject({ properties: { password } });
  expect(urls.filter((u) => u.includes(password) || u.includes(encodeURIComponent(password)))).toEqual([]);
  const storage = await page.evaluate(() => {
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`);
    return [...dump(localStorage), ...dump(sessionStorage)].join('\n');
  });
  expect(storage).not.toContain(password);
  expect(consoleLines.filter((l) => l.includes(password))).toEqual([]);

  // Cleared from the form: a new pane starts empty.
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('dialog', { name: 'Add certificate' }).getByLabel('Password', { exact: true })).toHaveValue('');
});
