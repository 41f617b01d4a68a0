import { beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../../certificates/self-signed';
import { openCertificatePreview, UNUSABLE_FILE } from '../open-certificate-preview';

let cer: Uint8Array;
let pfx: Uint8Array;
const PASSWORD = 'preview-pass';

beforeAll(async () => {
  ({ cer, pfx } = await createSelfSignedCertificate({ commonName: 'preview test', validityDays: 30, keySize: 2048, password: PASSWORD }));
});

describe('openCertificatePreview', () => {
  it('opens a .cer without a password and lists its warnings for the use', async () => {
    const preview = await openCertificatePreview(cer, undefined, { purpose: 'management' });
    expect(preview.state).toBe('opened');
    if (preview.state !== 'opened') return;
    expect(preview.file.leaf.subjectCommonName).toBe('preview test');
    expect(preview.file.contentFormat).toBe('x509');
  });

  it('only recognises a .pfx when no password is given, so the caller can ask for one', async () => {
    expect(await openCertificatePreview(pfx, undefined, { purpose: 'management' })).toEqual({ state: 'password-required', refused: false });
  });

  it('tells an empty password refused from a wrong one, and opens with the right one', async () => {
    expect(await openCertificatePreview(pfx, '', { purpose: 'apim' })).toEqual({ state: 'password-required', refused: true });
    expect(await openCertificatePreview(pfx, 'not-it', { purpose: 'apim' })).toEqual({ state: 'wrong-password' });
    const opened = await openCertificatePreview(pfx, PASSWORD, { purpose: 'apim' });
    expect(opened.state).toBe('opened');
    if (opened.state === 'opened') expect(opened.file.hasPrivateKey).toBe(true);
  });

  it("fails with the caller's problem when its check refuses the opened file", async () => {
    const check = () => ({ title: 'Not for this use', message: 'Because.' });
    expect(await openCertificatePreview(pfx, PASSWORD, { purpose: 'apim', check })).toEqual({
      state: 'failed',
      title: 'Not for this use',
      message: 'Because.',
      passwordGiven: true,
    });
  });

  it('says why a file that is no certificate cannot be used', async () => {
    const preview = await openCertificatePreview(new TextEncoder().encode('hello, this is not a certificate'), undefined, { purpose: 'management' });
    expect(preview).toMatchObject({ state: 'failed', title: UNUSABLE_FILE, passwordGiven: false });
    if (preview.state === 'failed') expect(preview.message).toMatch(/^Not a certificate file/);
  });
});
