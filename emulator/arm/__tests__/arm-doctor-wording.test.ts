import { describe, expect, it } from 'vitest';
import { writePfx } from '../../../certificates/convert/pfx-writer.ts';
import { blockingFindings, diagnose } from '../../../certificates/doctor/diagnose.ts';
import { openCertificateFile } from '../../../certificates/open-certificate-file.ts';
import { api, certificates, expectError, openssl, put, setUpArmErrorsEmulator } from './arm-error-fixtures.ts';

setUpArmErrorsEmulator();

/** What the browser's preview shows for the file: the same toolkit call the app makes, run on the same bytes. */
async function doctorSays(pfx: Uint8Array, password: string): Promise<string[]> {
  const report = diagnose(await openCertificateFile(pfx, { password }), 'apim');
  return blockingFindings(report).map((f) => f.message);
}

describe("the 400s for a refused .pfx are the certificate doctor's sentences", () => {
  it.each(['rsa', 'ec'] as const)('a %s certificate packed with another key: the same sentence in the preview and in the 400', async (algorithm) => {
    const key = openssl.key(`own-${algorithm}`, algorithm);
    const other = openssl.key(`other-${algorithm}`, algorithm);
    openssl.certificate(`mismatch-${algorithm}`, key, `/CN=mismatch-${algorithm}.contoso.com`, 30);
    openssl.run('x509', '-in', `mismatch-${algorithm}.crt`, '-outform', 'DER', '-out', `mismatch-${algorithm}.cer`);
    openssl.run('pkcs8', '-topk8', '-nocrypt', '-in', other, '-outform', 'DER', '-out', `other-${algorithm}.p8`);
    // openssl pkcs12 -export refuses such a pair, so the toolkit's writer packs it, as a careless tool would.
    const pfx = await writePfx({
      certificates: [new Uint8Array(openssl.read(`mismatch-${algorithm}.cer`))],
      pkcs8: new Uint8Array(openssl.read(`other-${algorithm}.p8`)),
      password: 'pw',
      encryption: 'aes',
    });
    const preview = await doctorSays(pfx, 'pw');
    expect(preview).toHaveLength(1);
    expect(preview[0]).toMatch(/does not belong to the certificate/);

    const path = `${certificates}/mismatch-${algorithm}?${api}`;
    const error = await expectError(await put(path, { properties: { data: Buffer.from(pfx).toString('base64'), password: 'pw' } }), 400, 'ValidationError');
    expect(error.details?.map((d) => d.message)).toEqual(preview);
    expect(error.message).toContain(preview[0]);
  });

  it('a .pfx without a private key: the same sentence in the preview and in the 400', async () => {
    openssl.certificate('keyless', openssl.key('keyless', 'rsa'), '/CN=keyless.contoso.com', 30);
    const pfx = new Uint8Array(openssl.pfx('keyless', null, 'keyless.crt', 'pw'));
    const preview = await doctorSays(pfx, 'pw');
    expect(preview).toEqual([expect.stringMatching(/holds no private key/)]);
    const error = await expectError(
      await put(`${certificates}/keyless?${api}`, { properties: { data: Buffer.from(pfx).toString('base64'), password: 'pw' } }),
      400,
      'ValidationError',
    );
    expect(error.details?.map((d) => d.message)).toEqual(preview);
  });
});
