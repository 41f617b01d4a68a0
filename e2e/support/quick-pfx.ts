import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';

/** Distinct certificates made fast for specs that need many: one RSA key, signed by Node's crypto, PKCS#12 by node-forge. */
export function quickPfxMaker(keyPath: string, subject: (n: string) => string): (n: string, days: number) => string {
  const pem = readFileSync(keyPath, 'utf8');
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  return (n, days) => {
    const cert = forge.pki.createCertificate();
    cert.publicKey = publicKey;
    cert.serialNumber = `02${Buffer.from(n).toString('hex')}`;
    cert.validity.notBefore = new Date(Date.now() - 86_400_000);
    cert.validity.notAfter = new Date(Date.now() + days * 86_400_000);
    const name = [{ name: 'commonName', value: subject(n) }];
    cert.setSubject(name);
    cert.setIssuer(name);
    let tbs = '';
    const md = { algorithm: 'sha256', update: (bytes: string) => ((tbs += bytes), md) };
    const signer = { sign: () => sign('sha256', Buffer.from(tbs, 'binary'), pem).toString('binary') };
    cert.sign(signer as unknown as forge.pki.rsa.PrivateKey, md as unknown as forge.md.MessageDigest);
    const p12 = forge.pkcs12.toPkcs12Asn1(key, cert, 'quick', { algorithm: 'aes128', count: 1 });
    return forge.util.encode64(forge.asn1.toDer(p12).getBytes());
  };
}
