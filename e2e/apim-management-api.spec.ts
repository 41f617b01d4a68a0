import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { signIn } from './support/sign-in';
import { makeCertificate, makePfx, read } from './support/openssl';
import { PARTNERS, RESOURCE_GROUP, row, search, SUBSCRIPTION, url } from './support/apim';

// contoso-partners starts with its management API disabled; this spec turns it on, and off again at the end.
test.describe.configure({ mode: 'serial' });

const LEGACY = 'api-version=2014-02-14-preview';

test('Management API page: enable, reveal and copy a key, a browser-made token works from Node, regenerate refuses it', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'alice');
  await page.goto(`/apim/${SUBSCRIPTION}/${RESOURCE_GROUP}/${PARTNERS}`);
  await page.getByRole('navigation', { name: 'API Management service menu' }).getByRole('link', { name: 'Management API' }).click();
  await expect(page.getByRole('heading', { name: 'Management API', level: 1 })).toBeVisible();
  const baseUrl = `${url()}apim-direct/${PARTNERS}`;
  await expect(page.getByRole('textbox', { name: 'Management API URL' })).toHaveValue(baseUrl);
  await expect(page.getByRole('textbox', { name: 'Identifier' })).toHaveValue('integration');

  const toggle = page.getByRole('switch', { name: 'Enable API Management REST API' });
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeEnabled();

  // Keys stay hidden until asked for.
  const primary = page.getByRole('textbox', { name: 'Primary key' });
  await expect(primary).toHaveValue(/^•+$/);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Show keys' }).click();
  await expect(primary).toHaveValue(/^[A-Za-z0-9+/]{80,}={0,2}$/);
  const key = await primary.inputValue();
  await page.getByRole('button', { name: 'Copy primary key' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Primary key copied' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  await page.getByRole('button', { name: 'Generate access token' }).click();
  const tokenBox = page.getByRole('textbox', { name: 'Access token' });
  await expect(tokenBox).toHaveValue(/^SharedAccessSignature uid=integration&ex=\d{4}-\d\d-\d\dT\d\d:\d\d:00\.0000000Z&sn=/);
  const token = await tokenBox.inputValue();
  await expect(page.getByRole('textbox', { name: 'Example request (curl)' })).toHaveValue(
    `curl -H "Authorization: ${token}" "${baseUrl}/certificates?${LEGACY}"`,
  );
  await expectNoSeriousAxeViolations(page);

  // A Node request with the browser's token: it lists, and what it adds is the same certificate in the app's grid.
  const listed = await request.get(`${baseUrl}/certificates?${LEGACY}`, { headers: { Authorization: token } });
  expect(listed.status()).toBe(200);
  const pfx = makePfx(makeCertificate('legacy-e2e'), 'pw');
  const id = `legacy-e2e-${Date.now()}`;
  const added = await request.put(`${baseUrl}/certificates/${id}?${LEGACY}`, {
    headers: { Authorization: token },
    data: { data: read(pfx).toString('base64'), password: 'pw' },
  });
  expect(added.status()).toBe(201);

  // Regenerate, behind a confirmation that opens on Cancel and returns focus to its button.
  const regenerateButton = page.getByRole('button', { name: 'Regenerate primary key' });
  await regenerateButton.click();
  const dialog = page.getByRole('alertdialog', { name: 'Regenerate the primary key?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await dialog.getByRole('button', { name: 'Regenerate' }).click();
  await expect(dialog).toBeHidden();
  await expect(regenerateButton).toBeFocused();
  await expect(primary).not.toHaveValue(key);

  const refused = await request.get(`${baseUrl}/certificates?${LEGACY}`, { headers: { Authorization: token } });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('Unauthorized');

  // Never in a URL, browser storage or the emulator's log.
  const newKey = await primary.inputValue();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href);
  const signatureOf = token.slice(token.indexOf('&sn=') + 4);
  for (const secret of [key, newKey, signatureOf]) expect(stored).not.toContain(secret);
  const log = readFileSync(process.env.CERTPORTAL_E2E_LOG ?? '', 'utf8');
  for (const secret of [key, newKey, signatureOf]) expect(log).not.toContain(secret);

  await page.getByRole('navigation', { name: 'API Management service menu' }).getByRole('link', { name: 'Certificates' }).click();
  await search(page, id);
  await expect(row(page, id)).toContainText('CN=legacy-e2e');

  // Back as it was, for the rest of the run.
  await page.getByRole('navigation', { name: 'API Management service menu' }).getByRole('link', { name: 'Management API' }).click();
  await page.getByRole('switch', { name: 'Enable API Management REST API' }).click();
  await expect(page.getByRole('switch', { name: 'Enable API Management REST API' })).not.toBeChecked();
});

test('the Management API page reflows at 320 px: nothing needs the page scrolled sideways, and axe is clean', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, 'alice');
  await page.goto(`/apim/${SUBSCRIPTION}/${RESOURCE_GROUP}/${PARTNERS}/management-api`);
  await expect(page.getByRole('heading', { name: 'Management API', level: 1 })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Enable API Management REST API' })).toBeInViewport();
  const scrollsSideways = await page.evaluate(() => [document.documentElement, document.querySelector('main')!].some((e) => e.scrollWidth > e.clientWidth));
  expect(scrollsSideways).toBe(false);
  await expectNoSeriousAxeViolations(page);
});
