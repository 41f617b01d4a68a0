import * as asn1js from 'asn1js';
import { CertificateError, corrupt } from './certificate-error';

/**
 * The toolkit's door to asn1js: BER is decoded by asn1js (and the structures on top by pkijs), and every
 * way they report a problem (`offset === -1` with `.error`, plain `Error`s thrown from schema checks and
 * from string/time decoding, `RangeError`s) leaves here as a CertificateError.
 *
 * Hand-written here, because asn1js does not provide it:
 * - telling a truncated file from a damaged one (asn1js only says "End of input reached"),
 * - checking that every element ends inside its parent (asn1js checks against the end of the input only),
 * - reading INTEGERs as unsigned magnitudes: asn1js gives a number only for INTEGERs of up to 3 bytes
 *   (`valueDec` reads 0 for an iteration count of 10,000,000), and serial numbers and RSA moduli want
 *   the bytes without the sign-padding zero.
 */
export type Block = asn1js.BaseBlock;

export const UNIVERSAL = 1;
export const CONTEXT = 3;

export const TAG = {
  boolean: 1,
  integer: 2,
  bitString: 3,
  octetString: 4,
  oid: 6,
  sequence: 16,
  set: 17,
} as const;

// Deeper nesting never occurs in certificate files; the cap keeps hostile input from exhausting the stack.
// parseEmbedded: false stops asn1js from speculatively decoding every OCTET/BIT STRING as BER (slow, and
// it spends the node budget); copyInput: false keeps `valueBeforeDecodeView` pointing into the caller's bytes.
const OPTIONS: asn1js.FromBerOptions = { maxDepth: 48, parseEmbedded: false, copyInput: false };

const TRUNCATED_MESSAGE = 'The data ends early: the file looks truncated';

export interface ParseOptions {
  /** Bytes after the first element are allowed (PEM "TRUSTED CERTIFICATE" trust data, padding). */
  allowTrailing?: boolean;
  /** Running out of data here means the file was cut short (true for a whole file, false inside one). */
  openEnded?: boolean;
}

/** Decodes the BER element at the start of `bytes` with asn1js. */
export function parseBer(bytes: Uint8Array, what: string, options: ParseOptions = {}): Block {
  if (bytes.length === 0) throw corrupt(`Invalid ${what}: no data`);
  let parsed: asn1js.FromBerResult;
  try {
    parsed = asn1js.fromBER(bytes, OPTIONS);
  } catch (error) {
    throw corrupt(`Invalid ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const block = parsed.result;
  if (parsed.offset === -1) {
    if ((options.openEnded ?? true) && endsEarly(block, bytes.length)) throw new CertificateError('truncated', TRUNCATED_MESSAGE);
    throw corrupt(`Invalid ${what}: ${block.error || 'malformed ASN.1 data'}`);
  }
  checkNesting(block);
  if (!options.allowTrailing && parsed.offset !== bytes.length) throw corrupt('Unexpected bytes after the end of the ASN.1 data');
  return block;
}

/** The end of `block` as encoded, for callers that allow trailing bytes. */
export function encodedLength(block: Block): number {
  return block.valueBeforeDecodeView.length;
}

/**
 * asn1js reports running past the end of the whole input, not which element did it; the file is truncated
 * when the outermost element's own header is cut off or announces more bytes than there are.
 */
function endsEarly(block: Block, available: number): boolean {
  if (!/End of input|Zero buffer length/i.test(block.error)) return false;
  if (block.idBlock.error || block.lenBlock.error) return true;
  if (block.lenBlock.isIndefiniteForm) return true;
  return block.idBlock.blockLength + block.lenBlock.blockLength + block.lenBlock.length > available;
}

/**
 * asn1js does not check that a child ends inside its parent (a child's length is only checked against the
 * end of the input), so a damaged length could silently shift the rest of the structure; DER and BER forbid
 * it. This walk restores that check: a definite-length constructed element must be exactly its children.
 */
function checkNesting(block: Block): void {
  if (!block.idBlock.isConstructed) return;
  const list = children(block);
  if (!block.lenBlock.isIndefiniteForm) {
    let sum = 0;
    for (const child of list) sum += child.blockLength;
    if (sum !== block.lenBlock.length) throw corrupt('An ASN.1 element runs past the end of the element that contains it');
  }
  for (const child of list) checkNesting(child);
}

export function children(block: Block): Block[] {
  const value = (block.valueBlock as unknown as { value?: unknown }).value;
  return block.idBlock.isConstructed && Array.isArray(value) ? (value as Block[]) : [];
}

export function is(block: Block | undefined, tagClass: number, tagNumber: number): block is Block {
  return !!block && block.idBlock.tagClass === tagClass && block.idBlock.tagNumber === tagNumber;
}

export function isUniversal(block: Block | undefined, tag: number): block is Block {
  return is(block, UNIVERSAL, tag);
}

export function isContext(block: Block | undefined, tag: number): block is Block {
  return is(block, CONTEXT, tag);
}

export function isConstructedOf(block: Block | undefined, tag: number): block is Block {
  return isUniversal(block, tag) && block.idBlock.isConstructed;
}

/** The content octets of a primitive element. */
export function contentBytes(block: Block): Uint8Array {
  return (block.valueBlock as unknown as { valueHexView?: Uint8Array }).valueHexView ?? new Uint8Array(0);
}

/** The element exactly as it was encoded. */
export function encodedBytes(block: Block): Uint8Array {
  return block.valueBeforeDecodeView;
}

export function oidOf(block: Block | undefined): string | null {
  return block instanceof asn1js.ObjectIdentifier ? block.valueBlock.toString() : null;
}

/** OCTET STRING value; BER producers (Java, some Windows versions) split it into constructed chunks. */
export function octets(block: Block | undefined, what: string): Uint8Array {
  if (!(block instanceof asn1js.OctetString)) throw corrupt(`Invalid ${what}`);
  return block.idBlock.isConstructed ? new Uint8Array(block.getValue()) : contentBytes(block);
}

/** Non-negative INTEGER as a JS number (MAX_SAFE_INTEGER when it does not fit). */
export function smallInteger(block: Block | undefined, what: string): number {
  if (!(block instanceof asn1js.Integer)) throw corrupt(`Invalid ${what}`);
  const c = contentBytes(block);
  if (c.length === 0 || (c[0] & 0x80) !== 0) throw corrupt(`Invalid ${what}`);
  let start = 0;
  while (start < c.length - 1 && c[start] === 0) start++;
  if (c.length - start > 6) return Number.MAX_SAFE_INTEGER;
  let value = 0;
  for (let i = start; i < c.length; i++) value = value * 256 + c[i];
  return value;
}

/** INTEGER magnitude without the sign-padding zero bytes. */
export function unsignedBytes(block: Block | undefined, what: string): Uint8Array {
  if (!(block instanceof asn1js.Integer)) throw corrupt(`Invalid ${what}`);
  const c = contentBytes(block);
  let start = 0;
  while (start < c.length - 1 && c[start] === 0) start++;
  return c.subarray(start);
}

/** Runs a pkijs constructor or method, turning whatever it throws into a CertificateError. */
export function withPkijs<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CertificateError) throw error;
    throw corrupt(`Invalid ${what}`);
  }
}
