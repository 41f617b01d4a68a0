import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './support/sign-in';

/** Every JWT-looking string MSAL keeps in sessionStorage (its cache), and anything JWT-like in localStorage. */
async function storedTokens(page: Page): Promise<{ session: string[]; local: string[] }> {
  return page.evaluate(() => {
    const jwt = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g;
    const collect = (s: Storage) => {
      const found: string[] = [];
      for (let i = 0; i < s.length; i++) {
        const key = s.key(i)!;
        found.push(...(`${key} ${s.getItem(key) ?? ''}`.match(jwt) ?? []));
      }
      return found;
    };
    return { session: collect(window.sessionStorage), local: collect(window.localStorage) };
  });
}

test('signs in through MSAL as the demo owner, stays signed in across a reload, signs out', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await signIn(page, 'alice');
  await page.getByRole('link', { name: 'Subscriptions' }).click();
  await expect(page.getByRole('link', { name: 'Contoso Production' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Contoso Development' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('button', { name: `Account: ${DEMO.alice.name}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Contoso Production' })).toBeVisible();

  // Entra-style account key: homeAccountId = object id . tenant id, from client_info in the token response.
  const keys = await page.evaluate(() => Object.keys(window.sessionStorage).join('\n'));
  expect(keys).toContain('8a1f0000-0000-4000-8000-00000000a11c.72f988bf-0000-4000-8000-0000000c0ffe');
  const tokens = await storedTokens(page);
  expect(tokens.session.length).toBeGreaterThan(0);
  expect(tokens.local).toEqual([]);
  for (const token of tokens.session) {
    for (const url of urls) expect(url).not.toContain(token.split('.')[1]);
  }
  const log = readFileSync(process.env.CERTPORTAL_E2E_LOG!, 'utf8');
  expect(log).toContain('GET /arm/subscriptions 200');
  for (const token of tokens.session) expect(log).not.toContain(token.split('.')[1]);

  await page.getByRole('button', { name: `Account: ${DEMO.alice.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect((await storedTokens(page)).session).toEqual([]);
});

test('a deep link survives sign-in: the blade asked for is the blade shown', async ({ page }) => {
  await signIn(page, 'alice', '/subscriptions');
  await expect(page).toHaveURL(/\/subscriptions$/);
  await expect(page.getByRole('heading', { name: 'Subscriptions', level: 1 })).toBeVisible();
});

test('a user with no role sees no subscriptions, and is told why', async ({ page }) => {
  await signIn(page, 'carol', '/subscriptions');
  await expect(page.getByText('You have no access to any subscription')).toBeVisible();
});

test('the sign-in page refuses a wrong password without leaving it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username').fill(DEMO.alice.username);
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText("don't match a demo account");
  await expect(page.getByLabel('Username')).toHaveValue(DEMO.alice.username);
});
