import { expect, type Page } from '@playwright/test';
import { DEMO_USERS } from '../../emulator/seed/demo-ids.ts';

/** What the sign-in page asks for, from the emulator's demo users: the UPN as the username. */
function demoUser(username: 'alice' | 'bob' | 'carol') {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  return { username: user.upn, password: user.password, name: user.name };
}

export const DEMO = { alice: demoUser('alice'), bob: demoUser('bob'), carol: demoUser('carol') };

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
