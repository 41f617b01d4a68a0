import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { signIn } from './support/sign-in';
import { MAIN, RESOURCE_GROUP, SUBSCRIPTION } from './support/apim';
import { DEMO_SUBSCRIPTIONS } from '../emulator/seed/demo-ids.ts';

const MANAGEMENT = `/subscriptions/${DEMO_SUBSCRIPTIONS.production.id}/management-certificates`;
const APIM = `/apim/${SUBSCRIPTION}/${RESOURCE_GROUP}/${MAIN}/certificates`;

// The page, or its main region (which scrolls on its own), wider than the screen; a grid may scroll inside itself.
const pageScrollsSideways = (page: Page) =>
  page.evaluate(() => [document.documentElement, document.querySelector('main')!].some((e) => e.scrollWidth > e.clientWidth));

// Finding: at 320 px neither menu collapsed, and the toolbar and grid sat off-screen (WCAG 2.2 SC 1.4.10).
test('at 320 px the menus fold behind buttons and nothing needs the page scrolled sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, 'alice');
  for (const [path, grid, command] of [
    [MANAGEMENT, 'Management certificates', 'Upload'],
    [APIM, 'Certificates', 'Add'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('grid', { name: grid })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Portal menu' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Portal menu' })).toBeVisible();
    await expect(page.getByRole('button', { name: command })).toBeInViewport();
    expect(await pageScrollsSideways(page)).toBe(false);
    await expectNoSeriousAxeViolations(page);
  }
  await page.getByRole('button', { name: 'Portal menu' }).click();
  await expect(page.getByRole('navigation', { name: 'Portal menu' }).getByRole('link', { name: 'Subscriptions' })).toBeVisible();
  await page.getByRole('link', { name: 'Subscriptions' }).click();
  await expect(page.getByRole('navigation', { name: 'Portal menu' })).toBeHidden();
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
]) {
  test(`axe is clean on the blades, panes and dialogs at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await signIn(page, 'alice');
    await page.goto(MANAGEMENT);
    await expect(page.getByRole('grid', { name: 'Management certificates' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('dialog', { name: 'Upload a management certificate' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('Escape');

    await page.goto(APIM);
    await expect(page.getByRole('grid', { name: 'Certificates' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('dialog', { name: 'Add certificate' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'More actions for backend-mtls' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await expect(page.getByRole('alertdialog', { name: 'Delete confirmation' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });
}
