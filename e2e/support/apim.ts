import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { APIM_DEMO, DEMO_SERVICE_PRINCIPAL, DEMO_TENANT_ID } from '../../emulator/seed/demo-ids.ts';

// What the API Management certificate specs share: the demo's services, an ARM token, and the blade's moves.
export const SUBSCRIPTION = APIM_DEMO.production.subscriptionId;
export const RESOURCE_GROUP = APIM_DEMO.production.resourceGroup;
export const MAIN = APIM_DEMO.production.service;
// The 1,000 bulk certificates go to the partner service, so counts in the main service stay small.
export const PARTNERS = APIM_DEMO.production.partnerService;
export const TENANT = DEMO_TENANT_ID;
export const GATEWAY_VERSION = APIM_DEMO.secrets.gatewayVersion;

export const url = () => process.env.CERTPORTAL_E2E_URL ?? '';
export const certificatesApi = (service: string) =>
  `${url()}arm/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.ApiManagement/service/${service}/certificates`;

export async function armToken(request: APIRequestContext): Promise<string> {
  const response = await request.post(`${url()}${TENANT}/v2.0/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: DEMO_SERVICE_PRINCIPAL.clientId,
      client_secret: DEMO_SERVICE_PRINCIPAL.clientSecret,
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

export async function openCertificates(page: Page, service: string = MAIN): Promise<Locator> {
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
