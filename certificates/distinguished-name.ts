import type * as pkijs from 'pkijs';
import { children, contentBytes, encodedBytes, parseBer, type Block } from './asn1';
import { CertificateError } from './certificate-error';
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

/**
 * A name from pkijs. pkijs flattens the RDNs into one list of AttributeTypeAndValue, which loses
 * multi-valued RDNs ("CN=Alice + UID=alice"); the SET sizes come from the asn1js block of the Name
 * (`nameBlock`, or the Name's own encoding when the caller has no block at hand).
 */
export function readName(name: pkijs.RelativeDistinguishedNames, what: string, nameBlock?: Block): ParsedName {
  const block = nameBlock ?? parseBer(new Uint8Array(name.valueBeforeDecode), what, { openEnded: false });
  const sizes = children(block).map((rdn) => children(rdn).length);
  const attributes = name.typesAndValues;
  if (sizes.reduce((a, b) => a + b, 0) !== attributes.length || sizes.some((n) => n === 0)) {
    throw new CertificateError('corrupt', `Invalid ${what}`);
  }
  const rdns: NameAttribute[][] = [];
  let next = 0;
  for (const size of sizes) {
    rdns.push(
      attributes.slice(next, next + size).map((a) => ({
        shortName: NAME_ATTRIBUTES[a.type] ?? `OID.${a.type}`,
        oid: a.type,
        value: decodeString(a.value as Block),
      })),
    );
    next += size;
  }
  return { rdns, der: encodedBytes(block) };
}

/**
 * The text of a directory string. Decoded from the element's content octets rather than asn1js's string
 * value because the tests (and OpenSSL) read PrintableString/IA5String bytes as UTF-8, T61 as Latin-1, and
 * tolerate bad UTF-8 instead of throwing.
 */
export function decodeString(block: Block): string {
  if (block.idBlock.tagClass !== 1 || block.idBlock.isConstructed) return `#${toHex(encodedBytes(block))}`;
  const bytes = contentBytes(block);
  switch (block.idBlock.tagNumber) {
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
      return `#${toHex(encodedBytes(block))}`;
  }
}

// Matches .NET's X500NameEncoder: quote the whole value rather than backslash-escaping characters.
function quoteLikeDotNet(value: string): string {
  const needsQuotes = value === '' || /^[\s]|[\s]$/.test(value) || /[,+="\n<>#;]/.test(value);
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
