export type LegacyCipher = 'des-ede3-cbc' | 'des-cbc' | 'rc2-cbc' | 'rc4';

function toBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

function fromBinaryString(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** PKCS#5/#7 unpadding; null when the padding is wrong, which is how a wrong key shows. */
function unpad(bytes: Uint8Array, blockSize: number): Uint8Array | null {
  const count = bytes[bytes.length - 1];
  if (bytes.length === 0 || count === 0 || count > blockSize || count > bytes.length) return null;
  for (let i = bytes.length - count; i < bytes.length; i++) if (bytes[i] !== count) return null;
  return bytes.subarray(0, bytes.length - count);
}

// RC4 is a dozen lines; not worth a dependency for the rare pbeWithSHAAnd128BitRC4 files.
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

interface ForgeCiphers {
  createBuffer(input: string): ForgeByteBuffer;
  rc2(key: string, effectiveBits: number): ForgeDecipher;
  des(key: string): ForgeDecipher;
  desEncrypt(key: string): ForgeDecipher;
}

let forgeCiphers: Promise<ForgeCiphers> | undefined;

/** Imported once: a dynamic import() per decryption costs a module-resolution round trip every time. */
function loadForgeCiphers(): Promise<ForgeCiphers> {
  forgeCiphers ??= Promise.all([import('node-forge/lib/util.js'), import('node-forge/lib/rc2.js'), import('node-forge/lib/des.js')]).then(
    ([util, rc2, des]): ForgeCiphers => ({
      createBuffer: (input) => util.default.createBuffer(input),
      rc2: (key, effectiveBits) => rc2.default.createDecryptionCipher(key, effectiveBits),
      des: (key) => des.default.createDecryptionCipher(key, 'CBC'),
      desEncrypt: (key) => des.default.createEncryptionCipher(key, 'CBC'),
    }),
  );
  // A failed load (offline chunk fetch) is retried on the next file rather than remembered.
  forgeCiphers.catch(() => (forgeCiphers = undefined));
  return forgeCiphers;
}

/**
 * Ciphers WebCrypto lacks. node-forge's DES and RC2 are loaded on first use only, so they form their own
 * lazy chunk: most files (PBES2 + AES) never need them.
 */
export async function legacyDecrypt(
  cipher: LegacyCipher,
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  effectiveBits = key.length * 8,
): Promise<Uint8Array | null> {
  if (cipher === 'rc4') return rc4(key, data);
  if (data.length === 0 || data.length % 8 !== 0 || iv.length !== 8) return null;
  const forge = await loadForgeCiphers();
  const decipher = cipher === 'rc2-cbc' ? forge.rc2(toBinaryString(key), effectiveBits) : forge.des(toBinaryString(key));
  decipher.start(toBinaryString(iv));
  decipher.update(forge.createBuffer(toBinaryString(data)));
  if (!decipher.finish(() => true)) return null;
  return unpad(fromBinaryString(decipher.output.getBytes()), 8);
}

/** Triple DES (CBC, PKCS#7 padding) for writing Windows-compatible PKCS#12 files; WebCrypto has no DES. */
export async function tripleDesEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  if (key.length !== 24 || iv.length !== 8) throw new RangeError('3DES needs a 24-byte key and an 8-byte IV');
  const forge = await loadForgeCiphers();
  const cipher = forge.desEncrypt(toBinaryString(key));
  cipher.start(toBinaryString(iv));
  cipher.update(forge.createBuffer(toBinaryString(data)));
  cipher.finish();
  return fromBinaryString(cipher.output.getBytes());
}
