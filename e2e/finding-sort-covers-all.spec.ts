import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { makeCertificate } from './support/openssl';
import { quickPfxMaker } from './support/quick-pfx';
import { armToken, url } from './support/apim';
import { APIM_DEMO } from '../emulator/seed/demo-ids.ts';

const { subscriptionId, resourceGroup, service } = APIM_DEMO.development;
// The second test needs the pages the first one adds.
test.describe.configure({ mode: 'serial' });
const api = `${url()}arm/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ApiManagement/service/${service}/certificates`;

// Finding: sorting by Expiration sorted only the 100 loaded rows; the soonest expiry on page 2 was not shown.
test('sorting loads every page first, with progress, then the soonest expiry of the whole list comes first', async ({ page, request }) => {
  test.setTimeout(120_000);
  const token = await armToken(request);
  const make = quickPfxMaker(makeCertificate('e2e-sort-key').keyPath, (n) => `sort-${n}.example`);
  // 210 certificates, three pages: the last by name (on page 3) expires soonest.
  for (let i = 0; i < 210; i++) {
    const n = String(i).padStart(3, '0');
    const response = await request.put(`${api}/sort-${n}?api-version=2024-05-01`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { properties: { data: make(n, 400 - i), password: 'quick' } },
    });
    expect([201, 409]).toContain(response.status());
  }
  await signIn(page, 'alice');
  await page.goto(`/apim/${subscriptionId}/${resourceGroup}/${service}/certificates`);
  const grid = page.getByRole('grid', { name: 'Certificates' });
  await expect(page.getByText(/certificates \(100 loaded; scroll for more\)/)).toBeVisible();

  let all: Array<{ name: string; properties: { expirationDate: string } }> = [];
  for (let next: string | undefined = `${api}?api-version=2024-05-01`; next;) {
    const body = (await (await request.get(next, { headers: { Authorization: `Bearer ${token}` } })).json()) as { value: typeof all; nextLink?: string };
    all = all.concat(body.value);
    next = body.nextLink;
  }
  const soonest = all.reduce((a, b) => (b.properties.expirationDate < a.properties.expirationDate ? b : a));

  const header = grid.getByRole('columnheader', { name: /Expiration/ });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByText(/\(\d[\d,]* loaded; scroll for more\)/)).toHaveCount(0);
  await expect(grid.getByRole('row').nth(1)).toHaveAccessibleName(new RegExp(`^${soonest.name}\\b`));
});

test('a sort waiting for pages shows its progress and can be cancelled', async ({ page }) => {
  await signIn(page, 'alice');
  // Each page answers slowly, so the progress is there to see and to cancel.
  await page.route(
    (u) => u.pathname.endsWith('/certificates') && u.searchParams.has('$skip'),
    async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    },
  );
  await page.goto(`/apim/${subscriptionId}/${resourceGroup}/${service}/certificates`);
  const grid = page.getByRole('grid', { name: 'Certificates' });
  await expect(page.getByText(/certificates \(100 loaded; scroll for more\)/)).toBeVisible();
  await grid
    .getByRole('columnheader', { name: /Subject/ })
    .getByRole('button')
    .click();
  await expect(page.getByText('Loading all certificates to sort by Subject')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /Loading all certificates/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel sort' }).click();
  await expect(page.getByText(/^Sorted the \d[\d,]* loaded of \d[\d,]* certificates only/)).toBeVisible();
});
