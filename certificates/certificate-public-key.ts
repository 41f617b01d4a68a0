import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { children, oidOf, unsignedBytes, type Block } from './asn1';
import { corrupt } from './certificate-error';
import type { CertificatePublicKey } from './certificate-summary';
import { CURVES, OID } from './oids';

function bitLength(magnitude: Uint8Array): number {
  let start = 0;
  while (start < magnitude.length && magnitude[start] === 0) start++;
  if (start === magnitude.length) return 0;
  return (magnitude.length - start - 1) * 8 + (32 - Math.clz32(magnitude[start]));
}

export function describePublicKey(info: pkijs.PublicKeyInfo): CertificatePublicKey {
  const keyOid = info.algorithm.algorithmId;
  const params = info.algorithm.algorithmParams as Block | undefined;
  switch (keyOid) {
    case OID.rsaEncryption:
    case OID.rsassaPss: {
      const key = info.parsedKey;
      if (!(key instanceof pkijs.RSAPublicKey)) throw corrupt('Invalid RSA public key');
      return { algorithm: keyOid === OID.rsaEncryption ? 'RSA' : 'RSA-PSS', sizeBits: bitLength(unsignedBytes(key.modulus, 'RSA modulus')), curve: null };
    }
    case OID.ecPublicKey: {
      const curveOid = oidOf(params);
      const curve = curveOid ? CURVES[curveOid] : undefined;
      return { algorithm: 'EC', sizeBits: curve?.bits ?? null, curve: curve?.name ?? curveOid ?? 'explicit parameters' };
    }
    // Key lengths as encoded (32 and 57 bytes), not OpenSSL's "security bits".
    case OID.ed25519:
      return { algorithm: 'Ed25519', sizeBits: 256, curve: null };
    case OID.ed448:
      return { algorithm: 'Ed448', sizeBits: 456, curve: null };
    case OID.dsa: {
      const p = params instanceof asn1js.Sequence ? children(params)[0] : undefined;
      return { algorithm: 'DSA', sizeBits: p ? bitLength(unsignedBytes(p, 'DSA parameters')) : null, curve: null };
    }
    default:
      return { algorithm: keyOid, sizeBits: null, curve: null };
  }
}
