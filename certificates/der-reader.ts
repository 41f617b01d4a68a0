import { corrupt } from './certificate-error';

/**
 * A minimal DER walker for the glance reader: tag, length and content bounds, nothing else. asn1js (with
 * pvtsutils) is ~17 KB gzip and pkijs ~70 KB more; reading a subject, two dates and a thumbprint needs
 * neither, and this file is ~1 KB. Strict DER only: no indefinite lengths, every element inside its parent.
 */
export interface DerElement {
  tagClass: number;
  constructed: boolean;
  tagNumber: number;
  /** The whole element (header and content). */
  encoded: Uint8Array;
  content: Uint8Array;
}

export const TAG_CLASS = { universal: 0, context: 2 } as const;

/** The element at `offset` of `bytes`; its end never passes the end of `bytes`. */
export function readElement(bytes: Uint8Array, offset = 0): DerElement {
  let at = offset;
  const byte = () => {
    if (at >= bytes.length) throw corrupt('Invalid certificate: the data ends inside an element');
    return bytes[at++];
  };
  const first = byte();
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let b = byte(), n = 0; ; b = byte(), n++) {
      if (n >= 4) throw corrupt('Invalid certificate: tag number too large');
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if (!(b & 0x80)) break;
    }
  }
  let length = byte();
  if (length === 0x80) throw corrupt('Invalid certificate: indefinite length is not DER');
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count > 4) throw corrupt('Invalid certificate: length too large');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + byte();
  }
  if (length > bytes.length - at) throw corrupt('Invalid certificate: an element ends past its parent');
  return {
    tagClass: first >> 6,
    constructed: (first & 0x20) !== 0,
    tagNumber,
    encoded: bytes.subarray(offset, at + length),
    content: bytes.subarray(at, at + length),
  };
}

/** The elements inside a constructed element, in order. */
export function childrenOf(element: DerElement): DerElement[] {
  if (!element.constructed) throw corrupt('Invalid certificate: expected a constructed element');
  const out: DerElement[] = [];
  for (let offset = 0; offset < element.content.length;) {
    const child = readElement(element.content, offset);
    out.push(child);
    offset += child.encoded.length;
  }
  return out;
}

/** Checks a universal tag, naming what was expected. */
export function expectUniversal(element: DerElement | undefined, tagNumber: number, what: string): DerElement {
  if (!element || element.tagClass !== TAG_CLASS.universal || element.tagNumber !== tagNumber) throw corrupt(`Invalid certificate: ${what} expected`);
  return element;
}

/** Dotted text of an OBJECT IDENTIFIER's content octets. */
export function oidText(content: Uint8Array): string {
  if (content.length === 0 || content.length > 64) throw corrupt('Invalid certificate: bad object identifier');
  const arcs: number[] = [];
  let value = 0;
  for (const b of content) {
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}
