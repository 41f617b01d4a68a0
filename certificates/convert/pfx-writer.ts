import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha1 } from '@noble/hashes/legacy.js';
import { toArrayBuffer } from '../encoding';
import { tripleDesEncrypt } from '../legacy-ciphers';
import { OID } from '../oids';
import { passwordForms } from '../password-based-encryption';
import { HASHES, pkcs12Kdf, type HashSpec } from '../pkcs12-kdf';

/**
 * 'aes': PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC and an HMAC-SHA256 MAC, as OpenSSL 3 writes by default.
 * '3des': pbeWithSHAAnd3-KeyTripleDES-CBC for keys and certificates and an HMAC-SHA1 MAC, which every Windows opens
 * and OpenSSL 3 opens without -legacy (unlike RC2-40, which Windows exports use for certificates).
 */
export type PfxEncryption = 'aes' | '3des';

export interface PfxContents {
  /** The leaf first, then its chain. Empty for a file holding only a key (a new key waiting for its certificate). */
  certificates: Uint8Array[];
  /** PKCS#8 PrivateKeyInfo of the leaf's key. */
  pkcs8: Uint8Array;
  password: string;
  encryption: PfxEncryption;
  friendlyName?: string;
}

/** OpenSSL 3 uses 2048; a little more costs nothing on import and helps against guessing. */
const PBKDF2_ITERATIONS = 10_000;
const MAC_ITERATIONS = 10_000;
/** Windows' own count for 3DES exports: older Windows versions refuse much larger ones. */
const LEGACY_ITERATIONS = 2_000;
const PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3';

const algorithm = (algorithmId: string, algorithmParams?: asn1js.BaseBlock) => new pkijs.AlgorithmIdentifier({ algorithmId, algorithmParams });
const octetString = (bytes: Uint8Array) => new asn1js.OctetString({ valueHex: toArrayBuffer(bytes) });
const der = (object: { toSchema(): asn1js.BaseBlock }) => new Uint8Array(object.toSchema().toBER());

interface Encrypted {
  algorithm: pkijs.AlgorithmIdentifier;
  ciphertext: Uint8Array;
}

/** PBES2 as OpenSSL 3 writes it; also what protects an encrypted PKCS#8 key (EncryptedPrivateKeyInfo). */
export async function pbes2Encrypt(plain: Uint8Array, password: string): Promise<Encrypted> {
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

async function tripleDesPbeEncrypt(plain: Uint8Array, password: string): Promise<Encrypted> {
  const salt = crypto.getRandomValues(new Uint8Array(8));
  const sha1Spec = HASHES[OID.sha1];
  const bmp = passwordForms(password)[0].bmp;
  const key = await pkcs12Kdf(sha1Spec, bmp, salt, 1, LEGACY_ITERATIONS, 24);
  const iv = await pkcs12Kdf(sha1Spec, bmp, salt, 2, LEGACY_ITERATIONS, 8);
  const ciphertext = await tripleDesEncrypt(key, iv, plain);
  const params = new asn1js.Sequence({ value: [octetString(salt), new asn1js.Integer({ value: LEGACY_ITERATIONS })] });
  return { algorithm: algorithm(PBE_SHA1_3DES, params), ciphertext };
}

function bagAttributes(localKeyId: Uint8Array, friendlyName: string | undefined): pkijs.Attribute[] {
  return [
    ...(friendlyName ? [new pkijs.Attribute({ type: OID.friendlyName, values: [new asn1js.BmpString({ value: friendlyName })] })] : []),
    new pkijs.Attribute({ type: OID.localKeyId, values: [octetString(localKeyId)] }),
  ];
}

/** A PKCS#12 file built with pkijs: one encrypted container of certificates, one shrouded key bag, and a MAC. */
export async function writePfx(contents: PfxContents): Promise<Uint8Array> {
  const { certificates, pkcs8, password, encryption, friendlyName } = contents;
  const encrypt = encryption === 'aes' ? pbes2Encrypt : tripleDesPbeEncrypt;
  // Windows and OpenSSL pair the key with its certificate by this attribute: the SHA-1 of the leaf, as OpenSSL sets it.
  // With no certificate yet it is random: the attribute is in clear, so it must say nothing about the key.
  const localKeyId = certificates.length > 0 ? sha1(certificates[0]) : crypto.getRandomValues(new Uint8Array(20));
  const certBags = certificates.map(
    (cer, i) =>
      new pkijs.SafeBag({
        bagId: OID.certBag,
        bagValue: new pkijs.CertBag({ certId: OID.x509Certificate, certValue: octetString(cer) }),
        bagAttributes: i === 0 ? bagAttributes(localKeyId, friendlyName) : undefined,
      }),
  );
  const certsInfo = certBags.length > 0 ? [await encryptedCertificates(certBags, password, encrypt)] : [];
  const key = await encrypt(pkcs8, password);
  const keyBag = new pkijs.SafeBag({
    bagId: OID.shroudedKeyBag,
    bagValue: new pkijs.PKCS8ShroudedKeyBag({ encryptionAlgorithm: key.algorithm, encryptedData: octetString(key.ciphertext) }),
    bagAttributes: bagAttributes(localKeyId, friendlyName),
  });
  const authSafe = der(
    new pkijs.AuthenticatedSafe({
      safeContents: [
        ...certsInfo,
        new pkijs.ContentInfo({ contentType: OID.pkcs7Data, content: octetString(der(new pkijs.SafeContents({ safeBags: [keyBag] }))) }),
      ],
    }),
  );
  const macHash = encryption === 'aes' ? HASHES[OID.sha256] : HASHES[OID.sha1];
  const iterations = encryption === 'aes' ? MAC_ITERATIONS : LEGACY_ITERATIONS;
  return der(
    new pkijs.PFX({
      version: 3,
      authSafe: new pkijs.ContentInfo({ contentType: OID.pkcs7Data, content: octetString(authSafe) }),
      macData: await macData(macHash, encryption === 'aes' ? OID.sha256 : OID.sha1, password, authSafe, iterations),
    }),
  );
}

/** The certificates in one encrypted container, as Windows and OpenSSL write them. */
async function encryptedCertificates(certBags: pkijs.SafeBag[], password: string, encrypt: (plain: Uint8Array, password: string) => Promise<Encrypted>) {
  const certs = await encrypt(der(new pkijs.SafeContents({ safeBags: certBags })), password);
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
  return new pkijs.ContentInfo({ contentType: OID.pkcs7EncryptedData, content: certsData.toSchema() });
}

async function macData(hash: HashSpec, hashOid: string, password: string, authSafe: Uint8Array, iterations: number): Promise<pkijs.MacData> {
  const macSalt = crypto.getRandomValues(new Uint8Array(hash.outputBytes === 20 ? 8 : 16));
  const macKey = await pkcs12Kdf(hash, passwordForms(password)[0].bmp, macSalt, 3, iterations, hash.outputBytes);
  const hmacKey = await crypto.subtle.importKey('raw', toArrayBuffer(macKey), { name: 'HMAC', hash: hash.name }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, toArrayBuffer(authSafe)));
  return new pkijs.MacData({
    mac: new pkijs.DigestInfo({ digestAlgorithm: algorithm(hashOid, new asn1js.Null()), digest: octetString(mac) }),
    macSalt: octetString(macSalt),
    iterations,
  });
}
