import { expect, test, type Locator } from '@playwright/test';
import { signIn } from './support/sign-in';
import { openCertificates, row } from './support/apim';
import { expectNoSeriousAxeViolations } from './support/axe';

const thumbprintOf = async (r: Locator) => (await r.textContent())?.match(/[0-9A-F]{40}/)?.[0];

test('each row of the API Management certificates grid copies its thumbprint, by click and by Tab from the row; axe clean', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'alice');
  await openCertificates(page);
  const status = page.getByRole('status').filter({ hasText: /thumbprint of/ });

  // By click: the clipboard holds this row's thumbprint, a status says so, and no details pane opens.
  const legacy = row(page, 'legacy-soap-client');
  const legacyThumbprint = await thumbprintOf(legacy);
  expect(legacyThumbprint).toBeTruthy();
  const legacyCopy = legacy.getByRole('button', { name: 'Copy thumbprint of legacy-soap-client' });
  await legacyCopy.click();
  await expect(status).toHaveText('Copied the thumbprint of legacy-soap-client');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(legacyThumbprint);
  await expect(legacyCopy).toHaveAttribute('title', 'Copied');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  // By keyboard: from the row, Tab reaches its copy button (then its "…"), and Enter copies another thumbprint.
  const mtls = row(page, 'backend-mtls');
  const mtlsThumbprint = await thumbprintOf(mtls);
  expect(mtlsThumbprint).toBeTruthy();
  expect(mtlsThumbprint).not.toBe(legacyThumbprint);
  await mtls.focus();
  await page.keyboard.press('Tab');
  const mtlsCopy = mtls.getByRole('button', { name: 'Copy thumbprint of backend-mtls' });
  await expect(mtlsCopy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Copied the thumbprint of backend-mtls');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(mtlsThumbprint);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(mtls.getByRole('button', { name: 'More actions for backend-mtls' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(mtlsCopy).toBeFocused();
  await expectNoSeriousAxeViolations(page);
});
