import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { APIM_DEMO } from '../emulator/seed/demo-ids.ts';

const { subscriptionId, resourceGroup, service } = APIM_DEMO.production;
const BLADE = `/apim/${subscriptionId}/${resourceGroup}/${service}/certificates`;

test('column headers sort the loaded certificates, both ways, and say so to assistive tech', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto(BLADE);
  const grid = page.getByRole('grid', { name: 'Certificates' });
  await expect(grid.getByRole('row', { name: /^legacy-soap-client\b/ })).toBeVisible();
  const header = grid.getByRole('columnheader', { name: /Expiration/ });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  // The demo's only expired certificate comes first.
  await expect(grid.getByRole('row').nth(1)).toHaveAccessibleName(/^legacy-soap-client\b/);
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(grid.getByRole('row').nth(1)).not.toHaveAccessibleName(/^legacy-soap-client\b/);
});

test('a reader sees the certificates but cannot add, replace or delete', async ({ page }) => {
  await signIn(page, 'bob');
  await page.goto(BLADE);
  const grid = page.getByRole('grid', { name: 'Certificates' });
  await expect(grid.getByRole('row', { name: /^backend-mtls\b/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add' })).toBeDisabled();
  await grid.getByRole('button', { name: 'More actions for backend-mtls' }).click();
  await expect(page.getByRole('menuitem', { name: 'Replace' })).toBeDisabled();
  await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeDisabled();
});
