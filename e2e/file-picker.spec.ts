import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { signIn } from './support/sign-in';
import { makeCertificate } from './support/openssl';
import { DEMO_SUBSCRIPTIONS } from '../emulator/seed/demo-ids.ts';

// The shared certificate file picker: a drop zone that highlights while a file is dragged over it, and a Fluent
// "Browse…" button (the bare browser button it replaces was a finding). Nothing is uploaded here.

async function openUpload(page: Page) {
  await signIn(page, 'alice', `/subscriptions/${DEMO_SUBSCRIPTIONS.production.id}/management-certificates`);
  await page.getByRole('button', { name: 'Upload' }).click();
  return page.getByRole('dialog', { name: 'Upload a management certificate' });
}

test('a file dragged over the zone highlights it; dropped, it opens in the preview', async ({ page }) => {
  const cert = makeCertificate('e2e-picker-drop');
  const dialog = await openUpload(page);
  const zone = dialog.getByTestId('file-drop');
  const transfer = await page.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'dropped.cer', { type: 'application/pkix-cert' }));
    return dt;
  }, readFileSync(cert.cerPath).toString('base64'));
  await expect(zone).not.toHaveAttribute('data-dragging');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(zone).toHaveAttribute('data-dragging', 'true');
  await expect(zone).toContainText('Drop the file to open it');
  // A dashed border in the brand colour while dragging, the neutral one otherwise.
  const dragColour = await zone.evaluate((el) => getComputedStyle(el).borderTopColor);
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(zone).not.toHaveAttribute('data-dragging');
  expect(await zone.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
  expect(await zone.evaluate((el) => getComputedStyle(el).borderTopColor)).not.toBe(dragColour);
  await expect(zone).toContainText('Selected: dropped.cer');
  await expect(dialog.getByRole('region', { name: 'Certificate preview' })).toContainText(cert.sha1);
});

test('keyboard only: Browse… is one Tab stop described by the label; Enter opens the file chooser; axe clean at 1280×800 and 320×640', async ({ page }) => {
  const cert = makeCertificate('e2e-picker-browse');
  const dialog = await openUpload(page);
  const browse = dialog.getByRole('button', { name: 'Browse…' });
  await expect(browse).toHaveAccessibleDescription(
    'Certificate file (.cer, .crt, .pem, .der) Choose a file or drop it here. It is opened in your browser first.',
  );
  // Listening first: Playwright turns on file-chooser interception asynchronously.
  const chooser = page.waitForEvent('filechooser');
  // The hidden input is no second stop: Tab from Browse… leaves the picker.
  await browse.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(browse).toBeFocused();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(cert.cerPath);
  await expect(dialog.getByRole('region', { name: 'Certificate preview' })).toContainText(cert.sha1);
  await expect(browse).toHaveAccessibleDescription('Certificate file (.cer, .crt, .pem, .der) Selected: e2e-picker-browse.cer');
  await expectNoSeriousAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 640 });
  await expect(browse).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoSeriousAxeViolations(page);
});
