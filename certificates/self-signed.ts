import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha1 } from '@noble/hashes/legacy.js';
import { summarizeCertificate, type CertificateSummary } from './certificate-summary';
import { generateKeyPair, type KeyType } from './convert/key-pair';
import { writePfx, type PfxEncryption } from './convert/pfx-writer';
import { toArrayBuffer } from './encoding';
import { OID } from './oids';

export interface SelfSignedOptions {
  commonName: string;
  validityDays: number;
  /** RSA sizes; `keyType` wins when both are given. */
  keySize?: 2048 | 4096;
  keyType?: KeyType;
  /** 'aes' (the default) or '3des' for older Windows. */
  pfxEncryption?: PfxEncryption;
  password: string;
  now?: Date;
}
// Client clocks run ahead of Azure's by minutes at times; a just-made certificate must not be "not yet valid".
const CLOCK_SKEW_MS = 10 * 60 * 1000;

export async function createSelfSignedCertificate(options: SelfSignedOptions): Promise<{ cer: Uint8Array; pfx: Uint8Array; summary: CertificateSummary }> {
  const { commonName, validityDays, password } = options;
  if (!commonName.trim()) throw new RangeError('commonName must not be empty');
  if (!(validityDays >= 1 && validityDays <= 36500)) throw new RangeError('validityDays must be between 1 and 36500');
  const now = options.now ?? new Date();
  const pair = await generateKeyPair(options.keyType ?? (options.keySize === 4096 ? 'RSA-4096' : 'RSA-2048'));
  const { spki, pkcs8 } = pair;

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
  certificate.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(toArrayBuffer(spki));
  const keyId = sha1(new Uint8Array(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView));
  certificate.extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    // digitalSignature, plus keyEncipherment for RSA only: an EC key cannot encipher.
    extension(OID.keyUsage, true, new asn1js.BitString({ valueHex: new Uint8Array([pair.type.startsWith('EC') ? 0x80 : 0xa0]).buffer, unusedBits: 5 })),
    extension(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: [OID.clientAuth] }).toSchema()),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) })),
  ];
  certificate.signature = pair.signatureAlgorithm();
  certificate.signatureAlgorithm = pair.signatureAlgorithm();
  const tbs = certificate.encodeTBS().toBER();
  certificate.tbsView = new Uint8Array(tbs);
  certificate.signatureValue = new asn1js.BitString({ valueHex: await pair.sign(tbs) });
  const cer = new Uint8Array(certificate.toSchema().toBER());

  const pfx = await writePfx({ certificates: [cer], pkcs8, password, encryption: options.pfxEncryption ?? 'aes', friendlyName: commonName });
  return { cer, pfx, summary: await summarizeCertificate(cer) };
}

function timeOf(date: Date): pkijs.Time {
  return new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime, value: date });
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER() });
}
