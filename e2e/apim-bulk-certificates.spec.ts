import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { makeCertificate } from './support/openssl';
import { armToken, openCertificates, PARTNERS, putCertificate, row } from './support/apim';

/** Distinct certificates made fast: one RSA key, certificates signed by Node's crypto, PKCS#12 by node-forge. */
function bulkPfxMaker(keyPath: string): (n: string, days: number) => string {
  const pem = readFileSync(keyPath, 'utf8');
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  return (n, days) => {
    const cert = forge.pki.createCertificate();
    cert.publicKey = publicKey;
    cert.serialNumber = `01${n}`;
    cert.validity.notBefore = new Date(Date.now() - 86_400_000);
    cert.validity.notAfter = new Date(Date.now() + days * 86_400_000);
    const name = [
      { name: 'commonName', value: `svc-${n}.bulk.example` },
      { name: 'organizationName', value: 'certportal bulk' },
    ];
    cert.setSubject(name);
    cert.setIssuer(name);
    let tbs = '';
    const md = { algorithm: 'sha256', update: (bytes: string) => ((tbs += bytes), md) };
    const signer = { sign: () => sign('sha256', Buffer.from(tbs, 'binary'), pem).toString('binary') };
    cert.sign(signer as unknown as forge.pki.rsa.PrivateKey, md as unknown as forge.md.MessageDigest);
    const p12 = forge.pkcs12.toPkcs12Asn1(key, cert, 'bulk', { algorithm: 'aes128', count: 1 });
    return forge.util.encode64(forge.asn1.toDer(p12).getBytes());
  };
}

test('1,000 certificates: search by subject goes to the service as $filter, and the virtualized grid scrolls to the end', async ({ page, request }) => {
  test.setTimeout(150_000);
  const token = await armToken(request);
  const key = makeCertificate('e2e-apim-bulk-key');
  const makePfxData = bulkPfxMaker(key.keyPath);
  let next = 1;
  const statuses: number[] = [];
  // Each worker makes its next file while the others wait on the emulator.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next <= 1000) {
        const i = next++;
        const n = String(i).padStart(4, '0');
        statuses.push(await putCertificate(request, token, PARTNERS, `bulk-${n}`, { properties: { data: makePfxData(n, 40 + i), password: 'bulk' } }));
      }
    }),
  );
  expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);

  await signIn(page, 'alice');
  const grid = await openCertificates(page, PARTNERS);
  await expect(page.getByText(/^1,0\d\d certificates \(100 loaded; scroll for more\)/)).toBeVisible();
  expect(await grid.getByRole('row').count()).toBeLessThan(60);

  const filtered = page.waitForRequest(
    (r) => r.url().includes('/certificates?') && (new URL(r.url()).searchParams.get('$filter') ?? '').includes("contains(subject,'svc-077')"),
  );
  await page.getByRole('searchbox', { name: /Search certificates/ }).fill('svc-077');
  const sent = new URL((await filtered).url());
  expect(sent.searchParams.get('$filter')).toBe("(contains(name,'svc-077') or contains(subject,'svc-077') or contains(thumbprint,'svc-077'))");
  expect(sent.searchParams.get('$top')).toBe('100');
  await expect(page.getByText('Found 10 certificates')).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(11);
  for (const n of ['0770', '0775', '0779']) await expect(row(page, `bulk-${n}`)).toContainText(`svc-${n}.bulk.example`);

  // "Expires before" joins the search with and: bulk-0001…0005 expire within 45 days (the n-th in 40 + n).
  const cutoff = new Date(Date.now() + 46 * 86_400_000).toISOString().slice(0, 10);
  const dated = page.waitForRequest((r) => (new URL(r.url()).searchParams.get('$filter') ?? '').includes(`expirationDate lt ${cutoff}T00:00:00Z`));
  await page.getByRole('searchbox', { name: /Search certificates/ }).fill('svc-00');
  await page.getByLabel('Expires before').fill(cutoff);
  expect(new URL((await dated).url()).searchParams.get('$filter')).toContain(' and expirationDate lt ');
  await expect(page.getByText('Found 5 certificates')).toBeVisible();
  await expect(row(page, 'bulk-0005')).toBeVisible();
  await page.getByLabel('Expires before').fill('');

  await page.getByRole('searchbox', { name: /Search certificates/ }).fill('');
  await expect(page.getByText(/^1,0\d\d certificates/)).toBeVisible();
  await expect(async () => {
    await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(row(page, 'tailspin-client')).toBeVisible({ timeout: 400 });
  }).toPass({ intervals: [200], timeout: 40_000 });
  await expect(row(page, 'bulk-0001')).toHaveCount(0);
  await expect(row(page, 'bulk-1000')).toBeAttached();
  expect(await grid.getByRole('row').count()).toBeLessThan(60);
  await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect(grid.getByRole('row', { name: /^bulk-0[45]\d\d/ }).first()).toBeVisible();
});
