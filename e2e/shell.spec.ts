import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { expectNoSeriousAxeViolations } from './support/axe';

test('the emulator serves the app and, once signed in, the portal shell', async ({ page }, testInfo) => {
  await signIn(page);
  await expect(page.getByRole('banner')).toContainText('certportal');
  await expect(page.getByRole('navigation', { name: 'Portal menu' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Subscriptions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('portal-shell.png') });
});

test('a broken config.json shows a page that names the problem', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"auth": {"clientId": "not-a-guid"' }));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'certportal cannot start' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('config.json is not valid JSON.');
});

test('a config.json with wrong values lists each wrong key', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ auth: { clientId: 'nope', authority: 'http://example.test', knownAuthorities: [] }, armEndpoint: 'https://management.azure.com' }),
    }),
  );
  await page.goto('/');
  await expect(page.getByRole('alert')).toHaveText('config.json is not valid.');
  await expect(page.getByText('"auth.clientId" must be the app registration')).toBeVisible();
  await expect(page.getByText('"auth.authority" must use https://')).toBeVisible();
  await expect(page.getByText('"asmEndpoint" is missing')).toBeVisible();
});

test('a missing config.json says so', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toHaveText('config.json is missing.');
});

test('the top-bar menus work by keyboard: Enter opens with focus inside, Escape returns to the button; axe is clean', async ({ page }) => {
  await signIn(page);
  const account = page.getByRole('button', { name: /^Account: / });
  await account.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeHidden();
  await expect(account).toBeFocused();
  await expectNoSeriousAxeViolations(page);
});
