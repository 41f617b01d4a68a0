// Only the corners of node-forge's block ciphers that legacy-ciphers.ts uses; @types/node-forge covers the bundle entry only.
interface ForgeByteBuffer {
  getBytes(): string;
  length(): number;
}

interface ForgeDecipher {
  start(iv: string | null): void;
  update(input: ForgeByteBuffer): void;
  finish(pad?: () => boolean): boolean;
  output: ForgeByteBuffer;
}

declare module 'node-forge/lib/util.js' {
  const util: { createBuffer(input: string): ForgeByteBuffer };
  export default util;
}

declare module 'node-forge/lib/rc2.js' {
  const rc2: { createDecryptionCipher(key: string, effectiveBits: number): ForgeDecipher };
  export default rc2;
}

declare module 'node-forge/lib/des.js' {
  const des: { createDecryptionCipher(key: string, mode: 'CBC'): ForgeDecipher; createEncryptionCipher(key: string, mode: 'CBC'): ForgeDecipher };
  export default des;
}
