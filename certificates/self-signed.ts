import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha1 } from '@noble/hashes/legacy.js';
import { summarizeCertificate, type CertificateSummary } from './certificate-summary';
import { toArrayBuffer } from './encoding';
import { passwordForms } from './password-based-encryption';
import { HASHES, pkcs12Kdf } from './pkcs12-kdf';
import { OID } from './oids';

export interface SelfSignedOptions {
  commonName: string;
  validityDays: number;
  keySize: 2048 | 4096;
  password: string;
  now?: Date;
}

/** OpenSSL 3 uses 2048; a little more costs nothing on import and helps against guessing. */
const PBKDF2_ITERATIONS = 10_000;
const MAC_ITERATIONS = 10_000;
// Client clocks run ahead of Azure's by minutes at times; a just-made certificate must not be "not yet valid".
const CLOCK_SKEW_MS = 10 * 60 * 1000;

export async function createSelfSignedCertificate(options: SelfSignedOptions): Promise<{ cer: Uint8Array; pfx: Uint8Array; summary: CertificateSummary }> {
  const { commonName, validityDays, keySize, password } = options;
  if (!commonName.trim()) throw new RangeError('commonName must not be empty');
  if (!(validityDays >= 1 && validityDays <= 36500)) throw new RangeError('validityDays must be between 1 and 36500');
  const now = options.now ?? new Date();
  const keys = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: keySize, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));

  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0] = (serial[0] & 0x7f) | 0x40;
  certificate.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  const name = new pkijs.RelativeDistinguishedNames({
    typesAndValues: [new pkijs.AttributeTypeAndValue({ type: OID.commonName, value: new asn1js.Utf8String({ value: commonName }) })],
  });
  certificate.subject = name;
  certificate.issuer = name;
  const notBefore = new Date(Math.floor((now.getTime() - CLOCK_SKEW_MS) / 1000) * 1000);
  const notAfter = new Date(Math.floor(now.getTime() / 1000) * 1000 + validityDays * 24 * 60 * 60 * 1000);
  certificate.notBefore = timeOf(notBefore);
  certificate.notAfter = timeOf(notAfter);
  certificate.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(spki);
  const keyId = sha1(new Uint8Array(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView));
  certificate.extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    extension(OID.keyUsage, true, new asn1js.BitString({ valueHex: new Uint8Array([0xa0]).buffer, unusedBits: 5 })),
    extension(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: [OID.clientAuth] }).toSchema()),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) })),
  ];
  const signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() });
  certificate.signature = signatureAlgorithm;
  certificate.signatureAlgorithm = signatureAlgorithm;
  const tbs = certificate.encodeTBS().toBER();
  certificate.tbsView = new Uint8Array(tbs);
  const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', keys.privateKey, tbs);
  certificate.signatureValue = new asn1js.BitString({ valueHex: signature });
  const cer = new Uint8Array(certificate.toSchema().toBER());

  const pfx = await buildPfx(cer, pkcs8, sha1(cer), password, commonName);
  return { cer, pfx, summary: await summarizeCertificate(cer) };
}

function timeOf(date: Date): pkijs.Time {
  return new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime, value: date });
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER() });
}

const algorithm = (algorithmId: string, algorithmParams?: asn1js.BaseBlock) => new pkijs.AlgorithmIdentifier({ algorithmId, algorithmParams });
const octetString = (bytes: Uint8Array) => new asn1js.OctetString({ valueHex: toArrayBuffer(bytes) });

async function pbes2Encrypt(plain: Uint8Array, password: string): Promise<{ algorithm: pkijs.AlgorithmIdentifier; ciphertext: Uint8Array }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations: PBKDF2_ITERATIONS, hash: 'SHA-256' },
    base,
    { name: 'AES-CBC', length: 256 },
    false,
    ['encrypt'],
  );
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, toArrayBuffer(plain)));
  const params = new pkijs.PBES2Params({
    keyDerivationFunc: algorithm(
      OID.pbkdf2,
      new pkijs.PBKDF2Params({ salt: octetString(salt), iterationCount: PBKDF2_ITERATIONS, prf: algorithm(OID.hmacWithSha256, new asn1js.Null()) }).toSchema(),
    ),
    encryptionScheme: algorithm(OID.aes256Cbc, octetString(iv)),
  });
  return { algorithm: algorithm(OID.pbes2, params.toSchema()), ciphertext };
}

function bagAttributes(localKeyId: Uint8Array, friendlyName: string): pkijs.Attribute[] {
  return [
    new pkijs.Attribute({ type: OID.friendlyName, values: [new asn1js.BmpString({ value: friendlyName })] }),
    new pkijs.Attribute({ type: OID.localKeyId, values: [octetString(localKeyId)] }),
  ];
}

const der = (object: { toSchema(): asn1js.BaseBlock }) => new Uint8Array(object.toSchema().toBER());

/** PKCS#12 as OpenSSL 3 writes it by default: AES-256 PBES2 for both containers, HMAC-SHA256 MAC. Built with pkijs. */
async function buildPfx(cer: Uint8Array, pkcs8: Uint8Array, localKeyId: Uint8Array, password: string, friendlyName: string): Promise<Uint8Array> {
  const certBag = new pkijs.SafeBag({
    bagId: OID.certBag,
    bagValue: new pkijs.CertBag({ certId: OID.x509Certificate, certValue: octetString(cer) }),
    bagAttributes: bagAttributes(localKeyId, friendlyName),
  });
  const certs = await pbes2Encrypt(der(new pkijs.SafeContents({ safeBags: [certBag] })), password);
  const certsData = new pkijs.EncryptedData({
    version: 0,
    encryptedContentInfo: new pkijs.EncryptedContentInfo({
      contentType: OID.pkcs7Data,
      contentEncryptionAlgorithm: certs.algorithm,
      encryptedContent: octetString(certs.ciphertext),
      // DER rather than pkijs's default of 1 KB constructed chunks.
      disableSplit: true,
    }),
  });
  const key = await pbes2Encrypt(pkcs8, password);
  const keyBag = new pkijs.SafeBag({
    bagId: OID.shroudedKeyBag,
    bagValue: new pkijs.PKCS8ShroudedKeyBag({ encryptionAlgorithm: key.algorithm, encryptedData: octetString(key.ciphertext) }),
    bagAttributes: bagAttributes(localKeyId, friendlyName),
  });
  const authSafe = der(
    new pkijs.AuthenticatedSafe({
      safeContents: [
        new pkijs.ContentInfo({ contentType: OID.pkcs7EncryptedData, content: certsData.toSchema() }),
        new pkijs.ContentInfo({ contentType: OID.pkcs7Data, content: octetString(der(new pkijs.SafeContents({ safeBags: [keyBag] }))) }),
      ],
    }),
  );

  const macSalt = crypto.getRandomValues(new Uint8Array(16));
  const sha256 = HASHES[OID.sha256];
  const macKey = await pkcs12Kdf(sha256, passwordForms(password)[0].bmp, macSalt, 3, MAC_ITERATIONS, sha256.outputBytes);
  const hmacKey = await crypto.subtle.importKey('raw', toArrayBuffer(macKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, toArrayBuffer(authSafe)));
  return der(
    new pkijs.PFX({
      version: 3,
      authSafe: new pkijs.ContentInfo({ contentType: OID.pkcs7Data, content: octetString(authSafe) }),
      macData: new pkijs.MacData({
        mac: new pkijs.DigestInfo({ digestAlgorithm: algorithm(OID.sha256, new asn1js.Null()), digest: octetString(mac) }),
        macSalt: octetString(macSalt),
        iterations: MAC_ITERATIONS,
      }),
    }),
  );
}
