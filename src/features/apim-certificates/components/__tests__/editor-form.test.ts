import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../../../../certificates/convert/key-pair';
import { writePfx } from '../../../../../certificates/convert/pfx-writer';
import { diagnose } from '../../../../../certificates/doctor/diagnose';
import { openCertificateFile } from '../../../../../certificates/open-certificate-file';
import { createSelfSignedCertificate } from '../../../../../certificates/self-signed';
import { apimPfxProblem } from '../editor-form';

/** The pane's refusal and the doctor's key line are one sentence: the admin never reads two wordings of one defect. */
describe("the API Management pane words a key defect with the doctor's sentence", () => {
  it.each(['RSA-2048', 'EC-P256'] as const)('a %s certificate packed with another key', async (keyType) => {
    const made = await createSelfSignedCertificate({ commonName: `pane-${keyType}`, validityDays: 30, keyType, password: 'pw' });
    const other = await generateKeyPair(keyType);
    const pfx = await writePfx({ certificates: [made.cer], pkcs8: other.pkcs8, password: 'pw', encryption: 'aes' });
    const file = await openCertificateFile(pfx, { password: 'pw' });
    const doctor = diagnose(file, 'apim').keyMatch;
    expect(doctor?.code).toBe('key-mismatch');
    expect(apimPfxProblem(file)).toEqual({ title: 'The key does not match', message: `${doctor?.message}. ${doctor?.fix}.` });
  });

  it('a .pfx without its key', async () => {
    const made = await createSelfSignedCertificate({ commonName: 'pane-keyless', validityDays: 30, password: 'pw' });
    const file = await openCertificateFile(made.cer, {});
    const doctor = diagnose(file, 'apim').keyMatch;
    expect(doctor?.code).toBe('no-private-key');
    expect(apimPfxProblem(file)?.message).toBe(`${doctor?.message}. ${doctor?.fix}.`);
  });

  it('a sound .pfx is no problem', async () => {
    const made = await createSelfSignedCertificate({ commonName: 'pane-sound', validityDays: 30, keyType: 'EC-P256', password: 'pw' });
    expect(apimPfxProblem(await openCertificateFile(made.pfx, { password: 'pw' }))).toBeNull();
  });
});
