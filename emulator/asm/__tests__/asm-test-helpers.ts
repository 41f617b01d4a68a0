import { expect } from 'vitest';
import type { Db } from '../../store/database.ts';
import { AZURE_XMLNS } from '../../common/asm-error.ts';
import { createRsaKeyPair, issueManagementCertificate, type IssuedCertificate } from '../management-certificate-factory.ts';

export interface AddBodyParts {
  publicKey: string;
  thumbprint: string;
  data: string;
}

export function partsOf(certificate: Pick<IssuedCertificate, 'der' | 'thumbprint' | 'publicKey'>): AddBodyParts {
  return {
    publicKey: Buffer.from(certificate.publicKey).toString('base64'),
    thumbprint: certificate.thumbprint,
    data: Buffer.from(certificate.der).toString('base64'),
  };
}

export function addBody(parts: AddBodyParts): string {
  return (
    `<SubscriptionCertificate xmlns="${AZURE_XMLNS}">` +
    `<SubscriptionCertificatePublicKey>${parts.publicKey}</SubscriptionCertificatePublicKey>` +
    `<SubscriptionCertificateThumbprint>${parts.thumbprint}</SubscriptionCertificateThumbprint>` +
    `<SubscriptionCertificateData>${parts.data}</SubscriptionCertificateData>` +
    `</SubscriptionCertificate>`
  );
}

export async function readAsmError(response: Response): Promise<{ code: string; message: string }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
  expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  const text = await response.text();
  expect(text).toContain(`<Error xmlns="${AZURE_XMLNS}">`);
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? '';
  const message = (/<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? '')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return { code, message };
}

export async function expectAsmError(response: Response | Promise<Response>, status: number, code: string, message?: RegExp): Promise<string> {
  const r = await response;
  const error = await readAsmError(r);
  expect({ status: r.status, code: error.code }).toEqual({ status, code });
  if (message) expect(error.message).toMatch(message);
  return error.message;
}

/** Many certificates from one key: signing is fast, RSA key generation is not. */
export async function issueMany(count: number, prefix = 'Test certificate'): Promise<IssuedCertificate[]> {
  const keyPair = await createRsaKeyPair();
  const now = Date.now();
  const issued: IssuedCertificate[] = [];
  for (let i = 0; i < count; i++) {
    issued.push(
      await issueManagementCertificate({
        keyPair,
        commonName: `${prefix} ${i + 1}`,
        notBefore: new Date(now - 86_400_000),
        notAfter: new Date(now + 365 * 86_400_000),
      }),
    );
  }
  return issued;
}

export function storeDirectly(db: Db, subscriptionId: string, certificates: IssuedCertificate[]): void {
  const insert = db.prepare('INSERT INTO management_certificates (subscription_id, thumbprint, public_key, data, created) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const c of certificates) insert.run(subscriptionId, c.thumbprint, Buffer.from(c.publicKey), Buffer.from(c.der), new Date().toISOString());
  })();
}

export function storedCount(db: Db, subscriptionId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM management_certificates WHERE subscription_id = ?').get(subscriptionId) as { n: number }).n;
}
