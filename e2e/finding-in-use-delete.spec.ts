import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { openCertificates, rowAction, search } from './support/apim';
import { APIM_DEMO } from '../emulator/seed/demo-ids.ts';

// Finding: after the 400 the red Delete stayed enabled, and the policy was named twice.
test('a certificate in use: Delete is disabled after the refusal and the policy is named once', async ({ page }) => {
  await signIn(page, 'alice');
  await openCertificates(page);
  await search(page, APIM_DEMO.certificateInUse);
  await rowAction(page, APIM_DEMO.certificateInUse, 'Delete');
  const confirm = page.getByRole('alertdialog', { name: 'Delete confirmation' });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm.getByText('This certificate is in use')).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await expect(confirm.getByText(APIM_DEMO.policyUsingIt, { exact: false })).toHaveCount(1);
});
