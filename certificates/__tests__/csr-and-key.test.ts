/// <reference types="node" />
import { afterAll, describe, expect, it } from 'vitest';
import { createCsr } from '../convert/conversions';
import { savePrivateKey } from '../convert/private-key-writer';
import { DoctorBench } from './doctor-openssl';

const bench = new DoctorBench();
afterAll(() => bench.cleanup());
const publicOf = (...args: string[]) => bench.run(...args).replace(/\s/g, '');

describe('a CSR and its new key, saved protected, as openssl reads them', () => {
  it('the subject with O, OU and C, and the SANs: openssl req -verify accepts the request', async () => {
    const { csrPem } = await createCsr({
      commonName: 'api.contoso.example',
      organization: 'Contoso Ltd',
      organizationalUnit: 'Platform',
      country: 'nl',
      dnsNames: ['api.contoso.example', 'www.contoso.example'],
      keyType: 'EC-P384',
    });
    bench.write('full.csr', csrPem);
    const verified = bench.attempt('req', '-in', 'full.csr', '-verify', '-noout', '-subject', '-nameopt', 'RFC2253');
    expect(verified.ok).toBe(true);
    expect(verified.output).toMatch(/verify OK/i);
    // RFC 2253 prints the last RDN first: CN, OU, O, C.
    expect(verified.output).toContain('subject=CN=api.contoso.example,OU=Platform,O=Contoso Ltd,C=NL');
    expect(bench.run('req', '-in', 'full.csr', '-noout', '-text')).toContain('DNS:www.contoso.example');
  });

  it('refuses a country that is not two letters, and an empty common name', async () => {
    await expect(createCsr({ commonName: 'x', country: 'NLD', keyType: 'EC-P256' })).rejects.toThrow(/two-letter/);
    await expect(createCsr({ commonName: '  ', keyType: 'EC-P256' })).rejects.toThrow(/commonName/);
  });

  it.each([
    ['pkcs8', 'RSA-2048'],
    ['pfx-aes', 'EC-P256'],
    ['pfx-3des', 'RSA-2048'],
  ] as const)("the key saved as %s (%s) opens with openssl under its password only, without -legacy, and is the CSR's key", async (format, keyType) => {
    const { csrPem, pkcs8 } = await createCsr({ commonName: `key-${format}.example`, keyType });
    const csr = bench.write(`${format}.csr`, csrPem);
    const saved = await savePrivateKey(pkcs8, 'kéy pass', format, format);
    const file = bench.write(saved.fileName, saved.bytes);
    if (format === 'pkcs8') {
      expect(new TextDecoder().decode(saved.bytes)).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
      expect(bench.attempt('pkey', '-in', file, '-passin', 'pass:wrong', '-noout').ok).toBe(false);
      expect(publicOf('pkey', '-in', file, '-passin', 'pass:kéy pass', '-pubout')).toBe(publicOf('req', '-in', csr, '-noout', '-pubkey'));
    } else {
      const info = bench.attempt('pkcs12', '-info', '-in', file, '-passin', 'pass:kéy pass', '-nodes');
      expect(info.ok).toBe(true);
      expect(info.output).toContain(format === 'pfx-aes' ? 'AES-256-CBC' : 'pbeWithSHA1And3-KeyTripleDES-CBC');
      expect(info.output).not.toContain('BEGIN CERTIFICATE');
      bench.write(`${format}.pem`, bench.run('pkcs12', '-in', file, '-passin', 'pass:kéy pass', '-nodes', '-nocerts'));
      expect(publicOf('pkey', '-in', `${format}.pem`, '-pubout')).toBe(publicOf('req', '-in', csr, '-noout', '-pubkey'));
    }
  });

  it('never saves a key without a password', async () => {
    const { pkcs8 } = await createCsr({ commonName: 'no-password.example', keyType: 'EC-P256' });
    await expect(savePrivateKey(pkcs8, '', 'pkcs8', 'k')).rejects.toThrow(/password/);
    await expect(savePrivateKey(pkcs8, '', 'pfx-aes', 'k')).rejects.toThrow(/password/);
  });
});
