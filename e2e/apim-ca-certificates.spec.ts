import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/sign-in';
import { expectNoSeriousAxeViolations } from './support/axe';
import { MAIN, RESOURCE_GROUP, SUBSCRIPTION } from './support/apim';
import { createService, makeCaFile, touchService } from './support/ca-service';

// The portal's "CA certificates" tab: the service's properties.certificates, changed by a long-running PATCH with If-Match.

const caPage = (page: Page, service: string) => page.goto(`/apim/${SUBSCRIPTION}/${RESOURCE_GROUP}/${service}/certificates?tab=ca`);
const caGrid = (page: Page) => page.getByRole('grid', { name: 'CA certificates' });
const caRow = (page: Page, subject: RegExp) => caGrid(page).getByRole('row').filter({ hasText: subject });
const pageScrollsSideways = (page: Page) =>
  page.evaluate(() => [document.documentElement, document.querySelector('main')!].some((e) => e.scrollWidth > e.clientWidth));
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

test("the demo service's CA certificates: subject, thumbprint, expiry and store", async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto(`/apim/${SUBSCRIPTION}/${RESOURCE_GROUP}/${MAIN}/certificates`);
  await page.getByRole('tab', { name: 'CA certificates' }).click();
  await expect(page).toHaveURL(/tab=ca/);
  await expect(caGrid(page).getByRole('row').filter({ hasText: 'Root' })).not.toHaveCount(0);
  await expect(caGrid(page).getByRole('row').filter({ hasText: 'CertificateAuthority' })).not.toHaveCount(0);
  await expect(page.getByText(/^2 of 10 CA certificates$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add' })).toBeEnabled();
});

test('bob (Reader) sees the CA certificates read-only', async ({ page }) => {
  await signIn(page, 'bob');
  await caPage(page, MAIN);
  await expect(page.getByText(/read-only access to this service: you can see its CA certificates/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add' })).toBeDisabled();
  await expect(
    caGrid(page)
      .getByRole('button', { name: /^Delete / })
      .first(),
  ).toBeDisabled();
});

test('add by keyboard: warnings before sending, the long-running progress, the new row, focus back on Add; then delete with Cancel first', async ({
  page,
  request,
}) => {
  const service = unique('e2e-ca');
  const root = makeCaFile(`${service}-root`);
  const issuing = makeCaFile(`${service}-issuing`);
  const leaf = makeCaFile(`${service}-leaf`, { ca: false });
  await createService(request, service, [{ file: root, storeName: 'Root' }]);
  await signIn(page, 'alice');
  await caPage(page, service);
  await expect(caRow(page, new RegExp(`${service}-root`))).toBeVisible();

  const add = page.getByRole('button', { name: 'Add' });
  await expect(add).toBeEnabled();
  await add.focus();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('dialog', { name: 'Add CA certificate' });
  await expect(pane.getByRole('radio', { name: 'Root' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(pane.getByRole('radio', { name: 'CertificateAuthority' })).toBeChecked();

  const file = pane.getByLabel('CA certificate file (.cer, .crt, .pem)');
  await file.setInputFiles(leaf.path);
  await expect(pane.getByText(/This is not a CA certificate/)).toBeVisible();
  await expect(pane.getByText(/changes which certificates the whole gateway trusts/)).toBeVisible();
  await file.setInputFiles(root.path);
  await expect(pane.getByText(/already in the service's Root store/)).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Save' })).toBeDisabled();
  await file.setInputFiles(issuing.path);
  await expect(pane.getByRole('region', { name: 'Certificate preview' })).toContainText(issuing.sha1);
  await expect(pane.getByText(/This is not a CA certificate/)).toHaveCount(0);

  await pane.getByRole('button', { name: 'Save' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Updating the service…').first()).toBeVisible();
  await expect(pane).toBeHidden({ timeout: 20_000 });
  const added = caRow(page, new RegExp(`${service}-issuing`));
  await expect(added).toContainText(issuing.sha1);
  await expect(added).toContainText('CertificateAuthority');
  await expect(add).toBeFocused();

  const remove = added.getByRole('button', { name: /^Delete / });
  await remove.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Delete confirmation' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(added).toBeVisible();

  await page.keyboard.press('Enter');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Updating the service…').first()).toBeVisible();
  await expect(added).toHaveCount(0, { timeout: 20_000 });
  await expect(caRow(page, new RegExp(`${service}-root`))).toBeVisible();
});

test('a change made elsewhere since the read: the PATCH is refused (412) and the conflict dialog offers Reload, focus on it', async ({ page, request }) => {
  const service = unique('e2e-ca-412');
  const root = makeCaFile(`${service}-root`);
  await createService(request, service, [{ file: root, storeName: 'Root' }]);
  await signIn(page, 'alice');
  await caPage(page, service);
  const row = caRow(page, new RegExp(`${service}-root`));
  await expect(row).toBeVisible();
  await touchService(request, service);

  await row.getByRole('button', { name: /^Delete / }).click();
  await page.getByRole('alertdialog', { name: 'Delete confirmation' }).getByRole('button', { name: 'Delete' }).click();
  const conflict = page.getByRole('alertdialog', { name: 'The service changed' });
  await expect(conflict.getByRole('button', { name: 'Reload' })).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(conflict).toBeHidden();
  // Nothing was removed over the other write.
  await expect(row).toBeVisible();
});

test('at 10 of 10 Add is disabled with the reason', async ({ page, request }) => {
  const service = unique('e2e-ca-full');
  const files = Array.from({ length: 10 }, (_, i) => makeCaFile(`${service}-${i}`));
  await createService(
    request,
    service,
    files.map((file) => ({ file, storeName: 'CertificateAuthority' as const })),
  );
  await signIn(page, 'alice');
  await caPage(page, service);
  await expect(page.getByText(/^10 of 10 CA certificates$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add' })).toBeDisabled();
  await expect(page.getByText(/10 of 10 CA certificates, the most it can have/)).toBeVisible();
});

test('a copy button by each thumbprint puts it on the clipboard and says Copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'alice');
  await caPage(page, MAIN);
  const first = caGrid(page).getByRole('row').nth(1);
  const thumbprint = (await first.textContent())?.match(/[0-9A-F]{40}/)?.[0];
  expect(thumbprint).toBeTruthy();
  await first.getByRole('button', { name: 'Copy thumbprint' }).click();
  await expect(first.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(thumbprint);
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
]) {
  test(`axe is clean on the CA tab, its add pane and its delete confirmation at ${size.width}×${size.height}; no sideways page scroll`, async ({ page }) => {
    await page.setViewportSize(size);
    await signIn(page, 'alice');
    await caPage(page, MAIN);
    await expect(caGrid(page)).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    expect(await pageScrollsSideways(page)).toBe(false);
    const add = page.getByRole('button', { name: 'Add' });
    await add.click();
    const pane = page.getByRole('dialog', { name: 'Add CA certificate' });
    await expect(pane).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await pane.getByRole('button', { name: 'Cancel' }).click();
    await expect(add).toBeFocused();
    await caGrid(page)
      .getByRole('button', { name: /^Delete / })
      .first()
      .click();
    await expect(page.getByRole('alertdialog', { name: 'Delete confirmation' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('Escape');
  });
}

test('copy by the thumbprint of a management certificate row and of the API Management details pane; the pane gives focus back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'alice');
  await page.goto(`/subscriptions/${SUBSCRIPTION}/management-certificates`);
  const managementRow = page.getByRole('grid', { name: 'Management certificates' }).getByRole('row').nth(1);
  const managementThumbprint = (await managementRow.textContent())?.match(/[0-9A-F]{40}/)?.[0];
  await managementRow.getByRole('button', { name: 'Copy thumbprint' }).click();
  await expect(managementRow.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(managementThumbprint);

  await page.goto(`/apim/${SUBSCRIPTION}/${RESOURCE_GROUP}/${MAIN}/certificates`);
  const more = page.getByRole('button', { name: 'More actions for backend-mtls' });
  await page.getByRole('searchbox', { name: /Search certificates/ }).fill('backend-mtls');
  await more.click();
  await page.getByRole('menuitem', { name: 'View details' }).click();
  const pane = page.getByRole('dialog', { name: 'Certificate backend-mtls' });
  const facts = pane.getByRole('definition').filter({ has: page.getByRole('button', { name: 'Copy thumbprint' }) });
  const paneThumbprint = (await facts.textContent())?.match(/[0-9A-F]{40}/)?.[0];
  await facts.getByRole('button', { name: 'Copy thumbprint' }).click();
  await expect(facts.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(paneThumbprint);
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(more).toBeFocused();
});
