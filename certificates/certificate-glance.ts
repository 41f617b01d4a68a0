import { corrupt } from './certificate-error';
import { childrenOf, expectUniversal, oidText, readElement, TAG_CLASS, type DerElement } from './der-reader';
import { toHex } from './encoding';
import { decodeDirectoryString, formatDotNetName, NAME_ATTRIBUTES, type NameAttribute } from './name-format';

/** What a list of certificates needs at a glance; the full toolkit (certificate-summary.ts) gives the rest. */
export interface CertificateGlance {
  /** As .NET's X500DistinguishedName.Name and the full toolkit give it: most specific RDN first. */
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** Upper-case hex SHA-1 of the DER, as Azure shows thumbprints. */
  thumbprintSha1: string;
}

const SEQUENCE = 16;
const SET = 17;
const OID = 6;
const UTC_TIME = 23;
const GENERALIZED_TIME = 24;

/**
 * Subject, issuer, validity and thumbprint of a DER X.509 certificate, without pkijs or asn1js: the app's
 * inventory reads management certificates with it and keeps the full toolkit out of Home's first load.
 */
export async function glanceCertificate(der: Uint8Array): Promise<CertificateGlance> {
  const certificate = readElement(der);
  if (certificate.encoded.length !== der.length) throw corrupt('Unexpected bytes after the end of the ASN.1 data');
  const [tbsElement] = childrenOf(expectUniversal(certificate, SEQUENCE, 'a certificate SEQUENCE'));
  const tbs = childrenOf(expectUniversal(tbsElement, SEQUENCE, 'a TBSCertificate SEQUENCE'));
  // [0] version is optional (v1 certificates omit it); serial, signature algorithm, issuer, validity, subject follow.
  const fields = tbs[0]?.tagClass === TAG_CLASS.context && tbs[0].tagNumber === 0 ? tbs.slice(1) : tbs;
  const [, , issuer, validity, subject] = fields;
  const [notBefore, notAfter] = childrenOf(expectUniversal(validity, SEQUENCE, 'a validity SEQUENCE'));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', der as Uint8Array<ArrayBuffer>));
  return {
    subject: formatDotNetName({ rdns: readRdns(expectUniversal(subject, SEQUENCE, 'a subject name')) }),
    issuer: formatDotNetName({ rdns: readRdns(expectUniversal(issuer, SEQUENCE, 'an issuer name')) }),
    notBefore: readTime(notBefore),
    notAfter: readTime(notAfter),
    thumbprintSha1: toHex(digest).toUpperCase(),
  };
}

function readRdns(name: DerElement): NameAttribute[][] {
  return childrenOf(name).map((rdn) => {
    const attributes = childrenOf(expectUniversal(rdn, SET, 'an RDN SET'));
    if (attributes.length === 0) throw corrupt('Invalid certificate: an empty RDN');
    return attributes.map((attribute) => {
      const [type, value] = childrenOf(expectUniversal(attribute, SEQUENCE, 'an attribute SEQUENCE'));
      const oid = oidText(expectUniversal(type, OID, 'an attribute type').content);
      if (!value) throw corrupt('Invalid certificate: an attribute without a value');
      const text = value.tagClass === TAG_CLASS.universal && !value.constructed ? decodeDirectoryString(value.tagNumber, value.content) : null;
      return { shortName: NAME_ATTRIBUTES[oid] ?? `OID.${oid}`, oid, value: text ?? `#${toHex(value.encoded)}` };
    });
  });
}

// RFC 5280 4.1.2.5: UTCTime YYMMDDHHMMSSZ (YY < 50 is 20YY), GeneralizedTime YYYYMMDDHHMMSSZ.
function readTime(element: DerElement | undefined): Date {
  const utc = element?.tagNumber === UTC_TIME;
  if (!element || element.tagClass !== TAG_CLASS.universal || (!utc && element.tagNumber !== GENERALIZED_TIME))
    throw corrupt('Invalid certificate: a validity time expected');
  const text = String.fromCharCode(...element.content);
  const match = (utc ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/ : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/).exec(text);
  if (!match) throw corrupt(`Invalid certificate: unreadable time "${text.slice(0, 20)}"`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const fullYear = utc ? (year < 50 ? 2000 + year : 1900 + year) : year;
  const time = Date.UTC(fullYear, month - 1, day, hour, minute, second);
  const date = new Date(time);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    throw corrupt(`Invalid certificate: unreadable time "${text}"`);
  return date;
}
