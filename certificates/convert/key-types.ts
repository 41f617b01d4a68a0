/**
 * The key types the app offers when it makes a key (self-signed certificates, CSRs). A file of its own, without pkijs,
 * so a form can list them without loading the toolkit.
 */
export type KeyType = 'RSA-2048' | 'RSA-3072' | 'RSA-4096' | 'EC-P256' | 'EC-P384';

export const KEY_TYPES: readonly { type: KeyType; label: string }[] = [
  { type: 'RSA-2048', label: 'RSA 2048' },
  { type: 'RSA-3072', label: 'RSA 3072' },
  { type: 'RSA-4096', label: 'RSA 4096' },
  { type: 'EC-P256', label: 'EC P-256' },
  { type: 'EC-P384', label: 'EC P-384' },
];

/** How a made .pfx is encrypted: the choice offered next to the key type. */
export const PFX_ENCRYPTIONS: readonly { encryption: 'aes' | '3des'; label: string }[] = [
  { encryption: 'aes', label: 'AES-256 (modern tools, Windows 10 1709 and later)' },
  { encryption: '3des', label: '3DES (every Windows, OpenSSL 3 without -legacy)' },
];

/** How a new private key is saved: an encrypted PKCS#8 PEM, or a .pfx holding only the key. Never in clear. */
export type PrivateKeyFormat = 'pkcs8' | 'pfx-aes' | 'pfx-3des';

export const PRIVATE_KEY_FORMATS: readonly { format: PrivateKeyFormat; label: string }[] = [
  { format: 'pkcs8', label: 'Encrypted PKCS#8 PEM (.key, AES-256): OpenSSL, nginx, most tools' },
  { format: 'pfx-aes', label: '.pfx with AES-256 (Windows 10 1709 and later, OpenSSL 3)' },
  { format: 'pfx-3des', label: '.pfx with 3DES (every Windows, OpenSSL 3 without -legacy)' },
];
