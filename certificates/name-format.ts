// Distinguished names as text, with no ASN.1 library: shared by the full toolkit (distinguished-name.ts,
// over asn1js) and the glance reader (certificate-glance.ts, over der-reader.ts), so both word a subject alike.

/** Windows/.NET short names (CertNameToStr), which the portal shows. */
export const NAME_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'S',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.13': 'Description',
  '2.5.4.17': 'PostalCode',
  '2.5.4.18': 'POBox',
  '2.5.4.20': 'Phone',
  '2.5.4.42': 'G',
  '2.5.4.43': 'I',
  '2.5.4.46': 'dnQualifier',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

export interface NameAttribute {
  shortName: string;
  oid: string;
  value: string;
}

/**
 * The text of a directory string from its universal tag and content octets, or null for a tag that is not one.
 * OpenSSL (and the tests) read PrintableString/IA5String bytes as UTF-8 and T61 as Latin-1, and tolerate bad
 * UTF-8 instead of throwing.
 */
export function decodeDirectoryString(tagNumber: number, bytes: Uint8Array): string | null {
  switch (tagNumber) {
    case 12: // UTF8String
    case 19: // PrintableString
    case 22: // IA5String
    case 18: // NumericString
    case 26: // VisibleString
      return new TextDecoder('utf-8').decode(bytes);
    case 20: // TeletexString: OpenSSL and Windows both read T61 as Latin-1 in practice.
      return String.fromCharCode(...bytes);
    case 30: // BMPString
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
      return null;
  }
}

// Matches .NET's X500NameEncoder: quote the whole value rather than backslash-escaping characters.
function quoteLikeDotNet(value: string): string {
  const needsQuotes = value === '' || /^[\s]|[\s]$/.test(value) || /[,+="\n<>#;]/.test(value);
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The string .NET's X500DistinguishedName.Name gives: most specific RDN first. RDNs come in encoded order. */
export function formatDotNetName(name: { rdns: NameAttribute[][] }): string {
  return [...name.rdns]
    .reverse()
    .map((rdn) => rdn.map((a) => `${a.shortName}=${quoteLikeDotNet(a.value)}`).join(' + '))
    .join(', ');
}
