import { CertificateError } from './certificate-error';
import { concatBytes, toHex } from './encoding';

/** One BER/DER element, as offsets into the buffer it was read from. */
export interface Tlv {
  readonly bytes: Uint8Array;
  readonly tagClass: number; // 0 universal, 1 application, 2 context, 3 private
  readonly constructed: boolean;
  readonly tagNumber: number;
  readonly start: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly end: number;
}

export const TAG = {
  boolean: 1,
  integer: 2,
  bitString: 3,
  octetString: 4,
  null: 5,
  oid: 6,
  utf8String: 12,
  sequence: 16,
  set: 17,
  printableString: 19,
  teletexString: 20,
  ia5String: 22,
  utcTime: 23,
  generalizedTime: 24,
  bmpString: 30,
} as const;

// Deeper nesting never occurs in certificate files; the cap keeps hostile input from exhausting the stack.
const MAX_DEPTH = 48;

function corrupt(message: string): CertificateError {
  return new CertificateError('corrupt', message);
}

/** Reads the element at `offset`; `limit` is where its parent ends. */
export function readTlv(
  bytes: Uint8Array,
  offset: number,
  limit = bytes.length,
  depth = 0,
  // True while nothing but the end of the input bounds this element, so running out means truncation.
  openEnded = limit === bytes.length,
): Tlv {
  const fail = () => (openEnded ? new CertificateError('truncated', 'The data ends early: the file looks truncated') : corrupt('An ASN.1 element runs past the end of the element that contains it'));
  if (depth > MAX_DEPTH) throw corrupt('ASN.1 data is nested too deeply');
  let p = offset;
  if (p >= limit) throw corrupt('ASN.1 element expected but the data ended');
  const first = bytes[p++];
  const tagClass = first >> 6;
  const constructed = (first & 0x20) !== 0;
  let tagNumber = first & 0x1f;
  if (tagNumber === 0x1f) {
    tagNumber = 0;
    for (let i = 0; ; i++) {
      if (p >= limit) throw fail();
      if (i > 3) throw corrupt('ASN.1 tag number too large');
      const b = bytes[p++];
      tagNumber = tagNumber * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= limit) throw fail();
  const lengthByte = bytes[p++];
  if (lengthByte === 0x80) {
    if (!constructed) throw corrupt('Indefinite length on a primitive ASN.1 element');
    const contentStart = p;
    let q = p;
    for (;;) {
      if (q + 2 <= limit && bytes[q] === 0 && bytes[q + 1] === 0) {
        return { bytes, tagClass, constructed, tagNumber, start: offset, contentStart, contentEnd: q, end: q + 2 };
      }
      if (q >= limit) throw fail();
      q = readTlv(bytes, q, limit, depth + 1, openEnded).end;
    }
  }
  let length = lengthByte;
  if (lengthByte > 0x80) {
    const count = lengthByte & 0x7f;
    if (count > 4) throw corrupt('ASN.1 length too large');
    length = 0;
    for (let i = 0; i < count; i++) {
      if (p >= limit) throw fail();
      length = length * 256 + bytes[p++];
    }
  }
  const contentEnd = p + length;
  if (contentEnd > limit) throw fail();
  return { bytes, tagClass, constructed, tagNumber, start: offset, contentStart: p, contentEnd, end: contentEnd };
}

export function readSingle(bytes: Uint8Array): Tlv {
  const tlv = readTlv(bytes, 0);
  if (tlv.end !== bytes.length) throw corrupt('Unexpected bytes after the end of the ASN.1 data');
  return tlv;
}

export function children(tlv: Tlv, depth = 0): Tlv[] {
  if (!tlv.constructed) throw corrupt('A constructed ASN.1 element was expected');
  const out: Tlv[] = [];
  let p = tlv.contentStart;
  while (p < tlv.contentEnd) {
    const child = readTlv(tlv.bytes, p, tlv.contentEnd, depth + 1, false);
    out.push(child);
    p = child.end;
  }
  return out;
}

export function content(tlv: Tlv): Uint8Array {
  return tlv.bytes.subarray(tlv.contentStart, tlv.contentEnd);
}

export function encoded(tlv: Tlv): Uint8Array {
  return tlv.bytes.subarray(tlv.start, tlv.end);
}

export function isUniversal(tlv: Tlv, tag: number): boolean {
  return tlv.tagClass === 0 && tlv.tagNumber === tag;
}

export function isContext(tlv: Tlv, tag: number): boolean {
  return tlv.tagClass === 2 && tlv.tagNumber === tag;
}

export function expectUniversal(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv || !isUniversal(tlv, tag)) throw corrupt(`Invalid ${what}`);
  if (tag === TAG.sequence || tag === TAG.set) {
    if (!tlv.constructed) throw corrupt(`Invalid ${what}`);
  }
  return tlv;
}

export function sequence(tlv: Tlv | undefined, what: string): Tlv[] {
  return children(expectUniversal(tlv, TAG.sequence, what));
}

export function oid(tlv: Tlv | undefined, what: string): string {
  const t = expectUniversal(tlv, TAG.oid, what);
  const c = content(t);
  if (c.length === 0 || c.length > 64) throw corrupt(`Invalid object identifier in ${what}`);
  const parts: number[] = [];
  let value = 0;
  for (let i = 0; i < c.length; i++) {
    value = value * 128 + (c[i] & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 256) throw corrupt(`Invalid object identifier in ${what}`);
    if ((c[i] & 0x80) === 0) {
      if (parts.length === 0) {
        const firstArc = value < 40 ? 0 : value < 80 ? 1 : 2;
        parts.push(firstArc, value - firstArc * 40);
      } else {
        parts.push(value);
      }
      value = 0;
    } else if (i === c.length - 1) {
      throw corrupt(`Invalid object identifier in ${what}`);
    }
  }
  return parts.join('.');
}

/** Non-negative INTEGER small enough for a JS number. */
export function smallInteger(tlv: Tlv | undefined, what: string): number {
  const c = content(expectUniversal(tlv, TAG.integer, what));
  if (c.length === 0 || (c[0] & 0x80) !== 0) throw corrupt(`Invalid ${what}`);
  let start = 0;
  while (start < c.length - 1 && c[start] === 0) start++;
  if (c.length - start > 6) return Number.MAX_SAFE_INTEGER;
  let value = 0;
  for (let i = start; i < c.length; i++) value = value * 256 + c[i];
  return value;
}

/** INTEGER magnitude without the sign-padding zero bytes. */
export function unsignedIntegerBytes(tlv: Tlv | undefined, what: string): Uint8Array {
  const c = content(expectUniversal(tlv, TAG.integer, what));
  let start = 0;
  while (start < c.length - 1 && c[start] === 0) start++;
  return c.subarray(start);
}

/** OCTET STRING value; BER producers (Java, some Windows versions) split it into constructed chunks. */
export function octetString(tlv: Tlv | undefined, what: string, depth = 0): Uint8Array {
  if (!tlv || tlv.tagClass === 1 || tlv.tagClass === 3) throw corrupt(`Invalid ${what}`);
  if (!tlv.constructed) return content(tlv);
  if (depth > 8) throw corrupt(`Invalid ${what}`);
  return concatBytes(children(tlv).map((c) => octetString(expectUniversal(c, TAG.octetString, what), what, depth + 1)));
}

export function bitStringBytes(tlv: Tlv | undefined, what: string): Uint8Array {
  const c = content(expectUniversal(tlv, TAG.bitString, what));
  if (c.length === 0 || c[0] > 7) throw corrupt(`Invalid ${what}`);
  return c.subarray(1);
}

export function describeTlvStart(bytes: Uint8Array): string {
  return toHex(bytes.subarray(0, 4));
}

// ---- encoding (used when writing certificates and PKCS#12 files) ----

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const out: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n & 0xff);
  return Uint8Array.of(0x80 | out.length, ...out);
}

export function derElement(identifier: number, ...parts: Uint8Array[]): Uint8Array {
  const body = concatBytes(parts);
  return concatBytes([Uint8Array.of(identifier), encodeLength(body.length), body]);
}

export const der = {
  sequence: (...parts: Uint8Array[]) => derElement(0x30, ...parts),
  set: (...parts: Uint8Array[]) => derElement(0x31, ...parts),
  octetString: (value: Uint8Array) => derElement(0x04, value),
  null: () => Uint8Array.of(0x05, 0x00),
  explicit: (tag: number, ...parts: Uint8Array[]) => derElement(0xa0 | tag, ...parts),
  integer(value: number): Uint8Array {
    const out: number[] = [];
    let n = value;
    do {
      out.unshift(n & 0xff);
      n = Math.floor(n / 256);
    } while (n > 0);
    if (out[0] & 0x80) out.unshift(0);
    return derElement(0x02, Uint8Array.from(out));
  },
  oid(text: string): Uint8Array {
    const arcs = text.split('.').map(Number);
    const out: number[] = [];
    const values = [arcs[0] * 40 + arcs[1], ...arcs.slice(2)];
    for (const v of values) {
      const chunk: number[] = [v & 0x7f];
      for (let n = Math.floor(v / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift(0x80 | (n & 0x7f));
      out.push(...chunk);
    }
    return derElement(0x06, Uint8Array.from(out));
  },
  bmpString(text: string): Uint8Array {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      out[i * 2] = text.charCodeAt(i) >> 8;
      out[i * 2 + 1] = text.charCodeAt(i) & 0xff;
    }
    return derElement(0x1e, out);
  },
};
