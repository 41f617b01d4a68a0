import { execFileSync } from 'node:child_process';
import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { signIn } from './support/sign-in';
import { makeCertificate, makePfx, tempPath } from './support/openssl';
import { APIM_DEMO, DEMO_SERVICE_PRINCIPAL, DEMO_TENANT_ID } from '../emulator/seed/demo-ids.ts';

const SUBSCRIPTION = APIM_DEMO.production.subscriptionId;
const RESOURCE_GROUP = APIM_DEMO.production.resourceGroup;
const MAIN = APIM_DEMO.production.service;
// The 1,000 bulk certificates go to the partner service, so counts in the main service stay small.
const PARTNERS = APIM_DEMO.production.partnerService;
const TENANT = DEMO_TENANT_ID;
const GATEWAY_VERSION = APIM_DEMO.secrets.gatewayVersion;

// One emulator serves the whole run: these tests share API Management services, so they run in order.
test.describe.configure({ mode: 'serial' });

const url = () => process.env.CERTPORTAL_E2E_URL ?? '';
const certificatesApi = (service: string) =>
  `${url()}arm/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.ApiManagement/service/${service}/certificates`;

async function armToken(request: APIRequestContext): Promise<string> {
  const response = await request.post(`${url()}${TENANT}/v2.0/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: DEMO_SERVICE_PRINCIPAL.clientId,
      client_secret: DEMO_SERVICE_PRINCIPAL.clientSecret,
      scope: 'https://management.azure.com/.default',
    },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function putCertificate(request: APIRequestContext, token: string, service: string, id: string, body: unknown): Promise<number> {
  const response = await request.put(`${certificatesApi(service)}/${encodeURIComponent(id)}?api-version=2024-05-01`, {
    headers: { Authorization: `Bearer ${token}` },
    data: body,
  });
  return response.status();
}

async function openCertificates(page: Page, service: string = MAIN): Promise<Locator> {
  await page.goto(`/apim/${SUBSCRIPTION}/${RESOURCE_GROUP}/${service}/certificates`);
  await expect(page.getByRole('heading', { name: 'Certificates', level: 1 })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Certificates' });
  await expect(grid).toBeVisible();
  return grid;
}

async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: /Search certificates/ }).fill(text);
  await expect(page.getByText(/^Found \d+ certificates?/)).toBeVisible();
}

const row = (page: Page, id: string) => page.getByRole('grid', { name: 'Certificates' }).getByRole('row', { name: new RegExp(`^${id}\\b`) });

async function rowAction(page: Page, id: string, action: string) {
  await row(page, id)
    .getByRole('button', { name: `More actions for ${id}` })
    .click();
  await page.getByRole('menuitem', { name: action }).click();
}

async function addPfx(page: Page, id: string, pfxPath: string, password: string, sha1: string) {
  await page.getByRole('button', { name: 'Add' }).click();
  const pane = page.getByRole('dialog', { name: 'Add certificate' });
  await pane.getByLabel('Id').fill(id);
  await pane.getByLabel('Certificate file (.pfx, .p12)').setInputFiles(pfxPath);
  await pane.getByLabel('Password', { exact: true }).fill(password);
  await expect(pane.getByRole('region', { name: 'Certificate preview' })).toContainText(sha1);
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();
}

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

/** Distinct certificates made fast: one RSA key, certificates signed by Node's crypto, PKCS#12 by node-forge. */
function bulkPfxMaker(keyPath: string): (n: string, days: number) => string {
  const pem = readFileSync(keyPath, 'utf8');
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  return (n, days) => {
    const cert = forge.pki.createCertificate();
    cert.publicKey = publicKey;
    cert.serialNumber = `01${n}`;
    cert.validity.notBefore = new Date(Date.now() - 86_400_000);
    cert.validity.notAfter = new Date(Date.now() + days * 86_400_000);
    const name = [
      { name: 'commonName', value: `svc-${n}.bulk.example` },
      { name: 'organizationName', value: 'certportal bulk' },
    ];
    cert.setSubject(name);
    cert.setIssuer(name);
    let tbs = '';
    const md = { algorithm: 'sha256', update: (bytes: string) => ((tbs += bytes), md) };
    const signer = { sign: () => sign('sha256', Buffer.from(tbs, 'binary'), pem).toString('binary') };
    cert.sign(signer as unknown as forge.pki.rsa.PrivateKey, md as unknown as forge.md.MessageDigest);
    const p12 = forge.pkcs12.toPkcs12Asn1(key, cert, 'bulk', { algorithm: 'aes128', count: 1 });
    return forge.util.encode64(forge.asn1.toDer(p12).getBytes());
  };
}

test('1,000 certificates: search by subject goes to the service as $filter, and the virtualized grid scrolls to the end', async ({ page, request }) => {
  test.setTimeout(150_000);
  const token = await armToken(request);
  const key = makeCertificate('e2e-apim-bulk-key');
  const makePfxData = bulkPfxMaker(key.keyPath);
  let next = 1;
  const statuses: number[] = [];
  // Each worker makes its next file while the others wait on the emulator.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next <= 1000) {
        const i = next++;
        const n = String(i).padStart(4, '0');
        statuses.push(await putCertificate(request, token, PARTNERS, `bulk-${n}`, { properties: { data: makePfxData(n, 40 + i), password: 'bulk' } }));
      }
    }),
  );
  expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);

  await signIn(page, 'alice');
  const grid = await openCertificates(page, PARTNERS);
  await expect(page.getByText(/^10\d\d certificates \(100 loaded; scroll for more\)/)).toBeVisible();
  expect(await grid.getByRole('row').count()).toBeLessThan(60);

  const filtered = page.waitForRequest(
    (r) => r.url().includes('/certificates?') && (new URL(r.url()).searchParams.get('$filter') ?? '').includes("contains(subject,'svc-077')"),
  );
  await page.getByRole('searchbox', { name: /Search certificates/ }).fill('svc-077');
  const sent = new URL((await filtered).url());
  expect(sent.searchParams.get('$filter')).toBe("(contains(name,'svc-077') or contains(subject,'svc-077') or contains(thumbprint,'svc-077'))");
  expect(sent.searchParams.get('$top')).toBe('100');
  await expect(page.getByText('Found 10 certificates')).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(11);
  for (const n of ['0770', '0775', '0779']) await expect(row(page, `bulk-${n}`)).toContainText(`svc-${n}.bulk.example`);

  // "Expires before" joins the search with and: bulk-0001…0005 expire within 45 days (the n-th in 40 + n).
  const cutoff = new Date(Date.now() + 46 * 86_400_000).toISOString().slice(0, 10);
  const dated = page.waitForRequest((r) => (new URL(r.url()).searchParams.get('$filter') ?? '').includes(`expirationDate lt ${cutoff}T00:00:00Z`));
  await page.getByRole('searchbox', { name: /Search certificates/ }).fill('svc-00');
  await page.getByLabel('Expires before').fill(cutoff);
  expect(new URL((await dated).url()).searchParams.get('$filter')).toContain(' and expirationDate lt ');
  await expect(page.getByText('Found 5 certificates')).toBeVisible();
  await expect(row(page, 'bulk-0005')).toBeVisible();
  await page.getByLabel('Expires before').fill('');

  await page.getByRole('searchbox', { name: /Search certificates/ }).fill('');
  await expect(page.getByText(/^10\d\d certificates/)).toBeVisible();
  await expect(async () => {
    await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(row(page, 'tailspin-client')).toBeVisible({ timeout: 400 });
  }).toPass({ intervals: [200], timeout: 40_000 });
  await expect(row(page, 'bulk-0001')).toHaveCount(0);
  await expect(row(page, 'bulk-1000')).toBeAttached();
  expect(await grid.getByRole('row').count()).toBeLessThan(60);
  await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect(grid.getByRole('row', { name: /^bulk-0[45]\d\d/ }).first()).toBeVisible();
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
