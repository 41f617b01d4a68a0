import * as pkijs from 'pkijs';
import { children, octets, parseBer, withPkijs, type Block } from './asn1';
import { OID } from './oids';
import { parsePasswordCipher } from './password-based-encryption';
import { readAuthenticatedSafe, readMacData } from './pkcs12';
import { chargePkcs12Work, type Pkcs12Work } from './pkcs12-work-budget';

const MAX_NESTED_SAFE_CONTENTS = 4;

/**
 * The work opening a PKCS#12 file would need, read from its structure alone (no password, no derivation):
 * the bags it shows and one derivation per encrypted item and for its MAC. Bags inside an encrypted container
 * are not visible until it is decrypted; openPkcs12 charges those as it meets them. Throws Pkcs12BudgetExceeded
 * (naming the limit) as soon as the visible work is past PKCS12_WORK_LIMITS, and the toolkit's usual
 * CertificateError for a damaged file.
 */
export function scanPkcs12Work(bytes: Uint8Array): Pkcs12Work {
  const work: Pkcs12Work = { bags: 0, iterations: 0 };
  const top = parseBer(bytes, 'PKCS#12 file');
  const pfx = withPkijs('PKCS#12 file', () => new pkijs.PFX({ schema: top }));
  if (pfx.authSafe.contentType !== OID.pkcs7Data) return work;
  if (pfx.macData) chargePkcs12Work(work, { iterations: readMacData(pfx.macData, children(top)[2]).iterations });
  for (const item of readAuthenticatedSafe(octets(pfx.authSafe.content as Block, 'PKCS#12 content'))) {
    if (item.kind === 'encrypted') chargePkcs12Work(work, { bags: 1, iterations: item.item.cipher.iterations });
    else scanSafeContents(parseBer(item.data, 'PKCS#12 safe contents', { openEnded: false }), work, 0);
  }
  return work;
}

/**
 * Bag by bag, charging as it goes: the bag count is charged from the raw structure before any bag is decoded, and
 * each bag's iterations right after it is, so a file past the budget costs the scan only the bags up to the limit
 * (decoding every bag first cost ~30 ms of the event loop for 60 bags, and grew with the body).
 */
function scanSafeContents(block: Block, work: Pkcs12Work, depth: number): void {
  const blocks = children(block);
  chargePkcs12Work(work, { bags: blocks.length });
  for (const bagBlock of blocks) {
    const bag = withPkijs('PKCS#12 safe bag', () => new pkijs.SafeBag({ schema: bagBlock }));
    const value: unknown = bag.bagValue;
    if (value instanceof pkijs.PKCS8ShroudedKeyBag) chargePkcs12Work(work, { iterations: parsePasswordCipher(value.encryptionAlgorithm).iterations });
    else if (value instanceof pkijs.SafeContents && depth < MAX_NESTED_SAFE_CONTENTS) scanSafeContents(children(children(bagBlock)[1])[0], work, depth + 1);
  }
}
