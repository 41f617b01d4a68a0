import type * as pkijs from 'pkijs';
import { children, contentBytes, encodedBytes, parseBer, type Block } from './asn1';
import { CertificateError } from './certificate-error';
import { toHex } from './encoding';
import { decodeDirectoryString, formatDotNetName, NAME_ATTRIBUTES, type NameAttribute } from './name-format';

export { formatDotNetName, type NameAttribute };

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

/** The text of a directory string (see decodeDirectoryString); anything else as `#` and its DER in hex, as OpenSSL prints it. */
export function decodeString(block: Block): string {
  const text = block.idBlock.tagClass !== 1 || block.idBlock.isConstructed ? null : decodeDirectoryString(block.idBlock.tagNumber, contentBytes(block));
  return text ?? `#${toHex(encodedBytes(block))}`;
}

export function nameParts(name: ParsedName): NameAttribute[] {
  return [...name.rdns].reverse().flat();
}
