import * as asn1js from 'asn1js';

/**
 * Hostile PKCS#12 files for tests and the bench: a real .pfx with its one shrouded key bag copied, so a small file
 * asks for many key derivations at the iteration cap (issue 13, finding 2).
 */

const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';

const octetsOf = (block: asn1js.BaseBlock) => (block as asn1js.OctetString).valueBlock.valueHexView;
const sequence = (block: asn1js.BaseBlock) => (block as asn1js.Sequence).valueBlock.value;

/** The same PFX without its MAC and with its one shrouded key bag copied `count` times: a small file, `count` derivations at the cap. */
export function withKeyBags(pfx: Buffer, count: number): Buffer {
  const top = asn1js.fromBER(new Uint8Array(pfx)).result;
  sequence(top).splice(2);
  const authSafeOctets = sequence(sequence(sequence(top)[1])[1])[0] as asn1js.OctetString;
  const authSafe = asn1js.fromBER(octetsOf(authSafeOctets)).result;
  for (const contentInfo of sequence(authSafe)) {
    const safeOctets = sequence(sequence(contentInfo)[1])[0] as asn1js.OctetString;
    const safeContents = asn1js.fromBER(octetsOf(safeOctets)).result;
    const bags = sequence(safeContents);
    const keyBag = bags.find((bag) => (sequence(bag)[0] as asn1js.ObjectIdentifier).valueBlock.toString() === SHROUDED_KEY_BAG);
    if (!keyBag) continue;
    const bagBytes = new Uint8Array(keyBag.toBER());
    for (let i = 1; i < count; i++) bags.push(asn1js.fromBER(bagBytes.slice()).result);
    safeOctets.valueBlock.valueHexView = new Uint8Array(safeContents.toBER());
  }
  authSafeOctets.valueBlock.valueHexView = new Uint8Array(authSafe.toBER());
  return Buffer.from(top.toBER());
}
