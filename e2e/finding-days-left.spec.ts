import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { makeCertificate, makePfx } from './support/openssl';
import { armToken, MAIN, openCertificates, putCertificate, row, search } from './support/apim';

// Finding: a certificate expiring in 12 days showed "Expires in 11 days".
test('a certificate made for 12 days shows "Expires in 12 days"', async ({ page, request }) => {
  const cert = makeCertificate('e2e-twelve-days', { days: 12 });
  const token = await armToken(request);
  const status = await putCertificate(request, token, MAIN, 'e2e-twelve-days', {
    properties: { data: readFileSync(makePfx(cert, 'tw')).toString('base64'), password: 'tw' },
  });
  expect([201, 409]).toContain(status);
  await signIn(page, 'alice');
  await openCertificates(page);
  await search(page, 'e2e-twelve-days');
  await expect(row(page, 'e2e-twelve-days')).toContainText('Expires in 12 days');
});
