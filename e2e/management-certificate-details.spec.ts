import { execFileSync } from 'node:child_process';
import { expect, test, type Download, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './support/axe';
import { signIn } from './support/sign-in';
import { tempPath } from './support/openssl';
import { DEMO_SUBSCRIPTIONS } from '../emulator/seed/demo-ids.ts';

const PRODUCTION = DEMO_SUBSCRIPTIONS.production.id;
// A seeded certificate of Contoso Production no other spec changes.
const NAME = 'Visual Studio Publish (alice)';

const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8' }).trim();

async function openBlade(page: Page) {
  await signIn(page, 'alice', `/subscriptions/${PRODUCTION}/management-certificates`);
  await expect(page.getByRole('grid', { name: 'Management certificates' })).toBeVisible();
}

async function saved(download: Download, name: string): Promise<string> {
  const path = tempPath(name);
  await download.saveAs(path);
  return path;
}

/** Calendar days from today to `date` in this machine's time zone, which is the browser's here. */
function calendarDaysLeft(date: Date): number {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
  return Math.round(day(date) - day(new Date()));
}

test('the name opens a details pane: subject, issuer, thumbprint with copy, days left, key; .cer and PEM read by openssl', async ({ page }) => {
  await openBlade(page);
  const row = page.getByRole('row', { name: new RegExp(NAME.replace(/[()]/g, '\\$&')) });
  const thumbprint = (await row.getByRole('gridcell').nth(2).innerText()).match(/[0-9A-F]{40}/)?.[0] ?? '';
  expect(thumbprint).toMatch(/^[0-9A-F]{40}$/);
  await row.getByRole('button', { name: NAME }).click();
  const pane = page.getByRole('dialog', { name: NAME });
  await expect(pane).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Download .cer' })).toBeFocused();

  const cer = await saved((await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: 'Download .cer' }).click()]))[0], 'details.cer');
  const pem = await saved((await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: 'Download PEM' }).click()]))[0], 'details.pem');
  for (const [path, form] of [
    [cer, 'DER'],
    [pem, 'PEM'],
  ]) {
    const fingerprint = openssl('x509', '-inform', form, '-in', path, '-noout', '-fingerprint', '-sha1').split('=')[1].replace(/:/g, '');
    expect(fingerprint, `${form} download`).toBe(thumbprint);
  }

  // The fields, against what openssl reads from the same bytes.
  const facts = pane.getByRole('definition');
  const notAfter = new Date(openssl('x509', '-inform', 'DER', '-in', cer, '-noout', '-enddate').split('=')[1]);
  const bits = openssl('x509', '-inform', 'DER', '-in', cer, '-noout', '-text').match(/Public-Key: \((\d+) bit\)/)?.[1];
  await expect(facts.nth(0)).toContainText(`CN=${NAME}`);
  await expect(facts.nth(1)).toContainText('CN=');
  await expect(facts.nth(2)).toContainText(thumbprint);
  await expect(pane.getByRole('button', { name: 'Copy thumbprint' })).toBeVisible();
  await expect(facts.nth(4)).toHaveText(notAfter.toISOString().replace('.000Z', 'Z'));
  await expect(facts.nth(5)).toHaveText(`Expires in ${calendarDaysLeft(notAfter)} days`);
  await expect(facts.nth(6)).toHaveText(`RSA ${bits} bits`);
});

test('keyboard only: Enter on the name opens the pane on Download .cer; Esc closes it and focus is back on the name; axe clean at 1280×800 and 320×640', async ({
  page,
}) => {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 320, height: 640 },
  ]) {
    await page.setViewportSize(size);
    if (size.width === 1280) await openBlade(page);
    else await page.reload();
    const name = page.getByRole('button', { name: NAME });
    await name.focus();
    await page.keyboard.press('Enter');
    const pane = page.getByRole('dialog', { name: NAME });
    await expect(pane.getByRole('button', { name: 'Download .cer' })).toBeFocused();
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(pane).toBeHidden();
    await expect(name).toBeFocused();
  }
});
