import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { DEMO_SUBSCRIPTIONS } from '../emulator/seed/demo-ids.ts';

// Finding: breadcrumbs and titles showed the subscription's GUID where the portal shows its name.
test('the management certificates blade names the subscription in its breadcrumb and title, not its id', async ({ page }) => {
  await signIn(page, 'alice');
  const { id, name } = DEMO_SUBSCRIPTIONS.production;
  await page.goto(`/subscriptions/${id}/management-certificates`);
  await expect(page.getByRole('grid', { name: 'Management certificates' })).toBeVisible();
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('link', { name })).toBeVisible();
  await expect(crumbs).not.toContainText(id);
  await expect(page.getByRole('region', { name: 'Management certificates' })).toContainText(name);
  await expect(page.getByRole('region', { name: 'Management certificates' })).not.toContainText(id);
});
