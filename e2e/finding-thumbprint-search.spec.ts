import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { armToken, certificatesApi, MAIN, openCertificates, row } from './support/apim';

// Finding: the thumbprint search found nothing for openssl's colon form or Windows' spaced form.
for (const [form, write] of [
  ['openssl colon', (t: string) => t.match(/../g)!.join(':')],
  ['Windows spaced, lower case', (t: string) => `\u200e${t.toLowerCase().match(/../g)!.join(' ')}`],
] as const) {
  test(`thumbprint search finds a certificate by its ${form} form`, async ({ page, request }) => {
    const token = await armToken(request);
    const got = await request.get(`${certificatesApi(MAIN)}/backend-mtls?api-version=2024-05-01`, { headers: { Authorization: `Bearer ${token}` } });
    const thumbprint = ((await got.json()) as { properties: { thumbprint: string } }).properties.thumbprint;
    await signIn(page, 'alice');
    await openCertificates(page);
    await page.getByRole('searchbox', { name: /Search certificates/ }).fill(write(thumbprint.slice(0, 20)));
    await expect(page.getByText('Found 1 certificate')).toBeVisible();
    await expect(row(page, 'backend-mtls')).toBeVisible();
  });
}
