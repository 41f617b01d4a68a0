import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { DEMO_SUBSCRIPTIONS } from '../emulator/seed/demo-ids.ts';

// Finding: carol and bob saw the service's text, with object ids and scopes, instead of the role they need.
test('carol, with no role, is told what role she needs; the service text is folded away', async ({ page }) => {
  await signIn(page, 'carol');
  await page.goto(`/subscriptions/${DEMO_SUBSCRIPTIONS.production.id}/management-certificates`);
  await expect(page.getByText("You don't have access", { exact: true })).toBeVisible();
  await expect(page.getByText(/needs the Reader, Contributor or Owner role/)).toBeVisible();
  await expect(page.getByText(/object id/)).toBeHidden();
  await page.getByText('Details from the service').click();
  await expect(page.getByText(/object id/)).toBeVisible();
});

test('bob, a reader of production, is told he has no access to development, and which role he needs', async ({ page }) => {
  await signIn(page, 'bob');
  await page.goto(`/subscriptions/${DEMO_SUBSCRIPTIONS.development.id}/management-certificates`);
  await expect(page.getByText(/needs the Reader, Contributor or Owner role/)).toBeVisible();
  await expect(page.getByText(/object id/)).toBeHidden();
});
