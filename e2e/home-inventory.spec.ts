import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { APIM_DEMO, DEMO_SUBSCRIPTIONS } from '../emulator/seed/demo-ids.ts';
import { expectNoSeriousAxeViolations } from './support/axe';
import { signIn } from './support/sign-in';
import { armToken, PARTNERS, putCertificate } from './support/apim';
import { makeCertificate, makePfx } from './support/openssl';

const DAY = 86_400_000;
const table = (page: Page) => page.getByRole('table', { name: 'Certificate inventory' });
const search = (page: Page) => page.getByRole('searchbox', { name: /Filter certificates/ });

async function inventoryComplete(page: Page) {
  await expect(page.getByText(/^(\d+) of \1 sources read$/)).toBeVisible({ timeout: 30_000 });
}

/** The one row of the inventory whose text holds `text`, found through the search box (the table is virtual). */
async function only(page: Page, text: string, hasText: string | RegExp = text) {
  await search(page).fill(text);
  const row = table(page).getByRole('row').filter({ hasText });
  await expect(row).toHaveCount(1);
  return row;
}
const cell = (row: ReturnType<Page['getByRole']>, column: number) => row.getByRole('cell').nth(column);
const COLUMN = { kind: 0, name: 1, expiry: 3, daysLeft: 4, status: 5, subscription: 6, service: 7 };

test('the inventory lists every kind with its days left; the chart table matches the counts; CSV holds the shown rows', async ({ page }) => {
  await signIn(page, 'alice');
  await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
  await inventoryComplete(page);

  // The seed made them these many days from now (emulator start, seconds ago).
  const expected: Array<[string, string, number, string]> = [
    ['Visual Studio Publish (alice)', 'Management', 19, '≤ 30 days'],
    ['Azure PowerShell - ops-jumpbox-01', 'Management', -12, 'Expired'],
    ['partner-gateway', 'API Management (custom)', 12, '≤ 14 days'],
    ['tailspin-client', 'API Management (custom)', 5, '≤ 7 days'],
    ['legacy-soap-client', 'API Management (custom)', -40, 'Expired'],
  ];
  for (const [text, kind, days, status] of expected) {
    const row = await only(page, text);
    await expect(cell(row, COLUMN.kind)).toHaveText(kind);
    await expect(cell(row, COLUMN.daysLeft)).toHaveText(String(days));
    await expect(cell(row, COLUMN.status)).toHaveText(status);
  }
  // CA certificates of the services (properties.certificates): a root and an issuing CA on contoso-apim, a root on contoso-apim-dev.
  const caCertificates: Array<[string, RegExp, number, string, string]> = [
    ['CN=Contoso Root CA', /^Root [0-9A-F]{8}$/, 3650, 'Later', APIM_DEMO.production.service],
    ['CN=Contoso Issuing CA 01', /^CertificateAuthority [0-9A-F]{8}$/, 20, '≤ 30 days', APIM_DEMO.production.service],
    ['CN=Contoso Dev Root CA', /^Root [0-9A-F]{8}$/, 365, 'Later', APIM_DEMO.development.service],
  ];
  for (const [subject, name, days, status, service] of caCertificates) {
    const row = await only(page, subject);
    await expect(cell(row, COLUMN.kind)).toHaveText('API Management CA');
    await expect(cell(row, COLUMN.name)).toHaveText(name);
    await expect(cell(row, COLUMN.daysLeft)).toHaveText(String(days));
    await expect(cell(row, COLUMN.status)).toHaveText(status);
    await expect(cell(row, COLUMN.service)).toHaveText(service);
  }
  const keyVault = await only(page, 'kv-no-access');
  await expect(cell(keyVault, COLUMN.kind)).toHaveText('API Management (Key Vault)');
  await expect(cell(keyVault, COLUMN.status)).toContainText('Key Vault refresh failed');
  // Days left of a Key Vault certificate: calendar days to the expiry the row shows.
  const expiry = (await cell(keyVault, COLUMN.expiry).textContent()) ?? '';
  const today = new Date();
  const calendarDays = Math.round((Date.parse(expiry) - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) / DAY);
  await expect(cell(keyVault, COLUMN.daysLeft)).toHaveText(String(calendarDays));
  // Each row links to the blade that manages it.
  await keyVault.getByRole('link', { name: 'kv-no-access' }).click();
  await expect(page.getByRole('grid', { name: 'Certificates' })).toBeVisible();
  await page.goBack();
  await inventoryComplete(page);
  await search(page).fill('');

  // The chart's table alternative adds up to the status counts.
  const counts = page.getByRole('list', { name: 'Certificates per status' });
  const count = async (label: string) =>
    Number(/: (\d+)$/.exec((await counts.getByRole('listitem', { name: new RegExp(`^${label}:`) }).getAttribute('aria-label')) ?? '')![1]);
  await page.getByText('Expirations as a table').click();
  const chartTable = page.getByRole('table', { name: 'Expirations over time' });
  const bars = await chartTable
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, Number(r.querySelector('td')!.textContent)] as const));
  const bands = (await Promise.all(['Expired', '≤ 7 days', '≤ 14 days', '≤ 30 days', 'Later'].map(count))) as number[];
  expect(bars[0]).toEqual(['Expired', bands[0]]);
  expect(bars.reduce((sum, [, n]) => sum + n, 0)).toBe(bands.reduce((a, b) => a + b, 0));
  // The chart sits below the grid and loads when scrolled to.
  await page.getByRole('heading', { name: 'Expirations over time' }).scrollIntoViewIfNeeded();
  await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Export: what the filter shows, and only that.
  await search(page).fill('contoso-partners');
  // Only the header row lacks the service once the filter has applied.
  await expect(table(page).getByRole('row').filter({ hasNotText: 'contoso-partners' })).toHaveCount(1);
  const shownText = await page.getByText(/^\d+ of \d+ certificates shown$/).textContent();
  const shown = Number(shownText!.split(' ')[0]);
  expect(shown).toBeGreaterThan(0);
  const names = await table(page).getByRole('row').locator('[role=cell]:nth-child(2)').allTextContents();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const lines = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('kind,name,subject,thumbprint,expiry,daysLeft,status,subscription,subscriptionId,service,link');
  expect(lines).toHaveLength(shown + 1);
  // The grid draws only the rows in view (other specs may have added a thousand certificates to this
  // service): every drawn row is in the file, and the file has exactly as many rows as the count says.
  const exported = new Set(lines.slice(1).map((l) => l.split(',')[1]));
  expect(names.length).toBeGreaterThan(0);
  expect(names.filter((name) => !exported.has(name))).toEqual([]);
  expect(lines.slice(1).every((l) => l.includes(',contoso-partners,'))).toBe(true);
});

test('a subscription that answers 403 is listed as a failed source while the others load', async ({ page }) => {
  const dev = DEMO_SUBSCRIPTIONS.development;
  const forbidden = '<Error xmlns="http://schemas.microsoft.com/windowsazure"><Code>ForbiddenError</Code><Message>The caller has no access.</Message></Error>';
  await page.route(`**/asm/${dev.id}/certificates`, (route) => route.fulfill({ status: 403, contentType: 'application/xml', body: forbidden }));
  await page.route(`**/arm/subscriptions/${dev.id}/providers/Microsoft.ApiManagement/service?**`, (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'AuthorizationFailed', message: 'The client does not have authorization.' } }),
    }),
  );
  await signIn(page, 'alice');
  await inventoryComplete(page);
  const failures = page.getByRole('region', { name: 'Sources that failed' });
  await expect(failures).toContainText(`Management certificates of ${dev.name}: The caller has no access. (ForbiddenError, HTTP 403)`);
  await expect(failures).toContainText(`API Management services of ${dev.name}: The client does not have authorization. (AuthorizationFailed, HTTP 403)`);
  await expect(cell(await only(page, 'partner-gateway'), COLUMN.subscription)).toHaveText(DEMO_SUBSCRIPTIONS.production.name);
  await search(page).fill(dev.name);
  await expect(page.getByText(/^0 of \d+ certificates shown$/)).toBeVisible();
});

test('an alert names a certificate that crossed 7 days since the last visit, with a link', async ({ page, request }) => {
  // A certificate 7 days from expiry, seen first two days ago (9 days left) and now (7 days left).
  const id = `e2e-alert-${Date.now()}`;
  const cert = makeCertificate(id, { days: 7 });
  const pfx = readFileSync(makePfx(cert, 'Alert-pass-1')).toString('base64');
  expect(await putCertificate(request, await armToken(request), PARTNERS, id, { properties: { data: pfx, password: 'Alert-pass-1' } })).toBe(201);

  const realNow = Date.now();
  await page.clock.install({ time: new Date(realNow - 2 * DAY) });
  await signIn(page, 'alice');
  await inventoryComplete(page);
  await expect(cell(await only(page, id), COLUMN.daysLeft)).toHaveText('9');
  await expect(page.getByRole('region', { name: 'Expiry alerts' })).toHaveCount(0);

  await page.clock.setSystemTime(new Date(realNow));
  await page.reload();
  await inventoryComplete(page);
  const alerts = page.getByRole('region', { name: 'Expiry alerts' });
  await expect(alerts.getByRole('listitem').filter({ hasText: id })).toContainText(`${id} expires within 7 days (${PARTNERS})`);
  await alerts.getByRole('link', { name: id }).click();
  await expect(page.getByRole('grid', { name: 'Certificates' })).toBeVisible();
});

test("Home's first load reads management certificates without the toolkit, and fetches the chart only when it is scrolled to", async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/assets/') && path.endsWith('.js')) scripts.push(path.slice('/assets/'.length));
  });
  await signIn(page, 'alice');
  await inventoryComplete(page);
  // A management certificate's subject and expiry, read in the browser from its DER by the glance reader.
  const management = await only(page, 'Visual Studio Publish (alice)');
  await expect(cell(management, COLUMN.kind)).toHaveText('Management');
  await expect(cell(management, COLUMN.daysLeft)).toHaveText('19');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((f) => f.startsWith('certificate-glance-'))).toHaveLength(1);
  // Neither pkijs, asn1js nor the full toolkit's modules.
  expect(scripts.filter((f) => /parsed-certificate|certificate-summary|asn1|pkijs|open-certificate-file/.test(f))).toEqual([]);
  // The chart's counts and table are there at once; recharts is not fetched until the chart region is near.
  await expect(page.getByRole('list', { name: 'Certificates per status' })).toBeVisible();
  await expect(page.getByText('Expirations as a table')).toBeAttached();
  expect(scripts.filter((f) => f.startsWith('expiry-chart-'))).toEqual([]);
  await page.getByRole('heading', { name: 'Expirations over time' }).scrollIntoViewIfNeeded();
  await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
  expect(scripts.filter((f) => f.startsWith('expiry-chart-'))).toHaveLength(1);
});

test('the alert settings pane opens from its own chunk, keeps the thresholds, and returns focus to its button', async ({ page }) => {
  await signIn(page, 'alice');
  await inventoryComplete(page);
  const button = page.getByRole('button', { name: 'Alert settings' });
  await button.click();
  const pane = page.getByRole('dialog', { name: 'Alert settings' });
  await pane.getByRole('checkbox', { name: '30 days left' }).uncheck();
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toHaveCount(0);
  await expect(button).toBeFocused();
  await button.click();
  await expect(page.getByRole('dialog', { name: 'Alert settings' }).getByRole('checkbox', { name: '30 days left' })).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(button).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem('certportal.inventory.alerts'))).toBe('{"thresholds":[14,7,0]}');
});
