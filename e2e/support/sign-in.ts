import { expect, type Page } from '@playwright/test';

export const DEMO = {
  alice: { username: 'alice@certportal.example', password: 'alice-demo-password', name: 'Alice Admin' },
  bob: { username: 'bob@certportal.example', password: 'bob-demo-password', name: 'Bob Reader' },
  carol: { username: 'carol@certportal.example', password: 'carol-demo-password', name: 'Carol Nobody' },
} as const;

/** Signs in through the real MSAL redirect flow and the emulator's sign-in page. */
export async function signIn(page: Page, who: keyof typeof DEMO = 'alice', path = '/'): Promise<void> {
  const user = DEMO[who];
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: new RegExp(`Account: ${user.name}`) })).toBeVisible();
}
