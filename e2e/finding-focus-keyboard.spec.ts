import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { openCertificates, search } from './support/apim';
import { DEMO_SUBSCRIPTIONS } from '../emulator/seed/demo-ids.ts';

// Finding: after Esc, Cancel or success focus landed on <body>; panes opened on Close; the Delete confirmation on Delete.

test('keyboard only: Add opens on the Id field, Esc closes it, focus is back on Add', async ({ page }) => {
  await signIn(page, 'alice');
  await openCertificates(page);
  const add = page.getByRole('button', { name: 'Add' });
  // Enabled once the caller's role is known, which may come after the grid: a disabled button takes no focus.
  await expect(add).toBeEnabled();
  await add.focus();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('dialog', { name: 'Add certificate' });
  await expect(pane.getByLabel('Id')).toBeFocused();
  await page.keyboard.type('kbd-typed');
  await expect(pane.getByLabel('Id')).toHaveValue('kbd-typed');
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(add).toBeFocused();
});

test('keyboard only: the Delete confirmation opens on Cancel, so Enter twice deletes nothing; focus returns to the row menu', async ({ page }) => {
  await signIn(page, 'alice');
  await openCertificates(page);
  await search(page, 'backend-mtls');
  const more = page.getByRole('button', { name: 'More actions for backend-mtls' });
  await more.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Delete' }).focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Delete confirmation' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row', { name: /^backend-mtls\b/ })).toBeVisible();
  await expect(more).toBeFocused();
});

test('keyboard only: Upload opens on its first field, Cancel returns focus to Upload', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto(`/subscriptions/${DEMO_SUBSCRIPTIONS.production.id}/management-certificates`);
  await expect(page.getByRole('grid', { name: 'Management certificates' })).toBeVisible();
  const upload = page.getByRole('button', { name: 'Upload' });
  await expect(upload).toBeEnabled();
  await upload.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Upload a management certificate' });
  await expect(dialog.getByRole('combobox', { name: 'Subscription' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(upload).toBeFocused();
});
