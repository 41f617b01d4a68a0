import { CertificateError } from './certificate-error';
import { children, content, encoded, expectUniversal, oid, TAG, type Tlv } from './der';
import { toHex } from './encoding';
import { NAME_ATTRIBUTES } from './oids';

export interface NameAttribute {
  shortName: string;
  oid: string;
  value: string;
}

export interface ParsedName {
  /** RDNs in encoded order (least specific first); each RDN holds one or more attributes. */
  rdns: NameAttribute[][];
  der: Uint8Array;
}

export function parseName(tlv: Tlv | undefined, what: string): ParsedName {
  const name = expectUniversal(tlv, TAG.sequence, what);
  const rdns = children(name).map((rdn) =>
    children(expectUniversal(rdn, TAG.set, what)).map((atv) => {
      const [type, value] = children(expectUniversal(atv, TAG.sequence, what));
      const attributeOid = oid(type, what);
      if (!value) throw new CertificateError('corrupt', `Invalid ${what}`);
      return { shortName: NAME_ATTRIBUTES[attributeOid] ?? `OID.${attributeOid}`, oid: attributeOid, value: decodeString(value) };
    }),
  );
  return { rdns, der: encoded(name) };
}

export function decodeString(tlv: Tlv): string {
  const bytes = content(tlv);
  if (tlv.tagClass !== 0 || tlv.constructed) return `#${toHex(encoded(tlv))}`;
  switch (tlv.tagNumber) {
    case TAG.utf8String:
    case TAG.printableString:
    case TAG.ia5String:
    case 18: // NumericString
    case 26: // VisibleString
      return new TextDecoder('utf-8').decode(bytes);
    case TAG.teletexString: // OpenSSL and Windows both read T61 as Latin-1 in practice.
      return String.fromCharCode(...bytes);
    case TAG.bmpString:
      return new TextDecoder('utf-16be').decode(bytes);
    case 28: {
      // UniversalString (UTF-32BE)
      let out = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) {
        const cp = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
      }
      return out;
    }
    default:
      return `#${toHex(encoded(tlv))}`;
  }
}

// Matches .NET's X500NameEncoder: quote the whole value rather than backslash-escaping characters.
function quoteLikeDotNet(value: string): string {
  const needsQuotes =
    value === '' || /^[\s]|[\s]$/.test(value) || /[,+="\n<>#;]/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The string .NET's X500DistinguishedName.Name gives: most specific RDN first. */
export function formatDotNetName(name: ParsedName): string {
  return [...name.rdns]
    .reverse()
    .map((rdn) => rdn.map((a) => `${a.shortName}=${quoteLikeDotNet(a.value)}`).join(' + '))
    .join(', ');
}

export function nameParts(name: ParsedName): NameAttribute[] {
  return [...name.rdns].reverse().flat();
}
