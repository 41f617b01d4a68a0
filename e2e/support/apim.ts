import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

// What the API Management certificate specs share: the demo's services, an ARM token, and the blade's moves.
export const SUBSCRIPTION = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
export const RESOURCE_GROUP = 'rg-apim-prod';
export const MAIN = 'contoso-apim';
// The 1,000 bulk certificates go to the partner service, so counts in the main service stay small.
export const PARTNERS = 'contoso-partners';
export const TENANT = '72f988bf-0000-4000-8000-0000000c0ffe';
export const GATEWAY_VERSION = '1b2c3d4e5f6a41829304b5c6d7e8f9a0';

export const url = () => process.env.CERTPORTAL_E2E_URL ?? '';
export const certificatesApi = (service: string) =>
  `${url()}arm/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.ApiManagement/service/${service}/certificates`;

export async function armToken(request: APIRequestContext): Promise<string> {
  const response = await request.post(`${url()}${TENANT}/v2.0/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: '5e7f0000-0000-4000-8000-0000000005b1',
      client_secret: 'certportal-demo-secret',
      scope: 'https://management.azure.com/.default',
    },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function putCertificate(request: APIRequestContext, token: string, service: string, id: string, body: unknown): Promise<number> {
  const response = await request.put(`${certificatesApi(service)}/${encodeURIComponent(id)}?api-version=2024-05-01`, {
    headers: { Authorization: `Bearer ${token}` },
    data: body,
  });
  return response.status();
}

export async function openCertificates(page: Page, service = MAIN): Promise<Locator> {
  await page.goto(`/apim/${SUBSCRIPTION}/${RESOURCE_GROUP}/${service}/certificates`);
  await expect(page.getByRole('heading', { name: 'Certificates', level: 1 })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Certificates' });
  await expect(grid).toBeVisible();
  return grid;
}

export async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: /Search certificates/ }).fill(text);
  await expect(page.getByText(/^Found \d+ certificates?/)).toBeVisible();
}

export const row = (page: Page, id: string) => page.getByRole('grid', { name: 'Certificates' }).getByRole('row', { name: new RegExp(`^${id}\\b`) });

export async function rowAction(page: Page, id: string, action: string) {
  await row(page, id)
    .getByRole('button', { name: `More actions for ${id}` })
    .click();
  await page.getByRole('menuitem', { name: action }).click();
}

export async function addPfx(page: Page, id: string, pfxPath: string, password: string, sha1: string) {
  await page.getByRole('button', { name: 'Add' }).click();
  const pane = page.getByRole('dialog', { name: 'Add certificate' });
  await pane.getByLabel('Id').fill(id);
  await pane.getByLabel('Certificate file (.pfx, .p12)').setInputFiles(pfxPath);
  await pane.getByLabel('Password', { exact: true }).fill(password);
  await expect(pane.getByRole('region', { name: 'Certificate preview' })).toContainText(sha1);
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();
}
