import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertificateSummary } from '../certificate-summary';
import { CertificateError } from '../certificate-error';
import { toArrayBuffer, toBase64 } from '../encoding';
import { OID } from '../oids';
import { openCertificateFile } from '../open-certificate-file';
import { openPkcs12 } from '../pkcs12';
import { generateKeyPair, type KeyType } from './key-pair';
import { writePfx, type PfxEncryption } from './pfx-writer';

/** PEM armour: base64 in lines of 64, as RFC 7468 and OpenSSL write it. */
export function toPem(label: string, der: Uint8Array): string {
  const base64 = toBase64(der);
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export const certificateAsDer = (certificate: CertificateSummary): Uint8Array => certificate.der;
export const certificateAsPem = (certificate: CertificateSummary): string => toPem('CERTIFICATE', certificate.der);

/** The public chain as one PEM bundle, leaf first, each issuer after what it issued (what servers and `-untrusted` expect). */
export function chainAsPem(chain: readonly CertificateSummary[]): string {
  return chain.map(certificateAsPem).join('');
}

/**
 * Opens a PFX with its password and writes it again under a new password and encryption: the leaf first, then its chain
 * in order, and the leaf's own key. Refuses a file whose key belongs to another certificate (the new file would not work either).
 */
export async function repackagePfx(bytes: Uint8Array, password: string, newPassword: string, encryption: PfxEncryption): Promise<Uint8Array> {
  const opened = await openCertificateFile(bytes, { password });
  if (opened.contentFormat !== 'pkcs12') throw new CertificateError('unsupported', 'Only a PKCS#12 (.pfx) file can be re-packaged');
  if (opened.privateKeyMatchesLeaf === false)
    throw new CertificateError('unsupported', 'The private key does not belong to the certificate: nothing to re-package');
  const contents = await openPkcs12(bytes, password);
  if (contents.keys.length === 0) throw new CertificateError('unsupported', 'The file holds no private key to re-package');
  const key = contents.keys.length === 1 ? contents.keys[0] : await keyOfLeaf(contents.keys, opened.leaf);
  return writePfx({ certificates: [opened.leaf.der, ...opened.chain.map((c) => c.der)], pkcs8: key.pkcs8, password: newPassword, encryption });
}

async function keyOfLeaf<K extends { pkcs8: Uint8Array }>(keys: K[], leaf: CertificateSummary): Promise<K> {
  const { privateKeyMatches } = await import('../private-key');
  for (const key of keys) if ((await privateKeyMatches({ kind: 'pkcs8', der: key.pkcs8 }, leaf.subjectPublicKeyInfo)) === true) return key;
  return keys[0];
}

/** pkijs's own sign() goes through its crypto engine; this exposes the bytes to sign with WebCrypto directly. */
class SignableRequest extends pkijs.CertificationRequest {
  toBeSigned(): ArrayBuffer {
    return this.encodeTBS().toBER();
  }
}

export interface CsrOptions {
  commonName: string;
  /** O, OU and C of the subject, each left out when empty. C is the two-letter ISO 3166 code. */
  organization?: string;
  organizationalUnit?: string;
  country?: string;
  /** DNS names for the subject alternative name extension (a TLS certificate needs them). */
  dnsNames?: string[];
  keyType: KeyType;
}

const SUBJECT_OIDS = { country: '2.5.4.6', organization: '2.5.4.10', organizationalUnit: '2.5.4.11' } as const;

/** The subject in the order CAs and OpenSSL print it: C, O, OU, CN. C is a PrintableString (RFC 5280), the rest UTF8. */
function csrSubject(options: CsrOptions, commonName: string): pkijs.AttributeTypeAndValue[] {
  const country = options.country?.trim().toUpperCase() ?? '';
  if (country && !/^[A-Z]{2}$/.test(country)) throw new RangeError('country must be a two-letter code');
  const utf8 = (type: string, value: string) => new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) });
  const optional = (type: string, value: string | undefined) => (value?.trim() ? [utf8(type, value.trim())] : []);
  return [
    ...(country ? [new pkijs.AttributeTypeAndValue({ type: SUBJECT_OIDS.country, value: new asn1js.PrintableString({ value: country }) })] : []),
    ...optional(SUBJECT_OIDS.organization, options.organization),
    ...optional(SUBJECT_OIDS.organizationalUnit, options.organizationalUnit),
    utf8(OID.commonName, commonName),
  ];
}

/**
 * A new key pair and a PKCS#10 request for it, signed with that key: the key never leaves the browser. `pkcs8` is the
 * key to protect before saving it (see encryptPrivateKey); `privateKeyPem` is the same key unprotected.
 */
export async function createCsr(options: CsrOptions): Promise<{ csrPem: string; privateKeyPem: string; pkcs8: Uint8Array }> {
  const commonName = options.commonName.trim();
  if (!commonName) throw new RangeError('commonName must not be empty');
  const subject = csrSubject(options, commonName);
  const pair = await generateKeyPair(options.keyType);
  const csr = new SignableRequest();
  csr.version = 0;
  // One attribute per RDN, as OpenSSL and CAs write names; pkijs would put them all in one multi-valued RDN (CN=…+O=…).
  csr.subject = pkijs.RelativeDistinguishedNames.fromBER(
    new asn1js.Sequence({ value: subject.map((attribute) => new asn1js.Set({ value: [attribute.toSchema()] })) }).toBER(),
  );
  csr.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(toArrayBuffer(pair.spki));
  const dnsNames = (options.dnsNames ?? []).map((n) => n.trim()).filter(Boolean);
  if (dnsNames.length > 0) {
    const san = new pkijs.GeneralNames({ names: dnsNames.map((value) => new pkijs.GeneralName({ type: 2, value })) });
    const extensions = new pkijs.Extensions({
      extensions: [new pkijs.Extension({ extnID: OID.subjectAltName, critical: false, extnValue: san.toSchema().toBER() })],
    });
    csr.attributes = [new pkijs.Attribute({ type: '1.2.840.113549.1.9.14', values: [extensions.toSchema()] })];
  }
  csr.signatureAlgorithm = pair.signatureAlgorithm();
  const tbs = csr.toBeSigned();
  csr.tbsView = new Uint8Array(tbs);
  csr.signatureValue = new asn1js.BitString({ valueHex: await pair.sign(tbs) });
  return {
    csrPem: toPem('CERTIFICATE REQUEST', new Uint8Array(csr.toSchema().toBER())),
    privateKeyPem: toPem('PRIVATE KEY', pair.pkcs8),
    pkcs8: pair.pkcs8,
  };
}
