import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { openCertificates, rowAction, search } from './support/apim';

// Finding: the Replace pane showed its read-only Id empty, and opened with focus on Close.
test('Replace shows the certificate id, starts on it, and focus returns to the row menu on Cancel', async ({ page }) => {
  await signIn(page, 'alice');
  await openCertificates(page);
  await search(page, 'backend-mtls');
  await rowAction(page, 'backend-mtls', 'Replace');
  const pane = page.getByRole('dialog', { name: 'Replace certificate backend-mtls' });
  await expect(pane.getByLabel('Id')).toHaveValue('backend-mtls');
  await expect(pane.getByLabel('Id')).toBeFocused();
  await pane.getByRole('button', { name: 'Cancel' }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('button', { name: 'More actions for backend-mtls' })).toBeFocused();
});
