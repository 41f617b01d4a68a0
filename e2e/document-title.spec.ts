import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { APIM_DEMO, DEMO_SUBSCRIPTIONS } from '../emulator/seed/demo-ids.ts';

// Finding: titles showed the subscription's GUID where the portal shows its name. One title per blade, names only.
const { subscriptionId, resourceGroup, service } = APIM_DEMO.production;
const SERVICE = `/apim/${subscriptionId}/${resourceGroup}/${service}`;
const BLADES: [path: string, title: string][] = [
  ['/', 'Home – certportal'],
  ['/subscriptions', 'Subscriptions – certportal'],
  [`/subscriptions/${DEMO_SUBSCRIPTIONS.production.id}`, 'Contoso Production – Subscription – certportal'],
  [`/subscriptions/${DEMO_SUBSCRIPTIONS.production.id}/management-certificates`, 'Management certificates – Contoso Production – certportal'],
  [`/subscriptions/${DEMO_SUBSCRIPTIONS.development.id}/management-certificates`, 'Management certificates – Contoso Development – certportal'],
  ['/apim', 'API Management services – certportal'],
  [SERVICE, `${service} – API Management service – certportal`],
  [`${SERVICE}/certificates`, `Certificates – ${service} – certportal`],
  [`${SERVICE}/certificates?tab=ca`, `Certificates – ${service} – certportal`],
  [`${SERVICE}/management-api`, `Management API – ${service} – certportal`],
];

test('each blade titles the document with its name and what it belongs to, never a GUID', async ({ page }) => {
  await signIn(page, 'alice');
  for (const [path, title] of BLADES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page, path).toHaveTitle(title);
    expect(await page.title()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
  }
});
